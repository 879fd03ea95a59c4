import Foundation
import SpecDocs
import SpecModel

/// Paths for the docs tests: the repository (from this file), the shared docs beside it, the fixtures.
enum DocsPaths {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `<repo>/../shared/docs`, where the exchange docs live next to a CI checkout.
    static let sharedDocs = repo.deletingLastPathComponent().appendingPathComponent("shared/docs")
    static var sharedDocsAvailable: Bool { FileManager.default.fileExists(atPath: sharedDocs.appendingPathComponent("README.md").path) }

    static func spec(_ name: String) -> Spec {
        let result = SpecLoader.load(path: repo.appendingPathComponent("specs/\(name)").path, displayPath: "specs/\(name)")
        guard let spec = result.spec else { fatalError("cannot load specs/\(name): \(result.diagnostics)") }
        return spec
    }

    static func fixture(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else { fatalError("missing fixture \(name)") }
        return url.path
    }

    /// A spec among the docs fixtures, shown as `Fixtures/<name>`.
    static func fixtureSpec(_ name: String) -> Spec {
        let result = SpecLoader.load(path: fixture(name), displayPath: "Fixtures/\(name)")
        guard let spec = result.spec else { fatalError("cannot load fixture \(name): \(result.diagnostics)") }
        return spec
    }

    static func shared(_ names: [String]) -> [String] { names.map { sharedDocs.appendingPathComponent($0).path } }

    /// The 1-based number of the first line of `file` containing `text`.
    static func line(of text: String, in file: String) -> Int {
        let lines = (try? String(contentsOfFile: file, encoding: .utf8))?.components(separatedBy: "\n") ?? []
        guard let i = lines.firstIndex(where: { $0.contains(text) }) else { fatalError("'\(text)' not in \(file)") }
        return i + 1
    }
}

/// Reads documents given as text (file names only label them).
func docModel(_ documents: [(String, String)]) -> DocModel {
    DocReader.read(documents: documents.map { (file: $0.0, text: $0.1) })
}
