import ArgumentParser
import Dispatch
import Foundation
import SpecMock

struct Mock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a mock of a spec's API on loopback: requests are checked as the venue would, answers are the docs' examples.",
        discussion: """
            Runs until SIGINT or SIGTERM. Signatures are verified with an HMAC secret (--secret-file FILE, or the \
            SPECGEN_MOCK_SECRET environment variable; --secret for quick tries) or --public-key (RSA or Ed25519 PEM); \
            without either, any signature that is present passes. The bearer token (B2TRADER) comes the same ways: \
            --bearer-token-file FILE, SPECGEN_MOCK_BEARER_TOKEN or --bearer-token. Faults: --faults FILE (YAML or JSON, e.g. \
            `newOrder: {status: 429, retryAfter: 7}`) and/or --fault newOrder:status=503 (repeatable). \
            --port-file FILE writes the bound port for scripts. The WebSocket API (/ws-api/v3) and market streams (/ws/<name>, \
            /stream?streams=…) share the port; --stream-feed FILE.jsonl replays stream payloads to subscribers. --stateful --scenario FILE keeps state instead: orders             rest and trade against a book, balances move, filters are enforced (docs/mock.md).
            """)

    @Argument(help: "The spec file, e.g. specs/binance-spot.yaml.")
    var spec: String

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 0

    @Option(help: "Loopback address to bind.")
    var host = "127.0.0.1"

    @Option(help: "A YAML or JSON file of faults per endpoint id.")
    var faults: String?

    @Option(name: .customLong("fault"), help: "A fault as endpoint:key=value,… (repeatable).")
    var inlineFaults: [String] = []

    @Option(name: .customLong("api-key"), help: "The API key requests must carry.")
    var apiKey: String?

    @Option(help: "The HMAC-SHA256 secret, on the command line (visible to other local users in `ps`: for quick tries).")
    var secret: String?

    @Option(name: .customLong("secret-file"), help: "A file holding the HMAC-SHA256 secret (surrounding whitespace ignored).")
    var secretFile: String?

    @Option(name: .customLong("public-key"), help: "A PEM file with the RSA or Ed25519 public key signatures are checked with.")
    var publicKey: String?

    @Option(name: .customLong("bearer-token"), help: "The bearer token requests must carry, on the command line (for quick tries).")
    var bearerToken: String?

    @Option(name: .customLong("bearer-token-file"), help: "A file holding the bearer token requests must carry.")
    var bearerTokenFile: String?

    @Option(name: .customLong("port-file"), help: "Write the bound port to this file once listening (for scripts; with --port 0).")
    var portFile: String?

    @Flag(help: "Keep state: orders, books, balances and filters from --scenario, instead of answering with examples.")
    var stateful = false

    @Option(help: "The scenario file of --stateful (YAML or JSON): symbols, balances, books, clock and price script.")
    var scenario: String?

    @Option(name: .customLong("stream-feed"), help: "A JSON Lines file of market stream payloads to replay to subscribers ({\"stream\": …, \"data\": …}).")
    var streamFeed: String?

    @OptionGroup var limits: MockLimitOptions

    func validate() throws {
        if stateful != (scenario != nil) { throw ValidationError("--stateful and --scenario FILE go together") }
    }

    func run() async throws {
        var faultTable: [String: [MockFault]] = [:]
        if let faults {
            let text = try String(contentsOfFile: faults, encoding: .utf8)
            faultTable = try FaultConfig.parse(text)
        }
        for flag in inlineFaults {
            let (endpoint, fault) = try FaultConfig.parseFlag(flag)
            faultTable[endpoint, default: []].append(fault)
        }
        let pem = try publicKey.map { try String(contentsOfFile: $0, encoding: .utf8) }
        var options = MockOptions(
            host: host, port: port,
            credentials: MockCredentials(
                apiKey: apiKey, secret: try Self.hmacSecret.resolve(inline: secret, file: secretFile), publicKeyPEM: pem,
                bearerToken: try Self.bearer.resolve(inline: bearerToken, file: bearerTokenFile)),
            faults: faultTable)
        limits.apply(to: &options)
        options.streamFeed = streamFeed.map { URL(fileURLWithPath: $0) }
        if let scenario {
            do {
                options.scenario = try Scenario.load(path: scenario)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
        let mock: MockExchange
        do {
            mock = try await MockExchange.start(specAt: spec, options: options)
        } catch let error as MockError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        if let portFile {
            // Written whole, then renamed: a script polling for the file never reads half a number.
            try Data("\(mock.port)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic)
        }
        print("\(mock.spec.title) mock listening on \(mock.baseURL.absoluteString) (\(mock.spec.endpoints.count) endpoints); Ctrl-C stops it")
        if mock.spec.webSocketAPI != nil || mock.spec.streams != nil {
            print("WebSocket API at \(mock.webSocketAPIURL.absoluteString), streams at \(mock.streamsURL.absoluteString)/ws/<stream>")
        }
        fflush(nil)  // every stream: stdout may be a pipe (block-buffered): a script waiting for this line must see it now
        await Self.waitForTermination()
        await mock.stop()
        let count = mock.requestCount
        print("mock stopped after \(count) request\(count == 1 ? "" : "s")")
        fflush(nil)
    }

    /// Where the HMAC secret comes from: --secret-file, SPECGEN_MOCK_SECRET or --secret.
    static let hmacSecret = SecretOption(name: "secret", variable: "SPECGEN_MOCK_SECRET")
    /// Where the bearer token comes from: --bearer-token-file, SPECGEN_MOCK_BEARER_TOKEN or --bearer-token.
    static let bearer = SecretOption(name: "bearer-token", variable: "SPECGEN_MOCK_BEARER_TOKEN")

    /// Returns on the first SIGINT or SIGTERM.
    private static func waitForTermination() async {
        let latch = SignalLatch()
        await withCheckedContinuation { latch.arm($0) }
    }
}

/// Resumes one waiter on the first SIGINT or SIGTERM; keeps its signal sources alive.
private final class SignalLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    func arm(_ continuation: CheckedContinuation<Void, Never>) {
        lock.withLock { self.continuation = continuation }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { self.fire() }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    private func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }
}
