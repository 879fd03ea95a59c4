import ClientRuntime
import Foundation
import Testing

/// Fixtures/signing/okx-vectors.json, written once by scripts/make-okx-vectors.py (Python `hmac`).
private struct OKXVectors: Decodable {
    struct Case: Decodable {
        let name, timestamp, method, path, query, body, prehash, signature: String
        let milliseconds: Int64
    }
    let secret: String
    let cases: [Case]

    static func load() throws -> OKXVectors {
        let url = try #require(Bundle.module.url(forResource: "okx-vectors", withExtension: "json", subdirectory: "Fixtures/signing"))
        return try JSONDecoder().decode(OKXVectors.self, from: Data(contentsOf: url))
    }
}

/// The fifth scheme: base64 HMAC-SHA256 over timestamp + method + path (+query) + body, in OKX-style headers.
@Suite struct OKXStyleSigningTests {
    static let scheme = TimestampMethodPathBodyAuthenticator(header: "OK-ACCESS-SIGN", passphraseHeader: "OK-ACCESS-PASSPHRASE")

    static func credentials(_ secret: String) -> Credentials {
        .passphraseSigned(apiKey: "okx-key", passphrase: Secret("pass phrase"), signer: HMACSHA256Signer(secret: Secret(secret), encoding: .base64))
    }

    @Test func authenticatorMatchesPythonVectors() throws {
        let vectors = try OKXVectors.load()
        #expect(vectors.cases.count == 2)
        for vector in vectors.cases {
            let parts = UnsignedRequest(method: vector.method, path: vector.path, query: vector.query, body: vector.body, timestamp: vector.timestamp)
            #expect(String(decoding: Self.scheme.payload(of: parts), as: UTF8.self) == vector.prehash, "\(vector.name)")
            let added = try Self.scheme.authenticate(parts, credentials: Self.credentials(vectors.secret), token: nil)
            #expect(added.headers.map(\.name) == ["OK-ACCESS-SIGN", "OK-ACCESS-PASSPHRASE"], "\(vector.name)")
            #expect(added.headers.map(\.value) == [vector.signature, "pass phrase"], "\(vector.name)")
            #expect(added.parameter == nil)
        }
    }

    enum Balance: EndpointSpec {
        static let endpoint = Endpoint(
            id: "getBalance", method: .get, path: "/api/v5/account/balance", security: SecurityRequirement(apiKey: true, signed: true),
            encoding: .query)
    }

    @Test func clientSendsTheSignedHeaders() async throws {
        let vectors = try OKXVectors.load()
        let vector = try #require(vectors.cases.first { $0.name == "get-with-query" })
        let profile = APIProfile(
            name: "OKX style",
            auth: AuthProfile(
                apiKeyHeader: "OK-ACCESS-KEY", signing: Self.scheme, timestampHeader: "OK-ACCESS-TIMESTAMP", timestampFormat: .iso8601),
            errorFormat: .codeMessage(codeField: "code", messageField: "msg"), statusRules: [])
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"data":[]}"#)
        let client = APIClient<TestVenueError>(
            profile: profile, baseURL: URL(string: "https://www.okx.example")!, credentials: Self.credentials(vectors.secret),
            transport: transport, options: ClientOptions(clock: { vector.milliseconds }))
        var parameters = Parameters()
        parameters.add("ccy", "BTC", in: .query)
        _ = try await client.send(Call<JSONValue, Balance>(parameters))
        let request = try #require(transport.lastRequest)
        #expect(request.urlText == "https://www.okx.example/api/v5/account/balance?ccy=BTC")
        #expect(request.header("OK-ACCESS-KEY") == "okx-key")
        #expect(request.header("OK-ACCESS-TIMESTAMP") == vector.timestamp)
        #expect(request.header("OK-ACCESS-SIGN") == vector.signature)
        #expect(request.header("OK-ACCESS-PASSPHRASE") == "pass phrase")
        // The signature and passphrase never reach a log.
        #expect(!String(describing: request).contains(vector.signature))
        #expect(!String(describing: request).contains("pass phrase"))
    }
}
