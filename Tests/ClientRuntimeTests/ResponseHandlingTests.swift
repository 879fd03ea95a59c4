import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import Testing

/// Statuses, error bodies, envelopes, decoding errors, retries and timeouts.
@Suite struct ResponseHandlingTests {
    private func client(_ transport: any HTTPTransport, retries: Int = 0, timeout: Duration = .seconds(10)) -> APIClient<TestVenueError> {
        Binance.client(transport: transport) {
            $0.maxIdempotentRetries = retries
            $0.timeout = timeout
        }
    }

    private var order: Call<EmptyResponse, OrderForm> { Call(Binance.orderParameters()) }
    private var ping: Call<EmptyResponse, Ping> { Call() }

    @Test func errorBodyBecomesTheVenueError() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 400, body: #"{"code": -1121, "msg": "Invalid symbol."}"#)
        let error = await thrownError { try await client(transport).send(order) }
        let failure = try #require(error as? TestVenueError)
        #expect(failure.code == "-1121")
        #expect(failure.message == "Invalid symbol.")
        #expect(failure.httpStatus == 400)
        #expect(String(decoding: failure.body, as: UTF8.self).contains("-1121"))
    }

    @Test func partialSuccessBodyIsTheVenueErrorWithItsBody() async throws {
        let transport = RecordingTransport()
        let body = #"{"code": -2021, "msg": "Order cancel-replace partially failed.", "data": {"cancelResult": "SUCCESS"}}"#
        transport.enqueue(status: 409, body: body)
        let error = await thrownError { try await client(transport).send(order) }
        let failure = try #require(error as? TestVenueError)
        #expect(failure.code == "-2021")
        #expect(failure.httpStatus == 409)
        #expect(String(decoding: failure.body, as: UTF8.self) == body)
    }

    @Test func firewallWithoutErrorBodyIsAStatusError() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 403, body: "<html>Forbidden</html>")
        let error = await thrownError { try await client(transport).send(order) }
        let status = try #require(error as? HTTPStatusError)
        #expect(status.status == 403)
        #expect(status.meaning == .firewall)
        #expect(status.endpoint == "newOrder")
    }

    @Test func tooManyRequestsIsARateLimitErrorWithRetryAfter() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 429, headers: ["retry-after": "7"], body: #"{"code": -1003, "msg": "Too many requests."}"#)
        let error = await thrownError { try await client(transport).send(order) }
        let limit = try #require(error as? RateLimitError)
        #expect(limit.status == 429)
        #expect(limit.retryAfter == .seconds(7))
        #expect(!limit.isBan)
        #expect(transport.requests.count == 1)
    }

    @Test func teapotIsAnIPBan() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 418, headers: ["Retry-After": "120"], body: "")
        let error = await thrownError { try await client(transport).send(ping) }
        let limit = try #require(error as? RateLimitError)
        #expect(limit.isBan)
        #expect(limit.retryAfter == .seconds(120))
    }

    @Test func orderCount429WithoutRetryAfter() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 429, body: #"{"code": -1015, "msg": "Too many new orders."}"#)
        let error = await thrownError { try await client(transport).send(order) }
        #expect((error as? RateLimitError)?.retryAfter == nil)
    }

    @Test func serverErrorOnPostIsExecutionUnknownAndNotRetried() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 503, body: #"{"code": -1007, "msg": "Timeout waiting for response from backend server."}"#)
        transport.enqueue(body: "{}")
        let error = await thrownError { try await client(transport, retries: 2).send(order) }
        let unknown = try #require(error as? ExecutionUnknownError)
        #expect(unknown.status == 503)
        #expect(unknown.orderMayExist)
        #expect(unknown.description.contains("order may exist"))
        #expect(unknown.reason.contains("-1007"))
        #expect(transport.requests.count == 1)
    }

    @Test func serverErrorOnGetIsRetried() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 503, body: "")
        transport.enqueue(.failure(HTTPTransportFailure(.timedOut, "timed out")))
        transport.enqueue(body: "{}")
        _ = try await client(transport, retries: 2).send(ping)
        #expect(transport.requests.count == 3)
    }

    @Test func getRetriesRunOut() async throws {
        let transport = RecordingTransport()
        for _ in 0..<3 { transport.enqueue(status: 500, body: "") }
        let error = await thrownError { try await client(transport, retries: 2).send(ping) }
        let unknown = try #require(error as? ExecutionUnknownError)
        #expect(!unknown.orderMayExist)
        #expect(transport.requests.count == 3)
    }

    @Test func getWithoutRetriesIsSentOnce() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 502, body: "")
        _ = await thrownError { try await client(transport).send(ping) }
        #expect(transport.requests.count == 1)
    }

    @Test func transportTimeoutOnPostIsExecutionUnknown() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.failure(HTTPTransportFailure(.timedOut, "timed out")))
        transport.enqueue(body: "{}")
        let error = await thrownError { try await client(transport, retries: 2).send(order) }
        let unknown = try #require(error as? ExecutionUnknownError)
        #expect(unknown.status == nil)
        #expect(unknown.orderMayExist)
        #expect(transport.requests.count == 1)
    }

    @Test func connectionLossOnPostIsExecutionUnknown() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.failure(URLError(.networkConnectionLost)))
        let error = await thrownError { try await client(transport).send(order) }
        #expect((error as? ExecutionUnknownError)?.orderMayExist == true)
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.failure(HTTPTransportFailure(.notSent, "connection refused")))
        let error = await thrownError { try await client(transport).send(order) }
        let failure = try #require(error as? TransportError)
        #expect(failure.endpoint == "newOrder")
        #expect(failure.message.contains("connection refused"))
    }

    @Test func clientEnforcesTheTimeoutOnASilentTransport() async throws {
        let transport = RecordingTransport { _ in
            try await Task.sleep(for: .seconds(600))
            return WireResponse(status: 200, text: "{}")
        }
        let post = await thrownError { try await client(transport, timeout: .milliseconds(50)).send(order) }
        #expect((post as? ExecutionUnknownError)?.orderMayExist == true)
        let get = await thrownError { try await client(transport, timeout: .milliseconds(50)).send(ping) }
        #expect(get is TransportError)
    }

    /// A transport that enforces the timeout itself is called directly: the client adds no timer, so a late but
    /// successful answer (here 300 ms against a 50 ms timeout) arrives instead of a client-side timeout.
    @Test func aTransportThatEnforcesTheTimeoutGetsNoTimerOfTheClient() async throws {
        struct Punctual: HTTPTransport {
            var enforcesTimeout: Bool { true }
            func send(_ request: WireRequest) async throws -> WireResponse {
                try await Task.sleep(for: .milliseconds(300))
                return WireResponse(status: 200, text: "{}")
            }
        }
        _ = try await client(Punctual(), timeout: .milliseconds(50)).send(ping)
    }

    @Test func cancellationIsHonoured() async throws {
        let transport = RecordingTransport { _ in
            try await Task.sleep(for: .seconds(600))
            return WireResponse(status: 200, text: "{}")
        }
        let client = client(transport)
        let ping = ping
        let task = Task { try await client.send(ping) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        let error = await thrownError { try await task.value }
        #expect(error is CancellationError)
    }

    @Test func rateLimitHeadersAreParsedAfterEveryResponse() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            headers: ["x-mbx-used-weight-1m": "42", "X-MBX-ORDER-COUNT-10S": "3", "X-MBX-ORDER-COUNT-1D": "17", "Other": "1"],
            body: "{}")
        transport.enqueue(status: 400, headers: ["X-MBX-USED-WEIGHT-1M": "43"], body: #"{"code": -1100, "msg": "x"}"#)
        let client = client(transport)
        _ = try await client.send(order)
        #expect(client.rateLimits == RateLimitState(usedWeight: ["1M": 42], orderCount: ["10S": 3, "1D": 17]))
        _ = await thrownError { try await client.send(order) }
        #expect(client.rateLimits.usedWeight == ["1M": 43])
        #expect(client.rateLimits.orderCount == ["10S": 3, "1D": 17])
    }

    @Test func decodingErrorNamesTheJSONPath() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            body: #"{"symbol": "BTCUSDT", "fills": [{"price": "1", "qty": "1"}, {"price": "2", "qty": "1"}, {"price": 3, "qty": "1"}]}"#)
        let error = await thrownError { try await client(transport).send(Call<OrderFull, OrderForm>(Binance.orderParameters())) }
        let decoding = try #require(error as? ResponseDecodingError)
        #expect(decoding.path == "fills[2].price")
        #expect(decoding.endpoint == "newOrder")
        #expect(decoding.description.contains("fills[2].price"))
    }

    @Test func missingFieldPathIncludesTheKey() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"symbol": "BTCUSDT", "fills": [{"price": "1"}]}"#)
        let error = await thrownError { try await client(transport).send(Call<OrderFull, OrderForm>(Binance.orderParameters())) }
        #expect((error as? ResponseDecodingError)?.path == "fills[0].qty")
    }

    @Test func emptyBodyDecodesAsEmptyResponse() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "")
        _ = try await client(transport).send(ping)
    }
}

/// DFX-style `{"code": "0", "msg": "success", "data": …}` envelopes.
@Suite struct EnvelopeTests {
    static let profile = APIProfile(
        name: "DFX", auth: AuthProfile(), errorFormat: .codeMessage(codeField: "code", messageField: "msg"),
        envelope: Envelope(codeField: "code", messageField: "msg", dataField: "data", successCode: "0"),
        statusRules: [StatusRule("4XX", .clientError), StatusRule("5XX", .executionUnknown)])

    enum GetOrder: EndpointSpec {
        static let endpoint = Endpoint(id: "getOrder", method: .get, path: "/api/v1/spot/order", security: .none, encoding: .query)
    }

    private func client(_ transport: RecordingTransport) -> APIClient<TestVenueError> {
        APIClient(profile: Self.profile, baseURL: URL(string: "https://api.dfx.hk")!, credentials: .none, transport: transport)
    }

    @Test func successHandsOverTheDataBytesUntouched() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            body:
                #"{"code": "0", "msg": "success", "serverTimestamp": 1733210663288, "data": {"orderId": 2000000074758463, "price": 0.10000000, "list": ["a", {"b": "}"}]}}"#
        )
        let payload = try await client(transport).send(RawCall<GetOrder>())
        #expect(payload == #"{"orderId": 2000000074758463, "price": 0.10000000, "list": ["a", {"b": "}"}]}"#)
    }

    @Test func successDecodesTheDataField() async throws {
        struct Order: Decodable, Sendable {
            let orderId: Int64
            let price: ExactDecimal
        }
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code": "0", "msg": "success", "data": {"orderId": 2000000074758463, "price": "69000.10"}}"#)
        let order = try await client(transport).send(Call<Order, GetOrder>())
        #expect(order.orderId == 2_000_000_074_758_463)
        #expect(order.price.text == "69000.10")
    }

    @Test func scalarDataDecodes() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code":"0","msg":"success","data":"2000000074758463"}"#)
        #expect(try await client(transport).send(Call<String, GetOrder>()) == "2000000074758463")
    }

    @Test func numericSuccessCodeMatchesByText() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code": 0, "msg": "success", "data": "x"}"#)
        #expect(try await client(transport).send(Call<String, GetOrder>()) == "x")
    }

    @Test func failureCodeThrowsTheVenueError() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code": "10001", "msg": "Invalid parameter", "data": null}"#)
        let error = await thrownError { try await client(transport).send(Call<String, GetOrder>()) }
        let failure = try #require(error as? TestVenueError)
        #expect(failure.code == "10001")
        #expect(failure.message == "Invalid parameter")
        #expect(failure.httpStatus == 200)
    }

    @Test func errorStatusWithEnvelopeBodyThrowsTheVenueError() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 401, body: #"{"code": "401", "msg": "signature verification failed"}"#)
        let error = await thrownError { try await client(transport).send(Call<String, GetOrder>()) }
        #expect((error as? TestVenueError)?.code == "401")
    }

    @Test func decodingErrorInsideTheEnvelopeIsPrefixed() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code": "0", "msg": "success", "data": {"symbol": "X", "fills": [{"price": "1", "qty": "1"}, {"price": "1", "qty": 2}]}}"#)
        let error = await thrownError { try await client(transport).send(Call<OrderFull, GetOrder>()) }
        #expect((error as? ResponseDecodingError)?.path == "data.fills[1].qty")
    }

    @Test func missingDataForEmptyResponseIsFine() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"code": "0", "msg": "success"}"#)
        _ = try await client(transport).send(Call<EmptyResponse, GetOrder>())
    }
}

/// The URLSession transport, without network: a refused local connection was never sent.
@Suite struct URLSessionTransportTests {
    @Test func refusedConnectionIsATransportErrorEvenForPost() async throws {
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: URL(string: "http://127.0.0.1:9")!,
            credentials: .signed(apiKey: Binance.apiKey, signer: HMACSHA256Signer(secret: Secret(Binance.secretKey))),
            transport: URLSessionTransport(), options: ClientOptions(timeout: .seconds(5)))
        let error = await thrownError { try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters())) }
        let failure = try #require(error as? TransportError, "got \(String(describing: error))")
        #expect(!failure.description.contains(Binance.apiKey))
    }

    /// URLSession lives in ClientRuntimeURLSession: code that needs only the runtime (the mock, `specgen`) loads no
    /// FoundationNetworking, and with it no libcurl and its thirty libraries.
    @Test func theRuntimeItselfImportsNoFoundationNetworking() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/ClientRuntime")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import FoundationNetworking"), "\(file)")
        }
    }

    @Test func urlErrorsAreSortedByWhetherTheRequestMayHaveArrived() {
        #expect(HTTPTransportFailure(URLError(.timedOut)).kind == .timedOut)
        #expect(HTTPTransportFailure(URLError(.networkConnectionLost)).kind == .connectionLost)
        #expect(HTTPTransportFailure(URLError(.cancelled)).kind == .cancelled)
        #expect(HTTPTransportFailure(URLError(.cannotConnectToHost)).kind == .notSent)
        #expect(HTTPTransportFailure(URLError(.badServerResponse)).kind == .other)
        #expect(HTTPTransportFailure(URLError(.timedOut)).message == "URLError -1001: timed out")
    }

    @Test func retryAfterAsHTTPDate() async throws {
        let transport = RecordingTransport()
        // 1499827319559 ms is 2017-07-12T02:41:59.559Z; the date below is 60.441 s later.
        transport.enqueue(status: 429, headers: ["Retry-After": "Wed, 12 Jul 2017 02:43:00 GMT"], body: "")
        let error = await thrownError { try await Binance.client(transport: transport).send(Call<EmptyResponse, Ping>()) }
        #expect((error as? RateLimitError)?.retryAfter == .milliseconds(60_441))
    }
}
