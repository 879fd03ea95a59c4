import Logging

/// Logs each exchange (method, path, status or failure, duration) with credentials redacted, and the full
/// request at trace level.
public struct LoggingStep: RequestStep {
    let logger: Logger

    /// Creates the step.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        let http = try request.wire(for: context.endpoint)
        logger.trace("request", metadata: ["endpoint": "\(context.endpoint.id)", "request": "\(http)"])
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(context.endpoint, http, status: response.status, started: started, note: nil)
            return response
        } catch let failure as HTTPTransportFailure {
            log(context.endpoint, http, status: nil, started: started, note: failure.description)
            throw failure
        }
    }

    private func log(_ endpoint: Endpoint, _ request: WireRequest, status: Int?, started: ContinuousClock.Instant, note: String?) {
        let elapsed = ContinuousClock.now - started
        let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let path = request.path
        let outcome = status.map(String.init) ?? "failed"
        var metadata: Logger.Metadata = [
            "endpoint": "\(endpoint.id)", "method": "\(request.method.rawValue)", "path": "\(path)",
            "durationMs": "\(millis)",
        ]
        if let status { metadata["status"] = "\(status)" }
        if let note {
            metadata["error"] = "\(note)"
            logger.warning("\(request.method.rawValue) \(path) \(outcome) after \(millis) ms", metadata: metadata)
        } else {
            logger.debug("\(request.method.rawValue) \(path) → \(outcome) in \(millis) ms", metadata: metadata)
        }
    }
}

extension OutgoingRequest {
    /// The signed wire request; an error if no ``AuthenticationStep`` has run (a step calling `next` out of order).
    func wire(for endpoint: Endpoint) throws -> WireRequest {
        guard let http else {
            throw RequestValidationError(endpoint: endpoint.id, rule: "pipeline", message: "the request was not built before sending")
        }
        return http
    }
}
