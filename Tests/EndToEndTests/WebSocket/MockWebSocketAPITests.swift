import BinanceSpot
import ClientRuntime
import Foundation
import SpecMock
import SpecModel
import Testing

/// The mock's WebSocket API over loopback, with a raw WebSocket client: signed twins answered like REST, session
/// logon, user data events, and hostile frames.
@Suite("Mock WebSocket API")
struct MockWebSocketAPITests {
    static let apiKey = "ws-key-" + MockKeys.hmacSecret().prefix(12)
    static let secret = MockKeys.hmacSecret()

    static func hmacMock(scenario: Scenario? = nil, options: (inout MockOptions) -> Void = { _ in }) async throws -> MockExchange {
        // A frozen clock: the rate-limit windows cannot roll over mid-test.
        var settings = MockOptions(credentials: MockCredentials(apiKey: apiKey, secret: secret), clock: { 1_767_225_630_000 }, scenario: scenario)
        options(&settings)
        return try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"), options: settings)
    }

    /// `params` plus `apiKey`, `timestamp` and the HMAC `signature` over the contract's payload.
    static func signed(_ params: [(String, JSONDocument)], timestamp: Int64, secret: String = secret) -> [(String, JSONDocument)] {
        let all = params + [("apiKey", .string(apiKey)), ("timestamp", .number(String(timestamp)))]
        return all + [("signature", .string(HMACSHA256Signer(secret: Secret(secret)).signature(for: Array(payload(all).utf8))))]
    }

    /// Sorted `name=value` without percent-encoding (strings as they are, numbers as written).
    static func payload(_ params: [(String, JSONDocument)]) -> String {
        params.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1.stringValue ?? $0.1.jsonText)" }.joined(separator: "&")
    }

    static let limitOrder: [(String, JSONDocument)] = [
        ("symbol", .string("BTCUSDT")), ("side", .string("BUY")), ("type", .string("LIMIT")), ("timeInForce", .string("GTC")),
        ("quantity", .string("0.5")), ("price", .string("100.00")),
    ]

    @Test("a signed order.place with HMAC is answered as REST's newOrder, with rateLimits from the same counters")
    func orderPlaceLikeREST() async throws {
        let mock = try await Self.hmacMock()
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send(.request("p1", "order.place", Self.signed(Self.limitOrder, timestamp: mock.now)))
        let answer = try await socket.answer(to: "p1")
        #expect(answer["status"] == .number("200"))
        let result = try #require(answer["result"])

        // The same order over REST: the same answer (the spec's example conformed to the request).
        var query = Self.limitOrder.map { "\($0.0)=\($0.1.stringValue ?? "")" }.joined(separator: "&") + "&timestamp=\(mock.now)"
        query += "&signature=" + HMACSHA256Signer(secret: Secret(Self.secret)).signature(for: Array(query.utf8))
        let url = try #require(URL(string: mock.baseURL.absoluteString + "/api/v3/order?" + query))
        let answered = try await RawHTTP.send("POST", url, headers: ["X-MBX-APIKEY": Self.apiKey])
        #expect(answered.status == 200)
        let rest = try JSONDocument.parse(answered.text)
        #expect(result["symbol"] == rest["symbol"] && result["side"] == rest["side"] && result["type"] == rest["type"])
        #expect(mock.requests(to: "newOrder").count == 2)

        // rateLimits: the REST call above counted in the same windows.
        guard case let .array(limits)? = answer["rateLimits"] else { throw TestSocket.Timeout(description: "no rateLimits") }
        let weight = try #require(limits.first { $0["rateLimitType"] == .string("REQUEST_WEIGHT") })
        #expect(weight["interval"] == .string("MINUTE") && weight["limit"] == .number("6000") && weight["count"] == .number("1"))
        #expect(limits.contains { $0["rateLimitType"] == .string("ORDERS") })
        socket.send(.request("t1", "time"))
        let time = try await socket.answer(to: "t1")
        guard case let .array(after)? = time["rateLimits"] else { throw TestSocket.Timeout(description: "no rateLimits") }
        #expect(after.first { $0["rateLimitType"] == .string("REQUEST_WEIGHT") }?["count"] == .number("3"))
        socket.send(.request("t2", "time", [("returnRateLimits", .bool(false))]))
        let quiet = try await socket.answer(to: "t2")
        #expect(quiet["status"] == .number("200") && quiet["rateLimits"] == nil)
    }

    @Test("a bad signature gets -1022, a missing one -1102, a wrong key -2015; the connection stays usable")
    func badSignature() async throws {
        let mock = try await Self.hmacMock()
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send(.request("b1", "order.place", Self.signed(Self.limitOrder, timestamp: mock.now, secret: "wrong")))
        let bad = try await socket.answer(to: "b1")
        #expect(bad["status"] == .number("400") && bad["error"]?["code"] == .number("-1022"))
        let unsigned = Self.limitOrder + [("apiKey", .string(Self.apiKey)), ("timestamp", .number(String(mock.now)))]
        socket.send(.request("b2", "order.place", unsigned))
        #expect(try await socket.answer(to: "b2")["error"]?["code"] == .number("-1102"))
        var wrongKey = Self.signed(Self.limitOrder, timestamp: mock.now)
        wrongKey[wrongKey.firstIndex { $0.0 == "apiKey" } ?? 0].1 = .string("someone-else")
        socket.send(.request("b3", "order.place", wrongKey))
        #expect(try await socket.answer(to: "b3")["error"]?["code"] == .number("-2015"))
        socket.send(.request("b4", "ping"))
        #expect(try await socket.answer(to: "b4")["status"] == .number("200"))
        #expect(mock.requests(to: "newOrder").allSatisfy { $0.status != 200 })
    }

    @Test("session.logon with an Ed25519 key; then signed requests omit apiKey and signature; HMAC keys cannot log on")
    func logon() async throws {
        let keys = MockKeys.ed25519()
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: Self.apiKey, publicKeyPEM: keys.publicKeyPEM)))
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        let signer = try Ed25519Signer(privateKeyPEM: Secret(keys.privateKeyPEM))

        socket.send(.request("s0", "account.status", [("timestamp", .number(String(mock.now)))]))
        #expect(try await socket.answer(to: "s0")["error"]?["code"] == .number("-2014"))  // no key before logon

        let params: [(String, JSONDocument)] = [("apiKey", .string(Self.apiKey)), ("timestamp", .number(String(mock.now)))]
        let signature = try signer.signature(for: Array(Self.payload(params).utf8))
        socket.send(.request("l1", "session.logon", params + [("signature", .string(signature))]))
        let logon = try await socket.answer(to: "l1")
        #expect(logon["status"] == .number("200"), "\(logon.jsonText)")
        #expect(logon["result"]?["apiKey"] == .string(Self.apiKey))
        // The signer's output is percent-encoded for REST; plain base64, as Binance takes it here, works too.
        socket.send(.request("l1b", "session.logon", params + [("signature", .string(signature.removingPercentEncoding ?? ""))]))
        #expect(try await socket.answer(to: "l1b")["status"] == .number("200"))

        socket.send(.request("s1", "account.status", [("timestamp", .number(String(mock.now)))]))
        let account = try await socket.answer(to: "s1")
        #expect(account["status"] == .number("200") && account["result"]?["balances"] != nil)
        socket.send(.request("s2", "session.status"))
        #expect(try await socket.answer(to: "s2")["result"]?["apiKey"] == .string(Self.apiKey))
        socket.send(.request("s3", "session.logout"))
        #expect(try await socket.answer(to: "s3")["result"]?["apiKey"] == .null)
        socket.send(.request("s4", "account.status", [("timestamp", .number(String(mock.now)))]))
        #expect(try await socket.answer(to: "s4")["error"]?["code"] == .number("-2014"))

        // An HMAC key cannot log on.
        let hmac = try await Self.hmacMock()
        defer { Task { await hmac.stop() } }
        let other = TestSocket(hmac.webSocketAPIURL.absoluteString)
        defer { other.close() }
        other.send(.request("l2", "session.logon", Self.signed([], timestamp: hmac.now)))
        let refused = try await other.answer(to: "l2")
        #expect(refused["status"] == .number("401") && refused["error"]?["code"] == .number("-2015"))
    }

    @Test("stateless: a subscribed user data stream gets one executionReport NEW for an accepted order")
    func statelessExecutionReport() async throws {
        let mock = try await Self.hmacMock()
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send(.request("u1", "userDataStream.subscribe.signature", Self.signed([], timestamp: mock.now)))
        let subscribed = try await socket.answer(to: "u1")
        let id = try #require(subscribed["result"]?["subscriptionId"])
        socket.send(.request("p1", "order.place", Self.signed(Self.limitOrder + [("newClientOrderId", .string("ws-c1"))], timestamp: mock.now)))
        let placed = try await socket.answer(to: "p1")
        let event = try await socket.next(where: { $0["event"] != nil })
        #expect(event["subscriptionId"] == id)
        let report = try #require(event["event"])
        #expect(report["e"] == .string("executionReport") && report["x"] == .string("NEW") && report["X"] == .string("NEW"))
        #expect(report["s"] == .string("BTCUSDT") && report["S"] == .string("BUY") && report["o"] == .string("LIMIT"))
        #expect(report["i"] == placed["result"]?["orderId"] && report["c"] == placed["result"]?["clientOrderId"])
    }

    @Test("unknown method, garbage, a binary frame and bad params are refused; a huge frame closes only that connection")
    func hostileFrames() async throws {
        let mock = try await Self.hmacMock()
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send("{not json")
        let garbage = try await socket.next()
        #expect(garbage["id"] == .null && garbage["status"] == .number("400") && garbage["error"]?["code"] == .number("-1135"))
        socket.send(.request("h1", "order.nonsense"))
        #expect(try await socket.answer(to: "h1")["error"]?["code"] == .number("-1020"))
        socket.send(binary: [0xFF, 0x00, 0x13])
        #expect(try await socket.next()["id"] == .null)
        socket.send(#"{"id": "h2", "method": "time", "params": [1, 2]}"#)
        #expect(try await socket.answer(to: "h2")["status"] == .number("400"))
        socket.send(#"{"id": {"deep": true}, "method": "time"}"#)
        #expect(try await socket.next()["id"] == .null)
        socket.send(String(repeating: "[", count: 5000))
        #expect(try await socket.next()["error"]?["code"] == .number("-1135"))
        socket.send(.request("h3", "time"))
        #expect(try await socket.answer(to: "h3")["status"] == .number("200"))

        // A frame above webSocketMaxFrameBytes: the connection is closed, the mock keeps serving.
        let big = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { big.close() }
        big.send(.request("x", "ping", [("pad", .string(String(repeating: "a", count: 100_000)))]))
        try await big.waitForClose()
        socket.send(.request("h4", "ping"))
        #expect(try await socket.answer(to: "h4")["status"] == .number("200"))
        let fresh = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { fresh.close() }
        fresh.send(.request("h5", "ping"))
        #expect(try await fresh.answer(to: "h5")["status"] == .number("200"))
    }

    @Test("faults apply over WebSocket: a status becomes the error frame, a broken body 'execution status unknown'")
    func faults() async throws {
        let mock = try await Self.hmacMock()
        defer { Task { await mock.stop() } }
        mock.inject(.serverError(503), into: "serverTime")
        mock.inject(MockFault(body: .malformed), into: "ping")
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send(.request("f1", "time"))
        let failed = try await socket.answer(to: "f1")
        #expect(failed["status"] == .number("503") && failed["error"]?["code"] == .number("-1001"))
        socket.send(.request("f2", "ping"))
        let broken = try await socket.answer(to: "f2")
        #expect(broken["status"] == .number("500") && broken["error"]?["code"] == .number("-1006"))
    }

    @Test("the connection's lifetime ends with serverShutdown, then a close")
    func lifetime() async throws {
        let mock = try await Self.hmacMock { $0.webSocketMaxLifetime = .milliseconds(300) }
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        let shutdown = try await socket.next()
        #expect(shutdown["event"]?["e"] == .string("serverShutdown"))
        try await socket.waitForClose()
    }
}
