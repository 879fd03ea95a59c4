import Yams

/// A YAML/JSON value with mapping keys in a fixed order, so an exported document is byte-for-byte repeatable.
public indirect enum OpenAPIValue: Sendable, Hashable {
    case string(String)
    /// A number, kept as its text (`5000`, `0.1`).
    case number(String)
    case bool(Bool)
    case null
    case array([OpenAPIValue])
    /// Members in the order they are emitted.
    case object([Member])

    /// One mapping entry.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: OpenAPIValue
    }

    /// The value of the first member named `key`, for objects.
    public subscript(key: String) -> OpenAPIValue? {
        if case let .object(members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The text of a string or number.
    public var text: String? {
        switch self {
        case let .string(s), let .number(s): s
        default: nil
        }
    }

    /// The elements of an array.
    public var elements: [OpenAPIValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    /// The keys of an object, in order.
    public var keys: [String] {
        if case let .object(members) = self { return members.map(\.key) }
        return []
    }

    /// The Yams node for this value.
    public var node: Node {
        switch self {
        case let .string(text) where text.contains("\n"): Node(text, Tag(.str), .literal)
        case let .string(text): Node.scalar(text.represented())
        case let .number(text): Node(text)
        case let .bool(value): Node(value ? "true" : "false")
        case .null: Node("null")
        case let .array(items): Node.sequence(Node.Sequence(items.map(\.node)))
        case let .object(members): Node.mapping(Node.Mapping(members.map { (Node.scalar($0.key.represented()), $0.value.node) }))
        }
    }

    /// The value as YAML text, with 2-space indentation and no line wrapping.
    public func yaml() throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true, sortKeys: false)
    }
}

/// Builds an object value member by member, dropping absent and empty optional values.
struct ObjectBuilder {
    private(set) var members: [OpenAPIValue.Member] = []

    /// Adds `key: value`.
    mutating func set(_ key: String, _ value: OpenAPIValue) {
        members.append(.init(key: key, value: value))
    }

    /// Adds `key: value` when `value` is not nil.
    mutating func set(_ key: String, _ value: OpenAPIValue?) {
        if let value { set(key, value) }
    }

    /// Adds a non-empty string.
    mutating func set(_ key: String, _ text: String?) {
        if let text, !text.isEmpty { set(key, .string(text)) }
    }

    /// Adds `true` (false is the default everywhere it is used).
    mutating func flag(_ key: String, _ value: Bool) {
        if value { set(key, .bool(true)) }
    }

    /// Adds a non-empty array.
    mutating func set(_ key: String, list: [OpenAPIValue]) {
        if !list.isEmpty { set(key, .array(list)) }
    }

    /// Adds a non-empty object.
    mutating func set(_ key: String, object: [OpenAPIValue.Member]) {
        if !object.isEmpty { set(key, .object(object)) }
    }

    var value: OpenAPIValue { .object(members) }
}

extension OpenAPIValue {
    /// An object built in place.
    static func build(_ fill: (inout ObjectBuilder) -> Void) -> OpenAPIValue {
        var builder = ObjectBuilder()
        fill(&builder)
        return builder.value
    }

    /// A `$ref` to a component schema.
    static func ref(_ name: String) -> OpenAPIValue {
        .object([.init(key: "$ref", value: .string("#/components/schemas/\(name)"))])
    }

    /// A list of strings.
    static func strings(_ items: [String]) -> OpenAPIValue { .array(items.map(OpenAPIValue.string)) }
}

extension OpenAPIValue {
    /// The value with the member at `path` replaced by `transform` of it (nil when absent; a nil result removes it).
    func updating(_ path: ArraySlice<String>, _ transform: (OpenAPIValue?) -> OpenAPIValue?) -> OpenAPIValue {
        guard let key = path.first else { return transform(self) ?? self }
        guard case var .object(members) = self else { return self }
        let index = members.firstIndex { $0.key == key }
        let current = index.map { members[$0].value }
        let updated = path.count == 1 ? transform(current) : current.map { $0.updating(path.dropFirst(), transform) }
        switch (index, updated) {
        case let (index?, value?): members[index].value = value
        case let (index?, nil): members.remove(at: index)
        case let (nil, value?): members.append(.init(key: key, value: value))
        case (nil, nil): break
        }
        return .object(members)
    }
}
