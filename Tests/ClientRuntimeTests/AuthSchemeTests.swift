import ClientRuntime
import Crypto
import Foundation
import Testing
import _CryptoExtras

/// DFX header signing and B2TRADER bearer tokens.
@Suite struct DFXAuthTests {
    static let profile = APIProfile(
        name: "DFX",
        auth: AuthProfile(
            apiKeyHeader: "EXCHANGE-API-KEY", signing: SortedPartsAuthenticator(header: "EXCHANGE-API-SIGN"),
            timestampHeader: "EXCHANGE-API-TIMESTAMP"),
        errorFormat: .codeMessage(codeField: "code", messageField: "msg"),
        envelope: Envelope(codeField: "code", messageField: "msg", dataField: "data", successCode: "0"),
        statusRules: [StatusRule("4XX", .clientError), StatusRule("412", .missingParameter), StatusRule("5XX", .executionUnknown)])

    enum CreateOrder: EndpointSpec {
        static let endpoint = Endpoint(
            id: "createOrder", method: .post, path: "/api/v1/spot/order",
            security: SecurityRequirement(apiKey: true, signed: true), encoding: .form)
    }

    enum Symbols: EndpointSpec {
        static let endpoint = Endpoint(
            id: "symbols", method: .get, path: "/api/v1/symbols", security: SecurityRequirement(timestamp: true),
            encoding: .query)
    }

    static let apiKey = "dfx-api-key-0123456789"
    static let timestamp: Int64 = 1_711_351_755_000

    @Test func signedRequestCarriesVerifiableHeaders() async throws {
        let key = Curve25519.Signing.PrivateKey()
        let signer = try DFXSigner(privateKeyPEM: Secret(key.pemRepresentation))
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code":"0","msg":"success","data":"2000000074758463"}"#)
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://api.dfx.hk")!,
            credentials: .partsSigned(apiKey: Self.apiKey, signer: signer), transport: transport,
            options: ClientOptions(clock: { Self.timestamp }))
        var parameters = Parameters()
        parameters.add("symbol", "BTC-USDT", in: .query)
        parameters.add("accountId", "222", in: .body)
        parameters.add("amount", ExactDecimal("66666"), in: .body)
        parameters.add("side", "BUY", in: .body)
        let orderId = try await client.send(Call<String, CreateOrder>(parameters))
        #expect(orderId == "2000000074758463")

        let request = try #require(transport.lastRequest)
        #expect(request.urlText == "https://api.dfx.hk/api/v1/spot/order?symbol=BTC-USDT")
        #expect(request.bodyText == "accountId=222&amount=66666&side=BUY")
        #expect(request.header("EXCHANGE-API-KEY") == Self.apiKey)
        #expect(request.header("EXCHANGE-API-TIMESTAMP") == "1711351755000")
        let signature = try #require(request.header("EXCHANGE-API-SIGN"))
        let signed =
            "body=accountId=222&amount=66666&side=BUY&method=POST&param=symbol=BTC-USDT&path=/api/v1/spot/order"
            + "&timestamp=1711351755000"
        let bytes = try #require(Data(base64Encoded: signature))
        #expect(key.publicKey.isValidSignature(bytes, for: Data(signed.utf8)))
        // No signature parameter: DFX signs in a header.
        #expect(!request.urlText.contains("signature") && !request.bodyText.contains("signature"))
    }

    /// The API key's field keeps its place whether a request adds fields of its own (built per request) or not
    /// (one set shared by the client's requests): after header parameters, before timing and signature fields,
    /// then the content type and the user agent.
    @Test func headerFieldsKeepTheirOrderWithAndWithoutFieldsOfTheRequest() async throws {
        let signer = try DFXSigner(privateKeyPEM: Secret(Curve25519.Signing.PrivateKey().pemRepresentation))
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code":"0","msg":"success","data":"1"}"#)
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://api.dfx.hk")!,
            credentials: .partsSigned(apiKey: Self.apiKey, signer: signer), transport: transport,
            options: ClientOptions(clock: { Self.timestamp }, userAgent: "SpecGen/1.0"))
        var parameters = Parameters()
        parameters.add("X-Trace", "t1", in: .header)
        parameters.add("side", "BUY", in: .body)
        _ = try await client.send(Call<String, CreateOrder>(parameters))
        let signed = try #require(transport.lastRequest).head.headerFields.map(\.name.rawName)
        #expect(
            signed == [
                "X-Trace", "EXCHANGE-API-KEY", "EXCHANGE-API-TIMESTAMP", "EXCHANGE-API-SIGN", "Content-Type", "User-Agent",
            ])

        let binance = Binance.client(transport: transport) { $0.userAgent = "SpecGen/1.0" }
        let order = try await binance.prepare(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(order.head.headerFields.map(\.name.rawName) == ["X-MBX-APIKEY", "Content-Type", "User-Agent"])
        #expect(order.header("Content-Type") == "application/x-www-form-urlencoded")
        let ping = try await binance.prepare(Call<EmptyResponse, Ping>())
        #expect(ping.head.headerFields.map(\.name.rawName) == ["User-Agent"])
    }

    /// A profile whose API-key header name is not an HTTP token refuses the requests that need the key, before
    /// sending, and sends the others.
    @Test func anInvalidAPIKeyHeaderNameIsRefusedWhenTheKeyIsNeeded() async throws {
        let profile = APIProfile(
            name: "Bad", auth: AuthProfile(apiKeyHeader: "API KEY", signing: SortedPartsAuthenticator(header: "EXCHANGE-API-SIGN")),
            errorFormat: .codeMessage(codeField: "code", messageField: "msg"), statusRules: [])
        let transport = RecordingTransport()
        transport.enqueue(body: "[]")
        let client = APIClient<TestVenueError>(
            profile: profile, baseURL: URL(string: "https://api.dfx.hk")!, credentials: .apiKey(Self.apiKey), transport: transport)
        enum Keyed: EndpointSpec {
            static let endpoint = Endpoint(id: "keyed", method: .get, path: "/keyed", security: SecurityRequirement(apiKey: true), encoding: .query)
        }
        let error = await thrownError { try await client.send(Call<[String], Keyed>()) }
        let refusal = try #require(error as? RequestValidationError)
        #expect(refusal.rule == "header" && refusal.message == "API KEY is not a valid header field name")
        #expect(transport.requests.isEmpty)
        _ = try await client.send(Call<[String], Symbols>())
        #expect(transport.lastRequest?.head.headerFields.isEmpty == true)
    }

    @Test func marketLevelSendsOnlyTheTimestamp() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code":"0","msg":"success","data":[]}"#)
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://api.dfx.hk")!, credentials: .none, transport: transport,
            options: ClientOptions(clock: { Self.timestamp }))
        _ = try await client.send(Call<[String], Symbols>())
        let request = try #require(transport.lastRequest)
        #expect(request.head.headerFields.map(\.name.rawName) == ["EXCHANGE-API-TIMESTAMP"])
        #expect(request.header("EXCHANGE-API-TIMESTAMP") == "1711351755000")
        #expect(request.urlText == "https://api.dfx.hk/api/v1/symbols")
    }

    @Test func binanceCredentialsCannotSignForDFX() async throws {
        let transport = RecordingTransport()
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://api.dfx.hk")!,
            credentials: .signed(apiKey: "k", signer: HMACSHA256Signer(secret: "s")), transport: transport)
        let error = await thrownError { try await client.send(Call<String, CreateOrder>()) }
        #expect((error as? RequestValidationError)?.rule == "credentials")
        #expect(transport.requests.isEmpty)
    }
}

/// A token source that hands out "old" until refreshed, then "new".
actor RotatingTokens: TokenProvider {
    private(set) var calls: [Bool] = []

    func token(forceRefresh: Bool) async throws -> Secret {
        calls.append(forceRefresh)
        return Secret(calls.contains(true) ? "jwt-new-token" : "jwt-old-token")
    }
}

@Suite struct BearerAuthTests {
    static let profile = APIProfile(
        name: "B2TRADER", auth: AuthProfile(bearer: BearerAuthenticator(header: "Authorization")), errorFormat: .none,
        statusRules: [
            StatusRule("401", .unauthorized), StatusRule("403", .forbidden), StatusRule("404", .notFound),
            StatusRule("400", .clientError),
        ])

    enum Accounts: EndpointSpec {
        static let endpoint = Endpoint(
            id: "getAccounts", method: .get, path: "/frontoffice/api/v3/accounts", security: SecurityRequirement(bearer: true),
            encoding: .query)
    }

    enum PlaceOrder: EndpointSpec {
        static let endpoint = Endpoint(
            id: "placeOrder", method: .post, path: "/frontoffice/api/v3/orders", security: SecurityRequirement(bearer: true),
            encoding: .json(wrapper: "order"))
    }

    @Test func refreshesOnceAfter401AndResends() async throws {
        let tokens = RotatingTokens()
        let transport = RecordingTransport { request in
            request.header("Authorization") == "Bearer jwt-new-token"
                ? WireResponse(status: 200, text: "[]") : WireResponse(status: 401, text: "")
        }
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://broker.example")!, credentials: .bearer(tokens),
            transport: transport)
        var parameters = Parameters()
        parameters.add("marketId", "spot.btc_usdt", in: .body)
        _ = try await client.send(Call<JSONValue, PlaceOrder>(parameters))
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map { $0.header("Authorization") } == ["Bearer jwt-old-token", "Bearer jwt-new-token"])
        #expect(transport.requests[1].bodyText == #"{"order":{"marketId":"spot.btc_usdt"}}"#)
        #expect(await tokens.calls == [false, true])
    }

    @Test func secondUnauthorizedIsAStatusError() async throws {
        let transport = RecordingTransport { _ in WireResponse(status: 401, text: "") }
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://broker.example")!,
            credentials: .bearer(StaticToken("jwt-static-token")), transport: transport)
        let error = await thrownError { try await client.send(Call<JSONValue, Accounts>()) }
        let status = try #require(error as? HTTPStatusError)
        #expect(status.status == 401)
        #expect(status.meaning == .unauthorized)
        #expect(transport.requests.count == 2)
        #expect(!status.description.contains("jwt-static-token"))
    }

    @Test func bearerEndpointWithoutTokenIsRefused() async throws {
        let transport = RecordingTransport()
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: URL(string: "https://broker.example")!, credentials: .none, transport: transport)
        let error = await thrownError { try await client.send(Call<JSONValue, Accounts>()) }
        #expect((error as? RequestValidationError)?.rule == "credentials")
    }
}
