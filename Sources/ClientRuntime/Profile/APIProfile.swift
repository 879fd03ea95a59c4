/// Everything the runtime needs to know about one API; generated from the spec.
public struct APIProfile: Sendable {
    /// The API's title or id, for logs.
    public var name: String
    /// How requests are authenticated.
    public var auth: AuthProfile
    /// The wire format of error bodies.
    public var errorFormat: ErrorFormat
    /// The success wrapper around every response body, if any.
    public var envelope: Envelope?
    /// What HTTP statuses mean.
    public var statusRules: [StatusRule]
    /// Rate-limit response headers, if the API sends them.
    public var rateLimitHeaders: RateLimitHeaders?

    /// Creates a profile.
    public init(
        name: String, auth: AuthProfile, errorFormat: ErrorFormat, envelope: Envelope? = nil,
        statusRules: [StatusRule], rateLimitHeaders: RateLimitHeaders? = nil
    ) {
        self.name = name
        self.auth = auth
        self.errorFormat = errorFormat
        self.envelope = envelope
        self.statusRules = statusRules
        self.rateLimitHeaders = rateLimitHeaders
    }

    /// The meaning of `status`: the most specific matching rule, else a built-in default
    /// (401 unauthorized, 403 forbidden, 404 not found, 429 rate limited, 418 IP banned, 5XX execution unknown).
    public func meaning(of status: Int) -> StatusMeaning? {
        var best: (meaning: StatusMeaning, fixed: Int)?
        for rule in statusRules {
            if let fixed = rule.specificity(for: status), fixed > best?.fixed ?? -1 { best = (rule.meaning, fixed) }
        }
        if let best { return best.meaning }
        switch status {
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 418: return .ipBanned
        case 429: return .rateLimited
        case 500...599: return .executionUnknown
        default: return nil
        }
    }
}

/// How requests are authenticated (the spec's `auth`).
public struct AuthProfile: Sendable {
    /// Header carrying the API key (`X-MBX-APIKEY`, `EXCHANGE-API-KEY`).
    public var apiKeyHeader: String?
    /// The signing scheme for `signed` endpoints (the spec's `auth.signing`).
    public var signing: (any SigningAuthenticator)?
    /// The bearer scheme for `bearer` endpoints (the spec's `auth.bearer`).
    public var bearer: BearerAuthenticator?
    /// Parameter carrying the timestamp (`timestamp`).
    public var timestampParam: String?
    /// Header carrying the timestamp (`EXCHANGE-API-TIMESTAMP`).
    public var timestampHeader: String?
    /// How the timestamp is written.
    public var timestampFormat: TimestampFormat
    /// Parameter carrying the receive window (`recvWindow`).
    public var recvWindowParam: String?
    /// Receive window sent when the caller sets none.
    public var recvWindowDefault: ExactDecimal?
    /// Largest receive window the venue accepts; larger ones are refused before sending.
    public var recvWindowMax: ExactDecimal?
    /// Decimal places a receive window may have (Binance: 3, microseconds); nil: whole numbers only.
    public var recvWindowFractionDigits: Int?
    /// The header choosing the unit of response time fields, when the venue has one (`X-MBX-TIME-UNIT`).
    public var timeUnit: TimeUnitHeader?
    /// Where the client resyncs its clock after a refused timestamp; nil when the spec names no such endpoint.
    public var serverTime: ServerTimeSync?

    /// Creates an auth profile.
    public init(
        apiKeyHeader: String? = nil, signing: (any SigningAuthenticator)? = nil, bearer: BearerAuthenticator? = nil,
        timestampParam: String? = nil, timestampHeader: String? = nil, timestampFormat: TimestampFormat = .milliseconds,
        recvWindowParam: String? = nil, recvWindowDefault: ExactDecimal? = nil, recvWindowMax: ExactDecimal? = nil,
        recvWindowFractionDigits: Int? = nil, timeUnit: TimeUnitHeader? = nil, serverTime: ServerTimeSync? = nil
    ) {
        self.apiKeyHeader = apiKeyHeader
        self.signing = signing
        self.bearer = bearer
        self.timestampParam = timestampParam
        self.timestampHeader = timestampHeader
        self.timestampFormat = timestampFormat
        self.recvWindowParam = recvWindowParam
        self.recvWindowDefault = recvWindowDefault
        self.recvWindowMax = recvWindowMax
        self.recvWindowFractionDigits = recvWindowFractionDigits
        self.timeUnit = timeUnit
        self.serverTime = serverTime
    }
}

/// The wire format of an error body.
public enum ErrorFormat: Sendable {
    /// The venue publishes no error body; errors are statuses only.
    case none
    /// `{"code": -1121, "msg": "Invalid symbol."}`: the code (number or string) and message fields.
    case codeMessage(codeField: String, messageField: String)
}

/// A success wrapper around every response body: `{"code": "0", "msg": "success", "data": …}`.
public struct Envelope: Sendable {
    /// Field holding the status code.
    public var codeField: String
    /// Field holding the message.
    public var messageField: String
    /// Field holding the payload.
    public var dataField: String
    /// The code meaning success, as text (`"0"`); a numeric code matches by its literal text.
    public var successCode: String

    /// Creates an envelope description.
    public init(codeField: String, messageField: String, dataField: String, successCode: String) {
        self.codeField = codeField
        self.messageField = messageField
        self.dataField = dataField
        self.successCode = successCode
    }
}

/// What an HTTP status means (the spec's `httpStatus` meanings).
public enum StatusMeaning: String, Sendable, Hashable {
    /// Malformed request; the sender is at fault.
    case clientError
    /// Missing or bad credentials.
    case unauthorized
    /// No permission.
    case forbidden
    /// A web application firewall rule was hit.
    case firewall
    /// No such resource.
    case notFound
    /// Part of the operation succeeded (Binance cancel-replace 409).
    case partialSuccess
    /// A required parameter is missing (DFX 412).
    case missingParameter
    /// A rate limit was exceeded (429).
    case rateLimited
    /// The IP is banned (418).
    case ipBanned
    /// The server failed; the operation may or may not have happened (5XX).
    case executionUnknown
}

/// One `httpStatus` entry: a status (`"429"`) or class pattern (`"4XX"`) and its meaning.
public struct StatusRule: Sendable, Hashable {
    /// The pattern: three characters, digits or `X`.
    public var pattern: String
    /// The meaning.
    public var meaning: StatusMeaning

    /// Creates a rule; the most specific matching rule wins.
    public init(_ pattern: String, _ meaning: StatusMeaning) {
        self.pattern = pattern
        self.meaning = meaning
    }

    /// Number of fixed digits if `status` matches, else nil.
    func specificity(for status: Int) -> Int? {
        guard (100...999).contains(status), pattern.utf8.count == 3 else { return nil }
        var fixed = 0
        var divisor = 100
        for symbol in pattern.utf8 {
            let digit = status / divisor % 10
            divisor /= 10
            if symbol == UInt8(ascii: "X") || symbol == UInt8(ascii: "x") { continue }
            guard symbol == UInt8(ascii: "0") + UInt8(digit) else { return nil }
            fixed += 1
        }
        return fixed
    }
}

/// Names of rate-limit response headers (the spec's `rateLimits.headers`).
public struct RateLimitHeaders: Sendable, Hashable {
    /// Prefix of used-weight headers, e.g. `X-MBX-USED-WEIGHT-`; the suffix is the interval (`1M`).
    public var usedWeightPrefix: String?
    /// Prefix of order-count headers, e.g. `X-MBX-ORDER-COUNT-`.
    public var orderCountPrefix: String?
    /// Header giving the seconds to wait after 429/418.
    public var retryAfter: String?

    /// Creates header names.
    public init(usedWeightPrefix: String? = nil, orderCountPrefix: String? = nil, retryAfter: String? = nil) {
        self.usedWeightPrefix = usedWeightPrefix
        self.orderCountPrefix = orderCountPrefix
        self.retryAfter = retryAfter
    }
}
