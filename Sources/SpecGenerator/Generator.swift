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
        let files = kinds.filter { everyFile || hasContent($0, spec) }
        // The files are independent: they are rendered side by side, one per core, and returned in order.
        let results = ResultSlots<GeneratedFile>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results[index] = Result {
                let text = templates.render(try translator.context(for: file), template: file.rawValue)
                return GeneratedFile(path: "\(module)/\(file.path(module: module))", contents: tidy(text))
            }
        }
        return try results.values()
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
    /// One pass over the UTF-8 bytes (this runs on every generated file).
    static func tidy(_ text: String) -> String {
        var text = text
        let bytes = text.withUTF8 { Array($0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var blankPending = false
        var start = 0
        while start <= bytes.count {
            var stop = start
            while stop < bytes.count, bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
            var end = stop
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            if end == start {
                blankPending = !out.isEmpty
            } else {
                if blankPending { out.append(UInt8(ascii: "\n")) }
                blankPending = false
                out.append(contentsOf: bytes[start..<end])
                out.append(UInt8(ascii: "\n"))
            }
            start = stop + 1
        }
        return out.isEmpty ? "\n" : String(decoding: out, as: UTF8.self)
    }
}

/// One result per index, filled from concurrent work (each index written once) and read when all are done.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Result<Value, any Error>? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The values in index order; throws the first error, in index order.
    func values() throws -> [Value] {
        try lock.withLock { slots }.compactMap { try $0?.get() }
    }
}
