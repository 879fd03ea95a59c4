import ClientRuntime
import Crypto
import Foundation
import SpecModel
import Testing

@testable import SpecMock

/// The mock verifies with the runtime's authenticators: what a client signs passes, one changed byte does not.
@Suite struct SharedSignatureTests {
    static let order = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&timestamp=\(EngineHarness.now)"

    @Test func mockUsesTheRuntimeAuthenticatorOfTheSpec() throws {
        let binance = try #require(try EngineHarness.load("binance-spot.yaml").auth?.signing)
        #expect(MockSigning.authenticator(binance) is SignatureParameterAuthenticator)
        let dfx = try #require(try EngineHarness.load("dfx-spot.yaml").auth?.signing)
        #expect(MockSigning.authenticator(dfx)?.signature == .header("EXCHANGE-API-SIGN"))
    }

    @Test func binanceAcceptsRuntimeSignatureAndRefusesATamperedBody() throws {
        let mock = try EngineHarness("binance-spot.yaml")
        let credentials = Credentials.signed(apiKey: EngineHarness.apiKey, signer: HMACSHA256Signer(secret: Secret(EngineHarness.secret)))
        let added = try SignatureParameterAuthenticator(parameter: "signature")
            .authenticate(UnsignedRequest(method: "POST", path: "/api/v3/order", body: Self.order), credentials: credentials, token: nil)
        let parameter = try #require(added.parameter)
        let pair = "&\(parameter.name)=\(parameter.value)"
        let headers = [("X-MBX-APIKEY", EngineHarness.apiKey), ("Content-Type", "application/x-www-form-urlencoded")]
        #expect(mock.send("POST", "/api/v3/order", headers: headers, body: Self.order + pair).status == 200)
        let tampered = Self.order.replacingOccurrences(of: "quantity=1", with: "quantity=2") + pair
        #expect(mock.send("POST", "/api/v3/order", headers: headers, body: tampered).code == "-1022")
    }

    @Test func dfxAcceptsRuntimeSignatureAndRefusesAnotherTimestamp() throws {
        let key = Curve25519.Signing.PrivateKey()
        let mock = try EngineHarness(
            "dfx-spot.yaml", options: MockOptions(credentials: MockCredentials(apiKey: EngineHarness.apiKey, publicKeyPEM: key.publicKey.pemRepresentation)))
        let scheme = SortedPartsAuthenticator(header: "EXCHANGE-API-SIGN")
        let credentials = Credentials.partsSigned(apiKey: EngineHarness.apiKey, signer: try DFXSigner(privateKeyPEM: Secret(key.pemRepresentation)))
        let stamp = String(EngineHarness.now)
        let parts = UnsignedRequest(method: "GET", path: "/api/v1/user/info", timestamp: stamp)
        let signature = try #require(try scheme.authenticate(parts, credentials: credentials, token: nil).headers.first?.value)
        func send(timestamp: String) -> EngineHarness.Answer {
            mock.send(
                "GET", "/api/v1/user/info",
                headers: [("EXCHANGE-API-KEY", EngineHarness.apiKey), ("EXCHANGE-API-TIMESTAMP", timestamp), ("EXCHANGE-API-SIGN", signature)])
        }
        #expect(send(timestamp: stamp).status == 200)
        // One millisecond later is within DFX's 5 s window, but the signed bytes differ.
        #expect(send(timestamp: String(EngineHarness.now + 1)).status == 401)
    }
}
