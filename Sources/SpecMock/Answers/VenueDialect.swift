import Foundation
import SpecModel

/// How a venue words its refusals: the single place where a `Rejection` becomes an HTTP status, an error code and
/// a message. Chosen from the spec's `errorFormat` and `envelope`.
///
/// - Binance family (`errorFormat` with an INT code): `{"code": -1102, "msg": "…"}` with the documented codes,
///   taken from the spec's catalog by name (Binance JEX publishes no catalog and uses Binance's numbers).
/// - Status codes (`errorFormat` with a STRING code, DFX): `{"code": "412", "msg": "…"}`, the code being the HTTP
///   status, as DFX's error page documents.
/// - Status only (`errorFormat: none`, B2TRADER): an empty body with the documented status.
struct VenueDialect: Sendable {
    enum Style: Sendable {
        case numericCodes
        case statusCodes
        case statusOnly
    }

    let style: Style
    let codeField: String
    let messageField: String
    /// Catalog codes by documented name (`MANDATORY_PARAM_EMPTY_OR_MALFORMED` → `-1102`).
    let codesByName: [String: String]
    /// Catalog messages by code, the first one quoted in the spec's description.
    let messagesByCode: [String: String]

    init(spec: Spec) {
        if case let .codeMessage(code, type, message)? = spec.errorFormat {
            style = type == .string ? .statusCodes : .numericCodes
            codeField = code
            messageField = message
        } else if let envelope = spec.envelope {
            style = .statusCodes
            codeField = envelope.code
            messageField = envelope.message
        } else {
            style = .statusOnly
            codeField = "code"
            messageField = "msg"
        }
        codesByName = Dictionary(spec.errors.map { ($0.name.value, $0.code.value) }, uniquingKeysWith: { a, _ in a })
        messagesByCode = Dictionary(
            spec.errors.compactMap { error in error.description.flatMap(Self.firstQuoted).map { (error.code.value, $0) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// The answer to a refused request.
    func answer(_ rejection: Rejection) -> OutgoingResponse {
        switch style {
        case .statusOnly:
            return .empty(statusOnly(rejection))
        case .statusCodes:
            let (status, message) = statusCoded(rejection)
            return body(status: status, code: String(status), message: message)
        case .numericCodes:
            return numeric(rejection)
        }
    }

    /// A refusal the stateful mode words itself (`-1013` with a filter's message): the venue's error body, with the
    /// code as the venue sends it (for status-code venues, the status).
    func answer(status: Int, code: String, message: String) -> OutgoingResponse {
        switch style {
        case .statusOnly: .empty(status)
        case .statusCodes: body(status: status, code: String(status), message: message)
        case .numericCodes: body(status: status, code: code, message: message)
        }
    }

    /// The answer to an injected failure; the caller adds `Retry-After`.
    func answer(_ failure: InjectedFailure) -> OutgoingResponse {
        let status: Int
        switch failure {
        case .rateLimited: status = 429
        case .banned: status = 418
        case let .status(code): status = code
        }
        switch style {
        case .statusOnly:
            return .empty(status)
        case .statusCodes:
            return body(status: status, code: String(status), message: status >= 500 ? "Server internal exception" : "Too many requests")
        case .numericCodes:
            switch failure {
            case .rateLimited:
                return body(
                    coded(
                        status, "TOO_MANY_REQUESTS", -1003,
                        "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."
                    ))
            case .banned:
                return body(
                    coded(
                        status, "TOO_MANY_REQUESTS", -1003,
                        "Way too much request weight used; IP banned until 1700000000000. Please use WebSocket Streams for live updates to avoid bans."))
            case .status:
                return body(coded(status, "DISCONNECTED", -1001, "Internal error; unable to process your request. Please try again."))
            }
        }
    }

    // MARK: - Binance family

    private func numeric(_ rejection: Rejection) -> OutgoingResponse {
        switch rejection {
        case .unknownRoute: return .empty(404)
        case .bodyTooLarge: return .empty(413)
        default:
            let (status, code, message) = numericParts(rejection)
            return body(status: status, code: code, message: message)
        }
    }

    /// Status, code and message of a refusal in the Binance family.
    private func numericParts(_ rejection: Rejection) -> (Int, String, String) {
        switch rejection {
        case .unknownRoute:
            return (404, "", "")
        case .bodyTooLarge:
            return (413, "", "")
        case .malformedBody:
            return coded(400, "INVALID_JSON", -1135, "Invalid JSON Request")
        case .missingAPIKey:
            return coded(401, "BAD_API_KEY_FMT", -2014, "API-key format invalid.")
        case .unknownAPIKey, .missingBearerToken, .invalidBearerToken:
            return coded(401, "REJECTED_MBX_KEY", -2015, "Invalid API-key, IP, or permissions for action.")
        case let .missingSignature(name), let .missingTimestamp(name), let .missingParameter(name):
            return mandatory("Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
        case .invalidSignature:
            return coded(400, "INVALID_SIGNATURE", -1022, "Signature for this request is not valid.")
        case let .staleTimestamp(ahead):
            return coded(
                400, "INVALID_TIMESTAMP", -1021,
                ahead
                    ? "Timestamp for this request was 1000ms ahead of the server's time."
                    : "Timestamp for this request is outside of the recvWindow.")
        case let .recvWindowTooLarge(name, max), let .aboveMaximum(name, max):
            return mandatory("'\(name)' contains unexpected value. Cannot be greater than \(max).")
        case let .missingOneOf(names):
            return mandatory("Param '\(names.joined(separator: "' or '"))' must be sent, but both were empty/null!")
        case let .emptyParameter(name):
            return coded(400, "PARAM_EMPTY", -1105, "Parameter '\(name)' was empty.")
        case .unknownParameter:
            return coded(400, "UNKNOWN_PARAM", -1103, "An unknown parameter was sent.")
        case .duplicateParameter:
            return coded(400, "TOO_MANY_PARAMETERS", -1101, "Duplicate values for a parameter detected.")
        case let .tooManyItems(_, max, sent):
            return coded(400, "TOO_MANY_PARAMETERS", -1101, "Too many parameters; expected '\(max)' and received '\(sent)'.")
        case let .malformedValue(name, expected):
            return coded(400, "ILLEGAL_CHARS", -1100, "Illegal characters found in parameter '\(name)'; legal range is '\(expected)'.")
        case let .invalidEnumValue(name):
            if let (errorName, code, message) = Self.enumErrors[name] { return coded(400, errorName, code, message) }
            return invalidParameter(name)
        case let .notAllowed(name):
            return invalidParameter(name)
        case let .belowMinimum(name, _):
            if name == "strategyType" { return coded(400, "BAD_STRATEGY_TYPE", -1134, "`strategyType` was less than 1000000.") }
            return invalidParameter(name)
        case let .sentWhenNotRequired(name):
            return coded(400, "PARAM_NOT_REQUIRED", -1106, "Parameter '\(name)' sent when not required.")
        case .badCombination:
            return coded(400, "OPTIONAL_PARAMS_BAD_COMBO", -1128, "Combination of optional parameters invalid.")
        case let .documented(code, reason):
            // The rule names its code; keep the specific message when the reason already maps to that code.
            let natural = numericParts(reason)
            if natural.1 == code { return natural }
            let message = messagesByCode[code].map { $0.replacingOccurrences(of: "%s", with: reason.parameter ?? "") }
            return (400, code, message ?? "Request rejected (\(code)).")
        }
    }

    /// Enum parameters whose bad values have their own documented code.
    private static let enumErrors: [String: (String, Int, String)] = [
        "side": ("INVALID_SIDE", -1117, "Invalid side."),
        "type": ("INVALID_ORDER_TYPE", -1116, "Invalid orderType."),
        "timeInForce": ("INVALID_TIF", -1115, "Invalid timeInForce."),
        "interval": ("BAD_INTERVAL", -1120, "Invalid interval."),
        "symbolStatus": ("INVALID_SYMBOLSTATUS", -1122, "Invalid symbolStatus."),
        "cancelRestrictions": ("INVALID_CANCEL_RESTRICTIONS", -1145, "Invalid cancelRestrictions"),
    ]

    private func mandatory(_ message: String) -> (Int, String, String) {
        coded(400, "MANDATORY_PARAM_EMPTY_OR_MALFORMED", -1102, message)
    }

    private func invalidParameter(_ name: String) -> (Int, String, String) {
        coded(400, "INVALID_PARAMETER", -1130, "Data sent for parameter '\(name)' is not valid.")
    }

    /// The catalog's code for `name`, else Binance's number (Binance JEX publishes no catalog).
    private func coded(_ status: Int, _ name: String, _ fallback: Int, _ message: String) -> (Int, String, String) {
        (status, codesByName[name] ?? String(fallback), message)
    }

    // MARK: - Status codes (DFX)

    private func statusCoded(_ rejection: Rejection) -> (Int, String) {
        switch rejection {
        case .unknownRoute: return (404, "Not found")
        case .bodyTooLarge: return (413, "Request body too large")
        case let .malformedBody(reason): return (400, "Malformed request body: \(reason)")
        case let .missingAPIKey(header): return (412, "The request header is missing `\(header)` parameters")
        case .unknownAPIKey, .missingBearerToken, .invalidBearerToken:
            return (401, messagesByCode["401"] ?? "public-key has not been uploaded or has expired")
        case let .missingSignature(name), let .missingTimestamp(name):
            return (412, "The request header is missing `\(name)` parameters")
        case .invalidSignature: return (401, "Signature verification failed")
        case .staleTimestamp: return (401, "The request timestamp is more than 5 seconds away from the server's time")
        case let .missingParameter(name), let .emptyParameter(name):
            return (412, "Missing required parameter `\(name)`")
        case let .missingOneOf(names): return (412, "One of `\(names.joined(separator: "`, `"))` must be sent")
        case let .documented(code, reason):
            return (Int(code) ?? statusCoded(reason).0, messagesByCode[code] ?? statusCoded(reason).1)
        default:
            return (400, "Invalid parameter `\(rejection.parameter ?? "")`")
        }
    }

    // MARK: - Status only (B2TRADER)

    private func statusOnly(_ rejection: Rejection) -> Int {
        switch rejection {
        case .unknownRoute: 404
        case .bodyTooLarge: 413
        case .missingAPIKey, .unknownAPIKey, .missingBearerToken, .invalidBearerToken, .missingSignature, .invalidSignature,
            .missingTimestamp, .staleTimestamp:
            401
        case let .documented(code, reason): Int(code) ?? statusOnly(reason)
        default: 400
        }
    }

    // MARK: - Bodies

    private func body(_ parts: (Int, String, String)) -> OutgoingResponse {
        body(status: parts.0, code: parts.1, message: parts.2)
    }

    /// `{"<code>": <code>, "<msg>": "<message>"}`, the code as a JSON number or string as the venue sends it.
    private func body(status: Int, code: String, message: String) -> OutgoingResponse {
        let codeJSON = style == .numericCodes && Int(code) != nil ? code : JSONDocument.quote(code)
        return .json(status, "{\(JSONDocument.quote(codeField)):\(codeJSON),\(JSONDocument.quote(messageField)):\(JSONDocument.quote(message))}")
    }

    /// The first `"…"` in a catalog description (`Message: "Invalid symbol."`).
    static func firstQuoted(_ text: String) -> String? {
        guard let start = text.firstIndex(of: "\"") else { return nil }
        let rest = text[text.index(after: start)...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let quoted = String(rest[..<end])
        return quoted.isEmpty ? nil : quoted
    }
}
