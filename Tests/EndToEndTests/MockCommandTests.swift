import Foundation
import Testing

/// The `specgen mock` command as a script runs it: stdout a pipe, `--port 0`, `--port-file`, the secret from a file
/// or the environment, SIGTERM.
@Suite("specgen mock for scripts")
struct MockCommandTests {
    /// The `specgen` built beside the test bundle (`swift build` / `swift test` build it).
    static var specgen: URL {
        get throws {
            let directory = try #require(Bundle.main.executableURL).deletingLastPathComponent()
            let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("specgen") }
            return try #require(
                candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                "build specgen first (swift build); looked in \(directory.path)")
        }
    }

    /// Runs `specgen mock`, reads its first stdout line through a pipe, sends `requests` pings, stops it with
    /// SIGTERM and returns (first line, port file content, last line, stderr).
    static func run(_ arguments: [String], environment: [String: String] = [:], requests: Int)
        async throws -> (first: String, portFile: String, last: String, errors: String)
    {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("mock-port-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: portFile) }
        let process = Process()
        process.executableURL = try specgen
        process.arguments = ["mock", Specs.path("binance-spot.yaml"), "--port", "0", "--port-file", portFile.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The line must come while the mock runs: a block-buffered stdout would hold it until exit (the watchdog
        // stops a mock that hangs, so the test fails instead).
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            process.terminate()
        }
        defer { watchdog.cancel() }
        var lines = PipeLines(output.fileHandleForReading)
        let first = lines.next() ?? ""
        let port = try #require(Int(try String(contentsOf: portFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/v3/ping"))
        for _ in 0..<requests { #expect(try await RawHTTP.send("GET", url).status == 200) }
        process.terminate()  // SIGTERM
        var last = ""
        while let line = lines.next() { last = line }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (first, String(port), last, stderr)
    }

    @Test("the listening line reaches a pipe at once, --port-file holds the port, the stop line counts every request")
    func portFileAndFlush() async throws {
        let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("mock-secret-\(UUID().uuidString)")
        try Data("file-secret\n".utf8).write(to: secretFile)
        defer { try? FileManager.default.removeItem(at: secretFile) }
        let result = try await Self.run(["--secret-file", secretFile.path, "--max-recorded-requests", "2"], requests: 5)
        #expect(result.first.contains("listening on http://127.0.0.1:\(result.portFile)"))
        #expect(result.last == "mock stopped after 5 requests")  // the true count, not the record's 2
        #expect(!result.errors.contains("warning"))
    }

    @Test("--secret warns on stderr; SPECGEN_MOCK_SECRET does not")
    func secretSources() async throws {
        let argument = try await Self.run(["--secret", "visible"], requests: 0)
        #expect(argument.errors.contains("warning: --secret is visible"))
        let environment = try await Self.run([], environment: ["SPECGEN_MOCK_SECRET": "hidden"], requests: 1)
        #expect(!environment.errors.contains("warning"))
        #expect(environment.last == "mock stopped after 1 request")
    }

    @Test("the bearer token comes from a file or SPECGEN_MOCK_BEARER_TOKEN quietly; --bearer-token warns")
    func bearerTokenSources() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("mock-token-\(UUID().uuidString)")
        try Data("file-token\n".utf8).write(to: tokenFile)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        let file = try await Self.run(["--bearer-token-file", tokenFile.path], requests: 1)
        #expect(!file.errors.contains("warning"))
        #expect(file.last == "mock stopped after 1 request")
        let environment = try await Self.run([], environment: ["SPECGEN_MOCK_BEARER_TOKEN": "hidden"], requests: 0)
        #expect(!environment.errors.contains("warning"))
        let argument = try await Self.run(["--bearer-token", "visible"], requests: 0)
        #expect(argument.errors.contains("warning: --bearer-token is visible"))
    }
}

/// Lines read from a pipe as they arrive (blocking reads).
struct PipeLines {
    let handle: FileHandle
    var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line without its newline; nil at the end of the stream.
    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[buffer.index(after: newline)...])
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                defer { buffer = Data() }
                return buffer.isEmpty ? nil : String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }
}
