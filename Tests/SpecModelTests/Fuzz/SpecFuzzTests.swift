import Foundation
import Testing
import Yams

@testable import SpecModel

/// A seeded mutation fuzzer over the real specs (issue 14). Every input must load and validate without crashing,
/// and every diagnostic must be one well-formed line. Repeat a run with `SPECGEN_FUZZ_SEED=<seed>`; make it
/// longer with `SPECGEN_FUZZ_COUNT=<n>`. The input being loaded is kept in `$TMPDIR/specgen-fuzz-input-<shard>.yaml`,
/// so after a crash it is the reproducer (shard N runs seed + N).
@Suite struct SpecFuzzTests {
    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs")

    static let file = "specs/fuzz.yaml"

    /// A character that must never reach the terminal raw, judged by Unicode's properties (independently of
    /// the escaping code under test).
    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        [.control, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory) || scalar.properties.isBidiControl
    }

    /// The run is cut into this many shards, each with its own seed, so the test library runs them in parallel.
    static let shards = 4

    @Test(arguments: 0..<shards)
    func mutatedSpecsLoadWithWellFormedDiagnostics(shard: Int) throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = (environment["SPECGEN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EC6_E14) &+ UInt64(shard)
        let count = (environment["SPECGEN_FUZZ_COUNT"].flatMap { Int($0) } ?? 5_000) / Self.shards
        let texts = try SpecFiles.all(under: Self.specs.path).map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        try #require(texts.count >= 4)
        let trees = try texts.compactMap { try Yams.compose(yaml: String(decoding: $0, as: UTF8.self)) }
        var mutator = SpecMutator(random: SeededGenerator(seed: seed), trees: trees, texts: texts)
        let keep = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-fuzz-input-\(shard).yaml")

        let shape = #/^specs/fuzz\.yaml:[1-9][0-9]*:[1-9][0-9]*: (error|warning|note): \S.*$/#
        var structural = 0, clean = 0, diagnostics = 0, malformed: [String] = []
        for index in 0..<count {
            let input: [UInt8]
            switch index % 3 {
            case 0, 1:
                // Structure-aware; a third of those get byte-level damage on top.
                structural += 1
                let text = (try? Yams.serialize(node: mutator.mutatedTree())) ?? ""
                input = index % 3 == 1 ? mutator.mutateBytes(Array(text.utf8)) : Array(text.utf8)
            default:
                // Byte-level over a window of a real spec.
                let text = texts[index % texts.count]
                let start = Int.random(in: 0..<text.count, using: &mutator.random)
                let window = Array(text[start..<min(text.count, start + Int.random(in: 64...4_096, using: &mutator.random))])
                input = mutator.mutateBytes(Bool.random(using: &mutator.random) ? window : Array(text.prefix(4_096)))
            }
            try? Data(input).write(to: keep)
            let result = SpecLoader.load(data: Data(input), file: Self.file)
            if !result.hasErrors { clean += 1 }
            diagnostics += result.diagnostics.count
            let lines = LineIndex(input).lineCount
            for diagnostic in result.diagnostics {
                let text = diagnostic.description
                let wellFormed =
                    text.wholeMatch(of: shape) != nil && diagnostic.location.line <= lines + 1
                    && !text.unicodeScalars.contains(where: Self.isRaw)
                if !wellFormed, malformed.count < 20 { malformed.append("input \(index): \(text.debugDescription)") }
            }
        }
        print(
            "spec fuzz: seed \(seed), \(count) inputs (\(structural) structure-aware, \(count - structural) byte-level), \(clean) without errors, \(diagnostics) diagnostics, \(malformed.count) malformed"
        )
        #expect(malformed.isEmpty, "\(malformed.joined(separator: "\n"))")
    }
}
