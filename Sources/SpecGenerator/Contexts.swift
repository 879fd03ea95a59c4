/// Render contexts: plain values in which every decision is already made. Templates only lay them out, with
/// swift-mustache's own helpers for punctuation (`first()`, `last()`, `empty(list)`); a test fails when a field
/// here is read by no template.

struct FileHeader: Encodable {
    let source: String
    let title: String
}

struct EnumsContext: Encodable {
    let header: FileHeader
    let enums: [EnumContext]
}

struct EnumContext: Encodable {
    let doc: [String]
    let name: String
    let cases: [EnumCaseContext]
}

struct EnumCaseContext: Encodable {
    let doc: [String]
    let name: String
    let raw: String
}

struct ModelsContext: Encodable {
    let header: FileHeader
    let structs: [StructContext]
    let positionals: [StructContext]
    let polymorphics: [PolymorphicContext]
    let tradingRules: [TradingRulesContext]
}

struct StructContext: Encodable {
    let doc: [String]
    let name: String
    let fields: [FieldContext]
}

struct FieldContext: Encodable {
    let doc: [String]
    /// The property name, escaped where it is a keyword.
    let name: String
    /// `name` as an argument label at a call.
    let label: String
    let wireName: String
    let type: String
    /// `type` without the `?` of an optional field.
    let baseType: String
    let isOptional: Bool
}

struct PolymorphicContext: Encodable {
    let doc: [String]
    let name: String
    let discriminator: String
    let variants: [PolymorphicVariantContext]
}

struct PolymorphicVariantContext: Encodable {
    let caseName: String
    let wireValue: String
    let type: String
}

struct RequestsContext: Encodable {
    let header: FileHeader
    let requests: [RequestContext]
}

struct RequestContext: Encodable {
    let doc: [String]
    let name: String
    let endpointID: String
    let responseType: String
    let method: String
    let path: String
    let apiKey: Bool
    let signed: Bool
    let timestamp: Bool
    let bearer: Bool
    let encoding: String
    let isJSON: Bool
    let wrapper: String
    let contentType: String
    /// The parameters as stored properties (`fields`, as in a model, so both share the `Initializer` partial).
    let fields: [PropertyContext]
    let rules: [RuleContext]
    let weight: WeightContext
    let constructors: [ConstructorContext]
    let variantResponse: VariantResponseContext?
}

struct PropertyContext: Encodable {
    let doc: [String]
    let name: String
    let wireName: String
    let type: String
    let isOptional: Bool
    let location: String
    let arrayStyle: String?
}

struct ConditionContext: Encodable {
    let kind: String
    let isEquals: Bool
    let name: String
    let values: [ValueContext]
}

struct ValueContext: Encodable {
    let literal: String
}

struct RuleContext: Encodable {
    /// The runtime `ParameterRule.Kind` case, without arguments: `require`, `requireValue`, `range`, …
    let kind: String
    let values: [ValueContext]
    let hasValues: Bool
    let min: String
    let max: String
    let isRange: Bool
    let params: [ValueContext]
    let conditions: [ConditionContext]
    let text: String
    /// The venue's error code for the rule (a Swift literal), when the spec gives one.
    let code: String?
}

struct WeightContext: Encodable {
    var isFixed = false
    var fixed = 1
    var isCases = false
    var cases: [WeightCaseContext] = []
    var fallback = 1
    var isByParam = false
    var param = "\"\""
    var ranges: [WeightRangeContext] = []
    var assumed = "nil"
    /// Weight by the item count of an array parameter: `ranges` (when `isCountRanges`) or `perItem` / `cap`.
    var isByCount = false
    var isCountRanges = false
    var perItem = 1
    var cap = "nil"
    /// The weight without the array (a literal, or `nil` for the weight of one item).
    var absent = "nil"
}

struct WeightCaseContext: Encodable {
    let conditions: [ConditionContext]
    let weight: Int
}

struct WeightRangeContext: Encodable {
    let max: String
    let weight: Int
}

struct ConstructorContext: Encodable {
    let doc: [String]
    let name: String
    let arguments: [ArgumentContext]
    let assignments: [AssignmentContext]
}

struct ArgumentContext: Encodable {
    let label: String
    let type: String
}

struct AssignmentContext: Encodable {
    /// The member as an argument label (`Naming.label`).
    let name: String
    let value: String
}

struct VariantResponseContext: Encodable {
    let doc: [String]
    let name: String
    let selector: String
    let variants: [VariantContext]
    /// When the docs do not say which variant comes back: try the richest first, the first variant last.
    let fallbacks: [VariantContext]
    let lastResort: VariantContext
    let defaults: [VariantDefaultContext]
}

struct VariantContext: Encodable {
    let doc: [String]
    let caseName: String
    let key: String
    let type: String
}

struct VariantDefaultContext: Encodable {
    let conditions: [ConditionContext]
    let variant: String
}

struct ClientContext: Encodable {
    let header: FileHeader
    let doc: [String]
    let name: String
    let errorType: String
    let servers: [ServerContext]
    let templatedServers: [TemplatedServerContext]
    let defaultServer: String?
    let profile: ProfileContext
    let credentialInits: [CredentialInitContext]
    let methods: [MethodContext]
}

/// A client initialiser taking only the credential kind the spec's `auth` signs or authorizes with.
struct CredentialInitContext: Encodable {
    let doc: String
    let parameters: [String]
    let credentials: String
}

struct ServerContext: Encodable {
    let doc: [String]
    let name: String
    let url: String
}

struct TemplatedServerContext: Encodable {
    let doc: [String]
    let name: String
    let template: String
    let variables: [TemplateVariableContext]
}

struct TemplateVariableContext: Encodable {
    let name: String
    let placeholder: String
    let defaultValue: String?
}

struct ProfileContext: Encodable {
    let name: String
    let apiKeyHeader: String
    /// The signing authenticator's construction, or `nil`.
    let signing: String
    /// The bearer authenticator's construction, or `nil`.
    let bearer: String
    let timestampParam: String
    let timestampHeader: String
    /// `milliseconds` or `iso8601` (a `TimestampFormat` case).
    let timestampFormat: String
    let recvWindowParam: String
    let recvWindowDefault: String
    let recvWindowMax: String
    let recvWindowFractionDigits: String
    let timeUnit: String
    let serverTime: String
    let errorCodeField: String?
    let errorMessageField: String
    let envelope: EnvelopeContext?
    let statusRules: [StatusRuleContext]
    let usedWeightHeader: String
    let orderCountHeader: String
    let retryAfterHeader: String
}

struct EnvelopeContext: Encodable {
    let code: String
    let message: String
    let data: String
    let success: String
}

struct StatusRuleContext: Encodable {
    let pattern: String
    let meaning: String
}

struct MethodContext: Encodable {
    let doc: [String]
    let name: String
    let requestType: String
    let responseType: String
    let defaultArgument: Bool
}

struct ErrorsContext: Encodable {
    let header: FileHeader
    let doc: [String]
    let name: String
    let codes: [ErrorCodeContext]
    let catalogs: [MessageCatalogContext]
}

struct ErrorCodeContext: Encodable {
    let doc: [String]
    let member: String
    let code: String
    let name: String
}

struct MessageCatalogContext: Encodable {
    let doc: [String]
    let typeName: String
    let property: String
    let messages: [MessageContext]
}

struct MessageContext: Encodable {
    let doc: [String]
    let caseName: String
    let literal: String
}
