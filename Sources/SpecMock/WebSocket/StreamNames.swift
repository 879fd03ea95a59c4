import SpecModel

/// Recognises stream names from the spec's `streams.definitions` templates (`<symbol>@kline_<interval>`): each
/// variable must have a value of its type, from its values or enum, in its letter case.
struct StreamNames: Sendable {
    private enum Token: Sendable {
        case literal(String)
        case variable(StreamVariable?)
    }

    private let templates: [[Token]]
    private let enums: [String: Set<String>]
    /// Longest name considered; longer ones are not streams.
    static let maxLength = 200

    init(spec: Spec) {
        enums = Dictionary(spec.enums.map { ($0.name.value, Set($0.values.map(\.value.value))) }, uniquingKeysWith: { a, _ in a })
        templates = (spec.streams?.definitions ?? []).map { definition in
            var tokens: [Token] = []
            var rest = Substring(definition.name.value)
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                if open > rest.startIndex { tokens.append(.literal(String(rest[..<open]))) }
                let name = rest[rest.index(after: open)..<close]
                tokens.append(.variable(definition.variables.first { $0.name.value == name }))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { tokens.append(.literal(String(rest))) }
            return tokens
        }
    }

    /// Whether `name` is a stream some definition describes.
    func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= Self.maxLength else { return false }
        return templates.contains { matches($0[...], Substring(name)) }
    }

    private func matches(_ tokens: ArraySlice<Token>, _ text: Substring) -> Bool {
        guard let first = tokens.first else { return text.isEmpty }
        switch first {
        case let .literal(literal):
            return text.hasPrefix(literal) && matches(tokens.dropFirst(), text.dropFirst(literal.count))
        case let .variable(variable):
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                if accepts(variable, text[..<end]), matches(tokens.dropFirst(), text[end...]) { return true }
            }
            return false
        }
    }

    private func accepts(_ variable: StreamVariable?, _ value: Substring) -> Bool {
        guard let variable else { return false }
        if !variable.values.isEmpty { return variable.values.contains { $0.text == value } }
        switch variable.type.value {
        case let .named(name): return enums[name]?.contains(String(value)) ?? false
        case .int, .long: return value.allSatisfy(\.isASCIIDigit)
        default:
            switch variable.letterCase {
            case .lower?: return value.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) }
            case .upper?: return value.allSatisfy { $0.isASCIIDigit || ("A"..."Z").contains($0) }
            case nil: return value.allSatisfy { $0.isASCIIDigit || $0.isLetter && $0.isASCII || $0 == "-" || $0 == "_" }
            }
        }
    }
}
