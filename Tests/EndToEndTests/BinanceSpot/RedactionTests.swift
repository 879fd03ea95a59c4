import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// Reflection (`dump`, `Mirror`) of a signed request, on the client side and in the mock's record, shows neither the
/// signature nor the API key, for RSA and Ed25519 keys.
@Suite("Redaction in reflection")
struct RedactionTests {
    @Test("dump() of a signed WireRequest and of the mock's record hides signature and API key", arguments: ["rsa", "ed25519"])
    func signedRequestDump(_ kind: String) async throws {
        let keys = kind == "rsa" ? try MockKeys.rsa() : MockKeys.ed25519()
        let apiKey = "redaction-key-" + MockKeys.hmacSecret().prefix(12)
        let signer: any RequestSigner =
            kind == "rsa" ? try RSASigner(privateKeyPEM: Secret(keys.privateKeyPEM)) : try Ed25519Signer(privateKeyPEM: Secret(keys.privateKeyPEM))
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: apiKey, publicKeyPEM: keys.publicKeyPEM)))
        let transport = RecordingTransport { try await URLSessionTransport().send($0) }
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL), credentials: .signed(apiKey: apiKey, signer: signer), transport: transport)
        _ = try await client.newOrder(.limit(symbol: "BTCUSDT", side: .sell, timeInForce: .gtc, quantity: "1", price: "30000"))
        _ = try await client.account()

        #expect(transport.requests.count == 2)
        for request in transport.requests {
            let wire = request.queryString + "&" + request.bodyText
            let encoded = try #require(wire.split(separator: "&").first { $0.hasPrefix("signature=") }?.dropFirst("signature=".count))
            let decoded = try #require(String(encoded).removingPercentEncoding)
            var dumped = ""
            dump(request, to: &dumped)
            for text in [dumped, request.description, String(describing: Mirror(reflecting: request).children.map(\.value))] {
                #expect(!text.contains(encoded) && !text.contains(decoded), "signature in \(text)")
                #expect(!text.contains(apiKey), "API key in \(text)")
            }
            #expect(dumped.contains("BTCUSDT") || dumped.contains("/api/v3/account"))
        }
        for record in mock.requests {
            let signature = try #require(record.parameters["signature"])
            var dumped = ""
            dump(record, to: &dumped)
            #expect(!dumped.contains(signature) && !dumped.contains(apiKey))
            #expect(!record.description.contains(signature) && !record.description.contains(apiKey))
        }
        await mock.stop()
    }
}
