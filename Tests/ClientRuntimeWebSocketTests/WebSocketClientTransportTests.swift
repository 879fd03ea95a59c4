import ClientRuntime
import ClientRuntimeWebSocket
import Foundation
import Testing

/// The swift-websocket transport without a server: failures are errors, not hangs. (Exchanges with a server are
/// the end-to-end tests' job, against the mock.)
@Suite struct WebSocketClientTransportTests {
    @Test func aRefusedConnectionThrows() async throws {
        let transport = WebSocketClientTransport()
        // Port 1 on the loopback: nothing listens there.
        let url = try #require(URL(string: "ws://127.0.0.1:1/ws-api/v3"))
        await #expect(throws: (any Error).self) { _ = try await transport.connect(to: url) }
    }

    @Test func theAPIClientReportsARefusedConnectionAsATransportError() async throws {
        let url = try #require(URL(string: "ws://127.0.0.1:1/ws-api/v3"))
        let client = WebSocketAPIClient<Failure>(
            profile: APIProfile(name: "test", auth: AuthProfile(), errorFormat: .codeMessage(codeField: "code", messageField: "msg"), statusRules: []),
            webSocket: WebSocketAPIProfile(), url: url, credentials: .none, transport: WebSocketClientTransport())
        do {
            _ = try await client.call(WebSocketMethodInfo(name: "ping", security: .none), as: [String: String].self)
            Issue.record("a refused connection did not throw")
        } catch let error as TransportError {
            #expect(error.message.contains("ws://127.0.0.1:1/ws-api/v3"))
        }
    }

    struct Failure: VenueError {
        init(code: String, message: String, httpStatus: Int, body: Data) {}
    }
}

/// Against a real server when one is given (`SPECGEN_WS_ECHO_URL`, a server answering each request
/// `{"id", "status": 200, "result": {"echo": method}}`); skipped otherwise.
@Suite struct WebSocketClientTransportLiveTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SPECGEN_WS_ECHO_URL"] != nil))
    func anExchangeWithARealServer() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SPECGEN_WS_ECHO_URL"].flatMap(URL.init(string:)))
        let client = WebSocketAPIClient<WebSocketClientTransportTests.Failure>(
            profile: APIProfile(name: "test", auth: AuthProfile(), errorFormat: .codeMessage(codeField: "code", messageField: "msg"), statusRules: []),
            webSocket: WebSocketAPIProfile(rateLimitsField: "rateLimits"), url: url, credentials: .none, transport: WebSocketClientTransport())
        let answer = try await client.call(WebSocketMethodInfo(name: "ping", security: .none), as: [String: String].self)
        #expect(answer == ["echo": "ping"])
        #expect(client.rateLimits.usedWeight == ["1M": 3])
        await client.close()
    }
}
