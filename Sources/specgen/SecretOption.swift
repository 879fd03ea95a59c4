import ArgumentParser
import Foundation

/// A secret the mock needs, from one of three places: a file (best), an environment variable, or the command line
/// (visible to every local user in `ps` and /proc, so it warns).
struct SecretOption {
    /// The option's name without dashes, e.g. `secret` for `--secret` and `--secret-file`.
    let name: String
    /// The environment variable that can hold it.
    let variable: String

    /// The value from `file`, `inline` (with a warning on stderr) or the environment; nil when none is given.
    /// Giving both `file` and `inline` is an error, and so is an empty file.
    func resolve(inline: String?, file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if file != nil, inline != nil {
            throw ValidationError("give the \(name) once: --\(name)-file or --\(name)")
        }
        if let file {
            let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ValidationError("the \(name) file '\(file)' is empty") }
            return text
        }
        if let inline {
            FileHandle.standardError.write(
                Data(
                    """
                    warning: --\(name) is visible to every local user (ps, /proc); use --\(name)-file FILE or \(variable)

                    """.utf8))
            return inline
        }
        return environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
}
