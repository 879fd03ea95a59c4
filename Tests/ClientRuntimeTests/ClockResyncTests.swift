import ClientRuntime
import Foundation
import Testing

/// A refused timestamp (Binance -1021) triggers one server-time sync and one resend; an optional interval resyncs
/// before requests.
@Suite struct ClockResyncTests {
    static let rejection = WireResponse(
        status: 400, text: #"{"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server's time."}"#)
    static let profile: APIProfile = {
        var profile = Binance.profile
        profile.auth.serverTime = ServerTimeSync(path: "/api/v3/time", field: "serverTime", rejectionCodes: ["-1021"])
        return profile
    }()

    /// Counts server-time fetches and answers with `time`, or fails when it is nil.
    final class TimeSource: Sendable {
        private let fetches = Locked(0)
        let time: Int64?
        init(_ time: Int64?) { self.time = time }
        var count: Int { fetches.withLock { $0 } }
        func fetch() throws -> Int64 {
            fetches.withLock { $0 += 1 }
            guard let time else { throw HTTPTransportFailure(.notSent, "refused") }
            return time
        }
    }

    func step(_ source: TimeSource, clock: ServerClock, interval: Duration? = nil) -> TimeSyncStep {
        TimeSyncStep(
            clock: clock,
            resync: .init(isRejection: { $0.status == 400 }, fetch: { try source.fetch() }, interval: interval))
    }

    @Test func rejectionResyncsOnceAndResendsWithTheServerTime() async throws {
        let source = TimeSource(5_000)
        let clock = ServerClock(local: { 9_000 })
        let next = PipelineStepTests.FakeNext([.success(Self.rejection), .success(Self.rejection)])
        let response = try await step(source, clock: clock).handle(PipelineStepTests.request, context: PipelineStepTests.post, next: next.next)
        #expect(response.status == 400, "a second rejection is the caller's")
        #expect(next.seen.map(\.timestamp) == [9_000, 5_000])
        #expect(source.count == 1)
        #expect(clock.offset == -4_000)
    }

    @Test func failedResyncHandsBackTheRejection() async throws {
        let source = TimeSource(nil)
        let next = PipelineStepTests.FakeNext([.success(Self.rejection)])
        let response = try await step(source, clock: ServerClock(local: { 9_000 })).handle(
            PipelineStepTests.request, context: PipelineStepTests.post, next: next.next)
        #expect(response.status == 400)
        #expect(next.seen.count == 1)
    }

    @Test func periodicResyncRunsWhenTheLastSyncIsTooOld() async throws {
        let source = TimeSource(5_000)
        let clock = ServerClock(local: { 9_000 })
        let next = PipelineStepTests.FakeNext()
        let hourly = step(source, clock: clock, interval: .seconds(3600))
        _ = try await hourly.handle(PipelineStepTests.request, context: PipelineStepTests.post, next: next.next)
        _ = try await hourly.handle(PipelineStepTests.request, context: PipelineStepTests.post, next: next.next)
        #expect(source.count == 1, "first request syncs, the second is within the hour")
        #expect(next.seen.map(\.timestamp) == [5_000, 5_000])
        _ = try await step(source, clock: clock, interval: .zero).handle(
            PipelineStepTests.request, context: PipelineStepTests.post, next: next.next)
        #expect(source.count == 2)
    }

    @Test func clientResyncsFromTheSpecsTimeEndpointAndResendsTheOrder() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.response(Self.rejection))
        transport.enqueue(body: #"{"serverTime": 1499827319000}"#)
        transport.enqueue(body: "{}")
        let client = APIClient<TestVenueError>(
            profile: Self.profile, baseURL: Binance.baseURL,
            credentials: .signed(apiKey: Binance.apiKey, signer: HMACSHA256Signer(secret: Secret(Binance.secretKey))),
            transport: transport, options: ClientOptions(clock: { Binance.exampleTimestamp }))
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        let sent = transport.requests
        #expect(sent.map { "\($0.method.rawValue) \($0.path)" } == ["POST /api/v3/order", "GET /api/v3/time", "POST /api/v3/order"])
        #expect(sent[1].header("X-MBX-APIKEY") == nil)
        #expect(sent[0].bodyText.contains("timestamp=1499827319559&"))
        #expect(sent[2].bodyText.contains("timestamp=1499827319000&"))
        #expect(client.serverTimeOffset == -559)
    }

    @Test func otherErrorsAndDisabledResyncSendOnce() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 400, body: #"{"code":-1013,"msg":"Filter failure: LOT_SIZE"}"#)
        transport.enqueue(.response(Self.rejection))
        for resync in [true, false] {
            let client = APIClient<TestVenueError>(
                profile: Self.profile, baseURL: Binance.baseURL,
                credentials: .signed(apiKey: Binance.apiKey, signer: HMACSHA256Signer(secret: Secret(Binance.secretKey))),
                transport: transport, options: ClientOptions(clock: { Binance.exampleTimestamp }, resyncsClockOnRejection: resync))
            let error = await thrownError { try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters())) }
            #expect((error as? TestVenueError)?.code == (resync ? "-1013" : "-1021"))
        }
        #expect(transport.requests.count == 2)
    }
}
