/// A failure the mock injects into an endpoint's answers: a status (429 with `Retry-After`, 418, 5XX), a slow
/// answer, or a broken body. Limited to the requests whose parameters match `when`, and to `times` answers.
public struct MockFault: Sendable, Hashable {
    /// How the success body is broken.
    public enum Body: String, Sendable, Hashable {
        /// The first half of the body only (the client sees cut-off JSON).
        case truncated
        /// Text that is not JSON at all.
        case malformed
    }

    /// Answer with this status instead of checking the request (429, 418, 500, 503, …).
    public var status: Int?
    /// `Retry-After` seconds sent with the status.
    public var retryAfter: Int?
    /// Wait this long before answering (capped by `MockOptions.maxDelay`).
    public var delay: Duration?
    /// Break the success body this way.
    public var body: Body?
    /// Apply to this many matching requests, then stop; nil for every one.
    public var times: Int?
    /// Apply only when every named parameter was sent with this value (e.g. `["newClientOrderId": "boom"]`).
    public var when: [String: String]

    /// Creates a fault; everything defaults to "no effect".
    public init(
        status: Int? = nil, retryAfter: Int? = nil, delay: Duration? = nil, body: Body? = nil, times: Int? = nil,
        when: [String: String] = [:]
    ) {
        self.status = status
        self.retryAfter = retryAfter
        self.delay = delay
        self.body = body
        self.times = times
        self.when = when
    }

    /// HTTP 429 with `Retry-After`.
    public static func rateLimited(retryAfter: Int = 60, when: [String: String] = [:]) -> MockFault {
        MockFault(status: 429, retryAfter: retryAfter, when: when)
    }

    /// HTTP 418 (IP banned) with `Retry-After`.
    public static func banned(retryAfter: Int = 120, when: [String: String] = [:]) -> MockFault {
        MockFault(status: 418, retryAfter: retryAfter, when: when)
    }

    /// A server error (5XX).
    public static func serverError(_ status: Int = 500, when: [String: String] = [:]) -> MockFault {
        MockFault(status: status, when: when)
    }

    /// A slow answer.
    public static func slow(_ delay: Duration, when: [String: String] = [:]) -> MockFault {
        MockFault(delay: delay, when: when)
    }

    /// A success answer whose body is cut in half.
    public static func truncatedBody(when: [String: String] = [:]) -> MockFault {
        MockFault(body: .truncated, when: when)
    }

    /// A success answer whose body is not JSON.
    public static func malformedBody(when: [String: String] = [:]) -> MockFault {
        MockFault(body: .malformed, when: when)
    }
}
