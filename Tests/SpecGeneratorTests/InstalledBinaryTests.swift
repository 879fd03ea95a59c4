import Foundation
import SpecGenerator
import Testing

/// `specgen` and the plugins' `specgen-generate` copied out of the build, run from a temporary directory with no
/// checkout around them: the built-in templates travel inside the binary.
@Suite struct InstalledBinaryTests {
    /// The folder holding the built products (the test runner sits beside them).
    static let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
    }

    /// Copies `tool` into a fresh directory holding the DFX spec, runs it there, and returns the directory.
    static func runCopied(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (URL, Run) {
        let built = products.appendingPathComponent(tool)
        try #require(FileManager.default.isExecutableFile(atPath: built.path), "\(built.path) is not built; run `swift build` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-installed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent("bin/\(tool)")
        try FileManager.default.copyItem(at: built, to: copy)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("specs/dfx-spot.yaml"), to: directory.appendingPathComponent("dfx-spot.yaml"))

        let process = Process()
        process.executableURL = copy
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var inherited = ProcessInfo.processInfo.environment
        inherited["SPECGEN_TEMPLATES"] = nil
        process.environment = inherited.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try launch(process)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (directory, Run(status: process.terminationStatus, output: output))
    }

    /// Starts `process`, retrying while the kernel says the copied binary is busy (ETXTBSY): another test's
    /// `Process` forked while the copy was still open for writing and holds it until that child execs.
    static func launch(_ process: Process) throws {
        for attempt in 1...50 {
            do { return try process.run() } catch let error as NSError where attempt < 50 && isTextFileBusy(error) {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    static func isTextFileBusy(_ error: NSError) -> Bool {
        (error.userInfo[NSUnderlyingErrorKey] as? NSError).map { $0.domain == NSPOSIXErrorDomain && $0.code == Int(ETXTBSY) } ?? false
    }

    /// The files below `folder` (the DocC page sits in `DFXSpot.docc/`), as sorted relative paths.
    static func files(under folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The files a copied binary wrote equal the committed `Generated/DFXSpot`.
    static func expectSameAsCommitted(_ output: URL) throws {
        let committed = repository.appendingPathComponent("Generated/DFXSpot")
        let names = try files(under: committed)
        #expect(try files(under: output) == names)
        for name in names {
            let expected = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(try Data(contentsOf: output.appendingPathComponent(name)) == expected, "\(name) differs")
        }
    }

    @Test(arguments: [("specgen", ["generate"]), ("specgen-generate", [])])
    func copiedBinaryGeneratesFromBuiltInTemplates(tool: String, prefix: [String]) throws {
        let (directory, run) = try Self.runCopied(tool, prefix + ["--spec", "dfx-spot.yaml", "--output", "out"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 0, "\(run.output)")
        try Self.expectSameAsCommitted(directory.appendingPathComponent("out/DFXSpot"))
    }

    @Test func aMissingTemplatesDirectoryIsAClearError() throws {
        let (directory, run) = try Self.runCopied(
            "specgen-generate", ["--spec", "dfx-spot.yaml"], environment: ["SPECGEN_TEMPLATES": "/nonexistent/templates"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 1)
        #expect(run.output.contains("error: SPECGEN_TEMPLATES directory '/nonexistent/templates' does not exist"))
    }

    @Test func unknownArgumentsAreRefused() throws {
        let (directory, run) = try Self.runCopied("specgen-generate", ["--sepc", "dfx-spot.yaml"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 2)
        #expect(run.output.contains("error: unknown argument '--sepc'"))
    }

    @Test func templatesCommandWritesTheBuiltInTemplatesForOverriding() throws {
        let (directory, run) = try Self.runCopied("specgen", ["templates", "--output", "mine"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 0, "\(run.output)")
        for name in TemplateSet.names {
            let written = try String(contentsOf: directory.appendingPathComponent("mine/\(name).mustache"), encoding: .utf8)
            #expect(written == TemplateSet.builtIn[name])
        }
        let again = try Self.runCopied("specgen", ["templates", "--output", directory.appendingPathComponent("mine").path])
        defer { try? FileManager.default.removeItem(at: again.0) }
        #expect(again.1.status != 0)
        #expect(again.1.output.contains("exists; pass --force to replace it"))
    }
}
