import Foundation
import Testing

/// `specgen mock --stateful --scenario FILE` from the command line.
@Suite("specgen mock --stateful")
struct StatefulCommandTests {
    static let example = URL(fileURLWithPath: Specs.path("binance-spot.yaml")).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/binance-scenario.yaml").path

    @Test("the documented example scenario starts a mock")
    func startsWithExample() async throws {
        let run = try await MockCommandTests.run(["--stateful", "--scenario", Self.example], requests: 1)
        #expect(run.first.contains("listening on http://127.0.0.1:\(run.portFile)"))
    }

    @Test("a bad scenario: every problem as file:line:col: error:, exit status 1, no server")
    func badScenario() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).yaml")
        try Data("symbols:\n  - {symbol: X, baseAsset: A}\nbalances: {A: lots}\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = try MockCommandTests.specgen
        process.arguments = ["mock", Specs.path("binance-spot.yaml"), "--port", "0", "--stateful", "--scenario", file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.contains("\(file.path):2:5: error: missing `quoteAsset`"), "\(text)")
        #expect(text.contains("\(file.path):3:15: error: balance of A must be a decimal number, found 'lots'"), "\(text)")
    }

    @Test("--stateful without --scenario is a usage error")
    func needsScenario() throws {
        let process = Process()
        process.executableURL = try MockCommandTests.specgen
        process.arguments = ["mock", Specs.path("binance-spot.yaml"), "--stateful"]
        process.standardError = Pipe()
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
    }
}
