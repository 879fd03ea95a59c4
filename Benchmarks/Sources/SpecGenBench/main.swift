import Foundation
import SpecModel

// Usage: SpecGenBench <specs/binance-spot.yaml> [sign|decode]...
//        SpecGenBench <specs/binance-spot.yaml> count <case> <iterations>   (one case alone, for profilers and callgrind:
//        a decode case, `lint` (load and lint SPEC), or one of CountMode.operations)
let arguments = CommandLine.arguments.dropFirst()
guard let specPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: SpecGenBench SPEC [sign] [decode]\n".utf8))
    exit(2)
}
let loaded = SpecLoader.load(path: specPath)
guard let spec = loaded.spec, !loaded.hasErrors else {
    FileHandle.standardError.write(Data("cannot load \(specPath)\n".utf8))
    exit(1)
}
if arguments.dropFirst().first == "count" {
    let rest = Array(arguments.dropFirst(2))
    guard rest.count == 2, let iterations = Int(rest[1]) else {
        FileHandle.standardError.write(Data("usage: SpecGenBench SPEC count NAME ITERATIONS\n".utf8))
        exit(2)
    }
    if rest[0] == "lint" {
        blackHole(LintCount.callgrindBody(specPath, iterations))
    } else if CountMode.operations.contains(rest[0]) {
        // The task's first job runs inside `Task.init`, on this thread, and never suspends: the process ends
        // without ever starting a thread (see InlineExecutor).
        let name = rest[0]
        Task(executorPreference: InlineExecutor()) {
            do {
                try await CountMode.run(name, times: iterations)
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                exit(1)
            }
        }
    } else {
        try DecodeBench.count(spec: spec, name: rest[0], iterations: iterations)
    }
    exit(0)
}
let parts = arguments.count > 1 ? Set(arguments.dropFirst()) : ["sign", "decode"]
if parts.contains("sign") { for m in try await SignBench.run() { Harness.report(m) } }
if parts.contains("decode") { for m in try DecodeBench.run(spec: spec) { Harness.report(m) } }
