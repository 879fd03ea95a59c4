/// Lines of a file as libyaml counts them, so positions we compute agree with the marks of the YAML parser.
///
/// libyaml breaks a line at LF, CR, CRLF (one break), NEL (U+0085), LS (U+2028) and PS (U+2029). Columns count
/// Unicode scalars from 1. Works on raw bytes, so it also places errors in text that is not valid UTF-8.
struct LineIndex {
    private let bytes: [UInt8]
    /// Byte offset where each line starts, and where its content ends (before the break); one entry per line.
    private let starts: [Int]
    private let ends: [Int]

    init(_ bytes: some Sequence<UInt8>) {
        let bytes = Array(bytes)
        var starts = [0]
        var ends: [Int] = []
        var offset = 0
        while offset < bytes.count {
            let length = Self.breakLength(bytes, at: offset)
            if length > 0 {
                ends.append(offset)
                offset += length
                starts.append(offset)
            } else {
                offset += 1
            }
        }
        ends.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    init(_ text: String) { self.init(text.utf8) }

    /// The length in bytes of the line break at `offset`, or 0 when there is none.
    static func breakLength(_ bytes: [UInt8], at offset: Int) -> Int {
        func byte(_ i: Int) -> UInt8? { offset + i < bytes.count ? bytes[offset + i] : nil }
        switch bytes[offset] {
        case 0x0A: return 1
        case 0x0D: return byte(1) == 0x0A ? 2 : 1
        case 0xC2: return byte(1) == 0x85 ? 2 : 0
        case 0xE2: return byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    var lineCount: Int { starts.count }

    /// The bytes of 1-based `line`, without its break; empty for a line that does not exist.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        return bytes[starts[line - 1]..<ends[line - 1]]
    }

    /// The text of 1-based `line` (invalid UTF-8 shown as U+FFFD).
    func lineText(_ line: Int) -> String { String(decoding: lineBytes(line), as: UTF8.self) }

    /// Line and column of a byte offset (clamped into the file).
    func location(ofByteOffset offset: Int, file: String) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        // The last line starting at or before `offset`.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = bytes[starts[low]..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: low + 1, column: column)
    }
}
