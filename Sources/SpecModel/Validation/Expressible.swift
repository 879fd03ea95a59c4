/// What the generator can express, decided in one place: `specgen generate` refuses a spec with these messages and
/// `specgen lint` reports the same ones, so a lint-clean spec always generates.
extension Spec {
    /// Parameters the client runtime fills in itself (signature, timestamp); they never become request properties.
    public var runtimeParamNames: Set<String> {
        Set([auth?.signing?.signatureParam, auth?.timestampParam].compactMap { $0 })
    }

    /// Why a request parameter of type `type` cannot be generated, or nil when it can.
    public func requestParameterProblem(_ type: TypeRef) -> String? {
        let what: String? =
            switch type {
            case .json, .empty, .map: "parameter type '\(type)'"
            case let .named(name) where model(named: name) != nil: "a model-typed parameter ('\(name)')"
            case let .array(element):
                [.string, .long, .int, .decimal].contains(element) || enumDef(named: element.description) != nil
                    ? nil : "parameter type '\(type)'"
            default: nil
            }
        return what.map { "the generator cannot express \($0) in a request" }
    }
}

extension SpecValidator {
    mutating func checkExpressible(_ endpoint: Endpoint) {
        let runtime = spec.runtimeParamNames
        for param in endpoint.params where !runtime.contains(param.name.value) {
            if let problem = spec.requestParameterProblem(param.type.value) { error(problem, at: param.type.location) }
        }
    }
}
