public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, POST, PUT, DELETE
}

public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case query, body, path, header
}

public enum ArrayStyle: String, Sendable, Hashable, CaseIterable {
    case json, comma
}

public struct Endpoint: Sendable, Hashable {
    public var id: Located<String>
    public var summary: String?
    public var description: String?
    public var method: HTTPMethod
    public var path: Located<String>
    public var security: Located<String>
    public var weight: Weight?
    public var unfilledOrderCount: Int?
    public var dataSource: String?
    public var deprecated: Bool
    public var source: Source?
    public var request: RequestOptions
    public var params: [Parameter]
    public var rules: [Rule]
    public var response: Response?
    public var examples: [Example]
    public var notes: [String]
    /// The WebSocket API method that does the same, when there is one.
    public var webSocket: WebSocketTwin? = nil

    public struct Source: Sendable, Hashable {
        public var doc: String
        public var section: String?
    }

    public struct RequestOptions: Sendable, Hashable {
        public var encoding: BodyEncoding?
        public var wrapper: String?
        public var contentType: String?
    }

    public func param(named name: String) -> Parameter? { params.first { $0.name.value == name } }

    /// The names inside `{…}` in the path template.
    public var pathTemplateNames: [String] { templateNames(path.value) }
}

/// A literal value written in the spec (`default: 500`, `when: {type: LIMIT}`), kept as text.
public struct ScalarValue: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var location: SourceLocation
    public var description: String { text }
}

public struct Parameter: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<TypeRef>
    public var required: Bool
    public var location: ParameterLocation?
    public var description: String?
    public var defaultValue: ScalarValue?
    public var min: ScalarValue?
    public var max: ScalarValue?
    public var values: [ScalarValue]
    public var arrayStyle: ArrayStyle?
    public var maxItems: Int?
    public var nullable: Bool
    public var docsType: String?
    public var swiftName: String?
    public var deprecated: Bool
}

/// The condition part of a rule or a weight case: all given conditions must hold.
public struct Condition: Sendable, Hashable {
    public struct Equals: Sendable, Hashable {
        public var param: Located<String>
        public var values: [ScalarValue]
    }

    public var equals: [Equals] = []
    public var present: [Located<String>] = []
    public var absent: [Located<String>] = []

    public init(equals: [Equals] = [], present: [Located<String>] = [], absent: [Located<String>] = []) {
        self.equals = equals
        self.present = present
        self.absent = absent
    }

    public var isEmpty: Bool { equals.isEmpty && present.isEmpty && absent.isEmpty }
    /// Every parameter the condition names.
    public var params: [Located<String>] { equals.map(\.param) + present + absent }
}

public struct Rule: Sendable, Hashable {
    public enum Requirement: Sendable, Hashable {
        case require([Located<String>])
        case requireOneOf([Located<String>])
        case requireAnyOf([Located<String>])
        case forbid([Located<String>])
        case exclusive([Located<String>])
        case requireValue([Condition.Equals])

        public var params: [Located<String>] {
            switch self {
            case let .require(p), let .requireOneOf(p), let .requireAnyOf(p), let .forbid(p), let .exclusive(p): p
            case let .requireValue(equals): equals.map(\.param)
            }
        }

        public var keyword: String {
            switch self {
            case .require: "require"
            case .requireOneOf: "requireOneOf"
            case .requireAnyOf: "requireAnyOf"
            case .forbid: "forbid"
            case .exclusive: "exclusive"
            case .requireValue: "requireValue"
            }
        }
    }

    public var condition: Condition
    public var requirement: Requirement
    public var description: String?
    public var error: String?
    public var docs: String?
    public var location: SourceLocation
}

public enum Weight: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var condition: Condition
        public var weight: Int
    }

    public struct Range: Sendable, Hashable {
        /// Inclusive upper bound; nil for "everything above".
        public var max: Int?
        public var weight: Int
    }

    case fixed(Int)
    case cases([Case], default: Int)
    case byParam(Located<String>, ranges: [Range])
    /// Grows with the number of items of an array parameter.
    case byCount(CountWeight)
}

public struct Response: Sendable, Hashable {
    public struct Variant: Sendable, Hashable {
        public var key: Located<String>
        public var type: Located<TypeRef>
    }

    public struct VariantDefault: Sendable, Hashable {
        public var condition: Condition
        public var variant: Located<String>
    }

    public struct ErrorBody: Sendable, Hashable {
        public var status: Int
        public var type: Located<TypeRef>
        public var description: String?
    }

    public var type: Located<TypeRef>?
    public var description: String?
    public var selectedBy: Located<String>?
    public var variants: [Variant] = []
    public var defaults: [VariantDefault] = []
    public var errorBodies: [ErrorBody] = []
    public var location: SourceLocation
}

public struct Example: Sendable, Hashable {
    public var name: String?
    public var variant: Located<String>?
    public var status: Int?
    /// Request parameters, as `name → value` text, in order.
    public var request: [(name: String, value: String)]
    public var requestBody: Located<String>?
    /// The response body as JSON text.
    public var response: Located<String>?
    public var location: SourceLocation

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.variant == rhs.variant && lhs.status == rhs.status
            && lhs.request.map(\.name) == rhs.request.map(\.name) && lhs.request.map(\.value) == rhs.request.map(\.value)
            && lhs.requestBody == rhs.requestBody && lhs.response == rhs.response && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(response)
        hasher.combine(location)
    }
}
