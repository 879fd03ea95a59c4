import Foundation
import Logging

/// A client's drift check: walks each response payload against its schema and hands any findings on as
/// `ClientOptions.driftReporting` says.
final class DriftSink: Sendable {
    private enum Target {
        case log(Logger)
        case handler(@Sendable (DriftReport) -> Void)
    }

    /// The default log remembers this many (endpoint, path, kind) triples, then starts afresh, so a client that
    /// runs for months logs a recurring difference again now and then instead of growing without bound.
    static let logMemory = 4096

    private let target: Target
    private let logged = Locked(Set<String>())

    /// Nil when there is nothing to report to (`.off`, or `.log` without a logger): then nothing is walked.
    init?(_ reporting: DriftReporting, logger: Logger?) {
        switch reporting {
        case .off: return nil
        case .log:
            guard let logger else { return nil }
            target = .log(logger)
        case let .handler(handler):
            target = .handler(handler)
        }
    }

    func check(_ payload: Data, schema: ResponseSchema, endpoint: String, prefix: String) {
        let findings = DriftWalker.findings(in: payload, schema: schema, prefix: prefix)
        guard !findings.isEmpty else { return }
        switch target {
        case let .handler(handler):
            handler(DriftReport(endpoint: endpoint, findings: findings))
        case let .log(logger):
            let fresh = logged.withLock { seen in
                findings.filter { finding in
                    if seen.count >= Self.logMemory { seen.removeAll(keepingCapacity: true) }
                    return seen.insert("\(endpoint) \(finding.pattern) \(finding.kind.rawValue)").inserted
                }
            }
            for finding in fresh {
                logger.notice(
                    "response differs from the spec: \(finding)",
                    metadata: ["endpoint": "\(endpoint)", "path": "\(finding.path)", "drift": "\(finding.kind.rawValue)"])
            }
        }
    }
}
