/// Why the mock refuses a request, before the venue's dialect puts it into its own codes and words.
indirect enum Rejection: Error, Sendable, Hashable {
    /// No endpoint has this method and path.
    case unknownRoute
    /// The request body is larger than the mock accepts.
    case bodyTooLarge
    /// The body is not in the endpoint's encoding (bad JSON, missing wrapper).
    case malformedBody(String)

    // Credentials.
    /// The API-key header is absent or empty.
    case missingAPIKey(header: String)
    /// The API key is not the configured one.
    case unknownAPIKey
    /// No bearer token was sent.
    case missingBearerToken
    /// The bearer token is not the configured one.
    case invalidBearerToken
    /// The signature parameter or header is absent.
    case missingSignature(name: String)
    /// The signature does not verify.
    case invalidSignature
    /// The timestamp parameter or header is absent.
    case missingTimestamp(name: String)
    /// The timestamp is outside the receive window (`ahead`: too far in the future).
    case staleTimestamp(ahead: Bool)
    /// `recvWindow` is above the documented maximum.
    case recvWindowTooLarge(name: String, max: String)

    // Parameters.
    /// A mandatory parameter is absent.
    case missingParameter(String)
    /// None of these alternatives was sent.
    case missingOneOf([String])
    /// The parameter was sent with an empty value.
    case emptyParameter(String)
    /// The endpoint has no parameter of this name.
    case unknownParameter(String)
    /// The parameter was sent twice in the same place.
    case duplicateParameter(String)
    /// The value is not of the parameter's type (`expected` describes the legal form).
    case malformedValue(String, expected: String)
    /// The value is not one of the parameter's enum values.
    case invalidEnumValue(String)
    /// The value is not one the parameter allows here (`values` lists or a `requireValue` rule).
    case notAllowed(String)
    /// The value is above the documented maximum.
    case aboveMaximum(String, max: String)
    /// The value is below the documented minimum.
    case belowMinimum(String, min: String)
    /// The array has more items than documented.
    case tooManyItems(String, max: Int, sent: Int)
    /// The parameter may not be sent in this combination (`forbid`).
    case sentWhenNotRequired(String)
    /// These parameters may not be sent together (`exclusive`, or more than one of a `requireOneOf`).
    case badCombination([String])

    /// The spec names the error code for the broken rule (`error: -1160`); `reason` says what was broken.
    case documented(code: String, reason: Rejection)

    /// The first parameter the rejection is about, for messages.
    var parameter: String? {
        switch self {
        case let .missingParameter(p), let .emptyParameter(p), let .unknownParameter(p), let .duplicateParameter(p),
            let .malformedValue(p, _), let .invalidEnumValue(p), let .notAllowed(p), let .aboveMaximum(p, _),
            let .belowMinimum(p, _), let .tooManyItems(p, _, _), let .sentWhenNotRequired(p):
            p
        case let .missingOneOf(ps), let .badCombination(ps): ps.first
        case let .missingSignature(name), let .missingTimestamp(name), let .recvWindowTooLarge(name, _): name
        case let .documented(_, reason): reason.parameter
        default: nil
        }
    }
}

/// An injected failure the dialect answers in the venue's words.
enum InjectedFailure: Sendable, Hashable {
    /// 429.
    case rateLimited
    /// 418.
    case banned
    /// Any other status (5XX and the like).
    case status(Int)
}
