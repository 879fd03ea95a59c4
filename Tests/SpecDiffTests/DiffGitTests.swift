import Foundation
import SpecDiff
import SpecModel
import Testing

/// `specgen diff --base REV` and `REV:PATH` sides, against a throwaway git repository.
@Suite struct DiffGitTests {
    /// A new repository with `files` committed; the working tree is then changed by the caller.
    func makeRepository(_ files: [String: String]) throws -> GitRepository {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/specs/history", withIntermediateDirectories: true)
        let git = GitRepository(directory: directory)
        _ = try git.run(["init", "-q"])
        for (path, text) in files { try write(text, to: path, in: git) }
        _ = try git.run(["add", "."])
        _ = try git.run(["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "specs"])
        return git
    }

    func write(_ text: String, to path: String, in git: GitRepository) throws {
        try text.write(toFile: git.directory + "/" + path, atomically: true, encoding: .utf8)
    }

    func remove(_ git: GitRepository) { try? FileManager.default.removeItem(atPath: git.directory) }

    let other = baseSpec.replacingOccurrences(of: "module: DemoExchange", with: "module: OtherExchange")
        .replacingOccurrences(of: "api: demo-exchange", with: "api: other-exchange")

    @Test func baseComparesChangedAddedAndRemovedSpecs() throws {
        let git = try makeRepository(["specs/demo.yaml": baseSpec, "specs/other.yaml": other, "specs/history/same.yaml": baseSpec])
        defer { remove(git) }
        let edited = try #require(Edit.sub("quantity", "DECIMAL,", "DECIMAL, required: true,").apply(to: baseSpec))
        try write(edited, to: "specs/demo.yaml", in: git)
        try FileManager.default.removeItem(atPath: git.directory + "/specs/other.yaml")
        try write(other.replacingOccurrences(of: "api: other-exchange", with: "api: third-exchange"), to: "specs/third.yaml", in: git)
        try write("not a spec", to: "specs/notes.txt", in: git)

        let report = try DiffRunner.compareChanged(since: "HEAD", repository: git)
        #expect(
            report.comparisons.map { [$0.old ?? "-", $0.new ?? "-"] } == [
                ["HEAD:specs/demo.yaml", "specs/demo.yaml"], ["HEAD:specs/other.yaml", "-"], ["-", "specs/third.yaml"],
            ])
        #expect(report.findings.map(\.rule) == [.parameterBecameRequired, .specRemoved, .specAdded])
        let required = report.findings[0]
        #expect(required.location.file == "specs/demo.yaml")
        #expect(required.swiftEffect == "`DemoExchangeClient.newOrder`: parameter `quantity` is now required")
        #expect(report.findings[1].description == "HEAD:specs/other.yaml:1:1: breaking: [spec-removed] spec `specs/other.yaml` (API `other-exchange`) was removed")
        #expect(report.findings[1].swiftEffect == "`OtherExchangeClient` and every type of module `OtherExchange` are removed")
        #expect(report.findings[2].description == "specs/third.yaml:1:1: info: [spec-added] spec `specs/third.yaml` (API `third-exchange`) was added")
        #expect(report.hasFindings(atLeast: .breaking))

        let only = try DiffRunner.compareChanged(since: "HEAD", repository: git, only: ["./specs/third.yaml"])
        #expect(only.findings.map(\.rule) == [.specAdded])
    }

    @Test func unchangedWorkingTreeHasNoComparisons() throws {
        let git = try makeRepository(["specs/demo.yaml": baseSpec])
        defer { remove(git) }
        let report = try DiffRunner.compareChanged(since: "HEAD", repository: git)
        #expect(report.comparisons.isEmpty)
        #expect(report.rendered(as: .text) == "no semantic changes in 0 compared specs\n")
    }

    @Test func revisionAndPathSides() throws {
        let git = try makeRepository(["specs/demo.yaml": baseSpec])
        defer { remove(git) }
        try write(try #require(Edit.delete("limit").apply(to: baseSpec)), to: "specs/demo.yaml", in: git)
        let report = try DiffRunner.compare(SpecInput.git(revision: "HEAD", path: "specs/demo.yaml"), .file("specs/demo.yaml"), repository: git)
        #expect(report.findings.map(\.rule) == [.parameterRemoved])
        #expect(report.findings.first?.location.file == "HEAD:specs/demo.yaml")  // a removal points into the old side
        #expect(report.comparisons.first?.old == "HEAD:specs/demo.yaml")
    }

    @Test func unreadableSidesFailWithDiagnostics() throws {
        let git = try makeRepository(["specs/demo.yaml": baseSpec, "specs/other.yaml": other])
        defer { remove(git) }
        try write("specgen: 1\napi: broken\n", to: "specs/demo.yaml", in: git)
        try write(try #require(Edit.delete("limit").apply(to: other)), to: "specs/other.yaml", in: git)
        #expect {
            try DiffRunner.compareChanged(since: "HEAD", repository: git)
        } throws: { error in
            // The broken spec's diagnostics, and the report of the spec that did load.
            guard let failure = error as? DiffFailure else { return false }
            return !failure.diagnostics.isEmpty && failure.diagnostics.allSatisfy { $0.location.file == "specs/demo.yaml" }
                && failure.report?.findings.map(\.rule) == [.parameterRemoved]
        }
        #expect {
            try DiffRunner.compare(.git(revision: "no-such-revision", path: "specs/demo.yaml"), .file("specs/demo.yaml"), repository: git)
        } throws: { error in
            (error as? DiffFailure)?.diagnostics.first?.message.hasPrefix("cannot read from git:") == true
        }
        #expect(throws: DiffFailure.self) { try DiffRunner.compareChanged(since: "no-such-revision", repository: git) }
    }

    @Test func parsingSides() {
        #expect(SpecInput.parse("main:specs/binance-spot.yaml") == .git(revision: "main", path: "specs/binance-spot.yaml"))
        #expect(SpecInput.parse("HEAD~2:./specs/x.yaml").description == "HEAD~2:specs/x.yaml")
        #expect(SpecInput.parse("specs/x.yaml") == .file("specs/x.yaml"))
        #expect(SpecInput.parse(#filePath) == .file(#filePath))
    }
}
