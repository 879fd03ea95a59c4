/// Reads the members of a generated model's JSON object for its `init(from:)`.
///
/// A read that fails keeps its error and returns nil instead of throwing, and the model throws the first error
/// once, after the last read. With a `throw` per member, the compiler writes at each one a cleanup of every member
/// read so far: code that grows with the square of a model's size, and the largest part of a release build of a
/// generated module. The error thrown is the one synthesized decoding would throw: the first member's that fails.
///
/// A model reads every member, calls ``finish()``, then stores what it read (a required member is force-unwrapped
/// there: `finish()` has thrown if any required read returned nil).
public struct FieldReader {
    @usableFromInline let container: KeyedDecodingContainer<FieldKey>
    @usableFromInline var firstError: (any Error)?

    /// Opens the decoder's keyed container.
    @inlinable
    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: FieldKey.self)
    }

    /// The member `key`, which must be present; nil when it is absent or does not decode (the error is kept).
    @inlinable @inline(never)
    public mutating func required<T: Decodable>(_ type: T.Type, _ key: FieldKey) -> T? {
        let container = container
        return keepingError { try container.decodeMember(type, forKey: key) }
    }

    /// The member `key` when present and not null; nil otherwise, or when it does not decode (the error is kept).
    @inlinable @inline(never)
    public mutating func optional<T: Decodable>(_ type: T.Type, _ key: FieldKey) -> T? {
        let container = container
        return keepingError { try container.decodeMemberIfPresent(type, forKey: key) }
    }

    /// Throws the first read's error, if a read failed. Once it returns, every `required` read returned a value.
    ///
    /// Called, not inlined: each model's `init(from:)` has this one throw, and no copy of the error handling.
    @inline(never)
    public func finish() throws {
        if let firstError { throw firstError }
    }

    /// What `read` returns, or nil when it throws; the first error thrown is kept.
    @inlinable
    mutating func keepingError<T>(_ read: () throws -> T?) -> T? {
        do {
            return try read()
        } catch {
            if firstError == nil { firstError = error }
            return nil
        }
    }
}

extension KeyedDecodingContainer {
    /// `decode(_:forKey:)` through the container's own method for the scalar types it reads directly (in a generic
    /// context the call would otherwise go to `T(from:)` and a single-value container).
    @inlinable
    func decodeMember<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == String.self, let value = try decode(String.self, forKey: key) as? T { return value }
        if T.self == Int.self, let value = try decode(Int.self, forKey: key) as? T { return value }
        if T.self == Int64.self, let value = try decode(Int64.self, forKey: key) as? T { return value }
        if T.self == Bool.self, let value = try decode(Bool.self, forKey: key) as? T { return value }
        return try decode(type, forKey: key)
    }

    /// `decodeIfPresent(_:forKey:)` with the same scalar paths.
    @inlinable
    func decodeMemberIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if T.self == String.self { return try decodeIfPresent(String.self, forKey: key) as? T }
        if T.self == Int.self { return try decodeIfPresent(Int.self, forKey: key) as? T }
        if T.self == Int64.self { return try decodeIfPresent(Int64.self, forKey: key) as? T }
        if T.self == Bool.self { return try decodeIfPresent(Bool.self, forKey: key) as? T }
        return try decodeIfPresent(type, forKey: key)
    }
}
