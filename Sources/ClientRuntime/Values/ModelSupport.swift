// What generated models share, so that each model's conformances are short, plain code instead of compiler-synthesized
// ones: a generated module compiles much faster (the synthesized `==` alone costs about a millisecond of type-checking
// per field, since every `lhs.x == rhs.x` is resolved against every `==` in scope).

/// The coding key of every generated model: a member's name in the JSON object, written as a string literal.
///
/// One shared type instead of a `CodingKeys` enum per model, each of which would get its own synthesized
/// `CodingKey`, `Hashable` and `RawRepresentable` conformances.
public struct FieldKey: CodingKey, ExpressibleByStringLiteral, Sendable, Hashable {
    public let stringValue: String

    public init(stringLiteral name: String) { stringValue = name }
    public init(stringValue: String) { self.stringValue = stringValue }

    /// Object members have no integer form.
    public var intValue: Int? { nil }
    public init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == FieldKey {
    /// Encodes a member of a generated model (one generic method: quick to type-check, unlike `encode(_:forKey:)`'s
    /// overloads). Called, not inlined: a model's `encode(to:)` stays one call per member in release builds.
    @inlinable @inline(never)
    public mutating func write<T: Encodable>(_ value: T, _ key: FieldKey) throws {
        try encode(value, forKey: key)
    }

    /// Encodes an optional member, leaving it out when nil (as synthesized `Encodable` does).
    @inlinable @inline(never)
    public mutating func writeIfPresent<T: Encodable>(_ value: T?, _ key: FieldKey) throws {
        try encodeIfPresent(value, forKey: key)
    }
}

/// Whether two members of generated models are equal: the one `==` a generated model's equality calls, found
/// without searching every `==` overload in scope. Called, not inlined, like `write`: inlining every member's `==`
/// into every model's made equality a sixth of a release build's time.
@inlinable @inline(never)
public func fieldsEqual<T: Equatable>(_ lhs: T, _ rhs: T) -> Bool {
    lhs == rhs
}
