import SpecModel

/// Every kind of change `specgen diff` reports: a stable kebab-case id, a level and a one-line summary.
///
/// This is the whole rule table; docs/diff-rules.md documents it row for row.
public enum DiffRule: String, Sendable, Hashable, Codable, CaseIterable {
    // Spec files and identity
    case specAdded = "spec-added"
    case specRemoved = "spec-removed"
    case moduleRenamed = "module-renamed"
    case apiIdChanged = "api-id-changed"
    // Servers
    case serverAdded = "server-added"
    case serverRemoved = "server-removed"
    case defaultServerChanged = "default-server-changed"
    case serverURLChanged = "server-url-changed"
    case serverVariableAddedRequired = "server-variable-added-required"
    case serverVariableAdded = "server-variable-added"
    case serverVariableChanged = "server-variable-changed"
    // Authentication and security levels
    case authChanged = "auth-changed"
    case signingSchemeAdded = "signing-scheme-added"
    case signingSchemeRemoved = "signing-scheme-removed"
    case securityLevelAdded = "security-level-added"
    case securityLevelRemoved = "security-level-removed"
    case securityLevelRaised = "security-level-raised"
    case securityLevelLowered = "security-level-lowered"
    case securityLevelChanged = "security-level-changed"
    // Wire format
    case requestEncodingChanged = "request-encoding-changed"
    case envelopeChanged = "envelope-changed"
    case errorFormatChanged = "error-format-changed"
    case errorCodeTypeChanged = "error-code-type-changed"
    case httpStatusAdded = "http-status-added"
    case httpStatusRemoved = "http-status-removed"
    case httpStatusChanged = "http-status-changed"
    case rateLimitChanged = "rate-limit-changed"
    // Endpoints
    case endpointAdded = "endpoint-added"
    case endpointRemoved = "endpoint-removed"
    case endpointRenamed = "endpoint-renamed"
    case endpointMethodChanged = "endpoint-method-changed"
    case endpointPathChanged = "endpoint-path-changed"
    case weightChanged = "weight-changed"
    // Parameters
    case parameterAdded = "parameter-added"
    case parameterAddedRequired = "parameter-added-required"
    case parameterRemoved = "parameter-removed"
    case parameterBecameRequired = "parameter-became-required"
    case parameterBecameOptional = "parameter-became-optional"
    case parameterTypeChanged = "parameter-type-changed"
    case parameterEncodingChanged = "parameter-encoding-changed"
    case parameterDefaultChanged = "parameter-default-changed"
    case parameterConstraintTightened = "parameter-constraint-tightened"
    case parameterConstraintRelaxed = "parameter-constraint-relaxed"
    case signingParameterChanged = "signing-parameter-changed"
    // Parameter rules
    case ruleAdded = "rule-added"
    case ruleAddedForNewParameters = "rule-added-for-new-parameters"
    case ruleRemoved = "rule-removed"
    case ruleTightened = "rule-tightened"
    case ruleRelaxed = "rule-relaxed"
    // Responses
    case responseTypeChanged = "response-type-changed"
    case responseVariantAdded = "response-variant-added"
    case responseVariantRemoved = "response-variant-removed"
    case responseVariantDefaultChanged = "response-variant-default-changed"
    case errorBodyAdded = "error-body-added"
    case errorBodyChanged = "error-body-changed"
    // Models
    case modelAdded = "model-added"
    case modelRemoved = "model-removed"
    case modelRenamed = "model-renamed"
    case modelKindChanged = "model-kind-changed"
    case modelVariantAdded = "model-variant-added"
    case modelVariantRemoved = "model-variant-removed"
    case modelVariantChanged = "model-variant-changed"
    case positionalLayoutChanged = "positional-layout-changed"
    case tradingRuleAdded = "trading-rule-added"
    case tradingRuleRemoved = "trading-rule-removed"
    case tradingRuleChanged = "trading-rule-changed"
    case responseFieldAdded = "response-field-added"
    case responseFieldRemoved = "response-field-removed"
    case responseFieldBecameOptional = "response-field-became-optional"
    case responseFieldBecameRequired = "response-field-became-required"
    case responseFieldTypeChanged = "response-field-type-changed"
    case requestFieldAdded = "request-field-added"
    case requestFieldAddedRequired = "request-field-added-required"
    case requestFieldRemoved = "request-field-removed"
    case requestFieldBecameRequired = "request-field-became-required"
    case requestFieldBecameOptional = "request-field-became-optional"
    case requestFieldTypeChanged = "request-field-type-changed"
    // Enums
    case enumAdded = "enum-added"
    case enumRemoved = "enum-removed"
    case enumRenamed = "enum-renamed"
    case requestEnumValueAdded = "request-enum-value-added"
    case requestEnumValueRemoved = "request-enum-value-removed"
    case responseEnumValueAdded = "response-enum-value-added"
    case responseEnumValueRemoved = "response-enum-value-removed"
    // WebSocket API and streams
    case webSocketAPIChanged = "websocket-api-changed"
    case webSocketMethodAdded = "websocket-method-added"
    case webSocketMethodRemoved = "websocket-method-removed"
    case webSocketMethodChanged = "websocket-method-changed"
    case streamAdded = "stream-added"
    case streamRemoved = "stream-removed"
    case streamNameChanged = "stream-name-changed"
    case streamChanged = "stream-changed"
    // Errors
    case errorCodeAdded = "error-code-added"
    case errorCodeRemoved = "error-code-removed"
    case errorCodeRenamed = "error-code-renamed"
    case errorCodeChanged = "error-code-changed"
    case errorMessageAdded = "error-message-added"
    case errorMessageRemoved = "error-message-removed"
    case errorMessageCodesChanged = "error-message-codes-changed"
    // Anywhere
    case swiftNameChanged = "swift-name-changed"
    case becameDeprecated = "became-deprecated"
    case noLongerDeprecated = "no-longer-deprecated"
    case descriptionChanged = "description-changed"
    case exampleChanged = "example-changed"
    case errataChanged = "errata-changed"

    /// The level every finding of this rule has.
    public var level: DiffLevel { definition.level }

    /// One line on what the rule reports and why it has its level.
    public var summary: String { definition.summary }

    private var definition: (level: DiffLevel, summary: String) {
        switch self {
        case .specAdded: (.info, "A spec file was added.")
        case .specRemoved: (.breaking, "A spec file was removed; its client module is gone.")
        case .moduleRenamed: (.breaking, "The module changed, so the client and error types are renamed.")
        case .apiIdChanged: (.warning, "The stable API id changed; tooling that refers to it must follow.")
        case .serverAdded: (.info, "A server was added.")
        case .serverRemoved: (.breaking, "A server was removed; clients configured for it lose their host.")
        case .defaultServerChanged: (.warning, "The first (default) server changed; clients that take the default talk to another host.")
        case .serverURLChanged: (.warning, "A templated server's URL changed (templated servers are matched in order, as the client names them).")
        case .serverVariableAddedRequired: (.breaking, "A server variable without a default was added; every client must now supply it.")
        case .serverVariableAdded: (.info, "A server variable with a default was added.")
        case .serverVariableChanged: (.warning, "A server variable was removed or its default changed.")
        case .authChanged: (.warning, "Where credentials travel or what is signed changed; the generated client follows, old clients fail to authenticate.")
        case .signingSchemeAdded: (.info, "A signing scheme (key type) was added.")
        case .signingSchemeRemoved: (.breaking, "A signing scheme (key type) was removed; credentials of that kind stop working.")
        case .securityLevelAdded: (.info, "A security level was defined.")
        case .securityLevelRemoved: (.info, "A security level definition was removed (endpoints that used it are compared on their own).")
        case .securityLevelRaised: (.breaking, "A level or an endpoint now needs more credentials (e.g. NONE → signed).")
        case .securityLevelLowered: (.info, "A level or an endpoint now needs fewer credentials.")
        case .securityLevelChanged: (.warning, "A level or an endpoint needs different credentials, neither a superset nor a subset.")
        case .requestEncodingChanged: (.warning, "Parameters travel differently (query, form, JSON, body wrapper, content type).")
        case .envelopeChanged: (.warning, "The success envelope around response bodies changed; the runtime unwraps it differently.")
        case .errorFormatChanged: (.warning, "The wire format of error bodies changed.")
        case .errorCodeTypeChanged: (.breaking, "Error codes changed type (string ↔ number); code that compares codes no longer compiles.")
        case .httpStatusAdded: (.info, "An HTTP status got a meaning.")
        case .httpStatusRemoved: (.warning, "An HTTP status lost its meaning; it maps to a more general error now.")
        case .httpStatusChanged: (.warning, "An HTTP status means something else; callers catch a different error (and retries may change).")
        case .rateLimitChanged: (.warning, "Rate limiters or rate-limit headers changed.")
        case .endpointAdded: (.info, "An endpoint was added.")
        case .endpointRemoved: (.breaking, "An endpoint was removed with its client method and request type.")
        case .endpointRenamed: (.breaking, "An endpoint kept its method and path but got a new id, so its client method is renamed.")
        case .endpointMethodChanged: (.warning, "The HTTP method changed; the generated call follows, old clients hit a route that may be gone.")
        case .endpointPathChanged: (.warning, "The path changed; the generated call follows, old clients hit a route that may be gone.")
        case .weightChanged: (.warning, "The request weight (or unfilled order count) changed; rate-limit budgeting changes.")
        case .parameterAdded: (.info, "An optional parameter was added.")
        case .parameterAddedRequired: (.breaking, "A required parameter was added; every call must now supply it.")
        case .parameterRemoved: (.breaking, "A parameter was removed; calls that set it no longer compile.")
        case .parameterBecameRequired: (.breaking, "An optional parameter became required.")
        case .parameterBecameOptional: (.info, "A required parameter became optional.")
        case .parameterTypeChanged: (.breaking, "A parameter's type changed.")
        case .parameterEncodingChanged: (.warning, "A parameter travels elsewhere (`in`) or its array style changed.")
        case .parameterDefaultChanged: (.warning, "A parameter's documented default changed; calls that omit it behave differently.")
        case .parameterConstraintTightened: (.breaking, "A parameter accepts less (min raised, max or maxItems lowered, values removed, no longer nullable).")
        case .parameterConstraintRelaxed: (.info, "A parameter accepts more (min lowered, max or maxItems raised, values added, nullable).")
        case .signingParameterChanged: (.info, "A signature or timestamp parameter changed; the client fills these in, so they are no request properties.")
        case .ruleAdded: (.breaking, "A conditional-parameter rule was added; requests that were valid may now be rejected.")
        case .ruleAddedForNewParameters:
            (.info, "A rule was added that only requests sending a parameter new in this change can break; requests that were valid stay valid.")
        case .ruleRemoved: (.info, "A conditional-parameter rule was removed.")
        case .ruleTightened: (.breaking, "A rule demands more (more parameters required or forbidden, fewer choices).")
        case .ruleRelaxed: (.info, "A rule demands less.")
        case .responseTypeChanged: (.breaking, "An endpoint (or one of its variants) returns another type.")
        case .responseVariantAdded: (.warning, "A response variant was added; exhaustive switches over the response enum need a new case.")
        case .responseVariantRemoved: (.breaking, "A response variant was removed.")
        case .responseVariantDefaultChanged: (.warning, "Which variant comes back by default (or which parameter selects it) changed.")
        case .errorBodyAdded: (.info, "A typed error body was documented for a status.")
        case .errorBodyChanged: (.warning, "A typed error body was removed or changed type.")
        case .modelAdded: (.info, "A model was added.")
        case .modelRemoved: (.breaking, "A model was removed; its Swift type is gone.")
        case .modelRenamed: (.breaking, "A model was renamed (same shape); its Swift type is renamed.")
        case .modelKindChanged: (.breaking, "A model changed kind (object, positional, polymorphic) or discriminator.")
        case .modelVariantAdded: (.info, "A polymorphic model gained a variant; older clients decode it as unknown.")
        case .modelVariantRemoved: (.warning, "A polymorphic model lost a variant; code that matches on it stops compiling.")
        case .modelVariantChanged: (.breaking, "A polymorphic variant maps to another model.")
        case .positionalLayoutChanged: (.breaking, "Slots of a positional (array) model moved; values decode into the wrong properties.")
        case .tradingRuleAdded: (.warning, "A trading rule was added; clients that check exchange filters refuse more orders.")
        case .tradingRuleRemoved: (.warning, "A trading rule was removed; clients that check exchange filters let more orders through.")
        case .tradingRuleChanged: (.warning, "A trading rule (or the fields naming its market) changed; clients refuse different orders.")
        case .responseFieldAdded: (.info, "A response field was added.")
        case .responseFieldRemoved: (.breaking, "A response field was removed.")
        case .responseFieldBecameOptional: (.breaking, "A response field may now be absent or null; its Swift type becomes optional.")
        case .responseFieldBecameRequired: (.warning, "A response field is now always present; its Swift type is no longer optional, so unwrapping code needs changes.")
        case .responseFieldTypeChanged: (.breaking, "A response field's type changed.")
        case .requestFieldAdded: (.info, "An optional field was added to a model sent in requests.")
        case .requestFieldAddedRequired: (.breaking, "A required field was added to a model sent in requests.")
        case .requestFieldRemoved: (.breaking, "A field was removed from a model sent in requests.")
        case .requestFieldBecameRequired: (.breaking, "A field of a model sent in requests became required.")
        case .requestFieldBecameOptional: (.info, "A field of a model sent in requests became optional.")
        case .requestFieldTypeChanged: (.breaking, "A field of a model sent in requests changed type.")
        case .enumAdded: (.info, "An enum was added.")
        case .enumRemoved: (.breaking, "An enum was removed; its Swift type is gone.")
        case .enumRenamed: (.breaking, "An enum was renamed (same values); its Swift type is renamed.")
        case .requestEnumValueAdded: (.info, "An enum used in requests gained a value.")
        case .requestEnumValueRemoved: (.breaking, "An enum used in requests lost a value; calls that send it no longer compile.")
        case .responseEnumValueAdded: (.info, "An enum used in responses gained a value; generated enums are open, so older clients decode it as `.unknown`.")
        case .responseEnumValueRemoved: (.warning, "An enum used in responses lost a value; code that matches on its case stops compiling.")
        case .errorCodeAdded: (.info, "An error code was added.")
        case .errorCodeRemoved: (.warning, "An error code was removed; code that matches on it stops matching.")
        case .errorCodeRenamed: (.warning, "An error code got a new name, so its static member is renamed.")
        case .errorCodeChanged: (.warning, "An error name now stands for another code.")
        case .errorMessageAdded: (.info, "A documented error message (or catalog) was added.")
        case .errorMessageRemoved: (.warning, "A documented error message (or catalog) was removed; code that matches on the text stops matching.")
        case .errorMessageCodesChanged: (.info, "The error codes a message catalog applies to changed.")
        case .swiftNameChanged: (.breaking, "A `swiftName` override changed, renaming a property or case.")
        case .becameDeprecated: (.warning, "Something became deprecated; uses of it now warn.")
        case .noLongerDeprecated: (.info, "Something is no longer deprecated.")
        case .descriptionChanged: (.info, "Only documentation changed: descriptions, summaries, notes, docs words, sources.")
        case .exampleChanged: (.info, "Examples changed (compared as parsed JSON).")
        case .errataChanged: (.info, "Errata entries changed.")
        case .webSocketAPIChanged: (.warning, "The WebSocket API's servers, envelope, API key parameter or pushed events changed.")
        case .webSocketMethodAdded: (.info, "A WebSocket API method was added (an endpoint's twin or a method of its own).")
        case .webSocketMethodRemoved: (.breaking, "A WebSocket API method was removed; calls of it fail.")
        case .webSocketMethodChanged: (.warning, "A WebSocket API method's parameters, security, weight or answer changed.")
        case .streamAdded: (.info, "A market stream was added.")
        case .streamRemoved: (.breaking, "A market stream was removed; subscriptions to it fail.")
        case .streamNameChanged: (.breaking, "A stream's name template changed; subscriptions by the old name get nothing.")
        case .streamChanged: (.warning, "A stream's variables, payload type or event type changed.")
        }
    }
}
