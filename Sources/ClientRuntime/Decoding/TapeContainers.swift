import Foundation

/// An object's members, found by comparing key bytes. Lookups start after the member found last, so keys asked
/// in document order (as synthesized `init(from:)` does) cost one comparison each; a missing key scans once.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { path?.keys ?? [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var member = object + 1
        let end = Int(decoder.tape.nodes[object].next)
        while member < end {
            if let name = try? decoder.keyText(member), let key = Key(stringValue: name) { keys.append(key) }
            member = Int(decoder.tape.nodes[member + 1].next)
        }
        return keys
    }

    /// The value node of `key`, or nil.
    func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { decoder.member(of: object, named: $0) }
    }

    func require(_ key: Key) throws -> Int {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.tape.nodes[try require(key)].kind == .null }

    /// The value node of `key` if present and not null.
    func present(_ key: Key) -> Int? {
        guard let node = find(key), decoder.tape.nodes[node].kind != .null else { return nil }
        return node
    }

    /// Reads the value of `key` with the decoder moved to it (for values of other types, which need a `Decoder`).
    func read<T>(at node: Int, _ key: Key, _ body: (TapeDecoder) throws -> T) throws -> T {
        let saved = (decoder.node, decoder.parentPath, decoder.key)
        (decoder.node, decoder.parentPath, decoder.key) = (node, path, key)
        defer { (decoder.node, decoder.parentPath, decoder.key) = saved }
        return try body(decoder)
    }

    func read<T>(_ key: Key, _ body: (TapeDecoder) throws -> T) throws -> T { try read(at: require(key), key, body) }

    /// Scalars are read at their node, without moving the decoder; the path is built only for an error.
    private func string(_ node: Int, _ key: Key) throws -> String { try decoder.string(at: node) { codingPath + [key] } }
    private func bool(_ node: Int, _ key: Key) throws -> Bool { try decoder.bool(at: node) { codingPath + [key] } }
    @inline(__always)
    private func integer<T: FixedWidthInteger & Decodable>(_ type: T.Type, _ node: Int, _ key: Key) throws -> T {
        try decoder.integer(type, at: node) { codingPath + [key] }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try bool(require(key), key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try string(require(key), key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(key) { try $0.decode(type) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(key) { try $0.decode(type) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, require(key), key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, require(key), key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, require(key), key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, require(key), key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, require(key), key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, require(key), key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, require(key), key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, require(key), key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, require(key), key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, require(key), key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(key) { try $0.value(type) } }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try bool($0, key) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try string($0, key) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try integer(type, $0, key) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        try present(key).map { try integer(type, $0, key) }
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try present(key).map { try integer(type, $0, key) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { node in try read(at: node, key) { try $0.value(type) } }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try read(key) { try $0.container(keyedBy: type) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try read(key) { try $0.unkeyedContainer() }
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: SuperKey()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key) }

    private func superDecoder(named key: any CodingKey) throws -> any Decoder {
        var name = key.stringValue
        let sub: TapeDecoder
        if let node = name.withUTF8({ decoder.member(of: object, named: $0) }) {
            sub = TapeDecoder(decoder.tape)
            sub.node = node
        } else {
            sub = TapeDecoder(try JSONTape(Array("null".utf8)))  // as JSONDecoder: a missing key reads as null
        }
        (sub.parentPath, sub.key) = (path, key)
        return sub
    }
}

/// An array's elements in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int
    let path: CodingPathNode?
    var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var element: Int

    init(decoder: TapeDecoder, array: Int, path: CodingPathNode?) {
        (self.decoder, self.array, self.path, element) = (decoder, array, path, array + 1)
    }

    var codingPath: [any CodingKey] { path?.keys ?? [] }
    var count: Int? { Int(decoder.tape.nodes[array].count) }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    /// Reads the current element with `body` (given its node and, for errors, its path) and moves past it.
    private mutating func element<T>(_ type: Any.Type, _ body: (Int, () -> [any CodingKey]) throws -> T) throws -> T {
        let elementPath = { [path, currentIndex] in (path?.keys ?? []) + [IndexKey(currentIndex)] }
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: elementPath(), debugDescription: "Unkeyed container is at end."))
        }
        let value = try body(element, elementPath)
        element = Int(decoder.tape.nodes[element].next)
        currentIndex += 1
        return value
    }

    /// Reads the current element with the decoder moved to it (for values of other types) and moves past it.
    private mutating func next<T>(_ type: Any.Type, _ body: (TapeDecoder) throws -> T) throws -> T {
        let (decoder, path, index) = (decoder, path, currentIndex)
        return try element(type) { node, _ in
            let saved = (decoder.node, decoder.parentPath, decoder.key)
            (decoder.node, decoder.parentPath, decoder.key) = (node, path, IndexKey(index))
            defer { (decoder.node, decoder.parentPath, decoder.key) = saved }
            return try body(decoder)
        }
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.tape.nodes[element].kind == .null else { return false }
        element = Int(decoder.tape.nodes[element].next)
        currentIndex += 1
        return true
    }

    @inline(__always)
    private mutating func integer<T: FixedWidthInteger & Decodable>(_ type: T.Type) throws -> T {
        let decoder = decoder
        return try element(type) { try decoder.integer(type, at: $0, $1) }
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) { [decoder] in try decoder.bool(at: $0, $1) } }
    mutating func decode(_ type: String.Type) throws -> String {
        try element(type) { [decoder] in try decoder.string(at: $0, $1) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.value(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next(type) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next(Any.self) { decoder in
            let sub = TapeDecoder(decoder.tape)
            (sub.node, sub.parentPath, sub.key) = (decoder.node, decoder.parentPath, decoder.key)
            return sub
        }
    }
}

extension TapeDecoder {
    /// The value node of the member of `object` whose key is `name`, starting at the hint and wrapping around.
    func member(of object: Int, named name: UnsafeBufferPointer<UInt8>) -> Int? {
        let first = object + 1
        let end = Int(tape.nodes[object].next)
        guard first < end else { return nil }
        let hint = Int(hints[object])
        let start = hint > first && hint < end ? hint : first
        var member = start
        repeat {
            let keyNode = tape.nodes[member]
            let valueNode = member + 1
            let next = Int(tape.nodes[valueNode].next)
            if keyMatches(keyNode, member, name) {
                hints[object] = Int32(next)
                return valueNode
            }
            member = next < end ? next : first
        } while member != start
        return nil
    }

    private func keyMatches(_ keyNode: JSONTape.Node, _ member: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if keyNode.kind == .escapedString {
            guard let text = try? keyText(member) else { return false }
            return text.utf8.elementsEqual(name)
        }
        let length = Int(keyNode.end - keyNode.start)
        guard length == name.count else { return false }
        return tape.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, let other = name.baseAddress else { return length == 0 }
            return memcmp(base + Int(keyNode.start), other, length) == 0
        }
    }

    /// The text of the key node `member`.
    func keyText(_ member: Int) throws -> String {
        try string(at: member) { codingPath }
    }
}

/// The key `superDecoder()` reads, as JSONDecoder's.
struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
