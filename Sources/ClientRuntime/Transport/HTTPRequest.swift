import Foundation

/// HTTP methods the venues use.
public enum HTTPMethod: String, Sendable, Hashable {
    /// GET: parameters in the query; the only idempotent method here.
    case get = "GET"
    /// POST.
    case post = "POST"
    /// PUT.
    case put = "PUT"
    /// DELETE.
    case delete = "DELETE"
}

/// A fully built HTTP request: the exact bytes a transport sends.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible {
    /// The method.
    public var method: HTTPMethod
    /// The full URL, query included, already percent-encoded.
    public var url: URL
    /// Header fields, in order.
    public var headers: HTTPHeaders
    /// The body, if any.
    public var body: Data?
    /// How long the whole exchange may take.
    public var timeout: Duration
    /// What `description` masks.
    public var redactions: Redactions

    /// Creates a request.
    public init(
        method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
        timeout: Duration = .seconds(10), redactions: Redactions = .init()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.redactions = redactions
    }

    /// The body as UTF-8 text (empty when there is none).
    public var bodyText: String {
        body.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The query string as sent (without `?`), or "".
    public var queryString: String {
        let text = url.absoluteString
        guard let mark = text.firstIndex(of: "?") else { return "" }
        return String(text[text.index(after: mark)...])
    }

    /// Method, URL, headers and body with credentials and signatures masked.
    public var description: String {
        let text = url.absoluteString
        var line = text
        if let mark = text.firstIndex(of: "?") {
            line = String(text[...mark]) + redactions.scrubParameters(String(text[text.index(after: mark)...]))
        }
        var lines = ["\(method.rawValue) \(redactions.scrub(line))"]
        for field in headers.fields {
            let masked = redactions.headerNames.contains(field.name.lowercased())
            lines.append("\(field.name): \(masked ? Redaction.mask : redactions.scrub(field.value))")
        }
        if body != nil {
            lines.append("")
            let isForm = headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
            lines.append(isForm ? redactions.scrubParameters(bodyText) : redactions.scrub(bodyText))
        }
        return lines.joined(separator: "\n")
    }
}

/// An HTTP response as a transport received it.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields; lookup is case-insensitive.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response with a UTF-8 text body.
    public init(status: Int, headers: HTTPHeaders = [:], text: String) {
        self.init(status: status, headers: headers, body: Data(text.utf8))
    }
}

/// Sends one HTTP request. Implementations honour `request.timeout` and task cancellation, and report
/// failures as `HTTPTransportFailure` so the client can tell a timeout from a refused connection.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
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
}
