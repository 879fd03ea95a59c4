/// Refuses a request that breaks the spec's parameter rules, before anything else happens to it.
public struct ValidationStep: RequestStep {
    /// Creates the step.
    public init() {}

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        try Self.check(request, context)
        return try await next(request, context)
    }

    static func check(_ request: OutgoingRequest, _ context: RequestContext) throws {
        if context.validates { try context.check(request.parameters) }
    }
}
