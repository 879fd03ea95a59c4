import Foundation
import SpecModel

/// Writes a first spec from what the docs show: every endpoint and parameter table, enum lists, error codes and
/// examples. `# TODO` comments mark what a person must decide (base URL, security levels, response models, rules).
/// The output loads with `SpecLoader`.
public struct SpecDrafter {
    let docs: DocModel
    var out: [String] = []
    var enums = EnumNames()

    public init(docs: DocModel) { self.docs = docs }

    /// The drafted spec as YAML text.
    public static func draft(_ docs: DocModel) -> String {
        var drafter = SpecDrafter(docs: docs)
        return drafter.render()
    }

    mutating func line(_ text: String) { out.append(text) }

    mutating func render() -> String {
        let base = (docs.files.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "api")
        let api = String(base.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-").drop { !$0.isLetter })
        let title = docs.title ?? docs.sections.first.map { InlineText.plain($0.title) } ?? base
        enums.collect(docs)
        line("# Drafted by `specgen draft` from \(docs.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")).")
        line("# Each `# TODO` marks a decision the docs leave open; `specgen lint` checks the result.")
        line("specgen: 1")
        line("api: \(api.isEmpty ? "api" : api)  # TODO: a stable kebab-case id")
        line("title: \(YAMLText.scalar(title))")
        line("module: \(Self.typeName(api, fallback: "API"))  # TODO: the Swift module name")
        line("docs:")
        for file in docs.files { line("  - {file: \(YAMLText.scalar(URL(fileURLWithPath: file).lastPathComponent))}") }
        line("servers:")
        line("  - url: https://api.example.invalid  # TODO: the base URL")
        securityLevels()
        // Endpoints first: their parameters add enums.
        let head = out
        out = []
        endpoints()
        let tail = out
        out = head
        enumDefinitions()
        errorCatalog()
        return (out + tail).joined(separator: "\n") + "\n"
    }

    mutating func securityLevels() {
        let words = Set(docs.endpoints.filter { !$0.key.isWebSocket }.map { $0.security ?? "NONE" })
        line("security:  # TODO: what each level needs (apiKey, signed, timestamp, bearer)")
        for word in words.sorted() { line("  \(word): {}") }
    }

    mutating func enumDefinitions() {
        guard !enums.definitions.isEmpty else { return }
        line("enums:")
        for def in enums.definitions {
            line("  \(def.name):\(def.used ? "" : "  # TODO: used by a response model?")")
            line("    values: [\(def.values.map(YAMLText.scalar).joined(separator: ", "))]")
        }
    }

    mutating func errorCatalog() {
        guard !docs.errors.isEmpty else { return }
        line("errors:")
        var seen: Set<String> = []
        for error in docs.errors where seen.insert(error.code).inserted {
            let code = error.code.range(of: #"^-?\d+$"#, options: .regularExpression) != nil ? error.code : YAMLText.quoted(error.code)
            if let name = error.name {
                line("  - {code: \(code), name: \(name)}")
            } else {
                let name = (error.message ?? "ERROR_\(error.code)").uppercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "_")
                line("  - {code: \(code), name: \(name), description: \(YAMLText.scalar(error.message ?? ""))}  # TODO: the docs give no name")
            }
        }
    }

    static func typeName(_ text: String, fallback: String) -> String {
        let name = InlineText.upperCamel(text).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard let first = name.first, first.isLetter else { return fallback }
        return name
    }
}
