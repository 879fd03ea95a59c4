import Foundation

/// Decodes `Decodable` types from JSON, as `JSONDecoder` with its default strategies does, but faster: the
/// document is parsed once into a flat tape (`JSONTape`), keys are matched on their UTF-8 bytes without
/// building a dictionary per object, and numbers and strings are read straight from the bytes.
///
/// What the client uses for responses. Types decode the same with `JSONDecoder`; `Date`, `Data`, `URL`,
/// `Decimal` and floating-point values are handed to `JSONDecoder` itself (on the value's own bytes), so they
/// decode exactly as there. Errors are `DecodingError`s with the same coding paths.
public struct JSONResponseDecoder: Sendable {
    public init() {}

    /// Decodes a value of `type` from a JSON document (a top-level scalar is allowed, as in `JSONDecoder`).
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(Array(data))
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [], debugDescription: "The given data was not valid JSON: \(error.reason) at byte \(error.offset).",
                    underlyingError: error))
        }
        return try TapeDecoder(tape).value(T.self)
    }
}

/// A coding path as a linked list, built only when a container or an error needs it.
final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(_ parent: CodingPathNode?, _ key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: CodingPathNode? = self
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// A position in an array, spelled as JSONDecoder's (`Index 2`).
struct IndexKey: CodingKey, Sendable {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The `Decoder` over a tape. One instance serves a whole document: decoding a nested value moves it to the
/// value's node and back, so values of custom types (exact decimals, enums) cost no allocation.
final class TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    /// The current value's node.
    @exclusivity(unchecked) var node = 0
    /// The path of the container the current value sits in, and the value's key in it.
    @exclusivity(unchecked) var parentPath: CodingPathNode?
    @exclusivity(unchecked) var key: (any CodingKey)?
    /// Per object node: the member node where the next key lookup starts (0: the first member).
    @exclusivity(unchecked) var hints: [Int32]

    init(_ tape: JSONTape) {
        self.tape = tape
        self.hints = Array(repeating: 0, count: tape.nodes.count)
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var codingPath: [any CodingKey] { (parentPath?.keys ?? []) + (key.map { [$0] } ?? []) }

    /// The current value's path as a node, for a container opened on it.
    func pathNode() -> CodingPathNode? {
        guard let key else { return parentPath }
        return CodingPathNode(parentPath, key)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, [String: Any].self)
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: node, path: pathNode()))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, [Any].self)
        return TapeUnkeyedContainer(decoder: self, array: node, path: pathNode())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes the value at `node` (in the container at `path`, under `key`) and returns to the current one.
    func value<T: Decodable>(_ type: T.Type, at node: Int, path: CodingPathNode?, key: any CodingKey) throws -> T {
        let saved = (self.node, parentPath, self.key)
        (self.node, parentPath, self.key) = (node, path, key)
        defer { (self.node, parentPath, self.key) = saved }
        return try value(type)
    }

    /// The current value as `T`; the types JSONDecoder treats specially go to JSONDecoder.
    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Decimal.self || T.self == Date.self || T.self == Data.self || T.self == URL.self {
            return try foundationDecode(type)
        }
        return try T(from: self)
    }

    /// `JSONDecoder` on the own bytes of the value at `node`; its errors get the full coding path.
    func foundationDecode<T: Decodable>(_ type: T.Type, at node: Int, _ path: () -> [any CodingKey]) throws -> T {
        let current = tape.nodes[node]
        let quoted = current.kind == .string || current.kind == .escapedString
        let range = Int(current.start) - (quoted ? 1 : 0)..<Int(current.end) + (quoted ? 1 : 0)
        do {
            return try JSONDecoder().decode(T.self, from: Data(tape.bytes[range]))
        } catch let error as DecodingError {
            throw error.prefixed(with: path())
        }
    }

    func foundationDecode<T: Decodable>(_ type: T.Type) throws -> T {
        try foundationDecode(type, at: node) { codingPath }
    }

    /// Throws unless the value at `node` is of `kind`: valueNotFound for null, else typeMismatch.
    func expect(_ kind: JSONTape.Kind, _ type: Any.Type, at node: Int, _ path: () -> [any CodingKey]) throws {
        let found = tape.nodes[node].kind
        guard found != kind else { return }
        if found == .null {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: path(), debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        throw DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: path(), debugDescription: "Expected to decode \(type) but found \(found.noun) instead."))
    }

    func expect(_ kind: JSONTape.Kind, _ type: Any.Type) throws {
        try expect(kind, type, at: node) { codingPath }
    }

    /// The value at `node` as a `Bool`.
    func bool(at node: Int, _ path: () -> [any CodingKey]) throws -> Bool {
        if tape.nodes[node].kind == .true { return true }
        try expect(.false, Bool.self, at: node, path)
        return false
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(at: node) { codingPath } }
    func decode(_ type: String.Type) throws -> String { try string(at: node) { codingPath } }
    // Floating point is JSONDecoder's (the runtime itself never decodes one).
    func decode(_ type: Double.Type) throws -> Double { try foundationDecode(type) }
    func decode(_ type: Float.Type) throws -> Float { try foundationDecode(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type, at: node) { codingPath } }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type, at: node) { codingPath } }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type, at: node) { codingPath } }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type, at: node) { codingPath } }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type, at: node) { codingPath } }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type, at: node) { codingPath } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type, at: node) { codingPath } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type, at: node) { codingPath } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type, at: node) { codingPath } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type, at: node) { codingPath } }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }
}

extension JSONTape.Kind {
    /// How JSONDecoder's messages name a JSON value's kind.
    var noun: String {
        switch self {
        case .null: "null"
        case .true, .false: "bool"
        case .number: "number"
        case .string, .escapedString: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}

extension DecodingError {
    /// The same error with `prefix` in front of its coding path (an error from a nested `JSONDecoder`).
    func prefixed(with prefix: [any CodingKey]) -> DecodingError {
        func context(_ c: Context) -> Context {
            Context(codingPath: prefix + c.codingPath, debugDescription: c.debugDescription, underlyingError: c.underlyingError)
        }
        switch self {
        case .typeMismatch(let type, let c): return .typeMismatch(type, context(c))
        case .valueNotFound(let type, let c): return .valueNotFound(type, context(c))
        case .keyNotFound(let key, let c): return .keyNotFound(key, context(c))
        case .dataCorrupted(let c): return .dataCorrupted(context(c))
        @unknown default: return self
        }
    }
}
