import Foundation
import Yams

/// Reads a spec file into a Yams node tree, turning every way a file can be bad into diagnostics.
///
/// Guards: a size limit, strict UTF-8, a nesting limit (the readers recurse once per level), and a budget on nodes
/// visited so alias expansion bombs cannot make later passes exponential. `YAMLComposer` builds the tree.
public enum YAMLSource {
    /// Specs larger than this are refused; the largest real spec is well under 1 MB.
    public static let maxFileSize = 8 * 1024 * 1024
    /// Deepest nesting a spec may use; the format itself needs about ten levels.
    public static let maxDepth = 64

    /// The only implicit tag the loader reads is bool (`Node.bool` refuses a scalar tagged str); integers are parsed
    /// from their text and everything else is text. Yams' default resolver tries seven regular expressions on every
    /// plain scalar, and most of a spec's scalars are prose.
    static let scalarTags = Resolver.basic.appending(.bool)

    /// Parses `data` (the contents of `file`) into a root node, or returns the diagnostics that explain why not.
    public static func parse(_ data: Data, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if data.count > maxFileSize {
            let megabytes = String(format: "%.1f", Double(data.count) / 1_048_576)
            return (nil, [Diagnostic(.error, "file is \(megabytes) MB; specs are limited to \(maxFileSize / 1_048_576) MB", at: start)])
        }
        guard let text = String(validatingUTF8Data: data) else {
            let location = invalidUTF8Location(data, file: file)
            return (nil, [Diagnostic(.error, "file is not valid UTF-8 text", at: location)])
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            return (nil, [Diagnostic(.error, "file contains NUL bytes; is it a binary file?", at: location(ofScalar: "\0", in: text, file: file))])
        }
        // Stops at the first non-blank character; trimming copied the whole file through NSString (6% of a generate).
        if text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) {
            return (nil, [Diagnostic(.error, "spec is empty", at: start)])
        }
        if let deep = firstOverlyDeepLine(text) {
            return (nil, [Diagnostic(.error, "nesting deeper than \(maxDepth) levels", at: SourceLocation(file: file, line: deep, column: 1))])
        }
        let (root, diagnostics) = YAMLComposer.compose(text, file: file)
        if root == nil, diagnostics.isEmpty { return (nil, [Diagnostic(.error, "spec is empty", at: start)]) }
        return (root, diagnostics)
    }

    /// A cheap pre-scan: bracket depth plus indentation, an upper bound of the real nesting on ordinary YAML.
    static func firstOverlyDeepLine(_ text: String) -> Int? {
        var bracketDepth = 0
        let lines = LineIndex(text)
        for line in 1...lines.lineCount {
            var atLineStart = true
            var indentation = 0
            var inQuote: UInt8? = nil
            for byte in lines.lineBytes(line) {
                if atLineStart {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                        indentation += 1
                        if indentation / 2 > maxDepth * 4 { return line }
                        continue
                    }
                    atLineStart = false
                }
                if let quote = inQuote {
                    if byte == quote { inQuote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): inQuote = byte
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    bracketDepth += 1
                    if bracketDepth > maxDepth * 4 { return line }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): bracketDepth = max(0, bracketDepth - 1)
                default: break
                }
            }
        }
        return nil
    }

    /// Where the first byte that is not valid UTF-8 sits.
    static func invalidUTF8Location(_ data: Data, file: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let length: Int =
                switch bytes[index] {
                case 0..<0x80: 1
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 0
                }
            let valid =
                length > 0 && index + length <= bytes.count
                && String(validatingUTF8Data: Data(bytes[index..<index + length])) != nil
            if !valid { break }
            index += length
        }
        return LineIndex(bytes).location(ofByteOffset: index, file: file)
    }

    static func location(ofUTF8Offset offset: Int, in text: String, file: String) -> SourceLocation {
        LineIndex(text).location(ofByteOffset: offset, file: file)
    }

    static func location(ofScalar scalar: Unicode.Scalar, in text: String, file: String) -> SourceLocation {
        let index = text.unicodeScalars.firstIndex(of: scalar) ?? text.unicodeScalars.startIndex
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
        return location(ofUTF8Offset: offset, in: text, file: file)
    }
}

extension String {
    /// Strict UTF-8 decoding: nil when any byte sequence is invalid.
    init?(validatingUTF8Data data: Data) {
        guard let decoded = String(bytes: data, encoding: .utf8) else { return nil }
        self = decoded
    }
}
