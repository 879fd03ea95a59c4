import ClientRuntime
import Foundation
import Testing

/// The WebSocket API's signed request, pinned to Binance's "SIGNED request example (HMAC)" (web-socket-api.md),
/// whose signature the fixture holds as computed once with Python's hmac.
@Suite struct WebSocketSigningTests {
    struct Vector: Decodable {
        let secretKey: String
        let apiKey: String
        let timestamp: Int64
        let payload: String
        let signature: String
    }

    static func vector() throws -> Vector {
        let url = try #require(Bundle.module.url(forResource: "websocket-hmac-vector", withExtension: "json", subdirectory: "Fixtures/signing"))
        return try JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
    }

    static func orderParameters() -> Parameters {
        var parameters = Parameters()
        parameters.add("symbol", "BTCUSDT", in: .body)
        parameters.add("side", "SELL", in: .body)
        parameters.add("type", "LIMIT", in: .body)
        parameters.add("timeInForce", "GTC", in: .body)
        parameters.add("quantity", ExactDecimal("0.01000000"), in: .body)
        parameters.add("price", ExactDecimal("52000.00"), in: .body)
        parameters.add("recvWindow", ExactDecimal("100"), in: .body)
        return parameters
    }

    @Test func orderPlaceFrameMatchesTheDocsExample() async throws {
        let vector = try Self.vector()
        let transport = InMemoryWebSocketTransport { frame, connection in
            connection.push(BinanceWS.answer(frame, result: "{}"))
        }
        let client = WebSocketAPIClient<TestVenueError>(
            profile: Binance.profile, webSocket: BinanceWS.profile, url: BinanceWS.url,
            credentials: .signed(apiKey: vector.apiKey, signer: HMACSHA256Signer(secret: Secret(vector.secretKey))), transport: transport,
            options: ClientOptions(clock: { vector.timestamp }))
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Self.orderParameters()), method: "order.place")
        let frame = try #require(transport.connections.first?.sentFrames.first)
        #expect(
            frame == """
                {"id":"1","method":"order.place","params":{"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC",\
                "quantity":"0.01000000","price":"52000.00","recvWindow":100,"timestamp":1645423376532,\
                "apiKey":"\(vector.apiKey)","signature":"\(vector.signature)"}}
                """)
    }

    @Test func ed25519SignatureTravelsAsPlainBase64() async throws {
        let pem = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIHSXzxtBop9Il+bG65XnUa4fqxLWWfzu9hg6EbioKwH5
            -----END PRIVATE KEY-----
            """
        let signer = try Ed25519Signer(privateKeyPEM: Secret(pem))
        let transport = InMemoryWebSocketTransport { frame, connection in connection.push(BinanceWS.answer(frame, result: "{}")) }
        let client = WebSocketAPIClient<TestVenueError>(
            profile: Binance.profile, webSocket: BinanceWS.profile, url: BinanceWS.url, credentials: .signed(apiKey: "key", signer: signer),
            transport: transport, options: ClientOptions(clock: { 1_645_423_376_532 }))
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Self.orderParameters()), method: "order.place")
        let frame = try #require(transport.connections.first?.sentFrames.first)
        let signature = try #require(BinanceWS.params(of: frame)["signature"] as? String)
        let payload = "apiKey=key&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT"
        let expected = try signer.signature(for: Array(payload.utf8)).removingPercentEncoding
        #expect(signature == expected)
        #expect(!signature.contains("%"))
        #expect(signature.hasSuffix("=="))
    }
}
