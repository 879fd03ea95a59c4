import ClientRuntime
import Foundation
import Testing

/// The client-side weight limiter; no wall-clock assertions.
@Suite struct WeightLimiterTests {
    @Test func admitsUpToTheLimit() async {
        let limiter = WeightLimiter(limits: [.init(weight: 10, per: .seconds(60))])
        #expect(await limiter.tryAcquire(weight: 6))
        #expect(await limiter.tryAcquire(weight: 4))
        #expect(await !limiter.tryAcquire(weight: 1))
        #expect(await limiter.usedWeight() == ["1M": 10])
    }

    @Test func headerSuffixes() {
        #expect(WeightLimiter.Limit(weight: 1, per: .seconds(60)).headerSuffix == "1M")
        #expect(WeightLimiter.Limit(weight: 1, per: .seconds(10)).headerSuffix == "10S")
        #expect(WeightLimiter.Limit(weight: 1, per: .seconds(86_400)).headerSuffix == "1D")
        #expect(WeightLimiter.Limit(weight: 1, per: .seconds(3_600)).headerSuffix == "1H")
    }

    @Test func learnsFromServerCounters() async {
        let limiter = WeightLimiter(limits: [.init(weight: 6000, per: .seconds(60))])
        #expect(await limiter.tryAcquire(weight: 10))
        await limiter.observe(usedWeight: ["1M": 5995])
        #expect(await limiter.usedWeight() == ["1M": 5995])
        #expect(await !limiter.tryAcquire(weight: 10))
        #expect(await limiter.tryAcquire(weight: 5))
    }

    @Test func waitingIsCancellable() async throws {
        let limiter = WeightLimiter(limits: [.init(weight: 1, per: .seconds(3600))])
        try await limiter.acquire(weight: 1)
        let waiter = Task { try await limiter.acquire(weight: 1) }
        waiter.cancel()
        let error = await thrownError { try await waiter.value }
        #expect(error is CancellationError)
    }

    @Test func clientAwaitsCapacityAndLearnsFromHeaders() async throws {
        let limiter = WeightLimiter(limits: [.init(weight: 100, per: .seconds(3600))])
        let transport = RecordingTransport()
        transport.enqueue(headers: ["X-MBX-USED-WEIGHT-1H": "90"], body: "{}")
        let client = Binance.client(transport: transport) { $0.rateLimiter = limiter }
        _ = try await client.send(Call<EmptyResponse, Ping>(weight: 20))
        #expect(await limiter.usedWeight() == ["1H": 90])
        // 90 + 20 > 100: the next call waits; cancelling it sends nothing.
        let ping = Call<EmptyResponse, Ping>(weight: 20)
        let task = Task { try await client.send(ping) }
        task.cancel()
        let error = await thrownError { try await task.value }
        #expect(error is CancellationError)
        #expect(transport.requests.count == 1)
    }

    @Test func retryAfterPausesTheLimiter() async throws {
        let limiter = WeightLimiter(limits: [.init(weight: 100, per: .seconds(60))])
        let transport = RecordingTransport()
        transport.enqueue(status: 429, headers: ["Retry-After": "600"], body: "")
        let client = Binance.client(transport: transport) { $0.rateLimiter = limiter }
        _ = await thrownError { try await client.send(Call<EmptyResponse, Ping>()) }
        #expect(await !limiter.tryAcquire(weight: 1))
    }
}
