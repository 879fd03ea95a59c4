import Crypto
import Foundation
import SpecModel
import Testing

@testable import SpecMock

/// Drives a `MockEngine` directly: raw requests in, answers out, no socket.
struct EngineHarness {
    static let apiKey = "harness-key"
    static let secret = "harness-secret"
    static let now: Int64 = 1_800_000_000_000

    let engine: MockEngine

    init(_ specName: String, options: MockOptions = MockOptions(), edit: (inout Spec) -> Void = { _ in }) throws {
        var spec = try Self.load(specName)
        edit(&spec)
        var options = options
        options.clock = { Self.now }
        if options.credentials == MockCredentials() {
            options.credentials = MockCredentials(apiKey: Self.apiKey, secret: Self.secret)
        }
        engine = try MockEngine(spec: spec, options: options)
    }

    /// `specs/<name>` of this repository, loaded.
    static func load(_ name: String) throws -> Spec {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("specs").appendingPathComponent(name).path
        let result = SpecLoader.load(path: path)
        return try #require(result.spec, "\(result.diagnostics)")
    }

    func send(
        _ method: String, _ path: String, query: String = "", headers: [(String, String)] = [], body: String = ""
    ) -> Answer {
        let request = IncomingRequest(
            method: method, path: path, query: query, headers: headers.map { (name: $0.0, value: $0.1) },
            body: Data(body.utf8))
        return Answer(engine.handle(request))
    }

    /// A Binance-signed request: `signature` (HMAC-SHA256 of query + body) appended to the body, or to the query
    /// for a GET; the API key header added.
    func sendSigned(_ method: String, _ path: String, query: String = "", body: String = "") -> Answer {
        let signature = HMAC<SHA256>.authenticationCode(for: Data((query + body).utf8), using: SymmetricKey(data: Data(Self.secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
        let headers = [("X-MBX-APIKEY", Self.apiKey), ("Content-Type", "application/x-www-form-urlencoded")]
        if method == "GET" {
            return send(method, path, query: query + "&signature=" + signature, headers: headers)
        }
        return send(method, path, query: query, headers: headers, body: body + "&signature=" + signature)
    }

    struct Answer {
        let status: Int
        let text: String
        let headers: [(name: String, value: String)]

        init(_ response: OutgoingResponse) {
            status = response.status
            text = String(decoding: response.body, as: UTF8.self)
            headers = response.headers
        }

        /// The `code` member of a JSON error body.
        var code: String? {
            guard case let .object(members)? = try? JSONDocument.parse(text) else { return nil }
            return members.first { $0.key == "code" }.map { member in
                if case let .string(text) = member.value { return text }
                return member.value.jsonText
            }
        }

        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
    }
}
