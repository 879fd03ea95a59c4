import Foundation
import SpecModel

/// libFuzzer entry point over the spec loader (issue 14): every input must load and validate without crashing,
/// and every diagnostic must be one well-formed, escaped line. A malformed diagnostic aborts, so libFuzzer keeps
/// the input as a crash. Built only by `scripts/fuzz-spec-loader.sh`, in a package of its own under .build-fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecLoader(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let result = SpecLoader.load(data: Data(bytes: bytes, count: count), file: "specs/fuzz.yaml")
    for diagnostic in result.diagnostics where !isWellFormed(diagnostic) {
        FileHandle.standardError.write(Data("malformed diagnostic: \(diagnostic.description.debugDescription)\n".utf8))
        abort()
    }
    return 0
}

func isWellFormed(_ diagnostic: Diagnostic) -> Bool {
    let text = diagnostic.description
    guard diagnostic.location.line >= 1, diagnostic.location.column >= 1, !diagnostic.message.isEmpty,
        text.hasPrefix("specs/fuzz.yaml:\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.severity.rawValue): ")
    else { return false }
    // Judged by Unicode's own properties, independently of the escaping code under test.
    return !text.unicodeScalars.contains { scalar in
        [.control, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory) || scalar.properties.isBidiControl
    }
}

// SwiftPM links an executable's entry point as `<module>_main` and aliases `main` to it; here that entry starts
// libFuzzer's driver (so libFuzzer's own `main` is not linked in).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("SpecLoaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzSpecLoader)
}
