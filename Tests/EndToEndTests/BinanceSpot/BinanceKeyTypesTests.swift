import BinanceSpot
import ClientRuntime
import SpecMock
import Testing

/// Binance's asymmetric keys: the mock verifies RSA and Ed25519 signatures with the public key.
@Suite("Binance Spot with RSA and Ed25519 keys")
struct BinanceKeyTypesTests {
    @Test("Ed25519 and RSA signatures verify; another key's signature gets -1022", arguments: ["ed25519", "rsa"])
    func asymmetricKeys(_ kind: String) async throws {
        let keys = kind == "rsa" ? try MockKeys.rsa() : MockKeys.ed25519()
        let other = kind == "rsa" ? try MockKeys.rsa() : MockKeys.ed25519()
        func signer(_ pem: String) throws -> any RequestSigner {
            kind == "rsa" ? try RSASigner(privateKeyPEM: Secret(pem)) : try Ed25519Signer(privateKeyPEM: Secret(pem))
        }
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: "k", publicKeyPEM: keys.publicKeyPEM)))
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL), credentials: .signed(apiKey: "k", signer: try signer(keys.privateKeyPEM)))
        let response = try await client.newOrder(
            .limit(symbol: "BTCUSDT", side: .sell, timeInForce: .gtc, quantity: "1", price: "30000"))
        guard case .full = response else {
            Issue.record("expected the FULL answer, got \(response)")
            return
        }
        let impostor = BinanceSpotClient(
            server: .init(url: mock.baseURL), credentials: .signed(apiKey: "k", signer: try signer(other.privateKeyPEM)))
        await #expect(throws: BinanceSpotError.invalidSignature) { try await impostor.account() }
        await mock.stop()
    }
}
