import ClientRuntime
import Foundation
import HTTPTypes
import Testing

/// Each pipeline step alone, with a stand-in for the rest of the pipeline.
@Suite struct PipelineStepTests {
    /// Records the requests `next` receives and answers from a queue.
    final class FakeNext: Sendable {
        private let state: Locked<(seen: [OutgoingRequest], replies: [Result<WireResponse, HTTPTransportFailure>])>

        init(_ replies: [Result<WireResponse, HTTPTransportFailure>] = [.success(WireResponse(status: 200))]) {
            state = Locked((seen: [], replies: replies))
        }

        var seen: [OutgoingRequest] { state.withLock { $0.seen } }

        var next: RequestStep.Next {
            { request, _ in
                try self.state.withLock { state in
                    state.seen.append(request)
                    let reply = state.replies.count > 1 ? state.replies.removeFirst() : state.replies[0]
                    return try reply.get()
                }
            }
        }
    }

    static let get = RequestContext(endpoint: OrderGet.endpoint)
    static let post = RequestContext(endpoint: OrderForm.endpoint)
    static let request = OutgoingRequest(parameters: Binance.orderParameters(), weight: 4, timestamp: 1)

    @Test func validationRefusesBeforeCallingNext() async throws {
        let next = FakeNext()
        let failing = RequestContext(endpoint: OrderForm.endpoint) { _ in
            throw RequestValidationError(endpoint: "newOrder", rule: "price", message: "price is required")
        }
        let error = await thrownError { try await ValidationStep().handle(Self.request, context: failing, next: next.next) }
        #expect(error is RequestValidationError)
        #expect(next.seen.isEmpty)
        let off = RequestContext(endpoint: OrderForm.endpoint, validates: false) { _ in
            throw RequestValidationError(endpoint: "newOrder", rule: "price", message: "price is required")
        }
        _ = try await ValidationStep().handle(Self.request, context: off, next: next.next)
        #expect(next.seen.count == 1)
    }

    @Test func retryRepeatsAGetAfterATimeoutAndA5XX() async throws {
        let next = FakeNext([
            .failure(HTTPTransportFailure(.timedOut, "slow")), .success(WireResponse(status: 503)), .success(WireResponse(status: 200)),
        ])
        let step = RetryStep(profile: Binance.profile, maxRetries: 2, backoff: .zero)
        let response = try await step.handle(Self.request, context: Self.get, next: next.next)
        #expect(response.status == 200)
        #expect(next.seen.count == 3)
    }

    @Test func retryNeverRepeatsAPostAndClassifiesTheFailure() async throws {
        let step = RetryStep(profile: Binance.profile, maxRetries: 5, backoff: .zero)
        let lost = FakeNext([.failure(HTTPTransportFailure(.connectionLost, "reset"))])
        let error = await thrownError { try await step.handle(Self.request, context: Self.post, next: lost.next) }
        #expect((error as? ExecutionUnknownError)?.orderMayExist == true)
        #expect(lost.seen.count == 1)
        let refused = FakeNext([.failure(HTTPTransportFailure(.notSent, "refused"))])
        let notSent = await thrownError { try await step.handle(Self.request, context: Self.get, next: refused.next) }
        #expect(notSent is TransportError)
        #expect(refused.seen.count == 1)
        let failing = FakeNext([.success(WireResponse(status: 500))])
        #expect(try await step.handle(Self.request, context: Self.post, next: failing.next).status == 500)
        #expect(failing.seen.count == 1)
    }

    @Test func rateLimitStepAcquiresWeightAndLearnsFromHeaders() async throws {
        let limiter = WeightLimiter(limits: [.init(weight: 10, per: .seconds(60))])
        let counters = Locked(RateLimitState())
        let step = RateLimitStep(profile: Binance.profile, limiter: limiter, counters: counters, clock: { 0 })
        let next = FakeNext([.success(WireResponse(status: 200, headers: ["X-MBX-USED-WEIGHT-1M": "7"]))])
        _ = try await step.handle(Self.request, context: Self.post, next: next.next)
        #expect(counters.withLock { $0.usedWeight } == ["1M": 7])
        // 4 spent here, 3 more that the venue counted: 7 of 10, so weight 4 no longer fits.
        #expect(await limiter.usedWeight() == ["1M": 7])
        #expect(await limiter.tryAcquire(weight: 4) == false)
    }

    @Test func rateLimitStepPausesTheLimiterOnRetryAfter() async throws {
        let limiter = WeightLimiter(limits: [.init(weight: 1000, per: .seconds(60))])
        let step = RateLimitStep(profile: Binance.profile, limiter: limiter, counters: Locked(RateLimitState()), clock: { 0 })
        let next = FakeNext([.success(WireResponse(status: 429, headers: ["Retry-After": "30"]))])
        #expect(try await step.handle(Self.request, context: Self.post, next: next.next).status == 429)
        #expect(await limiter.tryAcquire(weight: 1) == false)
    }

    @Test func tokenStepRefreshesOnceAfterA401() async throws {
        let tokens = RotatingTokens()
        let step = TokenRefreshStep(credentials: .bearer(tokens))
        let context = RequestContext(endpoint: BearerAuthTests.Accounts.endpoint)
        let next = FakeNext([.success(WireResponse(status: 401)), .success(WireResponse(status: 401))])
        #expect(try await step.handle(Self.request, context: context, next: next.next).status == 401)
        #expect(next.seen.map { $0.bearerToken?.withValue { $0 } } == ["jwt-old-token", "jwt-new-token"])
        #expect(await tokens.calls == [false, true])
    }

    @Test func tokenStepLeavesOtherEndpointsAlone() async throws {
        let next = FakeNext()
        _ = try await TokenRefreshStep(credentials: .none).handle(Self.request, context: Self.post, next: next.next)
        #expect(next.seen.first?.bearerToken == nil)
    }

    @Test func timeSyncStampsTheServerTime() async throws {
        let clock = ServerClock(local: { 1_000 })
        clock.sync(serverTime: 1_250)
        let next = FakeNext()
        _ = try await TimeSyncStep(clock: clock).handle(Self.request, context: Self.post, next: next.next)
        #expect(next.seen.first?.timestamp == 1_250)
    }

    @Test func serverClockSaturatesInsteadOfTrapping() {
        let local = ManualClock(-1_000)
        let clock = ServerClock(local: { local.now })
        clock.sync(serverTime: .max)
        #expect(clock.offset == .max)
        local.set(1_000)
        #expect(clock.now() == .max)
    }

    @Test func loggingStepLogsEachExchangeWithItsOutcome() async throws {
        let capture = LogCapture()
        var built = Self.request
        built.http = WireRequest(HTTPRequest(method: .post, url: URL(string: "https://api.binance.com/api/v3/order")!))
        let ok = FakeNext([.success(WireResponse(status: 201))])
        _ = try await LoggingStep(logger: capture.logger).handle(built, context: Self.post, next: ok.next)
        #expect(capture.text.contains("debug POST /api/v3/order → 201 in "))
        let lost = FakeNext([.failure(HTTPTransportFailure(.connectionLost, "reset by peer"))])
        _ = await thrownError { try await LoggingStep(logger: capture.logger).handle(built, context: Self.post, next: lost.next) }
        #expect(capture.text.contains("warning POST /api/v3/order failed after "))
        #expect(capture.text.contains("error=connectionLost: reset by peer"))
    }

    @Test func loggingStepRefusesAnUnbuiltRequest() async throws {
        let capture = LogCapture()
        let next = FakeNext()
        let error = await thrownError { try await LoggingStep(logger: capture.logger).handle(Self.request, context: Self.post, next: next.next) }
        #expect((error as? RequestValidationError)?.violations.first?.kind == "pipeline")
        #expect(next.seen.isEmpty)
    }
}
