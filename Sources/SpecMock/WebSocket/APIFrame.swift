import SpecModel

import enum ClientRuntime.WebSocketSignature

/// A WebSocket API request frame: `{"id": …, "method": "order.place", "params": {…}}`.
struct APIRequest: Sendable {
    var id: JSONDocument
    /// The method without a `v3/` version prefix.
    var method: String
    /// Parameters as their signature text: strings as they are, numbers and booleans as written, arrays as JSON.
    var params: [(name: String, text: String)]

    func text(_ name: String) -> String? { params.first { $0.name == name }?.text }

    /// Why a frame is not a request, and its id when one could be read (else null).
    struct Refusal: Error {
        var rejection: Rejection
        var id: JSONDocument
    }

    /// Reads a frame; a refusal for anything that is not a well-formed request.
    static func parse(_ frame: String, maxDepth: Int = 16) -> Result<APIRequest, Refusal> {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(frame, maxDepth: maxDepth)
        } catch {
            return .failure(Refusal(rejection: .malformedBody("\(error)"), id: .null))
        }
        guard case let .object(members) = document else { return .failure(Refusal(rejection: .malformedBody("not a JSON object"), id: .null)) }
        var id = JSONDocument.null
        switch document["id"] {
        case let value? where value.isIdentifier: id = value
        case nil: return .failure(Refusal(rejection: .missingParameter("id"), id: .null))
        default: return .failure(Refusal(rejection: .malformedValue("id", expected: "a string or an integer"), id: .null))
        }
        var seen: Set<String> = []
        if let repeated = members.first(where: { !seen.insert($0.key).inserted }) { return .failure(Refusal(rejection: .duplicateParameter(repeated.key), id: id)) }
        guard case let .string(method)? = document["method"], !method.isEmpty else { return .failure(Refusal(rejection: .missingParameter("method"), id: id)) }
        var params: [(name: String, text: String)] = []
        var names: Set<String> = []
        switch document["params"] {
        case nil, .null?: break
        case let .object(items)?:
            for item in items {
                guard names.insert(item.key).inserted else { return .failure(Refusal(rejection: .duplicateParameter(item.key), id: id)) }
                guard let text = item.value.parameterText else {
                    return .failure(Refusal(rejection: .malformedValue(item.key, expected: "a string, number, boolean or array"), id: id))
                }
                params.append((item.key, text))
            }
        default:
            return .failure(Refusal(rejection: .malformedValue("params", expected: "a JSON object"), id: id))
        }
        let name = method.hasPrefix("v3/") ? String(method.dropFirst(3)) : method
        return .success(APIRequest(id: id, method: name, params: params))
    }

    /// The signature payload of the contract, as the client's `WebSocketSignature` writes it.
    func signaturePayload(excluding signature: String) -> String {
        String(decoding: WebSocketSignature.payload(params, signatureParam: signature), as: UTF8.self)
    }
}

extension JSONDocument {
    /// A request id the server echoes: a string, an integer or null.
    fileprivate var isIdentifier: Bool {
        switch self {
        case .null, .string: true
        case let .number(text): !text.contains(where: { ".eE".contains($0) })
        default: false
        }
    }

    /// A parameter's text; nil for an object (no method takes one). `null` reads as an empty value.
    fileprivate var parameterText: String? {
        switch self {
        case .null: ""
        case let .string(text): text
        case let .number(text): text
        case let .bool(value): value ? "true" : "false"
        case .array: jsonText
        case .object: nil
        }
    }
}

/// The answer and event frames of the WebSocket API.
enum APIFrame {
    static func success(id: JSONDocument, result: JSONDocument, rateLimits: [RateLimitCounter.Report]?) -> String {
        frame(id: id, status: 200, ("result", result), rateLimits)
    }

    /// A refusal: the venue's error body (`{"code": -1102, "msg": "…"}`) under `error`.
    static func failure(id: JSONDocument, status: Int, error: JSONDocument, rateLimits: [RateLimitCounter.Report]?) -> String {
        frame(id: id, status: status, ("error", error), rateLimits)
    }

    /// `{"subscriptionId": N, "event": {…}}`; without a subscription for connection events (`serverShutdown`).
    static func event(_ event: JSONDocument, subscription: Int?) -> String {
        var members: [(key: String, value: JSONDocument)] = []
        if let subscription { members.append(("subscriptionId", .number(String(subscription)))) }
        members.append(("event", event))
        return JSONDocument.object(members).jsonText
    }

    private static func frame(
        id: JSONDocument, status: Int, _ body: (key: String, value: JSONDocument), _ rateLimits: [RateLimitCounter.Report]?
    ) -> String {
        var members: [(key: String, value: JSONDocument)] = [("id", id), ("status", .number(String(status))), body]
        if let rateLimits { members.append(("rateLimits", .array(rateLimits.map(report)))) }
        return JSONDocument.object(members).jsonText
    }

    private static func report(_ report: RateLimitCounter.Report) -> JSONDocument {
        .object([
            ("rateLimitType", .string(report.rateLimitType)), ("interval", .string(report.interval)),
            ("intervalNum", .number(String(report.intervalNum))), ("limit", .number(String(report.limit))),
            ("count", .number(String(report.count))),
        ])
    }
}
