/// Turns a context into what swift-mustache reads fastest: `[String: Any]` for each struct (a nil optional left
/// out, a missing name exactly as swift-mustache treats it), `[Any]` for each array, text, flags and numbers as they
/// are. It walks the contexts' synthesized `Encodable` conformances: a `Mirror` of every struct was a sixth of a
/// generation run.
enum RenderValue {
    static func convert(_ value: some Encodable) -> Any {
        let encoder = TreeEncoder()
        // The encoder itself never throws, and context structs only use synthesized conformances.
        do { try value.encode(to: encoder) } catch { preconditionFailure("a context failed to encode: \(error)") }
        return encoder.node.value
    }
}

/// What one value became: a struct's members, an array's elements, or a leaf.
private final class TreeNode {
    var members: [String: Any]?
    var elements: [Any]?
    var leaf: Any?

    var value: Any { members ?? elements ?? leaf ?? [String: Any]() }
}

private struct TreeEncoder: Encoder {
    let node = TreeNode()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [:] }
        return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.elements == nil { node.elements = [] }
        return Unkeyed(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }

    /// A leaf stays as it is; anything else is converted on its own.
    static func convert(_ value: some Encodable) -> Any {
        switch value {
        case let text as String: text
        case let flag as Bool: flag
        case let number as Int: number
        default: RenderValue.convert(value)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: TreeNode
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) { node.members?[key.stringValue] = value }
        mutating func encode(_ value: Bool, forKey key: Key) { node.members?[key.stringValue] = value }
        mutating func encode(_ value: Int, forKey key: Key) { node.members?[key.stringValue] = value }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { node.members?[key.stringValue] = TreeEncoder.convert(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("context structs use synthesized conformances only")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("context structs use synthesized conformances only")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("context structs have no superclass") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("context structs have no superclass") }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.elements?.count ?? 0 }

        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) { node.elements?.append(TreeEncoder.convert(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("context structs use synthesized conformances only")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("context structs use synthesized conformances only")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("context structs have no superclass") }
    }

    struct Single: SingleValueEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) { node.leaf = TreeEncoder.convert(value) }
    }
}
