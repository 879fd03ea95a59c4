import Foundation

/// Response schemas written as text: the form a generated module carries its `DriftSchemas` in. Parsing the text
/// on first use takes about a millisecond (Binance's 130 schemas); the same schemas written as Swift values cost
/// about a twelfth of the module's release build (BENCHMARKS.md).
///
/// Each definition starts an unindented line; its members follow, one a line, indented by two spaces:
///
///     enum OrderSide              then one value a line
///     object Fill                 then `name type`, and `optional` and/or `nullable` when they apply
///     positional Kline            the same, for the slots of an array
///     polymorphic Filter kind     `kind` is the discriminator field; then `value Model` a line
///
/// A type is `string`, `decimal`, `decimalNumber`, `integer`, `boolean`, `datetime`, `anything`, `empty` (an
/// empty object), a definition's name, `[type]` (an array) or `{type}` (an object keyed by names). Field names
/// and values are percent-encoded where they hold anything but ASCII letters, digits, `_`, `-` and `.`. A line
/// that fits none of this is skipped, and a name nothing defines reads as `anything`: drift checks then pass
/// more, never fail the response.
public struct SchemaCatalog: Sendable {
    /// Every definition by name.
    public let byName: [String: ResponseSchema]
    /// The text it was read from.
    public let text: String

    /// Parses catalog text.
    public init(_ text: String) {
        self.text = text
        var definitions: [String: Definition] = [:]
        var order: [String] = []
        var current: String?
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let words = line.split(separator: UInt8(ascii: " ")).map(Self.decoded)
            if line.starts(with: "  ".utf8) {
                if let current, !words.isEmpty { definitions[current]?.members.append(words) }
                continue
            }
            current = nil
            guard words.count >= 2, let kind = Definition.Kind(rawValue: words[0]), definitions[words[1]] == nil else { continue }
            definitions[words[1]] = Definition(kind: kind, argument: words.count > 2 ? words[2] : "")
            order.append(words[1])
            current = words[1]
        }
        let builder = Builder(definitions: definitions)
        for name in order { _ = builder.schema(named: name) }
        byName = builder.built
    }

    /// The schema of `type`, written in the catalog's type grammar (`[Trade]`, `OrderAck`).
    public func schema(_ type: String) -> ResponseSchema {
        Self.schema(of: Substring(type)) { byName[$0] ?? .anything }
    }

    static func schema(of type: Substring, named: (String) -> ResponseSchema) -> ResponseSchema {
        if type.count >= 2, let first = type.first, let last = type.last {
            if first == "[", last == "]" { return .array(schema(of: type.dropFirst().dropLast(), named: named)) }
            if first == "{", last == "}" { return .map(schema(of: type.dropFirst().dropLast(), named: named)) }
        }
        switch type {
        case "string": return .string
        case "decimal": return .decimal
        case "decimalNumber": return .decimalNumber
        case "integer": return .integer
        case "boolean": return .boolean
        case "datetime": return .datetime
        case "anything": return .anything
        case "empty": return .model("EMPTY", [])
        default: return named(String(type))
        }
    }

    private static func decoded(_ word: Substring.UTF8View) -> String {
        let text = String(Substring(word))
        guard word.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    private struct Definition {
        enum Kind: String { case `enum`, object, positional, polymorphic }
        let kind: Kind
        /// The discriminator of a polymorphic model.
        let argument: String
        var members: [[String]] = []
    }

    /// Builds each definition once, so that every use of a model shares one schema.
    private final class Builder {
        let definitions: [String: Definition]
        var built: [String: ResponseSchema] = [:]
        var inProgress: Set<String> = []

        init(definitions: [String: Definition]) { self.definitions = definitions }

        func schema(named name: String) -> ResponseSchema {
            if let done = built[name] { return done }
            // A model that contains itself is not checked below its first level (no spec has one).
            guard let definition = definitions[name], inProgress.insert(name).inserted else { return .anything }
            let members = definition.members
            let result: ResponseSchema
            switch definition.kind {
            case .enum: result = .enumeration(EnumSchema(name: name, values: members.compactMap(\.first)))
            case .object: result = .model(name, members.compactMap(field))
            case .positional: result = .positionalModel(name, members.compactMap(field))
            case .polymorphic:
                let variants = members.filter { $0.count >= 2 }.map { ($0[0], schema(named: $0[1])) }
                result = .polymorphicModel(name, discriminator: definition.argument, variants)
            }
            built[name] = result
            return result
        }

        private func field(_ words: [String]) -> FieldSchema? {
            guard words.count >= 2 else { return nil }
            let flags = words.dropFirst(2)
            let type = SchemaCatalog.schema(of: Substring(words[1])) { schema(named: $0) }
            return FieldSchema(name: words[0], schema: type, optional: flags.contains("optional"), nullable: flags.contains("nullable"))
        }
    }
}
