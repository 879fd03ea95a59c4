import Foundation
import Yams

/// SplitMix64: a small, fast, seedable generator, so a fuzz run can be repeated from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations of spec files: byte-level (what a careless editor or a broken transfer does) and structure-aware
/// (what a careless author or an attacker writes), both over the real specs.
struct SpecMutator {
    var random: SeededGenerator
    /// The real specs as trees, for structure-aware mutation.
    let trees: [Node]
    /// The real specs as bytes, for splicing.
    let texts: [[UInt8]]

    // MARK: Byte level

    /// Byte sequences that have broken loaders: line breaks libyaml knows, NUL, invalid UTF-8, YAML syntax.
    static let interesting: [[UInt8]] = [
        [0x0D], [0x0D, 0x0A], [0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0x00], [0x09],
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF],
        [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0xE2, 0x80, 0xAE], [0xC2, 0x9B],
        Array("{".utf8), Array("[".utf8), Array("}".utf8), Array(": ".utf8), Array("- ".utf8), Array("&a ".utf8),
        Array("*a".utf8), Array("!!binary ".utf8), Array("%".utf8), Array("\"".utf8), Array("'".utf8), Array("#".utf8),
        Array("|\n".utf8), Array(">-\n".utf8), Array("? ".utf8), Array("<<: ".utf8), Array("---\n".utf8),
        Array("9223372036854775807".utf8), Array("-9223372036854775808".utf8), Array("1e999".utf8), Array("{a".utf8),
    ]

    mutating func mutateBytes(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...32, using: &random)))
            case 3:
                bytes.insert(contentsOf: Self.interesting.randomElement(using: &random)!, at: position)
            case 4 where !bytes.isEmpty:
                let length = Int.random(in: 1...256, using: &random)
                let chunk = bytes[position..<min(bytes.count, position + length)]
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &random))
            case 5:
                let other = texts.randomElement(using: &random)!
                let start = Int.random(in: 0..<other.count, using: &random)
                bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...512, using: &random))], at: position)
            case 6:
                // Every line break the same other kind: a whole file saved with CR, CRLF, NEL, LS or PS.
                let breaks: [[UInt8]] = [[0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]]
                let replacement = breaks.randomElement(using: &random)!
                bytes = Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: replacement))
            default:
                if !bytes.isEmpty { bytes[position] = Self.interesting.randomElement(using: &random)!.first! }
            }
        }
        return bytes
    }

    // MARK: Structure-aware

    /// A real spec, cut down to a few entries of each big section (to keep one input fast), then mutated.
    mutating func mutatedTree() -> Node {
        var tree = sample(trees.randomElement(using: &random)!)
        for _ in 0..<Int.random(in: 1...3, using: &random) { tree = mutate(tree) }
        return tree
    }

    mutating func sample(_ spec: Node) -> Node {
        guard case let .mapping(top) = spec else { return spec }
        return Node(top.map { key, value in (key, trimLists(cut(value))) })
    }

    /// Every list below a section (parameters, enum values, fields…) cut down too: the shapes stay real, the input
    /// small. Mappings below the top keep every key, so endpoints and models keep their required ones.
    mutating func trimLists(_ node: Node) -> Node {
        switch node {
        case let .mapping(mapping): return Node(mapping.map { ($0.key, trimLists($0.value)) })
        case .sequence:
            guard case let .sequence(kept) = cut(node) else { return node }
            return Node(kept.map { trimLists($0) })
        default: return node
        }
    }

    /// A section with more than four entries (mapping or list) cut down to one to three of them, in order.
    mutating func cut(_ section: Node) -> Node {
        let count: Int
        switch section {
        case let .mapping(mapping): count = mapping.count
        case let .sequence(sequence): count = sequence.count
        default: return section
        }
        guard count > 4 else { return section }
        let keep = Set((0..<count).shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
        switch section {
        case let .mapping(mapping): return Node(mapping.enumerated().filter { keep.contains($0.offset) }.map { ($0.element.key, $0.element.value) })
        case let .sequence(sequence): return Node(sequence.enumerated().filter { keep.contains($0.offset) }.map(\.element))
        default: return section
        }
    }

    /// Every node's path from the root (child indexes; a mapping's children are its values).
    func paths(_ node: Node, prefix: [Int] = []) -> [[Int]] {
        let children: [Node] =
            switch node {
            case let .mapping(mapping): mapping.map(\.value)
            case let .sequence(sequence): Array(sequence)
            default: []
            }
        return [prefix] + children.enumerated().flatMap { paths($0.element, prefix: prefix + [$0.offset]) }
    }

    func replacing(_ path: ArraySlice<Int>, in node: Node, with change: (Node) -> Node) -> Node {
        guard let index = path.first else { return change(node) }
        switch node {
        case let .mapping(mapping):
            var pairs = mapping.map { ($0.key, $0.value) }
            pairs[index].1 = replacing(path.dropFirst(), in: pairs[index].1, with: change)
            return Node(pairs)
        case let .sequence(sequence):
            var nodes = Array(sequence)
            nodes[index] = replacing(path.dropFirst(), in: nodes[index], with: change)
            return Node(nodes)
        default: return node
        }
    }

    static let hostileScalars = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "-1", "0", "1e309", "0x7FFFFFFF",
        ".nan", "-.inf", "~", "", "yes", "\u{1B}[31mred\u{1B}[0m", "line\nbreak", "cr\rhere", "nel\u{85}x", "ls\u{2028}x",
        "\u{202E}evil", "nul\0x", "not a url", "https://{host", "/api/{", "/%zz", "/p ing", "Swift", "JSON",
        "ARRAY OF Ack", "MAP OF DECIMAL", "ARRAY OF ARRAY OF LONG", "EMPTY", "{", "}", "*a", String(repeating: "x", count: 5_000),
    ]

    mutating func mutate(_ tree: Node) -> Node {
        let all = paths(tree)
        let path = all.randomElement(using: &random)!
        let donor = Self.node(at: all.randomElement(using: &random)!, in: tree)
        var random = self.random
        defer { self.random = random }
        return replacing(path[...], in: tree) { node in
            switch (Int.random(in: 0..<9, using: &random), node) {
            case let (0, .mapping(mapping)) where !mapping.isEmpty:  // delete a key
                var pairs = mapping.map { ($0.key, $0.value) }
                pairs.remove(at: Int.random(in: 0..<pairs.count, using: &random))
                return Node(pairs)
            case let (1, .mapping(mapping)) where !mapping.isEmpty:  // duplicate a key
                var pairs = mapping.map { ($0.key, $0.value) }
                pairs.insert(pairs.randomElement(using: &random)!, at: Int.random(in: 0...pairs.count, using: &random))
                return Node(pairs)
            case let (2, .mapping(mapping)) where mapping.count > 1:  // swap two values
                var pairs = mapping.map { ($0.key, $0.value) }
                let a = Int.random(in: 0..<pairs.count, using: &random), b = Int.random(in: 0..<pairs.count, using: &random)
                (pairs[a].1, pairs[b].1) = (pairs[b].1, pairs[a].1)
                return Node(pairs)
            case let (3, .mapping(mapping)) where !mapping.isEmpty:  // rename a key
                var pairs = mapping.map { ($0.key, $0.value) }
                let i = Int.random(in: 0..<pairs.count, using: &random)
                pairs[i].0 = Node(Self.hostileScalars.randomElement(using: &random)! + (pairs[i].0.string ?? ""))
                return Node(pairs)
            case (4, _):  // deep nesting
                var nested = node
                for level in 0..<Int.random(in: 10...120, using: &random) { nested = level % 2 == 0 ? Node([nested]) : Node([(Node("k"), nested)]) }
                return nested
            case (5, _):  // a subtree from elsewhere
                return donor
            case (6, .scalar):  // the wrong kind of node
                return Bool.random(using: &random) ? Node([node]) : Node([(Node("value"), node)])
            case (7, .mapping), (7, .sequence):
                return Node(Self.hostileScalars.randomElement(using: &random)!)
            default:  // a hostile scalar
                return Node(Self.hostileScalars.randomElement(using: &random)!)
            }
        }
    }

    static func node(at path: [Int], in node: Node) -> Node {
        var current = node
        for index in path {
            switch current {
            case let .mapping(mapping): current = Array(mapping)[index].value
            case let .sequence(sequence): current = Array(sequence)[index]
            default: return current
            }
        }
        return current
    }
}
