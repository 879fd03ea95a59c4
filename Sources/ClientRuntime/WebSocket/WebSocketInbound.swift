import Foundation

/// One text frame from a WebSocket API connection, split into its parts without decoding the payloads.
enum WebSocketInbound {
    /// An answer to the request `id` (nil when the server could not read the request's id).
    case answer(Answer)
    /// An event pushed on the connection; `subscriptionId` is nil for connection events (`serverShutdown`).
    case event(subscriptionId: Int?, payload: Data)
    /// Anything else (kept for the log).
    case other

    struct Answer: Sendable {
        var id: String?
        var status: Int
        /// The `result` member's raw JSON (`null` when absent).
        var result: Data
        /// The `error` member's raw JSON, when the answer has one.
        var error: Data?
        /// The `rateLimits` member's raw JSON, when the answer has one.
        var rateLimits: Data?
    }

    /// Reads `text` by `profile`'s field names.
    static func parse(_ text: String, profile: WebSocketAPIProfile) -> WebSocketInbound {
        let data = Data(text.utf8)
        guard let members = JSONObjectScanner.members(of: data) else { return .other }
        func member(_ name: String?) -> JSONObjectScanner.Member? { name.flatMap { name in members.first { $0.key == name } } }
        if let status = member(profile.statusField)?.scalarText(in: data) {
            guard let code = Int(status) else { return .other }
            return .answer(
                Answer(
                    id: member(profile.idField)?.scalarText(in: data), status: code,
                    result: member(profile.resultField)?.rawValue(in: data) ?? Data("null".utf8),
                    error: member(profile.errorField)?.rawValue(in: data),
                    rateLimits: member(profile.rateLimitsField)?.rawValue(in: data)))
        }
        if let event = member(profile.eventField) {
            let subscription = member(profile.subscriptionIdField)?.scalarText(in: data).flatMap { Int($0) }
            return .event(subscriptionId: subscription, payload: event.rawValue(in: data))
        }
        return .other
    }
}
