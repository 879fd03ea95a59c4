import Foundation

/// A request the mock received, and how it answered.
public struct MockRecordedRequest: Sendable {
    /// The endpoint id it was routed to; nil when no endpoint matched.
    public let endpointID: String?
    /// `GET`, `POST`, …
    public let method: String
    /// The path as sent.
    public let path: String
    /// The query string as sent (without `?`).
    public let query: String
    /// Header fields as sent.
    public let headers: [(name: String, value: String)]
    /// The body as sent.
    public let body: Data
    /// Decoded parameters (query, body, path, header parameters): name → text.
    public let parameters: [String: String]
    /// The status the mock answered with.
    public let status: Int

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
