import Foundation
import SpecModel

/// One side of a comparison: a file on disk, or a file at a git revision (`main:specs/binance-spot.yaml`).
public enum SpecInput: Sendable, Hashable, CustomStringConvertible {
    case file(String)
    case git(revision: String, path: String)

    /// A path, or `REV:PATH` when no file of that name exists and the text has a colon.
    public static func parse(_ argument: String) -> SpecInput {
        if FileManager.default.fileExists(atPath: argument) { return .file(argument) }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            return .git(revision: String(argument[..<colon]), path: String(argument[argument.index(after: colon)...]))
        }
        return .file(argument)
    }

    /// How findings name the file: the path, or `REV:PATH`.
    public var description: String {
        switch self {
        case let .file(path): path
        case let .git(revision, path): "\(revision):\(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)"
        }
    }

    /// Loads the spec; nil with diagnostics when it cannot be read or has errors.
    func load(in repository: GitRepository) -> (spec: LoadedSpec?, diagnostics: [Diagnostic]) {
        let data: Data
        switch self {
        case let .file(path):
            let full = path.hasPrefix("/") ? path : (repository.directory as NSString).appendingPathComponent(path)
            guard let contents = FileManager.default.contents(atPath: full) else {
                return (nil, [Diagnostic(.error, "cannot read the file", at: SourceLocation(file: description, line: 1, column: 1))])
            }
            data = contents
        case let .git(revision, path):
            do { data = try repository.show(revision: revision, path: path) } catch {
                return (nil, [Diagnostic(.error, "cannot read from git: \(error.message)", at: SourceLocation(file: description, line: 1, column: 1))])
            }
        }
        return LoadedSpec.load(data, file: description)
    }
}

/// A loaded spec with its text, which places findings about top-level sections.
struct LoadedSpec {
    var spec: Spec
    var text: String

    static func load(_ data: Data, file: String) -> (spec: LoadedSpec?, diagnostics: [Diagnostic]) {
        let result = SpecLoader.load(data: data, file: file)
        guard let spec = result.spec, !result.hasErrors else { return (nil, result.diagnostics) }
        return (LoadedSpec(spec: spec, text: String(decoding: data, as: UTF8.self)), result.diagnostics)
    }
}
