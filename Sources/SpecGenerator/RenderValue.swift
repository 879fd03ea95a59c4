/// Render contexts turned into dictionaries and arrays before rendering. swift-mustache looks a name up by
/// reflecting the value at each level of the context stack, for every tag; a dictionary answers with one hash
/// lookup, so one reflection pass per value up front replaces thousands.
enum RenderValue {
    /// Structs and classes become `[String: Any]` (nil optionals left out, as a missing name, exactly as
    /// swift-mustache treats them), arrays `[Any]`, optionals their value; everything else stays as it is.
    static func convert(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var members: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let member = unwrap(child.value) else { continue }
                members[label] = convert(member)
            }
            return members
        case .collection? where value is [Any]:
            return mirror.children.map { convert($0.value) }
        default:
            return value
        }
    }

    /// The value of an optional, nil for `nil`; other values as they are.
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }
}
