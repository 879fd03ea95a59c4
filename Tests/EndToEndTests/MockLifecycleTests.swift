import BinanceSpot
import ClientRuntime
import Foundation
import SpecMock
import Testing

/// The mock's own life cycle and configuration, and the example in docs/mock.md.
@Suite("Mock exchange life cycle and configuration")
struct MockLifecycleTests {
    @Test("docs/mock.md: a signed LIMIT order against a mock started for Binance, then a clean stop")
    func documentedExample() async throws {
        // What `swift run specgen mock specs/binance-spot.yaml --api-key my-test-key --secret my-test-secret` serves.
        let mock = try await MockExchange.start(
            specAt: Specs.path("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: "my-test-key", secret: "my-test-secret")))

        // The snippet of docs/mock.md, with the mock's URL.
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: "my-test-key", signer: HMACSHA256Signer(secret: "my-test-secret")))
        let response = try await client.newOrder(
            .limit(symbol: "BTCUSDT", side: .buy, timeInForce: .gtc, quantity: "0.001", price: "20000"))
        guard case let .full(order) = response else {
            Issue.record("expected the FULL answer, got \(response)")
            return
        }
        #expect(order.symbol == "BTCUSDT")
        #expect(order.status == .filled)
        #expect(client.rateLimits.orderCount["1S"] == 1)

        await mock.stop()
        await #expect(throws: TransportError.self) { try await client.ping() }
    }

    @Test("serverTime follows the mock's clock, so a client can sync its timestamps from it")
    func serverTimeIsLive() async throws {
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"), options: MockOptions(clock: { 1_800_000_000_000 }))
        defer { Task { await mock.stop() } }
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: "k", signer: HMACSHA256Signer(secret: "s")))
        let time = try await client.serverTime()
        #expect(time.serverTime == 1_800_000_000_000)
        client.runtime.setServerTimeOffset(serverTime: time.serverTime)
        _ = try await client.account()  // the mock accepts any key and signature when none is configured
    }

    @Test("the mock binds to loopback only")
    func loopbackOnly() async throws {
        let spec = try Specs.load("binance-spot.yaml")
        await #expect(throws: MockError.notLoopback("0.0.0.0")) {
            try await MockExchange.start(spec: spec, options: MockOptions(host: "0.0.0.0"))
        }
    }

    @Test("faults from YAML, JSON and the CLI flag form")
    func faultConfiguration() throws {
        let yaml = try FaultConfig.parse(
            """
            newOrder: {status: 429, retryAfter: 7}
            account: [{delayMs: 250, times: 1}, {body: truncated}]
            cancelOrder: {status: 500, when: {origClientOrderId: boom}}
            """)
        #expect(yaml["newOrder"] == [MockFault(status: 429, retryAfter: 7)])
        #expect(yaml["account"] == [MockFault(delay: .milliseconds(250), times: 1), MockFault(body: .truncated)])
        #expect(yaml["cancelOrder"] == [MockFault(status: 500, when: ["origClientOrderId": "boom"])])
        let json = try FaultConfig.parse(#"{"ping": {"status": 503}}"#)
        #expect(json["ping"] == [MockFault(status: 503)])
        let flag = try FaultConfig.parseFlag("newOrder:status=418,retryAfter=120")
        #expect(flag.endpoint == "newOrder")
        #expect(flag.fault == MockFault(status: 418, retryAfter: 120))
        #expect(throws: MockError.self) { try FaultConfig.parse("newOrder: {stauts: 429}") }
        #expect(throws: MockError.self) { try FaultConfig.parse("newOrder: {status: 1000}") }
    }
}

/// Starting on a port that is taken fails with a `MockError`, not a hang.
@Test("a port in use is reported")
func portInUse() async throws {
    let spec = try Specs.load("b2trader-frontoffice.yaml")
    let first = try await MockExchange.start(spec: spec)
    await #expect(throws: MockError.self) {
        try await MockExchange.start(spec: spec, options: MockOptions(port: first.port))
    }
    await first.stop()
}
