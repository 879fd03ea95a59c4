import AsyncHTTPClient
import ClientRuntime
import ClientRuntimeAsyncHTTPClient
import Foundation
import Testing

/// The AsyncHTTPClient transport, without network.
@Suite struct AsyncHTTPClientTransportTests {
    struct NoError: VenueError {
        init(code: String, message: String, httpStatus: Int, body: Data) {}
    }

    struct Ping: APIRequest {
        typealias Response = EmptyResponse
        static let endpoint = Endpoint(
            id: "newOrder", method: .post, path: "/api/v3/order", security: .none, encoding: .form)
        var parameters: Parameters { Parameters() }
    }

    /// AsyncHTTPClient keeps retrying a refused connection until the deadline and then reports the refusal; the
    /// timeout leaves room for the client's grace period on a loaded machine.
    @Test func refusedConnectionIsNotExecutionUnknown() async throws {
        let client = APIClient<NoError>(
            profile: APIProfile(name: "test", auth: AuthProfile(), errorFormat: .none, statusRules: []),
            baseURL: URL(string: "http://127.0.0.1:9")!, credentials: .none, transport: AsyncHTTPClientTransport(),
            options: ClientOptions(timeout: .seconds(3)))
        var thrown: (any Error)?
        do { _ = try await client.send(Ping()) } catch { thrown = error }
        #expect(thrown is TransportError, "got \(String(describing: thrown))")
    }

    @Test func classifiesFailures() {
        #expect(AsyncHTTPClientTransport.classify(CancellationError()).kind == .cancelled)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.deadlineExceeded).kind == .timedOut)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.readTimeout).kind == .timedOut)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.remoteConnectionClosed).kind == .connectionLost)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.connectTimeout).kind == .notSent)
    }
}
