import Foundation
import HTTPTypes

/// A fully built request: the head as swift-http-types states it (method, scheme, authority, path with the query,
/// header fields), the body bytes, the deadline, and what a description masks. These are the exact bytes a
/// transport sends.
public struct WireRequest: Sendable, Hashable, CustomStringConvertible {
    /// Method, scheme, authority, path (query included, already percent-encoded) and header fields, in order.
    public var head: HTTPRequest
    /// The body's bytes as they were encoded and signed, if any.
    public var bodyBytes: [UInt8]?
    /// How long the whole exchange may take.
    public var timeout: Duration
    /// What `description` masks.
    public var redactions: Redactions

    /// Creates a request.
    public init(_ head: HTTPRequest, body: Data? = nil, timeout: Duration = .seconds(10), redactions: Redactions = .init()) {
        self.init(head, bodyBytes: body.map { Array($0) }, timeout: timeout, redactions: redactions)
    }

    /// Creates a request whose body is `bodyBytes`, kept as they are.
    public init(_ head: HTTPRequest, bodyBytes: [UInt8]?, timeout: Duration = .seconds(10), redactions: Redactions = .init()) {
        self.head = head
        self.bodyBytes = bodyBytes
        self.timeout = timeout
        self.redactions = redactions
    }

    /// The body, if any, as `Data` (made from `bodyBytes` when read: a transport that takes bytes reads those).
    public var body: Data? {
        get { bodyBytes.map { Data($0) } }
        set { bodyBytes = newValue.map { Array($0) } }
    }

    /// The method.
    public var method: HTTPRequest.Method { head.method }

    /// The full URL, query included; nil only for a head without scheme, authority or path.
    public var url: URL? { head.url }

    /// The first value of the header field `name` (case-insensitive).
    public func header(_ name: String) -> String? { head.headerFields.first(named: name) }

    /// The body as UTF-8 text (empty when there is none).
    public var bodyText: String {
        bodyBytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The path and query as sent, e.g. `/api/v3/order?symbol=BTCUSDT`.
    public var pathAndQuery: String { head.path ?? "" }

    /// The path as sent, without the query.
    public var path: String {
        let target = pathAndQuery
        return target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query string as sent (without `?`), or "".
    public var queryString: String {
        let target = pathAndQuery
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// Whether the body is a URL-encoded form, whose sensitive parameters are masked like the query's.
    var hasFormBody: Bool {
        header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }

    /// Method, URL, headers and body with credentials and signatures masked.
    public var description: String {
        var lines = ["\(method.rawValue) \(redactions.redactedURL(url?.absoluteString ?? pathAndQuery))"]
        lines += redactions.redactedHeaders(head.headerFields.map { ($0.name.rawName, $0.value) })
        if bodyBytes != nil {
            lines.append("")
            lines.append(redactions.redactedBody(bodyText, isForm: hasFormBody))
        }
        return lines.joined(separator: "\n")
    }
}

/// A response as a transport received it: the head as swift-http-types states it, and the body bytes.
public struct WireResponse: Sendable, Hashable {
    /// Status and header fields.
    public var head: HTTPResponse
    /// The body bytes.
    public var body: Data

    /// Creates a response from its head and body.
    public init(_ head: HTTPResponse, body: Data = Data()) {
        self.head = head
        self.body = body
    }

    /// Creates a response with `status` (0…999), header fields from name/value pairs (a name that is not an HTTP
    /// token is skipped) and a UTF-8 text body: for tests and test transports.
    public init(status: Int, headers: KeyValuePairs<String, String> = [:], text: String = "") {
        let head = HTTPResponse(status: .init(code: status), headerFields: HTTPFields(pairs: headers))
        self.init(head, body: Data(text.utf8))
    }

    /// The status code.
    public var status: Int { head.status.code }

    /// The first value of the header field `name` (case-insensitive).
    public func header(_ name: String) -> String? { head.headerFields.first(named: name) }
}

/// Sends one request. Implementations honour `request.timeout` and task cancellation, and report failures as
/// `HTTPTransportFailure` so the client can tell a timeout from a refused connection. Heads are swift-http-types'
/// `HTTPRequest` and `HTTPResponse`, so a transport on any HTTP stack that speaks them is a few lines.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: WireRequest) async throws -> WireResponse

    /// Whether `send` itself always ends by `request.timeout` (a deadline, not an idle timeout). The client then
    /// calls it directly; otherwise it races the transport against a timer of its own, which costs two child tasks
    /// and a sleeping timer per request.
    var enforcesTimeout: Bool { get }
}

extension HTTPTransport {
    /// False: the client adds its own timer.
    public var enforcesTimeout: Bool { false }
}

/// A transport-level failure, classified by whether the request may have reached the server.
public struct HTTPTransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// No response within the timeout; the request may have been processed.
        case timedOut
        /// The connection dropped after the request may have been sent.
        case connectionLost
        /// The request was never sent (DNS, refused connection, TLS set-up).
        case notSent
        /// The task was cancelled.
        case cancelled
        /// Anything else.
        case other
    }

    /// The classification.
    public var kind: Kind
    /// A human-readable message (no URLs or headers).
    public var message: String

    /// Creates a failure.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `kind: message`.
    public var description: String { "\(kind): \(message)" }

    /// Classifies a `URLError` by whether the request may have reached the server. The message names the
    /// failure only (never the URL, which may carry a signature).
    public init(_ error: URLError) {
        let message = "URLError \(error.code.rawValue)"
        switch error.code {
        case .timedOut:
            self.init(.timedOut, "\(message): timed out")
        case .networkConnectionLost:
            self.init(.connectionLost, "\(message): connection lost")
        case .cancelled:
            self.init(.cancelled, "\(message): cancelled")
        case .cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .notConnectedToInternet, .badURL,
            .unsupportedURL, .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            self.init(.notSent, "\(message): could not connect")
        default:
            self.init(.other, message)
        }
    }
}

extension HTTPFields {
    /// The first value of the field `name` (case-insensitive); nil also for a name that is not an HTTP token.
    func first(named name: String) -> String? {
        HTTPField.Name(name).flatMap { self[$0] }
    }

    /// Fields from name/value pairs, in order; a name that is not an HTTP token is skipped.
    init(pairs: KeyValuePairs<String, String>) {
        self.init()
        for (name, value) in pairs {
            if let name = HTTPField.Name(name) { append(HTTPField(name: name, value: value)) }
        }
    }
}
