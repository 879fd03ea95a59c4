/// A loaded spec: the typed form of one `specs/*.yaml` file. Every node remembers where it came from.
public struct Spec: Sendable {
    public var file: String
    public var formatVersion: Int
    public var api: Located<String>
    public var title: String
    public var module: Located<String>
    public var description: String?
    public var docs: [DocReference] = []
    public var servers: [Server] = []
    public var auth: Auth?
    public var security: [SecurityLevel] = []
    public var requestEncoding: BodyEncoding?
    public var envelope: Envelope?
    public var errorFormat: ErrorFormat?
    public var httpStatus: [HTTPStatusRule] = []
    public var rateLimits: RateLimits?
    public var enums: [EnumDef] = []
    public var models: [Model] = []
    public var errors: [ErrorCode] = []
    public var messageCatalogs: [MessageCatalog] = []
    public var endpoints: [Endpoint] = []
    public var errata: [Erratum] = []
    public var webSocketAPI: WebSocketAPI?
    public var streams: Streams?

    public init(file: String, formatVersion: Int, api: Located<String>, title: String, module: Located<String>) {
        self.file = file
        self.formatVersion = formatVersion
        self.api = api
        self.title = title
        self.module = module
    }

    public func enumDef(named name: String) -> EnumDef? { enums.first { $0.name.value == name } }
    public func model(named name: String) -> Model? { models.first { $0.name.value == name } }
    public func endpoint(id: String) -> Endpoint? { endpoints.first { $0.id.value == id } }
    public func securityLevel(named name: String) -> SecurityLevel? { security.first { $0.name.value == name } }
}

/// A document the spec was transcribed from.
public struct DocReference: Sendable, Hashable {
    public var file: String
    public var title: String?
    public var date: String?
    public var url: String?
}

public struct Server: Sendable, Hashable {
    public var url: Located<String>
    public var description: String?
    public var variables: [ServerVariable]
}

public struct ServerVariable: Sendable, Hashable {
    public var name: Located<String>
    public var description: String?
    public var defaultValue: String?
}

public enum SigningScheme: String, Sendable, Hashable, CaseIterable {
    case hmacSHA256, rsaPKCS1SHA256, ed25519, dfxEd25519
}

/// What a signature covers; each value is one runtime authenticator.
public enum SigningPayload: String, Sendable, Hashable, CaseIterable {
    /// The query string then the body; the signature is a parameter (Binance, JEX).
    case queryThenBody
    /// `body=…&method=…&param=…&path=…&timestamp=…`; the signature is a header (DFX).
    case sortedRequestParts
    /// Timestamp + method + path (with `?query`) + body; the signature is a header, with a passphrase header (OKX).
    case timestampMethodPathBody
}

public struct Auth: Sendable, Hashable {
    public var apiKeyHeader: String?
    public var signing: Signing?
    public var timestampParam: String?
    public var timestampHeader: String?
    /// How the timestamp is written (`auth.timestamp.format`, default milliseconds).
    public var timestampFormat: TimestampFormat = .milliseconds
    public var recvWindow: RecvWindow?
    public var timeUnit: TimeUnit?
    public var bearer: Bearer?
    /// Where a client resyncs its clock after the venue refuses a timestamp (`auth.timestamp.sync`).
    public var timeSync: TimeSync?
    public var location: SourceLocation

    public struct Signing: Sendable, Hashable {
        public var schemes: [SigningScheme]
        public var signatureParam: String?
        public var signatureHeader: String?
        public var payload: SigningPayload?
        /// How an HMAC signature is written (`encoding`; default hex). Key-pair signatures are base64 regardless.
        public var encoding: Encoding?
        /// The header carrying the account passphrase (`passphraseHeader`; OKX `OK-ACCESS-PASSPHRASE`).
        public var passphraseHeader: String?
        public var location: SourceLocation

        public enum Encoding: String, Sendable, Hashable, CaseIterable {
            case hex, base64
        }
    }

    /// How a timestamp is written: milliseconds since 1970, or ISO-8601 UTC with milliseconds.
    public enum TimestampFormat: String, Sendable, Hashable, CaseIterable {
        case milliseconds, iso8601
    }

    public struct RecvWindow: Sendable, Hashable {
        public var param: String
        public var defaultValue: Int?
        public var max: Int?
        /// Decimal places the window may have (Binance: 3, so microseconds can be given); nil: whole numbers only.
        public var fractionDigits: Int?
    }

    /// A request header choosing the unit of the response's time fields (`X-MBX-TIME-UNIT`), with the header value
    /// for each unit. Milliseconds are the venue's default when the header is absent.
    public struct TimeUnit: Sendable, Hashable {
        public var header: String
        public var millisecond: String
        public var microsecond: String
    }

    /// The server-time endpoint and its field in milliseconds, and the error codes that refuse a request's timestamp.
    public struct TimeSync: Sendable, Hashable {
        public var endpoint: Located<String>
        public var field: String
        public var rejectionCodes: [Located<String>]
    }

    public struct Bearer: Sendable, Hashable {
        public var header: String
        public var refreshable: Bool
    }
}

public struct SecurityLevel: Sendable, Hashable {
    public var name: Located<String>
    public var apiKey = false
    public var signed = false
    public var timestamp = false
    public var bearer = false
    public var description: String?
}

public enum BodyEncoding: String, Sendable, Hashable, CaseIterable {
    case query, form, json
}

public struct Envelope: Sendable, Hashable {
    public var code: String
    public var message: String
    public var data: String
    public var success: String
    public var extraFields: [Field]
    public var location: SourceLocation
}

public enum ErrorFormat: Sendable, Hashable {
    case none
    case codeMessage(codeField: String, codeType: TypeRef, messageField: String)
}

public enum StatusMeaning: String, Sendable, Hashable, CaseIterable {
    case clientError, unauthorized, forbidden, firewall, notFound, partialSuccess, missingParameter, rateLimited,
        ipBanned, executionUnknown
}

public struct HTTPStatusRule: Sendable, Hashable {
    /// A code ("429") or a class ("4XX").
    public var status: Located<String>
    public var meaning: StatusMeaning
    public var description: String?
}

public struct RateLimits: Sendable, Hashable {
    public struct Limiter: Sendable, Hashable {
        public var type: String
        public var interval: String
        public var intervalNum: Int
        public var limit: Int
    }

    public var limiters: [Limiter]
    public var usedWeightHeader: String?
    public var orderCountHeader: String?
    public var retryAfterHeader: String?
    public var description: String?
}

public struct ErrorCode: Sendable, Hashable {
    /// The code as written (`-1121`, `"0"`).
    public var code: Located<String>
    public var isNumeric: Bool
    public var name: Located<String>
    public var description: String?
}

public struct MessageCatalog: Sendable, Hashable {
    public struct Message: Sendable, Hashable {
        public var message: Located<String>
        public var description: String?
    }

    public var name: Located<String>
    public var description: String?
    public var codes: [Located<String>]
    public var messages: [Message]
}

public struct Erratum: Sendable, Hashable {
    public var at: Located<String>
    public var docsSay: String
    public var specSays: String
    public var why: String
    public var doc: String?
}
