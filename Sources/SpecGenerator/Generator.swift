import Foundation
import SpecModel

/// One generated source file, relative to the output directory (`BinanceSpot/Enums.swift`).
public struct GeneratedFile: Hashable, Sendable {
    public let path: String
    public let contents: String
}

/// Spec → Swift source files. Pure: nothing is written here.
public enum Generator {
    /// The files of the module generated from `spec` (by default all of them), in a fixed order with fixed names.
    /// A file for a part the spec lacks (`WebSocketClient` without `webSocketAPI`) is left out unless `everyFile`
    /// asks for a header-only one (the build plugin's declared outputs).
    public static func files(
        for spec: Spec, templates: TemplateSet, only kinds: [ModuleFile] = ModuleFile.allCases, everyFile: Bool = false
    ) throws -> [GeneratedFile] {
        let translator = Translator(spec: spec)
        let module = spec.module.value
        return try kinds.filter { everyFile || hasContent($0, spec) }.map { file in
            let text = templates.render(try translator.context(for: file), template: file.rawValue)
            return GeneratedFile(path: "\(module)/\(file.path(module: module))", contents: tidy(text))
        }
    }

    /// Whether `spec` has the part `file` is generated from.
    static func hasContent(_ file: ModuleFile, _ spec: Spec) -> Bool {
        switch file {
        case .webSocketClient: spec.webSocketAPI != nil
        case .streams: spec.streams != nil
        default: true
        }
    }

    /// Trailing spaces removed, runs of blank lines collapsed, exactly one final newline.
    /// One pass over the UTF-8 bytes of each line (this runs on every generated file).
    static func tidy(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var blankPending = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = line.utf8
            var end = bytes.endIndex
            while end > bytes.startIndex {
                let last = bytes.index(before: end)
                guard bytes[last] == UInt8(ascii: " ") || bytes[last] == UInt8(ascii: "\t") else { break }
                end = last
            }
            if end == bytes.startIndex {
                blankPending = !out.isEmpty
                continue
            }
            if blankPending { out += "\n" }
            blankPending = false
            out += line[..<end]
            out += "\n"
        }
        return out.isEmpty ? "\n" : out
    }
}
