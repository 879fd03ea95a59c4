import Foundation
import SpecModel

/// Loads the sides of a comparison (files or git revisions) and diffs them.
public enum DiffRunner {
    /// Compares two specs. Throws the diagnostics of every side that fails to load.
    public static func compare(_ old: SpecInput, _ new: SpecInput, repository: GitRepository = GitRepository()) throws(DiffFailure) -> DiffReport {
        let a = old.load(in: repository), b = new.load(in: repository)
        guard let before = a.spec, let now = b.spec else {
            throw DiffFailure(diagnostics: (a.spec == nil ? a.diagnostics : []) + (b.spec == nil ? b.diagnostics : []))
        }
        let findings = SpecDiff.compare(before.spec, now.spec, oldText: before.text, newText: now.text)
        return DiffReport(comparisons: [.init(old: old.description, new: new.description, findings: findings)])
    }

    /// Compares every spec under `folder` that changed since `revision`: the file at that revision with the file in
    /// the working tree. Added and removed spec files are findings too. `only`, when not empty, limits the
    /// comparison to those paths. Paths are relative to the repository's directory. When some specs fail to load,
    /// the failure carries the report of the others.
    public static func compareChanged(
        since revision: String, repository: GitRepository = GitRepository(), folder: String = "specs", only: [String] = []
    ) throws(DiffFailure) -> DiffReport {
        let oldPaths: [String]
        do { oldPaths = try repository.files(at: revision, under: folder).filter(isSpecPath) } catch {
            throw DiffFailure(diagnostics: [
                Diagnostic(.error, "cannot list \(folder) at \(revision): \(error.message)", at: SourceLocation(file: "\(revision):\(folder)", line: 1, column: 1))
            ])
        }
        let newPaths = workingSpecs(in: repository, folder: folder)
        let wanted = Set(only.map(normalized))
        let paths = Set(oldPaths).union(newPaths).filter { wanted.isEmpty || wanted.contains($0) }.sorted()
        var comparisons: [DiffReport.Comparison] = []
        var failures: [Diagnostic] = []
        for path in paths {
            let oldSide = SpecInput.git(revision: revision, path: "./" + path), newSide = SpecInput.file(path)
            switch (oldPaths.contains(path), newPaths.contains(path)) {
            case (true, true):
                let before = try? repository.show(revision: revision, path: "./" + path)
                let now = FileManager.default.contents(atPath: (repository.directory as NSString).appendingPathComponent(path))
                if before != nil, before == now { continue }
                do { comparisons += try compare(oldSide, newSide, repository: repository).comparisons } catch { failures += error.diagnostics }
            case (false, true):
                let loaded = newSide.load(in: repository)
                guard let spec = loaded.spec?.spec else { failures += loaded.diagnostics; continue }
                let finding = DiffFinding(
                    rule: .specAdded, location: SourceLocation(file: path, line: 1, column: 1), message: "spec `\(path)` (API `\(spec.api.value)`) was added",
                    swiftEffect: "new client `\(SwiftNames(spec).client)`")
                comparisons.append(.init(old: nil, new: path, findings: [finding]))
            default:
                let spec = oldSide.load(in: repository).spec?.spec
                let finding = DiffFinding(
                    rule: .specRemoved, location: SourceLocation(file: "\(revision):\(path)", line: 1, column: 1),
                    message: "spec `\(path)`\(spec.map { " (API `\($0.api.value)`)" } ?? "") was removed",
                    swiftEffect: spec.map { "`\(SwiftNames($0).client)` and every type of module `\($0.module.value)` are removed" })
                comparisons.append(.init(old: "\(revision):\(path)", new: nil, findings: [finding]))
            }
        }
        guard failures.isEmpty else { throw DiffFailure(diagnostics: failures, report: DiffReport(comparisons: comparisons)) }
        return DiffReport(comparisons: comparisons)
    }

    /// Spec files under `folder` in the working tree, relative to the repository's directory.
    private static func workingSpecs(in repository: GitRepository, folder: String) -> [String] {
        let base = (repository.directory as NSString).appendingPathComponent(folder)
        return SpecFiles.all(under: base, recursive: true).map { folder + $0.dropFirst(base.count) }.map(normalized)
    }

    /// What `SpecFiles` would list: YAML files outside `parts` folders.
    private static func isSpecPath(_ path: String) -> Bool {
        (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && !path.split(separator: "/").contains("parts")
    }

    private static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
