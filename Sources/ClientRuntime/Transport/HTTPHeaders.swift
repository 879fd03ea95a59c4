/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Order is kept as added, so the bytes a transport sends are predictable; duplicates are allowed.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The field name as written.
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields, in order.
    public private(set) var fields: [Field]

    /// Creates headers from name/value pairs, in order.
    public init(_ pairs: [(String, String)] = []) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates headers from a literal, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value for `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        first(name)
    }

    /// The first value for `name`, compared case-insensitively.
    public func first(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Every value for `name`, compared case-insensitively.
    public func values(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Appends a field (keeps existing ones with the same name).
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` (case-insensitively) with one field, or appends it.
    public mutating func set(_ name: String, _ value: String) {
        let key = name.lowercased()
        var found = false
        fields = fields.compactMap { field in
            guard field.name.lowercased() == key else { return field }
            if found { return nil }
            found = true
            return Field(name: field.name, value: value)
        }
        if !found { fields.append(Field(name: name, value: value)) }
    }

    /// Iterates the fields as (name, value) pairs, in order.
    public func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
        fields.lazy.map { (name: $0.name, value: $0.value) }.makeIterator()
    }

    /// `name: value` lines, with the values of well-known credential headers redacted.
    public var description: String {
        fields.map { field in
            let value = Redaction.sensitiveHeaderNames.contains(field.name.lowercased()) ? Redaction.mask : field.value
            return "\(field.name): \(value)"
        }.joined(separator: "\n")
    }
}
