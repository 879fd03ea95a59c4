import Foundation
import SpecModel

// Usage: SpecGenBench <specs/binance-spot.yaml> [sign|decode]...  |  SpecGenBench SPEC count OP N (see CountMode)
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
if arguments.count == 4, arguments.dropFirst().first == "count", let times = Int(arguments.last ?? "") {
    try await CountMode.run(Array(arguments)[2], times: times)
    exit(0)
}
let parts = arguments.count > 1 ? Set(arguments.dropFirst()) : ["sign", "decode"]
if parts.contains("sign") { for m in try await SignBench.run() { Harness.report(m) } }
if parts.contains("decode") { for m in try DecodeBench.run(spec: spec) { Harness.report(m) } }
