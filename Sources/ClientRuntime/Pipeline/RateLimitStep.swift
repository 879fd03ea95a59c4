/// Waits for room in the client-side weight limiter, then learns from the venue's rate-limit headers: the used
/// weight (kept in `counters` and fed to the limiter), and a `Retry-After` on 429/418 that pauses the limiter.
public struct RateLimitStep: RequestStep {
    let profile: APIProfile
    let limiter: WeightLimiter?
    let counters: Locked<RateLimitState>
    let clock: @Sendable () -> Int64

    /// Creates the step; `counters` receives the latest counters from every response.
    public init(profile: APIProfile, limiter: WeightLimiter?, counters: Locked<RateLimitState>, clock: @escaping @Sendable () -> Int64) {
        self.profile = profile
        self.limiter = limiter
        self.counters = counters
        self.clock = clock
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        if let limiter { try await limiter.acquire(weight: request.weight) }
        let response = try await next(request, context)
        if let names = profile.rateLimitHeaders {
            let used = counters.withLock { counters in
                counters.update(from: response.head.headerFields, names: names)
                return counters.usedWeight
            }
            if let limiter { await limiter.observe(usedWeight: used) }
        }
        if let limiter, let pause = profile.retryAfter(in: response, now: clock()) {
            await limiter.pause(for: pause)
        }
        return response
    }
}

extension APIProfile {
    /// The wait a rate-limited (429) or banned (418) response asks for, from its `Retry-After` header.
    func retryAfter(in response: WireResponse, now: Int64) -> Duration? {
        let meaning = meaning(of: response.status)
        guard meaning == .rateLimited || meaning == .ipBanned else { return nil }
        return parseRetryAfter(response.header(rateLimitHeaders?.retryAfter ?? "Retry-After"), now: now)
    }
}
