import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

import class ClientRuntime.Locked

/// Serves a `MockEngine` over HTTP/1.1 with Hummingbird, on a loopback address.
final class MockServer: Sendable {
    /// The bound port.
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    private init(port: Int, group: ServiceGroup, task: Task<Void, Never>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// Binds `host:port` (0 picks a free port) and serves until `stop()`.
    static func start(_ engine: MockEngine, hub: WebSocketHub, host: String, port: Int, options: MockOptions) async throws -> MockServer {
        let maxBody = max(0, options.maxBodyBytes)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await respond(to: request, engine: engine, maxBody: maxBody)
        }
        let registry = ConnectionRegistry()
        let limits = ConnectionDeadlines.Limits(
            header: TimeAmount(options.headerReadTimeout), body: TimeAmount(options.bodyReadTimeout),
            idle: TimeAmount(options.idleTimeout))
        var logger = Logger(label: "specgen.mock")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder,
            // Slow and idle connections are closed (`ConnectionDeadlines`); at the connection limit the longest-idle
            // connection makes room for a new one.
            // WebSocket upgrades (`WebSocketHub`) share the port; frames are bounded and the server pings.
            server: HTTPServerBuilder { responder in
                MockChildChannel(
                    inner: HTTP1WebSocketUpgradeChannel(
                        responder: responder,
                        configuration: .init(
                            http1: HTTP1Channel.Configuration(
                                additionalChannelHandlers: [ConnectionDeadlines(limits: limits, registry: registry)]),
                            ws: WebSocketServerConfiguration(
                                maxFrameSize: max(1024, options.webSocketMaxFrameBytes),
                                autoPing: .enabled(timePeriod: options.webSocketPongTimeout), closeTimeout: .seconds(5))),
                        shouldUpgrade: { head, _, _ in hub.upgrade(head).map { .upgrade([:], $0) } ?? .dontUpgrade }),
                    limits: limits, registry: registry)
            },
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: "specgen-mock",
                availableConnectionsDelegate: SheddingConnectionLimit(maximum: options.maxConnections, registry: registry)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let failure = Locked<String?>(nil)
        let task = Task {
            do {
                try await group.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            continuation.finish()
        }
        guard let bound = await ports.first(where: { _ in true }), bound > 0 else {
            task.cancel()
            throw MockError.serverDidNotStart(failure.withLock { $0 } ?? "no port was bound")
        }
        return MockServer(port: bound, group: group, task: task)
    }

    /// Stops accepting connections, finishes the requests in flight and returns when the server is down.
    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Reads the request, lets the engine answer and writes the answer (after any fault delay). A body declared or
    /// sent larger than `maxBody` is not read (nor kept): the answer is 413 and the connection is closed.
    private static func respond(to request: Request, engine: MockEngine, maxBody: Int) async throws -> Response {
        var incoming = IncomingRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: request.headers.map { ($0.name.rawName, $0.value) }, body: Data())
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBody {
            incoming.bodyTooLarge = true
        } else {
            do {
                incoming.body = Data(try await request.body.collect(upTo: maxBody).readableBytesView)
            } catch is NIOTooManyBytesError {
                incoming.bodyTooLarge = true
            }
        }
        var answer = engine.handle(incoming)
        if incoming.bodyTooLarge { answer.headers.append(("Connection", "close")) }
        if let delay = answer.delay { try? await Task.sleep(for: delay) }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
