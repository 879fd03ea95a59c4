import Foundation
import Logging

/// Sends an API's requests: builds and signs them, enforces timeouts, retries and rate limits, and maps
/// every answer to the response type or a typed error. `Failure` is the API's generated error catalog.
public final class APIClient<Failure: VenueError>: Sendable {
    /// The API's profile.
    public let profile: APIProfile
    /// The server all paths are relative to.
    public let baseURL: URL
    /// The options in force.
    public let options: ClientOptions
    private let credentials: Credentials
    private let transport: any HTTPTransport
    private let builder: RequestBuilder
    private let reader: ResponseReader<Failure>
    private let state = Locked(State())

    private struct State {
        var offset: Int64 = 0
        var rateLimits = RateLimitState()
    }

    /// Creates a client.
    public init(
        profile: APIProfile, baseURL: URL, credentials: Credentials, transport: any HTTPTransport,
        options: ClientOptions = .init()
    ) {
        self.profile = profile
        self.baseURL = baseURL
        self.credentials = credentials
        self.transport = transport
        self.options = options
        builder = RequestBuilder(
            profile: profile, baseURL: baseURL, timeout: options.timeout, recvWindow: options.recvWindow,
            timeUnit: options.timeUnit, userAgent: options.userAgent)
        reader = ResponseReader(profile: profile, drift: DriftSink(options.driftReporting, logger: options.logger))
    }

    /// The latest rate-limit counters from response headers (updated after every response, errors included).
    public var rateLimits: RateLimitState {
        state.withLock { $0.rateLimits }
    }

    /// The server-time offset in milliseconds added to `options.clock()` for timestamps.
    public var serverTimeOffset: Int64 {
        state.withLock { $0.offset }
    }

    /// Keeps `offset = serverTime - clock()`, so timestamps follow the server's clock (prevents -1021).
    public func setServerTimeOffset(serverTime: Int64) {
        let offset = serverTime - options.clock()
        state.withLock { $0.offset = offset }
    }

    /// The timestamp the next signed request would carry: `clock() + offset`.
    public func currentTimestamp() -> Int64 {
        options.clock() + serverTimeOffset
    }

    /// Sends `request` and decodes its response.
    ///
    /// Throws `RequestValidationError` (refused before sending), `Failure` (the venue's error body or a
    /// failed envelope), `RateLimitError`, `ExecutionUnknownError`, `HTTPStatusError`, `TransportError`,
    /// `ResponseDecodingError` or `CancellationError`. `validation` overrides `options.validation` for this call.
    public func send<R: APIRequest>(_ request: R, validation: ClientOptions.Validation? = nil) async throws -> R.Response {
        let endpoint = R.endpoint
        let parameters = request.parameters
        let validates = (validation ?? options.validation) == .beforeSend
        if validates { try request.validate(parameters, against: options.exchangeFilters) }
        let weight = request.weight(for: parameters)
        var attempt = 0
        var refreshToken = false
        while true {
            try Task.checkCancellation()
            if let limiter = options.rateLimiter { try await limiter.acquire(weight: weight) }
            let token = try await bearerToken(for: endpoint, forceRefresh: refreshToken)
            let context = RequestBuilder.Context(
                credentials: credentials, timestamp: currentTimestamp(), bearerToken: token, checksRecvWindow: validates)
            let http = try builder.build(endpoint, parameters, context)
            options.logger?.trace("request", metadata: ["endpoint": "\(endpoint.id)", "request": "\(http)"])

            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await exchange(http)
            } catch {
                let failure = Self.classify(error)
                let message = http.redactions.scrub(failure.message)
                log(endpoint, http, status: nil, started: started, note: "\(failure.kind): \(message)")
                switch failure.kind {
                case .timedOut, .connectionLost:
                    if endpoint.isIdempotent {
                        if attempt < options.maxIdempotentRetries {
                            attempt += 1
                            try await Task.sleep(for: options.retryBackoff * attempt)
                            continue
                        }
                        throw TransportError(endpoint: endpoint.id, message: message)
                    }
                    throw ExecutionUnknownError(
                        endpoint: endpoint.id, status: nil, reason: message, orderMayExist: true)
                case .cancelled:
                    if endpoint.isIdempotent { throw CancellationError() }
                    throw ExecutionUnknownError(
                        endpoint: endpoint.id, status: nil, reason: "cancelled while the request was in flight",
                        orderMayExist: true)
                case .notSent, .other:
                    throw TransportError(endpoint: endpoint.id, message: message)
                }
            }
            await observe(response)
            log(endpoint, http, status: response.status, started: started, note: nil)

            let status = response.status
            if (200..<300).contains(status) {
                return try reader.decode(request, response)
            }
            if status == 401, endpoint.security.bearer, !refreshToken, case .bearer = credentials {
                refreshToken = true
                continue
            }
            let meaning = profile.meaning(of: status)
            switch meaning {
            case .rateLimited, .ipBanned:
                let header = profile.rateLimitHeaders?.retryAfter ?? "Retry-After"
                let retryAfter = parseRetryAfter(response.headers[header], now: options.clock())
                if let retryAfter, let limiter = options.rateLimiter { await limiter.pause(for: retryAfter) }
                throw RateLimitError(
                    endpoint: endpoint.id, status: status, retryAfter: retryAfter, isBan: meaning == .ipBanned,
                    body: response.body)
            case .executionUnknown:
                if endpoint.isIdempotent, attempt < options.maxIdempotentRetries {
                    attempt += 1
                    try await Task.sleep(for: options.retryBackoff * attempt)
                    continue
                }
                let venue = reader.venueMessage(in: response).map { ": \($0)" } ?? ""
                throw ExecutionUnknownError(
                    endpoint: endpoint.id, status: status, reason: "server error\(venue)",
                    orderMayExist: !endpoint.isIdempotent, body: response.body)
            default:
                if let failure = reader.venueError(in: response) { throw failure }
                throw HTTPStatusError(endpoint: endpoint.id, status: status, meaning: meaning, body: response.body)
            }
        }
    }

    // MARK: - Steps

    private func bearerToken(for endpoint: Endpoint, forceRefresh: Bool) async throws -> Secret? {
        guard endpoint.security.bearer else { return nil }
        guard case .bearer(let provider) = credentials else {
            throw RequestValidationError(
                endpoint: endpoint.id, rule: "credentials", message: "endpoint needs a bearer token; the client has none")
        }
        return try await provider.token(forceRefresh: forceRefresh)
    }

    /// Sends through the transport, racing the timeout plus a grace of a quarter (at most 2 s), so a transport
    /// that honours its deadline reports its own, better classified failure (e.g. a refused connection).
    private func exchange(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transport = transport
        let timeout = request.timeout + min(request.timeout / 4, .seconds(2))
        return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
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

    private func observe(_ response: HTTPResponse) async {
        guard let names = profile.rateLimitHeaders else { return }
        let used = state.withLock { state in
            state.rateLimits.update(from: response.headers, names: names)
            return state.rateLimits.usedWeight
        }
        if let limiter = options.rateLimiter { await limiter.observe(usedWeight: used) }
    }

    private func log(_ endpoint: Endpoint, _ request: HTTPRequest, status: Int?, started: ContinuousClock.Instant, note: String?) {
        guard let logger = options.logger else { return }
        let elapsed = ContinuousClock.now - started
        let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let path = request.url.path
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

    /// Sorts a transport's error into the kinds the client acts on.
    static func classify(_ error: any Error) -> HTTPTransportFailure {
        if Task.isCancelled || error is CancellationError {
            return HTTPTransportFailure(.cancelled, "cancelled")
        }
        if let failure = error as? HTTPTransportFailure { return failure }
        if let urlError = error as? URLError { return URLSessionTransport.classify(urlError) }
        return HTTPTransportFailure(.other, String(describing: error))
    }
}
