import SpecModel

/// `SpecGenBench SPEC count lint N`: loads and lints SPEC N times, what `specgen lint SPEC` does after process
/// start, for `valgrind --tool=callgrind --toggle-collect='*callgrindBody*'` (instructions do not depend on load).
enum LintCount {
    @inline(never) static func callgrindBody(_ path: String, _ iterations: Int) -> Int {
        var diagnostics = 0
        for _ in 0..<iterations { diagnostics += SpecLoader.load(path: path).lintDiagnostics.count }
        return diagnostics
    }
}
