import Foundation

/// Where a parameter travels.
public enum ParameterLocation: Sendable, Hashable {
    /// The query string.
    case query
    /// The body (form or JSON, by the endpoint's `BodyEncoding`); the query for GET.
    case body
    /// A `{name}` placeholder in the path.
    case path
    /// A request header.
    case header
}

/// How an array parameter is written in a query string or form body.
public enum ArrayStyle: Sendable, Hashable {
    /// `["A","B"]` (Binance).
    case json
    /// `A,B` (DFX).
    case comma
}

/// One parameter value, kept in wire form.
public enum ParameterValue: Sendable, Hashable {
    /// Text.
    case string(String)
    /// An integer.
    case int(Int64)
    /// An exact decimal, sent as its text.
    case decimal(ExactDecimal)
    /// `true` / `false`.
    case bool(Bool)
    /// A date-time, sent as its text.
    case timestamp(Timestamp)
    /// An explicit JSON `null` (omitted from queries and forms).
    case null
    /// An array, written in the given style in queries and forms (always a JSON array in JSON bodies).
    case array([ParameterValue], ArrayStyle)
}

/// A value that can be sent as a request parameter.
public protocol ParameterEncodable: Sendable {
    /// The wire value.
    var parameterValue: ParameterValue { get }
}

extension ParameterEncodable where Self: RawRepresentable, Self.RawValue == String {
    /// The raw value as text (generated open enums).
    public var parameterValue: ParameterValue { .string(rawValue) }
}

extension String: ParameterEncodable {
    /// The string itself.
    public var parameterValue: ParameterValue { .string(self) }
}

extension Int: ParameterEncodable {
    /// The integer.
    public var parameterValue: ParameterValue { .int(Int64(self)) }
}

extension Int64: ParameterEncodable {
    /// The integer.
    public var parameterValue: ParameterValue { .int(self) }
}

extension Bool: ParameterEncodable {
    /// `true` / `false`.
    public var parameterValue: ParameterValue { .bool(self) }
}

extension ExactDecimal: ParameterEncodable {
    /// The decimal's wire text.
    public var parameterValue: ParameterValue { .decimal(self) }
}

extension Timestamp: ParameterEncodable {
    /// The timestamp's wire text.
    public var parameterValue: ParameterValue { .timestamp(self) }
}

extension ParameterValue: ParameterEncodable {
    /// Itself.
    public var parameterValue: ParameterValue { self }
}

/// A generated open enum: the values the spec lists, and `unknown` for any other text.
public protocol OpenEnum: ParameterEncodable, CaseIterable, RawRepresentable, Equatable where RawValue == String {
    /// Whether the spec lists this value (it is not `unknown`). Generated enums answer from their case; the default
    /// searches `allCases`.
    var isListed: Bool { get }
}

extension OpenEnum {
    public var isListed: Bool { Self.allCases.contains(self) }
}

/// A request's parameters, kept in the order they were added (the spec's order).
public struct Parameters: Sendable, Hashable {
    /// One named parameter.
    public struct Entry: Sendable, Hashable {
        /// The wire name.
        public var name: String
        /// The value.
        public var value: ParameterValue
        /// Where it travels.
        public var location: ParameterLocation
        /// For an enum value (or array element) the spec does not list: the values it does list, so validation
        /// can catch a mis-cased one (`.unknown("buy")` for `BUY`). Nil otherwise.
        public var listedValues: [String]?

        @usableFromInline init(name: String, value: ParameterValue, location: ParameterLocation, listedValues: [String]? = nil) {
            self.name = name
            self.value = value
            self.location = location
            self.listedValues = listedValues
        }
    }

    /// The parameters, in order.
    public private(set) var entries: [Entry] = []

    /// Creates an empty list.
    public init() {}

    /// Adds a parameter; `nil` is skipped. Adding a name again replaces the value in place.
    @inlinable public mutating func add(_ name: String, _ value: (some ParameterEncodable)?, in location: ParameterLocation) {
        guard let value else { return }
        set(name, value.parameterValue, location)
    }

    /// Adds an array parameter written in `style`; `nil` is skipped.
    @inlinable public mutating func add(
        _ name: String, _ values: [some ParameterEncodable]?, style: ArrayStyle, in location: ParameterLocation
    ) {
        guard let values else { return }
        set(name, .array(values.map(\.parameterValue), style), location)
    }

    /// Adds an enum value (a generated open enum); `nil` is skipped. When the value is not one the enum lists
    /// (`.unknown("buy")`), the entry keeps the listed values for validation's spelling check.
    @inlinable public mutating func add<Value>(_ name: String, _ value: Value?, in location: ParameterLocation)
    where Value: ParameterEncodable & CaseIterable & RawRepresentable & Equatable, Value.RawValue == String {
        guard let value else { return }
        setEnum(name, value.parameterValue, in: location, listed: Value.allCases.contains(value), of: Value.self)
    }

    /// Adds a generated open enum's value; `nil` is skipped. An unlisted value keeps the listed ones, as above.
    @inlinable public mutating func add<Value: OpenEnum>(_ name: String, _ value: Value?, in location: ParameterLocation) {
        guard let value else { return }
        setEnum(name, value.parameterValue, in: location, listed: value.isListed, of: Value.self)
    }

    /// Adds an array of a generated open enum's values written in `style`; `nil` is skipped.
    @inlinable public mutating func add<Value: OpenEnum>(_ name: String, _ values: [Value]?, style: ArrayStyle, in location: ParameterLocation) {
        guard let values else { return }
        setEnum(name, .array(values.map(\.parameterValue), style), in: location, listed: values.allSatisfy(\.isListed), of: Value.self)
    }

    /// Adds an array of enum values written in `style`; `nil` is skipped. Keeps the listed values as above.
    @inlinable public mutating func add<Value>(_ name: String, _ values: [Value]?, style: ArrayStyle, in location: ParameterLocation)
    where Value: ParameterEncodable & CaseIterable & RawRepresentable & Equatable, Value.RawValue == String {
        guard let values else { return }
        let listed = values.allSatisfy(Value.allCases.contains)
        setEnum(name, .array(values.map(\.parameterValue), style), in: location, listed: listed, of: Value.self)
    }

    /// Adds an explicit JSON `null`.
    public mutating func addNull(_ name: String, in location: ParameterLocation) {
        set(name, .null, location)
    }

    /// The value of the parameter named `name`, if present.
    public subscript(name: String) -> ParameterValue? {
        index(of: name).map { entries[$0].value }
    }

    /// The position of the parameter named `name`. Names of another length are passed over without comparing
    /// their text: the rules look up many names a request does not send.
    @usableFromInline func index(of name: String) -> Int? {
        let length = name.utf8.count
        return entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].name.utf8.count == length && entries[index].name == name {
                return index
            }
            return nil
        }
    }

    /// Whether no parameter was added.
    public var isEmpty: Bool { entries.isEmpty }

    /// Sets an enum parameter; when a value is not `listed`, the entry keeps the enum's listed raw values for
    /// validation's spelling check (nil in the common case).
    @inlinable mutating func setEnum<Value: CaseIterable & RawRepresentable>(
        _ name: String, _ value: ParameterValue, in location: ParameterLocation, listed: Bool, of _: Value.Type
    ) where Value.RawValue == String {
        set(name, value, location, listedValues: listed ? nil : Value.allCases.map(\.rawValue))
    }

    /// Adds or replaces an entry. It takes the entry's parts, and consumes them, so that neither the caller nor
    /// this function copies them (each copy retains and releases a name and a value).
    @usableFromInline mutating func set(
        _ name: consuming String, _ value: consuming ParameterValue, _ location: ParameterLocation,
        listedValues: consuming [String]? = nil
    ) {
        let index = index(of: name)
        let entry = Entry(name: name, value: value, location: location, listedValues: listedValues)
        if let index {
            entries[index] = consume entry
        } else {
            if entries.isEmpty { entries.reserveCapacity(8) }  // one allocation for most requests, not four
            entries.append(consume entry)
        }
    }
}
