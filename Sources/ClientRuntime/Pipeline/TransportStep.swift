import Foundation

/// The end of the pipeline: sends the wire request through the transport. Unless the transport enforces the
/// timeout itself, it races it against the timeout plus a grace of a quarter (at most 2 s), so a transport that
/// honours its deadline reports its own, better classified failure and one that hangs still fails.
/// Every failure leaves as an `HTTPTransportFailure` whose message has the request's credentials scrubbed.
struct TransportStep: Sendable {
    let transport: any HTTPTransport

    func send(_ request: OutgoingRequest, _ context: RequestContext) async throws -> WireResponse {
        let http = try request.wire(for: context.endpoint)
        do {
            return try await exchange(http)
        } catch {
            let failure = Self.classify(error)
            throw HTTPTransportFailure(failure.kind, http.redactions.scrub(failure.message))
        }
    }

    private func exchange(_ request: WireRequest) async throws -> WireResponse {
        let transport = transport
        if transport.enforcesTimeout { return try await transport.send(request) }
        let timeout = request.timeout + min(request.timeout / 4, .seconds(2))
        return try await withThrowingTaskGroup(of: WireResponse?.self) { group in
            group.addTask { try await transport.send(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw HTTPTransportFailure(.timedOut, "no response within \(timeout)")
            }
            return response
        }
    }

    /// Sorts a transport's error into the kinds the client acts on.
    static func classify(_ error: any Error) -> HTTPTransportFailure {
        if Task.isCancelled || error is CancellationError {
            return HTTPTransportFailure(.cancelled, "cancelled")
        }
        if let failure = error as? HTTPTransportFailure { return failure }
        if let urlError = error as? URLError { return HTTPTransportFailure(urlError) }
        return HTTPTransportFailure(.other, String(describing: error))
    }
}
