import ClientRuntime
import Crypto
import Foundation
import HTTPTypes
import Testing
import _CryptoExtras

/// Secrets (API secret, private key, bearer token, signature, API key) never show in errors, recorded
/// request descriptions or logs.
@Suite struct RedactionTests {
    @Test func binanceSecretsStayOutOfErrorsRecordingsAndLogs() async throws {
        let logs = LogCapture()
        let transport = RecordingTransport { request in
            // A transport whose error text echoes the URL, as URLSession's can.
            throw HTTPTransportFailure(.other, "failed to load \(request.url?.absoluteString ?? "")")
        }
        transport.enqueue(body: "{}")
        transport.enqueue(status: 400, body: #"{"code": -1022, "msg": "Signature for this request is not valid."}"#)
        transport.enqueue(status: 429, headers: ["Retry-After": "3"], body: "")
        transport.enqueue(status: 503, body: "")
        transport.enqueue(.failure(HTTPTransportFailure(.timedOut, "timed out")))
        let client = Binance.client(transport: transport) { $0.logger = logs.logger }
        let request = Call<EmptyResponse, OrderQuery>(Binance.orderParameters())

        _ = try await client.send(request)
        var errors: [any Error] = []
        for _ in 0..<5 {
            if let error = await thrownError({ try await client.send(request) }) { errors.append(error) }
        }
        #expect(errors.count == 5)
        #expect(errors[0] is TestVenueError)
        #expect(errors[1] is RateLimitError)
        #expect(errors[2] is ExecutionUnknownError)
        #expect(errors[3] is ExecutionUnknownError)
        #expect(errors[4] is TransportError)

        let secrets = [Binance.secretKey, Binance.apiKey, Binance.bodySignature]
        var texts = errors.map { String(describing: $0) }
        texts.append(String(describing: transport))
        texts += transport.requests.map(\.description)
        texts.append(logs.text)
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "leaked in: \(text)") }
        }
        // The descriptions still say what was sent.
        let recorded = transport.requests[0].description
        #expect(recorded.contains("POST https://api.binance.com/api/v3/order?symbol=LTCBTC"))
        #expect(recorded.contains("signature=<redacted>"))
        #expect(recorded.contains("X-MBX-APIKEY: <redacted>"))
        #expect(logs.text.contains("/api/v3/order"))
        #expect(logs.text.contains("status=400"))
        #expect(logs.text.contains("durationMs="))
        // The signature really was sent (so the check above means something).
        #expect(transport.requests[0].urlText.contains(Binance.bodySignature))
    }

    @Test func formBodySignatureIsRedacted() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        _ = try await Binance.client(transport: transport).send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        let description = try #require(transport.lastRequest).description
        #expect(!description.contains(Binance.bodySignature))
        #expect(description.contains("&timestamp=1499827319559&signature=<redacted>"))
    }

    @Test func dfxKeyAndSignatureStayOut() async throws {
        let key = Curve25519.Signing.PrivateKey()
        let pem = key.pemRepresentation
        let pemBody = pem.split(separator: "\n").dropFirst().first.map(String.init) ?? pem
        let logs = LogCapture()
        let transport = RecordingTransport()
        transport.enqueue(status: 401, body: #"{"code": "401", "msg": "signature verification failed"}"#)
        let client = APIClient<TestVenueError>(
            profile: DFXAuthTests.profile, baseURL: URL(string: "https://api.dfx.hk")!,
            credentials: .partsSigned(apiKey: DFXAuthTests.apiKey, signer: try DFXSigner(privateKeyPEM: Secret(pem))),
            transport: transport, options: ClientOptions(logger: logs.logger))
        var parameters = Parameters()
        parameters.add("accountId", "222", in: .body)
        let error = await thrownError { try await client.send(Call<String, DFXAuthTests.CreateOrder>(parameters)) }
        let signature = try #require(transport.lastRequest?.header("EXCHANGE-API-SIGN"))
        let texts = [String(describing: error!), String(describing: transport), logs.text]
        for text in texts {
            for secret in [pemBody, signature, DFXAuthTests.apiKey] { #expect(!text.contains(secret)) }
        }
        #expect(String(describing: transport).contains("EXCHANGE-API-SIGN: <redacted>"))
    }

    @Test func bearerTokenStaysOut() async throws {
        let logs = LogCapture()
        let transport = RecordingTransport { _ in WireResponse(status: 403, text: "forbidden") }
        let client = APIClient<TestVenueError>(
            profile: BearerAuthTests.profile, baseURL: URL(string: "https://broker.example")!,
            credentials: .bearer(StaticToken("eyJhbGciOi.secret-jwt.sig")), transport: transport,
            options: ClientOptions(logger: logs.logger))
        let error = await thrownError { try await client.send(Call<JSONValue, BearerAuthTests.Accounts>()) }
        #expect((error as? HTTPStatusError)?.meaning == .forbidden)
        for text in [String(describing: error!), String(describing: transport), logs.text] {
            #expect(!text.contains("secret-jwt"))
        }
        #expect(transport.lastRequest?.header("Authorization") == "Bearer eyJhbGciOi.secret-jwt.sig")
    }

    /// The sets live in one shared box: a change to one copy makes that copy its own box and leaves the other as
    /// it was, and equality still compares what is masked.
    @Test func redactionsAreValuesThoughTheirSetsAreShared() {
        let original = Redactions(headerNames: ["X-Key"], parameterNames: ["sig"], values: ["k3y", ""])
        var copy = original
        copy.headerNames.insert("x-trace")
        copy.parameterNames.remove("sig")
        copy.values.insert("t0k")
        #expect(original.headerNames.contains("x-key") && !original.headerNames.contains("x-trace"))
        #expect(original.parameterNames.contains("sig") && original.values == ["k3y"])
        #expect(copy.headerNames.contains("x-trace") && !copy.parameterNames.contains("sig"))
        #expect(copy.values == ["k3y", "t0k"])
        #expect(copy != original)
        var same = original
        same.headerNames = original.headerNames
        #expect(same == original && same.hashValue == original.hashValue)
        #expect(original.union(copy).values == ["k3y", "t0k"])
    }

    @Test func requestDescriptionMasksCredentialHeaders() {
        let fields: HTTPFields = [.authorization: "Bearer t0k", .accept: "application/json", HTTPField.Name("X-MBX-APIKEY")!: "k3y"]
        let request = WireRequest(HTTPRequest(method: .get, url: URL(string: "https://x.test/api/v3/account")!, headerFields: fields))
        #expect(!request.description.contains("k3y"))
        #expect(!request.description.contains("t0k"))
        #expect(request.description.contains("Accept: application/json"))
    }
}
