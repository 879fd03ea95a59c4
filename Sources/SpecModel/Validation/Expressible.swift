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

extension Spec {
    /// Every request parameter the generator cannot express, at its type's location. `specgen lint` reports these
    /// besides the loader's diagnostics; loading (and so `diff` and `check-docs`) accepts such specs.
    public var generatorProblems: [Diagnostic] {
        let runtime = runtimeParamNames
        return endpoints.flatMap { endpoint in
            endpoint.params.filter { !runtime.contains($0.name.value) }.compactMap { param in
                requestParameterProblem(param.type.value).map { Diagnostic(.error, $0, at: param.type.location) }
            }
        }
    }
}

extension SpecLoader.Result {
    /// What `specgen lint` reports: the loader's diagnostics and what the generator cannot express.
    public var lintDiagnostics: [Diagnostic] { diagnostics + (spec?.generatorProblems ?? []) }
}
