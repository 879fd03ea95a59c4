import ClientRuntime
import Foundation
import Testing

/// Each authenticator alone, against known vectors; OKX-style signing through the whole client.
@Suite struct AuthenticatorTests {
    static let binanceSigner = HMACSHA256Signer(secret: Secret(Binance.secretKey))

    @Test func signatureParameterSignsQueryThenBody() throws {
        let scheme = SignatureParameterAuthenticator(parameter: "signature")
        let body = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let credentials = Credentials.signed(apiKey: Binance.apiKey, signer: Self.binanceSigner)
        let bodyOnly = try scheme.authenticate(UnsignedRequest(method: "POST", path: "/api/v3/order", body: body), credentials: credentials, token: nil)
        #expect(bodyOnly.parameter?.name == "signature")
        #expect(bodyOnly.parameter?.value == Binance.bodySignature)
        #expect(bodyOnly.headers.isEmpty)
        #expect(bodyOnly.secrets.contains(Binance.bodySignature))
        // Binance's mixed example: the query then the body, nothing between them.
        let mixed = UnsignedRequest(
            method: "POST", path: "/api/v3/order", query: "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            body: "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559")
        #expect(scheme.payload(of: mixed) == Array((mixed.query + mixed.body).utf8))
        #expect(try scheme.authenticate(mixed, credentials: credentials, token: nil).parameter?.value == Binance.mixedSignature)
        #expect(scheme.signature == .parameter("signature"))
    }

    @Test func eachSchemeRefusesCredentialsOfAnotherKind() throws {
        let parts = UnsignedRequest(method: "GET", path: "/p", timestamp: "1")
        let hmac = Credentials.signed(apiKey: "k", signer: Self.binanceSigner)
        let schemes: [(any Authenticator, Credentials)] = [
            (SignatureParameterAuthenticator(parameter: "signature"), .bearer(StaticToken("t"))),
            (SortedPartsAuthenticator(header: "EXCHANGE-API-SIGN"), hmac),
            (TimestampMethodPathBodyAuthenticator(header: "OK-ACCESS-SIGN", passphraseHeader: "OK-ACCESS-PASSPHRASE"), hmac),
            (SignatureParameterAuthenticator(parameter: "signature"), .none),
        ]
        for (scheme, credentials) in schemes {
            #expect(throws: AuthenticationError.self) { try scheme.authenticate(parts, credentials: credentials, token: nil) }
        }
    }

    @Test func bearerSendsTheTokenAndNeedsOne() throws {
        let scheme = BearerAuthenticator(header: "Authorization")
        let parts = UnsignedRequest(method: "GET", path: "/accounts")
        let added = try scheme.authenticate(parts, credentials: .bearer(StaticToken("jwt")), token: Secret("jwt-1"))
        #expect(added.headers.map(\.name) == ["Authorization"])
        #expect(added.headers.map(\.value) == ["Bearer jwt-1"])
        #expect(added.secrets == ["jwt-1"])
        #expect(throws: AuthenticationError.self) { try scheme.authenticate(parts, credentials: .none, token: nil) }
    }

    @Test func isoTimestampsHaveMilliseconds() {
        #expect(TimestampFormat.iso8601.text(1_607_418_537_715) == "2020-12-08T09:08:57.715Z")
        #expect(TimestampFormat.iso8601.text(0) == "1970-01-01T00:00:00.000Z")
        #expect(TimestampFormat.iso8601.text(-1) == "1969-12-31T23:59:59.999Z")
        #expect(TimestampFormat.milliseconds.text(1_499_827_319_559) == "1499827319559")
        // Out of the four-digit years: clamped, never a crash.
        #expect(TimestampFormat.iso8601.text(.max) == "9999-12-31T23:59:59.999Z")
        #expect(TimestampFormat.iso8601.text(.min) == "0000-01-01T00:00:00.000Z")
    }
}
