import Foundation

/// Reads responses in an API's format: envelope check, payload extraction, error bodies, decoding errors.
struct ResponseReader<Failure: VenueError>: Sendable {
    let profile: APIProfile
    /// The drift check, or nil when it is off.
    var drift: DriftSink? = nil

    /// Decodes a 2XX response for `request`, whose `parameters` the caller has computed already.
    func decode<R: APIRequest>(_ request: R, _ parameters: Parameters, _ response: WireResponse) throws -> R.Response {
        let endpoint = R.endpoint.id
        var payload = response.body
        var prefix = ""
        if let envelope = profile.envelope {
            guard let members = JSONObjectScanner.members(of: response.body) else {
                throw ResponseDecodingError(endpoint: endpoint, path: "", message: "the body is not an enveloped JSON object")
            }
            let code = members.first { $0.key == envelope.codeField }?.scalarText(in: response.body)
            guard code == envelope.successCode else {
                let message = members.first { $0.key == envelope.messageField }?.scalarText(in: response.body) ?? ""
                throw Failure(code: code ?? "", message: message, httpStatus: response.status, body: response.body)
            }
            payload = members.first { $0.key == envelope.dataField }?.rawValue(in: response.body) ?? Data("null".utf8)
            prefix = envelope.dataField
        }
        if R.Response.self == EmptyResponse.self, Self.isBlankOrNull(payload), let empty = EmptyResponse() as? R.Response {
            return empty
        }
        if let drift, let schema = request.responseSchema(for: parameters) {
            drift.check(payload, schema: schema, endpoint: endpoint, prefix: prefix)
        }
        do {
            return try request.decodeResponse(from: payload, parameters: parameters, decoder: JSONResponseDecoder())
        } catch let error as DecodingError {
            let (path, message) = Self.describe(error)
            let full = prefix.isEmpty ? path : (path.isEmpty ? prefix : (path.hasPrefix("[") ? prefix + path : prefix + "." + path))
            throw ResponseDecodingError(endpoint: endpoint, path: full, message: message)
        }
    }

    /// The typed error for an answer outside 2XX that was not retried (REST, and WebSocket API answers whose
    /// `status` means the same): rate limit, unknown execution, the venue's error, or a bare status.
    func failure(for response: WireResponse, endpoint: String, idempotent: Bool, now: Int64) -> any Error {
        let status = response.status
        let meaning = profile.meaning(of: status)
        switch meaning {
        case .rateLimited, .ipBanned:
            return RateLimitError(
                endpoint: endpoint, status: status, retryAfter: profile.retryAfter(in: response, now: now),
                isBan: meaning == .ipBanned, body: response.body)
        case .executionUnknown:
            let venue = venueMessage(in: response).map { ": \($0)" } ?? ""
            return ExecutionUnknownError(
                endpoint: endpoint, status: status, reason: "server error\(venue)", orderMayExist: !idempotent, body: response.body)
        default:
            if let failure = venueError(in: response) { return failure }
            return HTTPStatusError(endpoint: endpoint, status: status, meaning: meaning, body: response.body)
        }
    }

    /// The venue error in a non-2XX body, if the body is in the API's error format
    /// (or, for an API without one, in its envelope's code and message fields).
    func venueError(in response: WireResponse) -> Failure? {
        guard let fields = profile.errorFields, let members = JSONObjectScanner.members(of: response.body),
            let code = members.first(where: { $0.key == fields.code })?.scalarText(in: response.body)
        else { return nil }
        let message = members.first { $0.key == fields.message }?.scalarText(in: response.body) ?? ""
        return Failure(code: code, message: message, httpStatus: response.status, body: response.body)
    }

    /// The venue's message in an error body, for reasons and logs.
    func venueMessage(in response: WireResponse) -> String? {
        guard let members = JSONObjectScanner.members(of: response.body) else { return nil }
        let names = profile.errorFields.map { [$0.code, $0.message] } ?? []
        let parts = names.compactMap { name in members.first { $0.key == name }?.scalarText(in: response.body) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    static func isBlankOrNull(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || text == "null"
    }

    /// A JSON path (`fills[2].price`) and a message for a `DecodingError`.
    static func describe(_ error: DecodingError) -> (path: String, message: String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (jsonPath(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (jsonPath(context.codingPath), "expected \(type), found null or nothing: \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return (jsonPath(context.codingPath + [key]), "missing field \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            return (jsonPath(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", String(describing: error))
        }
    }

    /// `fills[2].price` from coding keys; array positions are keys with an integer value.
    static func jsonPath(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }
}

extension APIProfile {
    /// The code and message fields of an error body: the error format's or, for an API without one, its envelope's.
    var errorFields: (code: String, message: String)? {
        switch errorFormat {
        case .codeMessage(let code, let message): (code, message)
        case .none: envelope.map { ($0.codeField, $0.messageField) }
        }
    }

    /// The venue's error code in a response body, as text.
    func errorCode(in response: WireResponse) -> String? {
        guard let fields = errorFields, let members = JSONObjectScanner.members(of: response.body) else { return nil }
        return members.first { $0.key == fields.code }?.scalarText(in: response.body)
    }
}
