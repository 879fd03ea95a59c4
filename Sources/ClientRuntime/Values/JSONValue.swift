import Foundation

/// Any JSON value, for fields a spec leaves untyped.
///
/// Numbers are held as text. `JSONDecoder` does not expose a number's text, so decoded numbers go through
/// `Decimal`: digits stay exact (up to 38 significant digits) but the spelling is normalised (`1.50` → `"1.5"`,
/// `1e-8` → `"0.00000001"`). Encoding writes `.number` as a JSON number; it throws if the text is not a number.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as decimal text.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not kept.
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    /// Decodes whatever JSON value is there.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value.description)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Encodes the value; `.number` text must be a decimal number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .number(let text):
            guard let number = ExactDecimal(text)?.decimal, !number.isNaN else {
                throw EncodingError.invalidValue(
                    text,
                    EncodingError.Context(
                        codingPath: container.codingPath, debugDescription: "\"\(text)\" is not a JSON number"))
            }
            try container.encode(number)
        }
    }
}
