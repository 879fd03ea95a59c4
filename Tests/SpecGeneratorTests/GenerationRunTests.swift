import Foundation
import SpecGenerator
import SpecModel
import Testing

@Suite struct GenerationRunTests {
    func specPaths() -> [String] { SpecFiles.all(under: repository.appendingPathComponent("specs").path) }

    /// `Generated/` is the golden output: the committed files are what the generator makes today.
    @Test func committedOutputIsUpToDate() throws {
        let run = GenerationRun(specPaths: specPaths(), output: repository.appendingPathComponent("Generated").path, templates: try TemplateSet.load())
        let outcome = run.prepare()
        #expect(outcome.errors.isEmpty)
        #expect(outcome.fileCount == 30)  // 7 per spec, and BinanceSpot's WebSocketClient.swift and Streams.swift
        #expect(outcome.plan.changed.map(\.path) == [], "run `swift run specgen generate` and commit Generated/")
        #expect(outcome.plan.removed == [])
    }

    /// A spec without `webSocketAPI` or `streams` gets no WebSocket files, except header-only ones when every file is
    /// asked for (the build plugin declares them all).
    @Test func webSocketFilesOnlyWhereTheSpecHasThem() throws {
        let templates = try TemplateSet.load()
        for path in specPaths() {
            let spec = try #require(SpecLoader.load(path: path).spec)
            let names = try Generator.files(for: spec, templates: templates).map { String($0.path.split(separator: "/").last ?? "") }
            #expect(names.contains("WebSocketClient.swift") == (spec.webSocketAPI != nil))
            #expect(names.contains("Streams.swift") == (spec.streams != nil))
            let every = try Generator.files(for: spec, templates: templates, only: [.webSocketClient], everyFile: true)
            #expect(every.count == 1)
            if spec.webSocketAPI == nil {
                #expect(every.first?.contents.hasSuffix("// The spec has no `webSocketAPI`: nothing to generate.\n") == true)
                #expect(every.first?.contents.contains("import") == false)
            }
        }
    }

    @Test func sameSpecGivesByteIdenticalFiles() throws {
        let templates = try TemplateSet.load()
        for path in specPaths() {
            let spec = try #require(SpecLoader.load(path: path).spec)
            #expect(try Generator.files(for: spec, templates: templates) == Generator.files(for: spec, templates: templates))
        }
    }

    @Test func writesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = GenerationRun(specPaths: [specPaths()[0]], output: output.path, templates: try TemplateSet.load())
        let first = try run.run()
        let spec = try #require(SpecLoader.load(path: specPaths()[0]).spec)
        let absent = (spec.webSocketAPI == nil ? 1 : 0) + (spec.streams == nil ? 1 : 0)
        #expect(first.plan.changed.count == ModuleFile.allCases.count - absent)
        let module = try #require(first.plan.changed.first?.path.split(separator: "/").first).description
        try Data("// stray".utf8).write(to: output.appendingPathComponent("\(module)/Old.swift"))
        try Data("// edited".utf8).write(to: output.appendingPathComponent("\(module)/Enums.swift"))
        let second = try run.run()
        #expect(second.plan.changed.map(\.path) == ["\(module)/Enums.swift"])
        #expect(second.plan.removed == ["\(module)/Old.swift"])
        #expect(try run.run().plan.isUpToDate)
    }

    @Test func aFailingRunLeavesTheOutputAsItWas() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output.appendingPathComponent("BinanceSpot"), withIntermediateDirectories: true)
        let marker = output.appendingPathComponent("BinanceSpot/Enums.swift")
        try Data("// the previous output".utf8).write(to: marker)
        let broken = output.appendingPathComponent("broken.yaml")
        try Data(
            "specgen: 1\napi: broken\ntitle: B\nmodule: Broken\nservers: [{url: https://x.example}]\nendpoints:\n  e: {method: GET, path: /e, security: NOPE}\n".utf8
        ).write(to: broken)
        let run = GenerationRun(specPaths: specPaths() + [broken.path], output: output.path, templates: try TemplateSet.load())
        let outcome = try run.run()
        #expect(outcome.errors.contains { $0.contains("broken.yaml:7:") && $0.contains("unknown security level 'NOPE'") })
        #expect(try String(contentsOf: marker, encoding: .utf8) == "// the previous output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["BinanceSpot", "broken.yaml"])
    }

    /// The templates load while the specs do; a bad templates directory and a bad spec are both reported.
    @Test func aTemplateErrorIsReportedBesideSpecErrors() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let broken = output.appendingPathComponent("broken.yaml")
        try Data("specgen: 1\napi: [\n".utf8).write(to: broken)
        let run = GenerationRun(specPaths: [broken.path], output: output.path, templates: try TemplateSet.load(overrides: "/nonexistent/templates"))
        let outcome = try run.run()
        #expect(outcome.errors.contains { $0.contains("broken.yaml:") })
        #expect(outcome.errors.last == "error: templates directory '/nonexistent/templates' does not exist")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["broken.yaml"])
    }

    @Test func templateOverridesReplaceFilesByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\n// custom errors for {{name}}\n".utf8).write(to: dir.appendingPathComponent("Errors.mustache"))
        let templates = try TemplateSet.load(overrides: dir.path)
        #expect(templates.sources["Errors"]?.hasPrefix(dir.path) == true)
        #expect(templates.sources["Enums"] == "built-in")
        let spec = try #require(SpecLoader.load(path: specPaths()[0]).spec)
        let errors = try #require(try Generator.files(for: spec, templates: templates).first { $0.path.hasSuffix("Errors.swift") })
        #expect(errors.contents.hasPrefix("// custom errors for "))
    }
}

/// `Generated/` is formatted: the toolchain's `swift format` finds nothing to change under the project's
/// `.swift-format`. Skipped where the formatter is not installed.
@Suite struct FormattingTests {
    @Test func generatedCodePassesSwiftFormatLint() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", "lint", "--strict", "--recursive", "Generated"]
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            print("skipping: cannot run `swift format` (\(error))")
            return
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if text.contains("Unknown subcommand") || text.contains("no such") { return print("skipping: `swift format` is not installed") }
        #expect(process.terminationStatus == 0, "swift format lint:\n\(text.prefix(2000))")
    }
}
