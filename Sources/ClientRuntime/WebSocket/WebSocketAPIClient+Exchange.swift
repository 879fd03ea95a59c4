import Foundation
import HTTPTypes

extension WebSocketAPIClient: ConnectionOwner {
    /// Sends `method` with `parameters` on `given` (restoring a connection) or the open connection, and waits for
    /// its answer. `subscription`: the event subscription this request makes.
    func exchange(
        _ method: WebSocketMethodInfo, _ parameters: Parameters, on given: WebSocketLink? = nil, subscription: Int? = nil
    ) async throws -> WebSocketInbound.Answer {
        if let limiter = options.rateLimiter { try await limiter.acquire(weight: method.weight) }
        let link: WebSocketLink
        if let given { link = given } else { link = try await keeper.link(for: self) }
        if method.requiresLogon, given == nil, !loggedOn.contains(link.number) { _ = try result(of: try await logon(on: link), method) }
        requestCount += 1
        let id = String(requestCount)
        let signedIn = loggedOn.contains(link.number) && method.name != webSocket.logonMethod?.name
        let text = try frame.text(id: id, method: method, parameters: parameters, timestamp: clock.now(), loggedOn: signedIn)
        if let subscription { subscribing[id] = subscription }
        defer { subscribing[id] = nil }
        let timeout = webSocketOptions.requestTimeout
        let orderMayExist = !method.isIdempotent
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pending.register(
                    id, connection: link.number, continuation: continuation, timeout: timeout,
                    timeoutError: { ExecutionUnknownError(endpoint: method.name, status: nil, reason: "no answer within \(timeout)", orderMayExist: orderMayExist) },
                    onClose: { ExecutionUnknownError(endpoint: method.name, status: nil, reason: "\($0) before the answer", orderMayExist: orderMayExist) })
                link.send(text)
            }
        } onCancel: { [pending] in
            pending.fail(id, with: CancellationError())
        }
    }

    /// Logs `link` on with the profile's logon method; on success later signed requests there skip key and
    /// signature, and reconnections log on again.
    func logon(on link: WebSocketLink) async throws -> WebSocketInbound.Answer {
        guard let method = webSocket.logonMethod else { throw noSuchMethod("logon") }
        let answer = try await exchange(method, Parameters(), on: link)
        if (200..<300).contains(answer.status) {
            loggedOn.insert(link.number)
            keepsSession = true
        }
        return answer
    }

    /// The answer's `result` as a response to decode, or the typed error its `status` and `error` mean.
    func result(of answer: WebSocketInbound.Answer, _ method: WebSocketMethodInfo) throws -> WireResponse {
        guard (100...599).contains(answer.status) else {
            throw ResponseDecodingError(endpoint: method.name, path: webSocket.statusField, message: "status \(answer.status) is not an HTTP status")
        }
        let status = HTTPResponse.Status(code: answer.status)
        guard (200..<300).contains(answer.status) else {
            let response = WireResponse(HTTPResponse(status: status), body: answer.error ?? Data())
            throw reader.failure(for: response, endpoint: method.name, idempotent: method.isIdempotent, now: options.clock())
        }
        return WireResponse(HTTPResponse(status: status), body: answer.result)
    }

    func noSuchMethod(_ role: String) -> RequestValidationError {
        RequestValidationError(endpoint: role, rule: "webSocketAPI", message: "the spec names no \(role) method of the WebSocket API")
    }

    // MARK: ConnectionOwner

    func connectionURL() async -> URL { url }

    func receive(_ text: String, on link: WebSocketLink) async {
        switch WebSocketInbound.parse(text, profile: webSocket) {
        case .answer(let answer):
            if let reports = answer.rateLimits { await note(reports) }
            guard let id = answer.id else { return }
            if let local = subscribing[id], (200..<300).contains(answer.status), let field = webSocket.subscriptionIdField,
                let members = JSONObjectScanner.members(of: answer.result),
                let serverID = members.first(where: { $0.key == field })?.scalarText(in: answer.result).flatMap({ Int($0) })
            {
                subscriptions[local]?.serverID = serverID
            }
            pending.resolve(id, with: answer)
        case .event(let subscriptionID, let payload):
            // Connection events (no subscription id, such as `serverShutdown`) go to every subscriber.
            for subscription in subscriptions.values where subscriptionID == nil || subscription.serverID == subscriptionID {
                subscription.deliver(payload)
            }
            // Announced closes (maintenance, the 24-hour limit): move now rather than after the drop.
            if subscriptionID == nil, webSocket.isShutdown(payload) { await keeper.retire(link) }
        case .other:
            break
        }
    }

    func restore(_ link: WebSocketLink) async throws {
        if keepsSession { _ = try result(of: try await logon(on: link), webSocket.logonMethod ?? .init(name: "logon", security: .none)) }
        for (local, subscription) in subscriptions.sorted(by: { $0.key < $1.key }) where subscription.established {
            _ = try result(of: try await exchange(subscription.method, subscription.parameters, on: link, subscription: local), subscription.method)
        }
    }

    func connectionEnded(_ link: WebSocketLink, reason: String) async {
        pending.connectionEnded(link.number, reason: reason)
        loggedOn.remove(link.number)
        if await keeper.openLink == nil {
            for local in subscriptions.keys { subscriptions[local]?.serverID = nil }
        }
    }

    func wantsConnection() async -> Bool { keepsSession || !subscriptions.isEmpty }

    /// Ends subscription `local` (its stream finished or was dropped by the caller) and tells the server.
    func endSubscription(_ local: Int) async {
        guard let subscription = subscriptions.removeValue(forKey: local) else { return }
        guard let serverID = subscription.serverID, let method = webSocket.unsubscribeMethod else { return }
        var parameters = Parameters()
        parameters.add(webSocket.subscriptionIdField ?? "subscriptionId", serverID, in: .body)
        _ = try? await exchange(method, parameters)
    }

    /// Merges an answer's `rateLimits` into the counters and teaches the limiter the venue's count.
    private func note(_ reports: Data) async {
        guard let entries = try? JSONResponseDecoder().decode([RateLimitReportEntry].self, from: reports) else { return }
        let used = counters.withLock { state in
            state.update(from: entries)
            return state.usedWeight
        }
        if let limiter = options.rateLimiter { await limiter.observe(usedWeight: used) }
    }
}
