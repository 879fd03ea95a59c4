import ClientRuntime
import Foundation
import SpecModel

/// Checks one parameter value against its spec type (`ParameterCheck` checks its bounds and allowed values with
/// the runtime's rules).
struct ValueCheck {
    let spec: Spec

    static let decimalPattern = "^([0-9]{1,20})(\\.[0-9]{1,20})?$"
    static let integerPattern = "^[0-9]{1,20}$"

    /// The rejection for a value of the wrong type, or nil when it is acceptable.
    func check(_ param: Parameter, _ received: ReceivedParameter) -> Rejection? {
        let name = param.name.value
        if case let .array(elementType) = param.type.value {
            guard let items = Self.arrayItems(received, style: param.arrayStyle ?? .json) else {
                return .malformedValue(name, expected: "a JSON array")
            }
            if let max = param.maxItems, items.count > max { return .tooManyItems(name, max: max, sent: items.count) }
            for item in items {
                if let rejection = check(item, as: elementType, name: name) { return rejection }
            }
        } else {
            if let rejection = check(received.value, as: param.type.value, name: name) { return rejection }
        }
        return nil
    }

    /// The elements of an array parameter: a JSON array (or one bare value) or comma-separated text.
    static func arrayItems(_ received: ReceivedParameter, style: SpecModel.ArrayStyle) -> [ReceivedParameter.Value]? {
        switch received.value {
        case let .json(.array(items)): return items.map { .json($0) }
        case .json: return nil
        case let .text(text):
            switch style {
            case .comma:
                return text.split(separator: ",", omittingEmptySubsequences: false).map { .text(String($0)) }
            case .json:
                guard text.hasPrefix("[") else { return [.text(text)] }
                guard case let .array(items)? = try? JSONDocument.parse(text, maxDepth: 4) else { return nil }
                return items.map { .json($0) }
            }
        }
    }

    /// Checks a scalar against `type`.
    private func check(_ value: ReceivedParameter.Value, as type: TypeRef, name: String) -> Rejection? {
        switch (type, value) {
        case (.string, .text), (.string, .json(.string)), (.json, _), (.empty, _), (.map, _):
            return nil
        case let (.decimal, .text(text)), let (.decimal, .json(.string(text))), let (.decimal, .json(.number(text))):
            return Self.isDecimal(text) ? nil : .malformedValue(name, expected: Self.decimalPattern)
        case let (.int, .text(text)), let (.long, .text(text)), let (.int, .json(.number(text))), let (.long, .json(.number(text))):
            return Int64(text) != nil ? nil : .malformedValue(name, expected: Self.integerPattern)
        case let (.boolean, .text(text)):
            return ["true", "false"].contains(text.lowercased()) ? nil : .notAllowed(name)
        case (.boolean, .json(.bool)):
            return nil
        case let (.datetime, .text(text)), let (.datetime, .json(.string(text))):
            return Timestamp(text) != nil ? nil : .malformedValue(name, expected: "an ISO-8601 date-time")
        case let (.named(enumName), _):
            guard let def = spec.enumDef(named: enumName) else { return nil }
            let text: String?
            switch value {
            case let .text(t), let .json(.string(t)): text = t
            default: text = nil
            }
            guard let text, def.values.contains(where: { $0.value.value == text }) else { return .invalidEnumValue(name) }
            return nil
        default:
            return .malformedValue(name, expected: type.description)
        }
    }

    /// Plain decimal text: digits with an optional fraction (a leading minus allowed).
    static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
