import Foundation

/// Writes generated files into an output directory: only changed files, staged in a temporary directory first,
/// so a run that fails leaves the output exactly as it was.
public struct OutputWriter {
    public let root: URL

    public init(root: String) {
        self.root = URL(fileURLWithPath: root)
    }

    /// What a run would change.
    public struct Plan: Sendable {
        public var changed: [GeneratedFile] = []
        public var unchanged: [String] = []
        /// Files in a generated module's folder that the run no longer produces.
        public var removed: [String] = []
        public var isUpToDate: Bool { changed.isEmpty && removed.isEmpty }
    }

    /// Compares `files` with what is on disk; `modules` are the folders this run owns.
    public func plan(_ files: [GeneratedFile], modules: [String]) -> Plan {
        var plan = Plan()
        for file in files {
            let url = root.appendingPathComponent(file.path)
            if let existing = try? Data(contentsOf: url), existing == Data(file.contents.utf8) {
                plan.unchanged.append(file.path)
            } else {
                plan.changed.append(file)
            }
        }
        let produced = Set(files.map(\.path))
        for module in modules {
            let folder = root.appendingPathComponent(module)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".swift") && !produced.contains("\(module)/\(name)") {
                plan.removed.append("\(module)/\(name)")
            }
        }
        return plan
    }

    /// Applies a plan: stages every changed file in a temporary directory, then moves each into place.
    public func apply(_ plan: Plan) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let staging = root.appendingPathComponent(".specgen-staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: staging) }
        for file in plan.changed {
            let staged = staging.appendingPathComponent(file.path)
            try fm.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: staged)
        }
        for file in plan.changed {
            let target = root.appendingPathComponent(file.path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try? fm.removeItem(at: target)
            try fm.moveItem(at: staging.appendingPathComponent(file.path), to: target)
        }
        for path in plan.removed {
            try fm.removeItem(at: root.appendingPathComponent(path))
        }
    }
}
