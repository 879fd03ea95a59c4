import Foundation

/// Semantic checks on a loaded spec: references, duplicates, rules, paths, variants, errata and examples.
struct SpecValidator {
    let spec: Spec
    private let enumNames: Set<String>
    private let modelNames: Set<String>
    private var diagnostics: [Diagnostic] = []

    init(spec: Spec) {
        self.spec = spec
        enumNames = Set(spec.enums.map(\.name.value))
        modelNames = Set(spec.models.map(\.name.value))
    }

    func validate() -> [Diagnostic] {
        var v = self
        v.checkHeader()
        v.checkDefinitions()
        for endpoint in spec.endpoints { v.checkEndpoint(endpoint) }
        v.checkErrors()
        v.checkErrata()
        v.checkWebSocketAPI()
        v.checkStreams()
        v.checkUnused()
        return v.diagnostics
    }

    mutating func error(_ message: String, at location: SourceLocation) { diagnostics.append(Diagnostic(.error, message, at: location)) }
    mutating func warning(_ message: String, at location: SourceLocation) { diagnostics.append(Diagnostic(.warning, message, at: location)) }

    // MARK: Header

    mutating func checkHeader() {
        if !spec.api.value.isEmpty, spec.api.value.range(of: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#, options: .regularExpression) == nil {
            error("api id '\(spec.api.value)' must be kebab-case, such as 'binance-spot'", at: spec.api.location)
        }
        if !spec.module.value.isEmpty, let problem = FormChecks.moduleProblem(spec.module.value) {
            error(problem, at: spec.module.location)
        }
        checkServers(spec.servers)
        if let signing = spec.auth?.signing { checkSigning(signing) }
        for field in spec.envelope?.extraFields ?? [] { checkType(field.type) }
        if let sync = spec.auth?.timeSync { checkTimeSync(sync) }
    }

    mutating func checkServers(_ servers: [Server], schemes: [String] = ["http", "https"]) {
        for server in servers {
            if let problem = FormChecks.serverURLProblem(server.url.value, schemes: schemes) { error(problem, at: server.url.location) }
            let names = templateNames(server.url.value)
            for name in names where !server.variables.contains(where: { $0.name.value == name }) {
                error("server URL uses '{\(name)}' but declares no variable '\(name)'", at: server.url.location)
            }
            for variable in server.variables where !names.contains(variable.name.value) {
                warning("server variable '\(variable.name.value)' is not used in the URL", at: variable.name.location)
            }
        }
    }

    /// The sync endpoint is an open GET of this spec; every rejection code is one of its errors.
    mutating func checkTimeSync(_ sync: Auth.TimeSync) {
        if let endpoint = spec.endpoints.first(where: { $0.id.value == sync.endpoint.value }) {
            if endpoint.method != .GET { error("auth.timestamp.sync.endpoint '\(sync.endpoint.value)' must be a GET", at: sync.endpoint.location) }
        } else {
            error("auth.timestamp.sync.endpoint names no endpoint '\(sync.endpoint.value)'", at: sync.endpoint.location)
        }
        for code in sync.rejectionCodes where !spec.errors.contains(where: { $0.code.value == code.value }) {
            error("auth.timestamp.sync.rejectionCodes: '\(code.value)' is not in errors", at: code.location)
        }
    }

    // MARK: Enums and models

    mutating func checkDefinitions() {
        for name in [spec.module] + spec.enums.map(\.name) + spec.models.map(\.name) where name.value == spec.module.value && name.location != spec.module.location {
            error("type '\(name.value)' has the name of its module, which would hide the module in Swift", at: name.location)
        }
        for name in enumNames.intersection(modelNames).sorted() {
            let location = spec.models.first { $0.name.value == name }!.name.location
            error("'\(name)' is defined both as an enum and as a model", at: location)
        }
        for def in spec.enums {
            if def.values.isEmpty { error("enum '\(def.name.value)' has no values", at: def.name.location) }
            reportDuplicates(def.values.map(\.value), what: "value", in: "enum '\(def.name.value)'")
        }
        for model in spec.models {
            checkTradingRules(of: model)
            switch model.kind {
            case let .object(fields), let .positional(fields):
                reportDuplicates(fields.map(\.name), what: "field", in: "model '\(model.name.value)'")
                for field in fields { checkType(field.type) }
            case let .polymorphic(discriminator, variants):
                reportDuplicates(variants.map(\.value), what: "variant", in: "model '\(model.name.value)'")
                for variant in variants {
                    guard let target = spec.model(named: variant.model.value) else {
                        error("unknown model '\(variant.model.value)' for variant '\(variant.value.value)'", at: variant.model.location)
                        continue
                    }
                    guard case let .object(fields) = target.kind else {
                        error("variant model '\(variant.model.value)' must be an object model", at: variant.model.location)
                        continue
                    }
                    if !fields.contains(where: { $0.name.value == discriminator.value }) {
                        warning("variant model '\(variant.model.value)' does not list the discriminator field '\(discriminator.value)'", at: variant.model.location)
                    }
                }
            }
        }
    }

    mutating func checkType(_ type: Located<TypeRef>) {
        for name in type.value.referencedNames where !enumNames.contains(name) && !modelNames.contains(name) {
            let hint = closest(to: name, in: Array(enumNames) + Array(modelNames)).map { "; did you mean '\($0)'?" } ?? ""
            error("unknown type '\(name)'\(hint)", at: type.location)
        }
    }

    mutating func reportDuplicates(_ names: [Located<String>], what: String, in owner: String) {
        var seen: [String: SourceLocation] = [:]
        for name in names {
            if let first = seen[name.value] {
                error("duplicate \(what) '\(name.value)' in \(owner) (first at line \(first.line))", at: name.location)
            } else {
                seen[name.value] = name.location
            }
        }
    }

    // MARK: Errors, errata, usage

    mutating func checkErrors() {
        reportDuplicates(spec.errors.map(\.code), what: "error code", in: "the error catalog")
        reportDuplicates(spec.errors.map(\.name), what: "error name", in: "the error catalog")
        let codes = Set(spec.errors.map(\.code.value))
        for catalog in spec.messageCatalogs {
            reportDuplicates(catalog.messages.map(\.message), what: "message", in: "catalog '\(catalog.name.value)'")
            for code in catalog.codes where !codes.contains(code.value) {
                error("message catalog '\(catalog.name.value)' names error code \(code.value), which the error catalog lacks", at: code.location)
            }
        }
    }

    mutating func checkErrata() {
        for erratum in spec.errata where !SpecPath.exists(erratum.at.value, in: spec) {
            error("errata entry points at '\(erratum.at.value)', which is not in the spec", at: erratum.at.location)
        }
    }

    mutating func checkUnused() {
        var used = Set<String>()
        func use(_ type: TypeRef) { used.formUnion(type.referencedNames) }
        for model in spec.models {
            model.fields.forEach { use($0.type.value) }
            if case let .polymorphic(_, variants) = model.kind { used.formUnion(variants.map(\.model.value)) }
        }
        spec.envelope?.extraFields.forEach { use($0.type.value) }
        if case let .codeMessage(_, codeType, _) = spec.errorFormat { use(codeType) }
        for endpoint in spec.endpoints {
            endpoint.params.forEach { use($0.type.value) }
            if let response = endpoint.response {
                response.type.map { use($0.value) }
                response.variants.forEach { use($0.type.value) }
                response.errorBodies.forEach { use($0.type.value) }
            }
        }
        webSocketTypes.forEach { use($0.value) }
        for def in spec.enums where !used.contains(def.name.value) {
            warning("enum '\(def.name.value)' is not used by any parameter or field", at: def.name.location)
        }
        for model in spec.models where !used.contains(model.name.value) {
            warning("model '\(model.name.value)' is not used by any endpoint or model", at: model.name.location)
        }
    }
}

/// The `{name}` placeholders of a URL or path template (`<name>` ones of a stream name with `open: "<"`).
public func templateNames(_ template: String, open opener: Character = "{", close closer: Character = "}") -> [String] {
    var names: [String] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: opener), let close = rest[open...].firstIndex(of: closer) {
        names.append(String(rest[rest.index(after: open)..<close]))
        rest = rest[rest.index(after: close)...]
    }
    return names
}
