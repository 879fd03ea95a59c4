/// JSON parsed in one pass into a flat array of nodes ("tape"): no value is decoded, no key or string is copied.
/// Objects list their members as key node, value node, key node, …; every node knows where its subtree ends,
/// so a value is skipped in one step.
struct JSONTape {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, escapedString, array, object
    }

    /// One value (or key). For scalars `start..<end` are byte offsets of the text (a string's content, without
    /// quotes); for arrays and objects `count` is the number of elements (members × 2 for objects).
    struct Node {
        var kind: Kind
        var start: Int32
        var end: Int32
        var count: Int32 = 0
        /// The tape index just after this node's subtree.
        var next: Int32 = 0
    }

    let bytes: [UInt8]
    private(set) var nodes: [Node] = []

    /// A syntax error at a byte offset.
    struct SyntaxError: Error {
        let offset: Int
        let reason: String
    }

    /// The maximum nesting of arrays and objects, as JSONDecoder's.
    static let maxDepth = 512

    init(_ bytes: [UInt8]) throws(SyntaxError) {
        guard bytes.count < Int(Int32.max) else { throw SyntaxError(offset: 0, reason: "the document is too large") }
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 6 + 4)
        var index = 0
        try parse(&index)
    }

    /// Iterative, so deep nesting is an error rather than a stack overflow.
    private mutating func parse(_ index: inout Int) throws(SyntaxError) {
        var open: [Int] = []  // tape indices of the arrays and objects not yet closed
        var expectValue = true
        skipSpace(&index)
        while true {
            if expectValue {
                guard index < bytes.count else { throw SyntaxError(offset: index, reason: "unexpected end of data") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    guard open.count < Self.maxDepth else { throw SyntaxError(offset: index, reason: "too deeply nested") }
                    open.append(nodes.count)
                    nodes.append(Node(kind: byte == UInt8(ascii: "{") ? .object : .array, start: Int32(index), end: 0))
                    index += 1
                    skipSpace(&index)
                    let closer = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index < bytes.count, bytes[index] == closer {
                        close(open.removeLast(), &index)
                    } else {
                        if byte == UInt8(ascii: "{") { try key(&index) }
                        continue
                    }
                } else {
                    try scalar(&index)
                }
                expectValue = false
            }
            skipSpace(&index)
            guard let top = open.last else {
                guard index == bytes.count else { throw SyntaxError(offset: index, reason: "unexpected text after the value") }
                return
            }
            nodes[top].count += 1
            let isObject = nodes[top].kind == .object
            guard index < bytes.count else { throw SyntaxError(offset: index, reason: "unexpected end of data") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipSpace(&index)
                if index < bytes.count, bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    close(open.removeLast(), &index)  // a trailing comma, which JSONDecoder accepts too
                    continue
                }
                if isObject { try key(&index) }
                expectValue = true
            case isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"):
                close(open.removeLast(), &index)
            default:
                throw SyntaxError(offset: index, reason: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    private mutating func close(_ node: Int, _ index: inout Int) {
        index += 1
        nodes[node].end = Int32(index)
        nodes[node].next = Int32(nodes.count)
        if nodes[node].kind == .object { nodes[node].count *= 2 }
    }

    /// A member's key and the colon after it; leaves `index` at the value.
    private mutating func key(_ index: inout Int) throws(SyntaxError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw SyntaxError(offset: index, reason: "expected a key in quotes")
        }
        try string(&index)
        skipSpace(&index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw SyntaxError(offset: index, reason: "expected ':' after a key")
        }
        index += 1
        skipSpace(&index)
    }

    private mutating func scalar(_ index: inout Int) throws(SyntaxError) {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): try string(&index)
        case UInt8(ascii: "t"): try literal("true", .true, &index)
        case UInt8(ascii: "f"): try literal("false", .false, &index)
        case UInt8(ascii: "n"): try literal("null", .null, &index)
        default: try number(&index)
        }
    }

    private mutating func literal(_ text: StaticString, _ kind: Kind, _ index: inout Int) throws(SyntaxError) {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count,
            (0..<count).allSatisfy({ bytes[index + $0] == text.utf8Start[$0] })
        else { throw SyntaxError(offset: index, reason: "invalid literal") }
        nodes.append(Node(kind: kind, start: Int32(index), end: Int32(index + count), next: Int32(nodes.count + 1)))
        index += count
    }

    /// A string: content without quotes; escapes are checked here and resolved when the value is read.
    private mutating func string(_ index: inout Int) throws(SyntaxError) {
        let start = index + 1
        var position = start
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                nodes.append(
                    Node(
                        kind: escaped ? .escapedString : .string, start: Int32(start),
                        end: Int32(position), next: Int32(nodes.count + 1)))
                index = position + 1
                return
            }
            guard byte >= 0x20 else { throw SyntaxError(offset: position, reason: "unescaped control character in a string") }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try checkEscape(at: position + 1)
                position += bytes[position + 1] == UInt8(ascii: "u") ? 6 : 2
            } else {
                position += 1
            }
        }
        throw SyntaxError(offset: index, reason: "unterminated string")
    }

    /// `\\u` must be followed by four hex digits; other escapes are checked when the string is read, as
    /// JSONDecoder does.
    private func checkEscape(at position: Int) throws(SyntaxError) {
        guard position < bytes.count else { throw SyntaxError(offset: position, reason: "unterminated string") }
        guard bytes[position] == UInt8(ascii: "u") else { return }
        guard position + 4 < bytes.count, (1...4).allSatisfy({ JSONTape.hexValue(bytes[position + $0]) != nil }) else {
            throw SyntaxError(offset: position, reason: "invalid \\u escape")
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }

    /// A number: its characters only (`-+.eE` and digits, starting with `-` or a digit). Its grammar is checked
    /// when it is read, as JSONDecoder does, so a malformed number in a member nobody reads is no error.
    private mutating func number(_ index: inout Int) throws(SyntaxError) {
        let start = index
        guard bytes[index] == UInt8(ascii: "-") || bytes[index] &- UInt8(ascii: "0") < 10 else {
            throw SyntaxError(offset: index, reason: "unexpected character")
        }
        var position = index + 1
        while position < bytes.count {
            let byte = bytes[position]
            guard
                byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            else { break }
            position += 1
        }
        nodes.append(Node(kind: .number, start: Int32(start), end: Int32(position), next: Int32(nodes.count + 1)))
        index = position
    }

    private func skipSpace(_ index: inout Int) {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }
}
