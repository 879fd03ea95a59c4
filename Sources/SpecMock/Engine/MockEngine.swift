import Foundation
import SpecModel

import class ClientRuntime.Locked
import struct ClientRuntime.Redactions

/// The mock's behaviour, independent of the HTTP server: routes a request to its endpoint, applies faults, checks
/// credentials and parameters as the venue would, and answers with the venue's errors or the documented example.
final class MockEngine: Sendable {
    let spec: Spec
    private let options: MockOptions
    private let routes: RouteTable
    private let dialect: VenueDialect
    private let reader: ParameterReader
    private let auth: AuthCheck
    private let parameters: ParameterCheck
    private let examples: ExampleCatalog
    /// Endpoints that place orders: answered with order-count headers.
    private let orderEndpoints: Set<String>
    private let state: Locked<State>
    /// The stateful mode's venue, when the options carry a scenario.
    let stateful: StatefulVenue?
    /// What the records' `dump()` and `description` mask.
    private let redactions: Redactions
    /// Told about every order change and accepted order (the WebSocket user data streams listen here).
    let accountEvents = Locked<(@Sendable (AccountEvents) -> Void)?>(nil)

    private struct State {
        var records: RequestRecord
        var counter: RateLimitCounter
        var faults: [String: [MockFault]]
    }

    init(spec: Spec, options: MockOptions, stateful: StatefulVenue? = nil) throws {
        self.spec = spec
        self.options = options
        self.stateful = stateful
        routes = RouteTable(endpoints: spec.endpoints)
        dialect = VenueDialect(spec: spec)
        reader = ParameterReader(spec: spec)
        auth = try AuthCheck(auth: spec.auth, credentials: options.credentials, headerTimestampTolerance: options.headerTimestampTolerance)
        let signing = [spec.auth?.signing?.signatureParam, spec.auth?.timestampParam, spec.auth?.recvWindow?.param]
        parameters = ParameterCheck(
            spec: spec, signingParams: Set(signing.compactMap { $0 }), rejectUnknown: options.rejectUnknownParameters)
        examples = ExampleCatalog(spec: spec)
        orderEndpoints = Self.orderEndpoints(spec)
        redactions = MockRecordedRequest.redactions(for: spec.auth, credentials: options.credentials)
        state = Locked(
            State(
                records: RequestRecord(maxEntries: options.maxRecordedRequests, maxBytes: options.maxRecordedBytes),
                counter: RateLimitCounter(spec.rateLimits), faults: options.faults))
    }

    // MARK: - Inspection and faults

    /// The mock's clock.
    var now: Int64 { options.clock() }

    var records: [MockRecordedRequest] { state.withLock { $0.records.kept } }

    /// Every request received since the start (the record keeps only the latest).
    var receivedCount: Int { state.withLock { $0.records.received } }

    func clearRecords() { state.withLock { $0.records.clear() } }

    func inject(_ fault: MockFault, into endpoint: String) { state.withLock { $0.faults[endpoint, default: []].append(fault) } }

    func removeFaults(from endpoint: String?) {
        state.withLock { state in
            if let endpoint { state.faults[endpoint] = nil } else { state.faults.removeAll() }
        }
    }

    // MARK: - Handling

    /// Answers a request. `transportSignature`, when given, replaces the REST signature check for signed endpoints
    /// (the WebSocket API signs its sorted parameters): the key and timestamp are checked as for REST, then it is asked.
    func handle(_ request: IncomingRequest, transportSignature: (() -> Rejection?)? = nil) -> OutgoingResponse {
        let now = options.clock()
        guard !request.bodyTooLarge, request.body.count <= options.maxBodyBytes else {
            return record(request, nil, ReceivedParameters(), dialect.answer(.bodyTooLarge), authenticated: false)
        }
        let candidates = routes.candidates(method: request.method, path: request.path)
        guard let first = candidates.first else {
            return record(request, nil, ReceivedParameters(), dialect.answer(.unknownRoute), authenticated: false)
        }
        let received: ReceivedParameters
        switch reader.read(request, endpoint: first.endpoint, pathValues: first.pathValues) {
        case let .success(value): received = value
        case let .failure(rejection):
            let response = withLimits(dialect.answer(rejection), now: now)
            return record(request, first.endpoint, ReceivedParameters(), response, authenticated: false)
        }
        let endpoint = choose(candidates.map(\.endpoint), received)
        let weight = parameters.weight(of: endpoint, received)
        let fault = state.withLock { state -> MockFault? in
            state.counter.addWeight(weight, now: now)
            return takeFault(for: endpoint.id.value, received, &state)
        }

        let level = spec.securityLevel(named: endpoint.security.value)
        if let status = fault?.status {
            var response = dialect.answer(status == 429 ? .rateLimited : status == 418 ? .banned : .status(status))
            if let seconds = fault?.retryAfter {
                response.headers.append((spec.rateLimits?.retryAfterHeader ?? "Retry-After", String(seconds)))
            }
            response.delay = delay(fault)
            let authenticated = checkCredentials(request, received, level: level, now: now, transportSignature: transportSignature) == nil
            return record(request, endpoint, received, withLimits(response, now: now), authenticated: authenticated)
        }
        let authRejection = checkCredentials(request, received, level: level, now: now, transportSignature: transportSignature)
        if let rejection = authRejection ?? parameters.check(received, for: endpoint) {
            var response = withLimits(dialect.answer(rejection), now: now)
            response.delay = delay(fault)
            return record(request, endpoint, received, response, authenticated: authRejection == nil)
        }

        let countsOrder = orderEndpoints.contains(endpoint.id.value)
        if countsOrder { state.withLock { $0.counter.addOrder(now: now) } }
        let apiKey = spec.auth?.apiKeyHeader.flatMap(request.header)
        if let (answer, changes) = stateful?.answer(endpoint, received, now: now) {
            if !changes.isEmpty { notify(AccountEvents(apiKey: apiKey, changes: changes)) }
            if let answer {
                return record(request, endpoint, received, withLimits(answer, now: now, orderCounts: countsOrder), authenticated: true)
            }
        }
        var text = examples.body(for: endpoint, received, now: now)
        switch fault?.body {
        case .truncated?: text = String(text.prefix(max(1, text.count / 2)))
        case .malformed?: text = "<html><body>502 Bad Gateway</body></html>"
        case nil: break
        }
        var response = withLimits(.json(200, text), now: now, orderCounts: countsOrder)
        response.delay = delay(fault)
        if countsOrder, fault?.body == nil {
            notify(AccountEvents(apiKey: apiKey, placed: AccountEvents.Placed(endpoint: endpoint, parameters: received, answer: text)))
        }
        return record(request, endpoint, received, response, authenticated: true)
    }

    /// The first thing wrong with the request's credentials. With `transportSignature`, a signed level is checked
    /// for key and timestamp as for REST and then the transport's own signature check decides.
    func checkCredentials(
        _ request: IncomingRequest, _ received: ReceivedParameters, level: SecurityLevel?, now: Int64,
        transportSignature: (() -> Rejection?)? = nil
    ) -> Rejection? {
        guard let transportSignature, var level, level.signed else { return auth.check(request, received, level: level, now: now) }
        level.signed = false
        level.timestamp = true
        return auth.check(request, received, level: level, now: now) ?? transportSignature()
    }

    /// A refusal the venue words with its own code (`-1020`), in the venue's error body.
    func answer(status: Int, code: String, message: String) -> OutgoingResponse {
        dialect.answer(status: status, code: code, message: message)
    }

    func notify(_ events: AccountEvents) {
        accountEvents.withLock { $0 }?(events)
    }

    /// Counts `weight` (a WebSocket API method of its own) in the request-weight windows.
    func count(weight: Int, now: Int64) { state.withLock { $0.counter.addWeight(weight, now: now) } }

    /// The limiters' state, for a WebSocket API answer's `rateLimits`; with the order limiters when `orderCounts`.
    func rateLimitReport(now: Int64, orderCounts: Bool) -> [RateLimitCounter.Report] {
        state.withLock { $0.counter.report(now: now, orderCounts: orderCounts) }
    }

    /// Whether the endpoint places orders (counted in the order limiters).
    func placesOrders(_ endpointID: String) -> Bool { orderEndpoints.contains(endpointID) }

    /// Checks parameters of a method that is not a REST endpoint (the WebSocket API's own methods).
    func checkParameters(_ received: ReceivedParameters, for endpoint: Endpoint) -> Rejection? {
        parameters.check(received, for: endpoint)
    }

    /// The request weight of `received` for `endpoint`, by the runtime's evaluator.
    func weight(of endpoint: Endpoint, _ received: ReceivedParameters) -> Int { parameters.weight(of: endpoint, received) }

    /// The venue's wording of a refusal.
    func answer(_ rejection: Rejection) -> OutgoingResponse { dialect.answer(rejection) }

    /// The endpoints that declare an `unfilledOrderCount`; when none does (Binance JEX), every signed POST that is
    /// not a `/test` endpoint.
    private static func orderEndpoints(_ spec: Spec) -> Set<String> {
        let declared = spec.endpoints.filter { $0.unfilledOrderCount != nil }
        if !declared.isEmpty { return Set(declared.map(\.id.value)) }
        let placing = spec.endpoints.filter { endpoint in
            endpoint.method == .POST && !endpoint.path.value.hasSuffix("/test")
                && spec.securityLevel(named: endpoint.security.value)?.signed == true
        }
        return Set(placing.map(\.id.value))
    }

    /// Among endpoints sharing a method and path (JEX `ticker24hr` / `ticker24hrAll`), the one whose mandatory
    /// parameters were all sent, preferring the one that needs the most.
    private func choose(_ endpoints: [Endpoint], _ received: ReceivedParameters) -> Endpoint {
        guard endpoints.count > 1 else { return endpoints[0] }
        func required(_ endpoint: Endpoint) -> [String] {
            endpoint.params.filter { $0.required && $0.name.value != spec.auth?.timestampParam }.map(\.name.value)
        }
        let satisfied = endpoints.filter { required($0).allSatisfy(received.isPresent) }
        return satisfied.max { required($0).count < required($1).count } ?? endpoints[0]
    }

    /// The first fault for the endpoint (or `*`) whose `when` matches; counts down `times`.
    private func takeFault(for endpoint: String, _ received: ReceivedParameters, _ state: inout State) -> MockFault? {
        for key in [endpoint, "*"] {
            guard var list = state.faults[key] else { continue }
            guard
                let index = list.firstIndex(where: { fault in
                    (fault.times.map { $0 > 0 } ?? true) && fault.when.allSatisfy { received[$0.key]?.text == $0.value }
                })
            else { continue }
            let fault = list[index]
            if let times = fault.times { list[index].times = times - 1 }
            state.faults[key] = list
            return fault
        }
        return nil
    }

    private func delay(_ fault: MockFault?) -> Duration? {
        fault?.delay.map { min($0, options.maxDelay) }
    }

    private func withLimits(_ response: OutgoingResponse, now: Int64, orderCounts: Bool = false) -> OutgoingResponse {
        var response = response
        response.headers += state.withLock { $0.counter.headers(now: now, orderCounts: orderCounts) }
        return response
    }

    /// Records the request; one that did not pass the credential check keeps no body (nor parameters from it).
    private func record(
        _ request: IncomingRequest, _ endpoint: Endpoint?, _ received: ReceivedParameters, _ response: OutgoingResponse,
        authenticated: Bool
    ) -> OutgoingResponse {
        let entry = MockRecordedRequest(
            endpointID: endpoint?.id.value, method: request.method, path: request.path, query: request.query,
            headers: request.headers, body: authenticated ? request.body : Data(),
            parameters: received.dictionary(includingBody: authenticated), status: response.status, redactions: redactions)
        state.withLock { $0.records.append(entry) }
        return response
    }
}
