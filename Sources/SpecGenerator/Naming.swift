import SpecModel

/// Every Swift name the generator emits comes from here, so the client, the diff tool and the docs agree.
public enum Naming {
    /// The client type of an API: `BinanceSpotClient`.
    public static func clientType(module: String) -> String { module + "Client" }

    /// The error catalog type of an API: `BinanceSpotError`.
    public static func errorType(module: String) -> String { module + "Error" }

    /// The client method of an endpoint: the endpoint id, escaped when it is a keyword.
    public static func method(endpoint id: String) -> String { escaped(lowerCamel(id)) }

    /// The request type of an endpoint: `newOrder` → `NewOrderRequest`.
    public static func requestType(endpoint id: String) -> String { upperCamel(id) + "Request" }

    /// The response type of an endpoint whose response has variants: `NewOrderResponse`.
    public static func responseType(endpoint id: String) -> String { upperCamel(id) + "Response" }

    /// A property for a parameter or field, honouring `swiftName`.
    public static func property(_ wireName: String, swiftName: String? = nil) -> String {
        let name = swiftName ?? lowerCamel(wireName)
        // A model keeps its members in a private `storage`.
        return name == "storage" ? "storageValue" : escaped(name)
    }

    /// An enum case for a wire value: `STOP_LOSS_LIMIT` → `stopLossLimit`, `Gtc` → `gtc`, `1m` → `_1m`.
    public static func enumCase(_ value: String, swiftName: String? = nil) -> String {
        if let swiftName { return escaped(swiftName) }
        let name = lowerCamel(value)
        // `.none` would be read as Optional.none; `unknown` is the catch-all case of every open enum.
        if name == "none" || name == "unknown" { return name + "Value" }
        return escaped(name)
    }

    /// A static member of the error catalog: `TOO_MANY_REQUESTS` → `tooManyRequests`.
    public static func errorMember(_ name: String) -> String { enumCase(name) }

    /// A type name from a spec name (`Filter`, `OrderAck`), kept as written but made a valid identifier.
    public static func type(_ name: String) -> String {
        let cleaned = upperCamel(name)
        return reservedTypeNames.contains(cleaned) ? cleaned + "Model" : cleaned
    }

    /// The Swift type of a spec type: `DECIMAL` → `ExactDecimal`, `ARRAY OF Order` → `[Order]`.
    public static func swiftType(_ type: TypeRef) -> String {
        switch type {
        case .string: "String"
        case .decimal: "ExactDecimal"
        case .int: "Int"
        case .long: "Int64"
        case .boolean: "Bool"
        case .datetime: "Timestamp"
        case .json: "JSONValue"
        case .empty: "EmptyResponse"
        case let .named(name): Self.type(name)
        case let .array(element): "[\(swiftType(element))]"
        case let .map(element): "[String: \(swiftType(element))]"
        }
    }

    /// `snake_case`, `kebab-case`, `SCREAMING_CASE`, `PascalCase` or `camelCase` → `lowerCamelCase`.
    public static func lowerCamel(_ text: String) -> String {
        let words = self.words(text)
        guard let first = words.first else { return "_" }
        let head = first.lowercased()
        let name = head + words.dropFirst().map(capitalized).joined()
        return name.first?.isNumber == true ? "_" + name : name
    }

    /// `new_order`, `newOrder` → `NewOrder`.
    public static func upperCamel(_ text: String) -> String {
        let name = words(text).map(capitalized).joined()
        return name.first?.isNumber == true ? "_" + name : (name.isEmpty ? "_" : name)
    }

    /// Splits on non-alphanumerics and on lower→upper case changes; an all-caps word stays one word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let p = previous, character.isUppercase, p.isLowercase || p.isNumber {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func capitalized(_ word: String) -> String {
        let isAllCaps = word == word.uppercased()
        let rest = isAllCaps ? word.dropFirst().lowercased() : String(word.dropFirst())
        return word.prefix(1).uppercased() + rest
    }

    /// A property name as an argument label at a call: keywords need no backticks there, except `inout`, `var`, `let`.
    static func label(_ property: String) -> String {
        let bare = property.replacingOccurrences(of: "`", with: "")
        return ["inout", "var", "let"].contains(bare) ? "`\(bare)`" : bare
    }

    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type",
        "Protocol",
    ]

    /// Type names that would shadow what generated code uses.
    static let reservedTypeNames: Set<String> = [
        "Data", "Date", "Decimal", "Error", "String", "Int", "Int64", "Bool", "Array", "Dictionary", "Optional",
        "Result", "Codable", "Decoder", "Encoder", "URL", "Timestamp", "ExactDecimal", "JSONValue", "Parameters",
        "Endpoint", "EmptyResponse", "Type", "Self", "Any", "Storage",
    ]
}
