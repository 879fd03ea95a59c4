import Foundation
import Testing

/// `specgen mock --stream-feed FILE`: the feed reaches a stream subscriber; a bad feed stops the command with the
/// file and line of every problem.
@Suite("specgen mock --stream-feed")
struct MockStreamFeedCommandTests {
    static func feed(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-feed-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("a subscriber to a raw stream receives the feed's line")
    func replays() async throws {
        let feed = try Self.feed(#"{"stream": "ethbtc@trade", "data": {"e": "trade", "s": "ETHBTC", "t": 42}}"# + "\n")
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("cli-port-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: portFile) }
        let process = Process()
        process.executableURL = try MockCommandTests.specgen
        process.arguments = ["mock", Specs.path("binance-spot.yaml"), "--port", "0", "--port-file", portFile.path, "--stream-feed", feed.path]
        process.standardOutput = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var port: Int?
        for _ in 0..<2000 where port == nil {
            port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let socket = TestSocket("ws://127.0.0.1:\(try #require(port))/ws/ethbtc@trade")
        defer { socket.close() }
        #expect(try await socket.next()["t"] == .number("42"))
    }

    @Test("a bad feed: exit 1, every bad line named")
    func refusesBadFeed() async throws {
        let feed = try Self.feed("{\"stream\": \"ethbtc@trade\", \"data\": {}}\nnot json\n{\"stream\": \"NOPE@trade\", \"data\": 1}\n")
        let process = Process()
        process.executableURL = try MockCommandTests.specgen
        process.arguments = ["mock", Specs.path("binance-spot.yaml"), "--port", "0", "--stream-feed", feed.path]
        let errors = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("\(feed.path):2: not a JSON object") && text.contains("\(feed.path):3: 'NOPE@trade'"))
    }
}
