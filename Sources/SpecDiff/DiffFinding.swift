import SpecModel

/// One semantic change between two specs.
public struct DiffFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of change this is; fixes the level.
    public var rule: DiffRule
    /// Where: in the new spec, or in the old one for something removed.
    public var location: SourceLocation
    /// What changed, in the spec's terms.
    public var message: String
    /// The effect on the generated Swift API, in the names the generator emits; nil when there is none.
    public var swiftEffect: String?

    public init(rule: DiffRule, location: SourceLocation, message: String, swiftEffect: String? = nil) {
        self.rule = rule
        self.location = location
        self.message = message
        self.swiftEffect = swiftEffect
    }

    /// The rule's level.
    public var level: DiffLevel { rule.level }

    /// `file:line:col: level: [rule] message`.
    public var description: String { "\(location): \(level.rawValue): [\(rule.rawValue)] \(message)" }

    enum CodingKeys: String, CodingKey { case rule, level, location, message, swiftEffect }
    enum LocationKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(DiffRule.self, forKey: .rule)
        message = try c.decode(String.self, forKey: .message)
        swiftEffect = try c.decodeIfPresent(String.self, forKey: .swiftEffect)
        let l = try c.nestedContainer(keyedBy: LocationKeys.self, forKey: .location)
        location = SourceLocation(
            file: try l.decode(String.self, forKey: .file), line: try l.decode(Int.self, forKey: .line),
            column: try l.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(level, forKey: .level)
        var l = c.nestedContainer(keyedBy: LocationKeys.self, forKey: .location)
        try l.encode(location.file, forKey: .file)
        try l.encode(location.line, forKey: .line)
        try l.encode(location.column, forKey: .column)
        try c.encode(message, forKey: .message)
        if let swiftEffect { try c.encode(swiftEffect, forKey: .swiftEffect) } else { try c.encodeNil(forKey: .swiftEffect) }
    }
}
