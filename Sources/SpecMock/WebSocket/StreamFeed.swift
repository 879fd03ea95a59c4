import Foundation
import SpecModel

/// A replay file of market stream payloads, JSON Lines: `{"stream": "btcusdt@kline_1m", "data": {…}, "delayMs": 0}`
/// per line (blank lines skipped). `delayMs` waits before the line is sent to a subscriber.
struct StreamFeed: Sendable {
    struct Line: Sendable {
        var stream: String
        /// The payload's JSON text.
        var data: String
        var delayMs: Int64
    }

    /// Most lines a feed may hold, and the longest wait one line may ask for (an hour).
    static let maxLines = 1_000_000
    static let maxDelayMs: Int64 = 3_600_000

    var lines: [Line] = []

    init() {}

    /// Reads the file; every problem is listed as `path:line: problem` in the thrown `MockError.invalidStreamFeed`.
    init(contentsOf url: URL, names: StreamNames) throws {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw MockError.invalidStreamFeed("\(url.path): cannot be read as UTF-8 text")
        }
        var problems: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            guard lines.count < Self.maxLines else {
                problems.append("\(url.path):\(index + 1): more than \(Self.maxLines) lines")
                break
            }
            switch Self.read(line, names: names) {
            case let .success(parsed): lines.append(parsed)
            case let .failure(problem): problems.append("\(url.path):\(index + 1): \(problem.message)")
            }
        }
        guard problems.isEmpty else { throw MockError.invalidStreamFeed(problems.joined(separator: "\n")) }
    }

    private struct Problem: Error {
        var message: String
    }

    private static func read(_ line: String, names: StreamNames) -> Result<Line, Problem> {
        guard let document = try? JSONDocument.parse(line, maxDepth: 64), case .object = document else {
            return .failure(Problem(message: "not a JSON object"))
        }
        guard case let .string(stream)? = document["stream"] else { return .failure(Problem(message: "no \"stream\" string")) }
        guard names.isValid(stream) else { return .failure(Problem(message: "'\(stream)' is not a stream the spec defines")) }
        guard let data = document["data"], data != .null else { return .failure(Problem(message: "no \"data\"")) }
        var delay: Int64 = 0
        if let value = document["delayMs"] {
            guard case let .number(text) = value, let ms = Int64(text), ms >= 0, ms <= maxDelayMs else {
                return .failure(Problem(message: "\"delayMs\" must be an integer from 0 to \(maxDelayMs)"))
            }
            delay = ms
        }
        return .success(Line(stream: stream, data: data.jsonText, delayMs: delay))
    }
}
