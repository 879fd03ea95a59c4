import Foundation

/// A request described by a spec (every generated request): its rules are data, and the runtime checks them and
/// the spelling of its enum values. Conforming types write no `validate` of their own.
public protocol SpecRequest: APIRequest {
    /// The spec's parameter rules and constraints, in spec order. No default: a request whose `rules` has another
    /// type (a template written for `[ParameterRule]`) fails to compile instead of silently checking nothing.
    static var rules: ParameterRules { get }
}

extension SpecRequest {
    /// Throws one `RequestValidationError` listing every mis-cased enum value and every broken rule.
    public func validate(_ parameters: Parameters) throws {
        try Self.rules.validate(parameters, endpoint: Self.endpoint.id)
    }
}

extension Parameters {
    /// A violation for each enum value the enum does not list but that matches a listed one apart from case
    /// (`.unknown("buy")` for `BUY`: a typo). A value with no such match passes: venues add values before docs do.
    var spellingViolations: [RequestValidationError.Violation] {
        guard entries.contains(where: { $0.listedValues != nil }) else { return [] }
        return entries.flatMap { entry -> [RequestValidationError.Violation] in
            guard let listed = entry.listedValues else { return [] }
            return entry.value.elementTexts.compactMap { text in
                let matches = listed.filter { $0 != text && $0.lowercased() == text.lowercased() }
                guard !matches.isEmpty, !listed.contains(text) else { return nil }
                return RequestValidationError.Violation(
                    kind: "enumValue", params: [entry.name], rule: "\(entry.name): enum values are case-sensitive",
                    message: "\(entry.name): unknown value '\(text)'; did you mean \(matches.map { "'\($0)'" }.joined(separator: " or "))?")
            }
        }
    }
}
