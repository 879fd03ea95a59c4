import Foundation

/// Turns a context value into what swift-mustache reads fastest: dictionaries and arrays, built once per render.
enum RenderValue {
    /// Structs and classes become `[String: Any]` (nil optionals left out, as a missing name, exactly as
    /// swift-mustache treats them), arrays `[Any]`, optionals their value; everything else stays as it is.
    static func convert(_ value: Any) -> Any {
        if let leaf = leaf(value) { return leaf }
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
        if let leaf = leaf(value) { return leaf }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }

    /// Most values in a context are text, flags and numbers: they need no reflection (a `Mirror` of each was a
    /// fifth of a generation run). `as?` also unwraps an optional that holds one; an empty optional is no leaf.
    private static func leaf(_ value: Any) -> Any? {
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number }
        return nil
    }
}
