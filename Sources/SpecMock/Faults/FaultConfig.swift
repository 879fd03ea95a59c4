import Foundation
import Yams

/// Reads faults from a small YAML or JSON document, keyed by endpoint id (`*` for every endpoint):
///
/// ```yaml
/// newOrder: {status: 429, retryAfter: 7}
/// account: {delayMs: 1500}
/// exchangeInfo: [{body: truncated, times: 1}, {status: 503}]
/// cancelOrder: {status: 500, when: {origClientOrderId: boom}}
/// ```
///
/// Keys of a fault: `status`, `retryAfter` (seconds), `delayMs`, `body` (`truncated` | `malformed`), `times`,
/// `when` (parameter → value).
public enum FaultConfig {
    /// Parses a document; throws `MockError.invalidFaults` naming the problem.
    public static func parse(_ text: String) throws -> [String: [MockFault]] {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw MockError.invalidFaults("not YAML or JSON: \(error)")
        }
        guard let table = root as? [String: Any] else { throw MockError.invalidFaults("expected a mapping of endpoint id to fault") }
        var result: [String: [MockFault]] = [:]
        for (endpoint, value) in table {
            let items = (value as? [Any]) ?? [value]
            result[endpoint] = try items.map { try fault($0, at: endpoint) }
        }
        return result
    }

    /// Parses the CLI form `endpoint:key=value,key=value` (e.g. `newOrder:status=429,retryAfter=7`).
    public static func parseFlag(_ text: String) throws -> (endpoint: String, fault: MockFault) {
        guard let colon = text.firstIndex(of: ":") else {
            throw MockError.invalidFaults("'\(text)': expected endpoint:key=value,…")
        }
        var fields: [String: Any] = [:]
        for pair in text[text.index(after: colon)...].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw MockError.invalidFaults("'\(pair)': expected key=value") }
            fields[parts[0]] = Int(parts[1]).map { $0 as Any } ?? parts[1]
        }
        let endpoint = String(text[..<colon])
        return (endpoint, try fault(fields, at: endpoint))
    }

    private static let keys: Set<String> = ["status", "retryAfter", "delayMs", "body", "times", "when"]

    private static func fault(_ value: Any, at endpoint: String) throws -> MockFault {
        guard let fields = value as? [String: Any] else { throw MockError.invalidFaults("\(endpoint): expected a mapping") }
        if let unknown = fields.keys.first(where: { !keys.contains($0) }) {
            throw MockError.invalidFaults("\(endpoint): unknown key '\(unknown)' (known: \(keys.sorted().joined(separator: ", ")))")
        }
        func int(_ key: String) throws -> Int? {
            guard let raw = fields[key] else { return nil }
            guard let number = raw as? Int ?? (raw as? String).flatMap({ Int($0) }), number >= 0 else {
                throw MockError.invalidFaults("\(endpoint): '\(key)' must be a non-negative integer")
            }
            return number
        }
        var fault = MockFault(status: try int("status"), retryAfter: try int("retryAfter"), times: try int("times"))
        if let status = fault.status, !(100...599).contains(status) {
            throw MockError.invalidFaults("\(endpoint): status \(status) is not an HTTP status")
        }
        if let millis = try int("delayMs") { fault.delay = .milliseconds(millis) }
        if let body = fields["body"] {
            guard let text = body as? String, let kind = MockFault.Body(rawValue: text) else {
                throw MockError.invalidFaults("\(endpoint): 'body' must be truncated or malformed")
            }
            fault.body = kind
        }
        if let when = fields["when"] {
            guard let table = when as? [String: Any] else { throw MockError.invalidFaults("\(endpoint): 'when' must be a mapping") }
            fault.when = table.mapValues { "\($0)" }
        }
        return fault
    }
}
