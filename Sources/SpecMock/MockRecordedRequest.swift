import ClientRuntime
import Foundation
import SpecModel

/// A request the mock received, and how it answered. Its `description` and its reflection (`dump()`, debuggers)
/// mask the API key, signature and token; the properties hold the bytes as sent.
public struct MockRecordedRequest: Sendable, CustomStringConvertible, CustomReflectable {
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
    /// The body as sent; empty for a request refused before its credentials were accepted (body too large, unknown
    /// route, malformed, bad key or signature), so hostile requests cannot fill the mock's memory.
    public let body: Data
    /// Decoded parameters (query, body, path, header parameters): name → text; without the body's parameters when
    /// the body was not kept.
    public let parameters: [String: String]
    /// The status the mock answered with.
    public let status: Int
    /// What `description` and the mirror mask.
    let redactions: Redactions

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Method, path, query, headers, body and status, credentials masked.
    public var description: String {
        let query = self.query.isEmpty ? "" : "?" + redactions.scrubParameters(self.query)
        var lines = ["\(method) \(redactions.scrub(path))\(query) → \(status)"] + redactions.redactedHeaders(headers)
        if !body.isEmpty { lines += ["", redactedBody] }
        return lines.joined(separator: "\n")
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "endpointID": endpointID as Any, "method": method, "path": redactions.scrub(path),
                "query": redactions.scrubParameters(query), "headers": redactions.redactedHeaders(headers),
                "body": redactedBody,
                "parameters": parameters.sorted { $0.key < $1.key }.map { name, value in
                    redactions.parameterNames.contains(name) ? "\(name)=<redacted>" : "\(name)=\(redactions.scrub(value))"
                },
                "status": status,
            ],
            displayStyle: .struct)
    }

    private var redactedBody: String {
        let text = String(decoding: body, as: UTF8.self)
        let isJSON = header("Content-Type")?.lowercased().hasPrefix("application/json") ?? false
        return redactions.redactedBody(text, isForm: !isJSON)
    }

    /// Bytes this record holds, roughly: what the record's byte bound counts.
    var footprint: Int {
        let texts = [method, path, query] + headers.flatMap { [$0.name, $0.value] } + parameters.flatMap { [$0.key, $0.value] }
        return texts.reduce(256 + body.count) { $0 + $1.utf8.count + 16 }
    }

    /// The same record without its body and parameters.
    func withoutBody() -> MockRecordedRequest {
        MockRecordedRequest(
            endpointID: endpointID, method: method, path: path, query: query, headers: headers, body: Data(),
            parameters: [:], status: status, redactions: redactions)
    }

    /// The headers, parameters and literal values to mask for a spec's auth scheme and the mock's credentials.
    static func redactions(for auth: Auth?, credentials: MockCredentials) -> Redactions {
        let headers = [auth?.apiKeyHeader, auth?.signing?.signatureHeader, auth?.signing?.passphraseHeader, auth?.bearer?.header].compactMap { $0 }
        let values = [credentials.apiKey, credentials.secret, credentials.bearerToken].compactMap { $0 }
        return Redactions(
            headerNames: Set(headers), parameterNames: Set([auth?.signing?.signatureParam].compactMap { $0 }),
            values: Set(values))
    }
}
