import ClientRuntime
import Foundation
import HTTPTypes
import Testing

/// A user's own step in the client's pipeline, and `prepare`.
@Suite struct ClientPipelineTests {
    /// What a user writes for tracing: a header per attempt, and the signed request it saw.
    final class TraceStep: RequestStep {
        static let traceID = HTTPField.Name("X-Trace-Id")!
        private let seen = Locked<[WireRequest]>([])

        var requests: [WireRequest] { seen.withLock { $0 } }

        func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
            var request = request
            let attempt = seen.withLock { seen in
                if let http = request.http { seen.append(http) }
                return seen.count
            }
            request.http?.head.headerFields.append(HTTPField(name: Self.traceID, value: "\(context.endpoint.id)-\(attempt)"))
            return try await next(request, context)
        }
    }

    @Test func userStepAddsAHeaderToEveryAttemptAndSeesTheSignedRequest() async throws {
        let trace = TraceStep()
        let transport = RecordingTransport()
        transport.enqueue(status: 503, body: "{}")
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport) {
            $0.steps = [trace]
            $0.maxIdempotentRetries = 1
        }
        _ = try await client.send(Call<EmptyResponse, OrderGet>(Binance.orderParameters()))
        #expect(transport.requests.map { $0.header("X-Trace-Id") } == ["getOrder-1", "getOrder-2"])
        #expect(trace.requests.allSatisfy { $0.queryString.hasSuffix("&signature=\(Binance.bodySignature)") })
        #expect(trace.requests.allSatisfy { $0.header("X-Trace-Id") == nil })
    }

    @Test func userStepCanAnswerWithoutTheTransport() async throws {
        struct Canned: RequestStep {
            func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
                WireResponse(status: 200, text: #"{"symbol":"LTCBTC","fills":[]}"#)
            }
        }
        let transport = RecordingTransport()
        let client = Binance.client(transport: transport) { $0.steps = [Canned()] }
        let order = try await client.send(Call<OrderFull, OrderForm>(Binance.orderParameters()))
        #expect(order.symbol == "LTCBTC")
        #expect(transport.requests.isEmpty)
    }

    @Test func prepareReturnsTheSignedRequestWithoutSending() async throws {
        let transport = RecordingTransport()
        let client = Binance.client(transport: transport)
        let prepared = try await client.prepare(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.requests.isEmpty)
        #expect(prepared.urlText == "https://api.binance.com/api/v3/order")
        #expect(
            prepared.bodyText
                == "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559&signature=\(Binance.bodySignature)")
        transport.enqueue(body: "{}")
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest == prepared)
    }

    @Test func prepareValidatesAndAuthenticates() async throws {
        let client = Binance.client(transport: RecordingTransport())
        let tooWide = Binance.orderParameters(recvWindow: 90_000)
        let refused = await thrownError { try await client.prepare(Call<EmptyResponse, OrderForm>(tooWide)) }
        #expect((refused as? RequestValidationError)?.violations.first?.kind == "recvWindow")
        let tokens = RotatingTokens()
        let broker = APIClient<TestVenueError>(
            profile: BearerAuthTests.profile, baseURL: URL(string: "https://broker.example")!, credentials: .bearer(tokens),
            transport: RecordingTransport())
        let prepared = try await broker.prepare(Call<EmptyResponse, BearerAuthTests.Accounts>())
        #expect(prepared.header("Authorization") == "Bearer jwt-old-token")
    }
}
