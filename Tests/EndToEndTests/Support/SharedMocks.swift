import Foundation
import SpecMock
import SpecModel

/// One mock per suite, started on first use and shared by the suite's tests (which run in parallel, so each test
/// marks its own requests, e.g. with a client order id, and looks only at those).
actor SharedMocks {
    static let shared = SharedMocks()
    private var running: [String: Task<MockExchange, any Error>] = [:]

    /// The mock registered under `key`, started with `start` the first time.
    func mock(_ key: String, start: @escaping @Sendable () async throws -> MockExchange) async throws -> MockExchange {
        if let task = running[key] { return try await task.value }
        let task = Task { try await start() }
        running[key] = task
        return try await task.value
    }
}

/// The repository's specs.
enum Specs {
    /// `specs/<name>` of this repository.
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("specs").appendingPathComponent(name).path
    }

    /// The loaded spec; fails the test with the diagnostics when it does not load.
    static func load(_ name: String) throws -> Spec {
        let result = SpecLoader.load(path: path(name))
        guard let spec = result.spec, !result.hasErrors else {
            throw SpecLoadFailure(description: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return spec
    }
}

struct SpecLoadFailure: Error, CustomStringConvertible {
    let description: String
}

/// A unique marker for a test's requests.
func marker(_ prefix: String) -> String {
    prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36)
}
