import Foundation

/// A request as the server received it: the raw bytes the checks and signatures work on.
struct IncomingRequest: Sendable {
    var method: String
    /// The path as sent, percent-encoding kept.
    var path: String
    /// The query string as sent (without `?`), or "".
    var query: String
    /// Header fields in order; names as sent.
    var headers: [(name: String, value: String)]
    var body: Data
    /// The body was larger than `MockOptions.maxBodyBytes` (declared or sent); `body` is then empty.
    var bodyTooLarge = false

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name.lowercased() == key }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// An answer the server writes back.
struct OutgoingResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: Data = Data()
    /// Wait this long before answering (a `delay` fault).
    var delay: Duration?

    static func json(_ status: Int, _ text: String) -> OutgoingResponse {
        OutgoingResponse(status: status, headers: [("Content-Type", "application/json;charset=UTF-8")], body: Data(text.utf8))
    }

    static func empty(_ status: Int) -> OutgoingResponse {
        OutgoingResponse(status: status)
    }
}
