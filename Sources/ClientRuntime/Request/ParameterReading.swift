/// Read access to a request's parameters, as the spec's rules, weights and variant defaults need it.
///
/// The client's ``Parameters`` conform, and so does the mock exchange's view of the parameters it received, so
/// both sides evaluate the spec with the same code (``ParameterRule``, ``RequestWeight``, ``VariantSelector``).
public protocol ParameterReading {
    /// Whether the parameter is sent.
    func isSent(_ name: String) -> Bool
    /// The sent value as wire text, for comparisons; nil when it is not sent, an array or null.
    func wireText(_ name: String) -> String?
    /// The wire texts of an array's elements (or of the single value); nil when it is not sent.
    func elementTexts(_ name: String) -> [String]?
    /// How many items the value holds (an array's element count, 1 for a single value); nil when it is not sent.
    func itemCount(_ name: String) -> Int?
}

extension Parameters: ParameterReading {
    /// Whether a parameter with this name is added (an explicit `null` counts as sent).
    public func isSent(_ name: String) -> Bool { index(of: name) != nil }

    public func wireText(_ name: String) -> String? { self[name]?.wireText }

    public func elementTexts(_ name: String) -> [String]? { self[name]?.elementTexts }

    public func itemCount(_ name: String) -> Int? { self[name]?.itemCount }

    /// Whether a parameter with this name is sent.
    public func contains(_ name: String) -> Bool { index(of: name) != nil }
}

extension ParameterValue {
    /// The value as wire text, for comparisons; nil for arrays and null.
    var wireText: String? {
        switch self {
        case let .string(s): s
        case let .int(i): String(i)
        case let .decimal(d): d.text
        case let .bool(b): b ? "true" : "false"
        case let .timestamp(t): t.text
        case .null, .array: nil
        }
    }

    /// The texts of an array's elements, or of the value itself.
    var elementTexts: [String] {
        if case let .array(items, _) = self { return items.compactMap(\.wireText) }
        return wireText.map { [$0] } ?? []
    }

    /// How many items the value holds: an array's element count, 1 for a single value.
    var itemCount: Int {
        if case let .array(items, _) = self { return items.count }
        return 1
    }
}
