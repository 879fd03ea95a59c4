import Foundation

/// The venue's typed error, generated per API (a catalog struct with static members per code).
public protocol VenueError: Error, Sendable {
    /// Creates the error from an error body (or an envelope whose code is not the success code).
    init(code: String, message: String, httpStatus: Int, body: Data)
}

/// A request was refused before sending: it broke the spec's parameter rules (every broken rule is listed in
/// `violations`, in spec order), the receive-window limit, or needs credentials the client lacks.
public struct RequestValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One broken rule.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// The rule's kind: a spec requirement (`require`, `requireOneOf`, `requireAnyOf`, `forbid`, `exclusive`,
        /// `requireValue`), a parameter constraint (`range`, `allowed`), or a runtime check (`enumValue` for a
        /// mis-cased enum value, `recvWindow`, `credentials`, `path`, `url`).
        public let kind: String
        /// The parameters the rule names.
        public let params: [String]
        /// The rule as a person reads it ("type=LIMIT: requires timeInForce, quantity, price").
        public let rule: String
        /// The error code the docs say the venue answers with (`-1102`), when the spec gives one.
        public let code: String?
        /// What is wrong ("missing 'timeInForce', 'price'").
        public let message: String

        /// Creates a violation.
        public init(kind: String, params: [String] = [], rule: String, code: String? = nil, message: String) {
            self.kind = kind
            self.params = params
            self.rule = rule
            self.code = code
            self.message = message
        }

        /// `message (rule …)`, with the venue's error code when known.
        public var description: String {
            "\(message) (rule \(rule)\(code.map { "; venue error \($0)" } ?? ""))"
        }
    }

    /// The endpoint id.
    public let endpoint: String
    /// Every broken rule, in spec order (never empty when thrown by the runtime).
    public let violations: [Violation]

    /// The first broken rule as a person reads it (`credentials`, `recvWindow`, or the spec's rule text).
    public var rule: String { violations.first?.rule ?? "" }
    /// What the first broken rule finds wrong.
    public var message: String { violations.first?.message ?? "" }

    /// Creates an error with one violation whose kind is `rule`.
    public init(endpoint: String, rule: String, message: String) {
        self.init(endpoint: endpoint, violations: [Violation(kind: rule, rule: rule, message: message)])
    }

    /// Creates an error listing `violations`.
    public init(endpoint: String, violations: [Violation]) {
        self.endpoint = endpoint
        self.violations = violations
    }

    /// `endpoint: message (rule …)`, then every further violation after "; ".
    public var description: String {
        "\(endpoint): " + violations.map(\.description).joined(separator: "; ")
    }
}

/// The venue answered 429 (rate limited) or 418 (IP banned).
public struct RateLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint id.
    public let endpoint: String
    /// The HTTP status.
    public let status: Int
    /// How long to wait, from `Retry-After` (absent for the unfilled-order-count 429).
    public let retryAfter: Duration?
    /// Whether the IP is banned (418) rather than only limited.
    public let isBan: Bool
    /// The response body (the venue's error body, if any).
    public let body: Data

    /// Creates a rate-limit error.
    public init(endpoint: String, status: Int, retryAfter: Duration?, isBan: Bool, body: Data) {
        self.endpoint = endpoint
        self.status = status
        self.retryAfter = retryAfter
        self.isBan = isBan
        self.body = body
    }

    /// A sentence naming the status and the wait.
    public var description: String {
        let what = isBan ? "IP banned" : "rate limited"
        let wait = retryAfter.map { ", retry after \($0.components.seconds) s" } ?? ""
        return "\(endpoint): \(what) (HTTP \(status))\(wait)\(bodySnippet(body))"
    }
}

/// The outcome of a request is unknown: a 5XX answer, or a timeout, lost connection or cancellation
/// while a non-idempotent request was in flight. Never retried.
public struct ExecutionUnknownError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint id.
    public let endpoint: String
    /// The HTTP status, if a response arrived.
    public let status: Int?
    /// What happened.
    public let reason: String
    /// Whether the request could have created an order (any non-idempotent request).
    public let orderMayExist: Bool
    /// The response body, if any.
    public let body: Data

    /// Creates an execution-unknown error.
    public init(endpoint: String, status: Int?, reason: String, orderMayExist: Bool, body: Data = Data()) {
        self.endpoint = endpoint
        self.status = status
        self.reason = reason
        self.orderMayExist = orderMayExist
        self.body = body
    }

    /// A sentence that says the order may exist, when it may.
    public var description: String {
        let statusText = status.map { " (HTTP \($0))" } ?? ""
        let advice =
            orderMayExist
            ? "; the execution status is unknown and the order may exist: query it before sending again"
            : "; the execution status is unknown"
        return "\(endpoint): \(reason)\(statusText)\(advice)"
    }
}

/// A non-2XX answer without an error body the runtime could read (a 403 from the firewall, a bare 401, …).
public struct HTTPStatusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint id.
    public let endpoint: String
    /// The HTTP status.
    public let status: Int
    /// What the API's `httpStatus` table says the status means.
    public let meaning: StatusMeaning?
    /// The response body.
    public let body: Data

    /// Creates a status error.
    public init(endpoint: String, status: Int, meaning: StatusMeaning?, body: Data) {
        self.endpoint = endpoint
        self.status = status
        self.meaning = meaning
        self.body = body
    }

    /// `endpoint: HTTP 403 (firewall)`.
    public var description: String {
        let meaningText = meaning.map { " (\($0.rawValue))" } ?? ""
        return "\(endpoint): HTTP \(status)\(meaningText)\(bodySnippet(body))"
    }
}

/// The request could not be exchanged (never sent, or failed in a way that leaves no doubt for a GET).
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint id.
    public let endpoint: String
    /// What went wrong (credentials and signatures masked).
    public let message: String

    /// Creates a transport error.
    public init(endpoint: String, message: String) {
        self.endpoint = endpoint
        self.message = message
    }

    /// `endpoint: transport failure: message`.
    public var description: String { "\(endpoint): transport failure: \(message)" }
}

/// A successful response did not match the expected type.
public struct ResponseDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint id.
    public let endpoint: String
    /// JSON path of the offending value in the response body (`fills[2].price`; `data.…` inside an envelope).
    public let path: String
    /// What did not match.
    public let message: String

    /// Creates a decoding error.
    public init(endpoint: String, path: String, message: String) {
        self.endpoint = endpoint
        self.path = path
        self.message = message
    }

    /// `endpoint: cannot decode response at path: message`.
    public var description: String {
        "\(endpoint): cannot decode response at \(path.isEmpty ? "<root>" : path): \(message)"
    }
}

/// `: <first 200 characters of the body>` or "".
func bodySnippet(_ body: Data) -> String {
    guard !body.isEmpty else { return "" }
    let text = String(decoding: body.prefix(200), as: UTF8.self)
    return ": \(text)\(body.count > 200 ? "…" : "")"
}
