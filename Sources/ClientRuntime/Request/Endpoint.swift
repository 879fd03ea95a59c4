import Foundation
import HTTPTypes

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

    /// The method as the request head states it.
    var head: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .delete: .delete
        }
    }
}

/// Where an endpoint's non-path, non-header parameters go.
public enum BodyEncoding: Sendable, Hashable {
    /// Everything in the query string.
    case query
    /// `.body` parameters in an `application/x-www-form-urlencoded` body (the query for GET).
    case form
    /// `.body` parameters as a JSON object, wrapped as `{"wrapper": {…}}` when a wrapper is given (the query for GET).
    case json(wrapper: String?)
}

/// What an endpoint's security level demands (the spec's `security` entry).
public struct SecurityRequirement: Sendable, Hashable {
    /// Send the API key.
    public var apiKey: Bool
    /// Sign the request (implies the timestamp and receive window).
    public var signed: Bool
    /// Send a timestamp even without a signature (DFX MARKET).
    public var timestamp: Bool
    /// Send a bearer token.
    public var bearer: Bool

    /// Creates a requirement.
    public init(apiKey: Bool = false, signed: Bool = false, timestamp: Bool = false, bearer: Bool = false) {
        self.apiKey = apiKey
        self.signed = signed
        self.timestamp = timestamp
        self.bearer = bearer
    }

    /// Open to everyone.
    public static let none = SecurityRequirement()
}

/// The static description of one endpoint. Its parts live in one shared box, so passing an endpoint along the
/// request path copies one reference rather than each of its strings.
public struct Endpoint: Sendable, Hashable {
    private final class Parts: Sendable {
        let id: String
        let method: HTTPMethod
        let path: String
        let security: SecurityRequirement
        let encoding: BodyEncoding
        let contentType: String?
        let hasPlaceholders: Bool

        init(_ id: String, _ method: HTTPMethod, _ path: String, _ security: SecurityRequirement, _ encoding: BodyEncoding, _ contentType: String?) {
            self.id = id
            self.method = method
            self.path = path
            hasPlaceholders = path.utf8.contains(UInt8(ascii: "{"))
            self.security = security
            self.encoding = encoding
            self.contentType = contentType
        }
    }

    private let parts: Parts

    /// The spec's endpoint id (`newOrder`), used in errors and logs.
    public var id: String { parts.id }
    /// The HTTP method.
    public var method: HTTPMethod { parts.method }
    /// The path, with `{name}` placeholders for path parameters.
    public var path: String { parts.path }
    /// The security level.
    public var security: SecurityRequirement { parts.security }
    /// Where body parameters go.
    public var encoding: BodyEncoding { parts.encoding }
    /// A content type overriding the encoding's default.
    public var contentType: String? { parts.contentType }
    /// Whether `path` has a `{placeholder}` (checked once, not per request).
    var hasPlaceholders: Bool { parts.hasPlaceholders }

    /// Creates an endpoint description.
    public init(
        id: String, method: HTTPMethod, path: String, security: SecurityRequirement, encoding: BodyEncoding,
        contentType: String? = nil
    ) {
        parts = Parts(id, method, path, security, encoding, contentType)
    }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool {
        lhs.parts === rhs.parts
            || (lhs.id == rhs.id && lhs.method == rhs.method && lhs.path == rhs.path && lhs.security == rhs.security
                && lhs.encoding == rhs.encoding && lhs.contentType == rhs.contentType)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(method)
        hasher.combine(path)
        hasher.combine(security)
        hasher.combine(encoding)
        hasher.combine(contentType)
    }

    /// Whether the request may be retried safely: GET only.
    public var isIdempotent: Bool { method == .get }
}

/// One request of an API; generated per endpoint.
public protocol APIRequest: Sendable {
    /// The decoded response.
    associatedtype Response: Sendable
    /// The endpoint this request calls.
    static var endpoint: Endpoint { get }
    /// The parameters in spec order; excludes signature and timestamp, includes recvWindow only if the caller set it.
    var parameters: Parameters { get }
    /// The request weight for this request's `parameters` (the caller has computed them already).
    func weight(for parameters: Parameters) -> Int
    /// Checks this request's `parameters` against the spec's rules; throws `RequestValidationError`.
    func validate(_ parameters: Parameters) throws
    /// Decodes the response payload (the envelope's data field, when the API has an envelope). Takes the request's
    /// `parameters`, because the shape can depend on them (`newOrderRespType` ACK / RESULT / FULL).
    func decodeResponse(from data: Data, parameters: Parameters, decoder: JSONResponseDecoder) throws -> Response
    /// What the spec says the response payload looks like, for drift reports; nil for no check. Takes the
    /// request's `parameters`, because the shape can depend on them (generated in each module's `Schemas.swift`).
    func responseSchema(for parameters: Parameters) -> ResponseSchema?
}

extension APIRequest where Response: Decodable {
    /// Decodes `Response` with `decoder`.
    public func decodeResponse(from data: Data, parameters: Parameters, decoder: JSONResponseDecoder) throws -> Response {
        try decoder.decode(Response.self, from: data)
    }
}

extension APIRequest {
    /// Weight 1.
    public func weight(for parameters: Parameters) -> Int { 1 }
    /// No rules.
    public func validate(_ parameters: Parameters) throws {}
    /// The request weight.
    public var weight: Int { weight(for: parameters) }
    /// Checks the spec's parameter rules; throws `RequestValidationError`.
    public func validate() throws { try validate(parameters) }
    /// No drift check.
    public func responseSchema(for parameters: Parameters) -> ResponseSchema? { nil }
}
