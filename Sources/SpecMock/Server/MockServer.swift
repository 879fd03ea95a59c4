import class ClientRuntime.Locked
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

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
    static func start(_ engine: MockEngine, host: String, port: Int, options: MockOptions) async throws -> MockServer {
        let maxBody = options.maxBodyBytes
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await respond(to: request, engine: engine, maxBody: maxBody)
        }
        var logger = Logger(label: "specgen.mock")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder,
            // Idle keep-alive connections are closed after a minute (longer than any fault delay), so clients that
            // never close theirs do not use up `maxConnections`.
            server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(60))),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: "specgen-mock",
                availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections)),
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

    /// Reads the request, lets the engine answer and writes the answer (after any fault delay).
    private static func respond(to request: Request, engine: MockEngine, maxBody: Int) async -> Response {
        var body = Data()
        do {
            let buffer = try await request.body.collect(upTo: maxBody + 1)
            body = Data(buffer.readableBytesView)
        } catch {
            body = Data(count: maxBody + 1)  // over the limit: the engine answers 413
        }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: request.headers.map { ($0.name.rawName, $0.value) }, body: body)
        let answer = engine.handle(incoming)
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
