import SpecModel

extension Translator {
    /// Parameters the runtime fills in from `auth` (signature, timestamp) and so never become properties.
    var runtimeParams: Set<String> { spec.runtimeParamNames }

    func requests() throws -> RequestsContext {
        RequestsContext(header: header, requests: try spec.endpoints.map(request))
    }

    func requestParams(_ endpoint: Endpoint) -> [Parameter] {
        endpoint.params.filter { !runtimeParams.contains($0.name.value) }
    }

    func encoding(_ endpoint: Endpoint) -> BodyEncoding {
        endpoint.request.encoding ?? spec.requestEncoding ?? (endpoint.method == .GET ? .query : .form)
    }

    func location(_ param: Parameter, _ endpoint: Endpoint) -> String {
        if let location = param.location { return location.rawValue }
        if endpoint.pathTemplateNames.contains(param.name.value) { return "path" }
        return encoding(endpoint) == .query || endpoint.method == .GET ? "query" : "body"
    }

    func request(_ endpoint: Endpoint) throws -> RequestContext {
        let params = requestParams(endpoint)
        let properties = try params.map { try property($0, endpoint) }
        let security = spec.securityLevel(named: endpoint.security.value)
        let enc = encoding(endpoint)
        return RequestContext(
            doc: SwiftText.doc(
                [
                    "Parameters of `\(Naming.clientType(module: spec.module.value)).\(Naming.method(endpoint: endpoint.id.value))`: \(endpoint.summary ?? endpoint.id.value)"
                ], facts: [("Endpoint", "`\(endpoint.method.rawValue) \(endpoint.path.value)`")]),
            name: Naming.requestType(endpoint: endpoint.id.value),
            endpointID: SwiftText.literal(endpoint.id.value),
            responseType: responseType(endpoint),
            method: endpoint.method.rawValue.lowercased(),
            path: SwiftText.literal(endpoint.path.value),
            apiKey: security?.apiKey ?? false, signed: security?.signed ?? false,
            timestamp: security?.timestamp ?? false, bearer: security?.bearer ?? false,
            encoding: enc.rawValue, isJSON: enc == .json,
            wrapper: endpoint.request.wrapper.map(SwiftText.literal) ?? "nil",
            contentType: endpoint.request.contentType.map(SwiftText.literal) ?? "nil",
            fields: properties, rules: rules(endpoint, params), weight: weight(endpoint),
            constructors: constructors(endpoint, params),
            variantResponse: variantResponse(endpoint))
    }

    func property(_ param: Parameter, _ endpoint: Endpoint) throws -> PropertyContext {
        let type = param.type.value
        if let problem = spec.requestParameterProblem(type) {
            throw TranslationError(diagnostic: Diagnostic(.error, problem, at: param.type.location))
        }
        let base = swiftType(type)
        var arrayStyle: String?
        if case .array = type { arrayStyle = param.arrayStyle?.rawValue ?? "json" }
        var facts: [(String, String?)] = [("Default", param.defaultValue?.text), ("Minimum", param.min?.text), ("Maximum", param.max?.text)]
        if !param.values.isEmpty { facts.append(("Allowed", param.values.map(\.text).joined(separator: ", "))) }
        if let maxItems = param.maxItems { facts.append(("At most", "\(maxItems) items")) }
        if param.deprecated { facts.append(("Deprecated", "yes")) }
        return PropertyContext(
            doc: SwiftText.doc([param.description ?? "`\(param.name.value)`" + (param.required ? " (mandatory)." : ".")], facts: facts),
            name: Naming.property(param.name.value, swiftName: param.swiftName),
            wireName: SwiftText.literal(param.name.value),
            type: param.required ? base : base + "?", isOptional: !param.required,
            location: location(param, endpoint), arrayStyle: arrayStyle)
    }

    func responseType(_ endpoint: Endpoint) -> String {
        guard let response = endpoint.response else { return "EmptyResponse" }
        if !response.variants.isEmpty { return Naming.responseType(endpoint: endpoint.id.value) }
        return response.type.map { swiftType($0.value) } ?? "EmptyResponse"
    }

    func variantResponse(_ endpoint: Endpoint) -> VariantResponseContext? {
        guard let response = endpoint.response, !response.variants.isEmpty else { return nil }
        let chooser = response.selectedBy.map { "whose shape `\($0.value)` chooses" } ?? "whose shape depends on the parameters sent"
        let name = Naming.responseType(endpoint: endpoint.id.value)
        let variants = response.variants.map { variant in
            VariantContext(
                doc: SwiftText.doc(["The `\(variant.key.value)` response."]), caseName: Naming.enumCase(variant.key.value), key: SwiftText.literal(variant.key.value),
                type: swiftType(variant.type.value))
        }
        return VariantResponseContext(
            doc: SwiftText.doc(["The response of `\(Naming.method(endpoint: endpoint.id.value))`, \(chooser)."]),
            name: name, selector: response.selectedBy.map { SwiftText.literal($0.value) } ?? "nil",
            variants: variants, fallbacks: variants.dropFirst().reversed(), lastResort: variants[0],
            defaults: response.defaults.map { VariantDefaultContext(conditions: conditions($0.condition), variant: SwiftText.literal($0.variant.value)) })
    }
}
