/// Checks of `streams:`: servers, paths, name templates and their variables, payload types and examples.
extension SpecValidator {
    mutating func checkStreams() {
        guard let streams = spec.streams else { return }
        checkServers(streams.servers, schemes: ["ws", "wss"])
        if !streams.rawPath.value.contains("<streamName>") {
            error("streams.raw '\(streams.rawPath.value)' must hold '<streamName>'", at: streams.rawPath.location)
        }
        if let combined = streams.combined, !combined.path.value.contains("<streamNames>") {
            error("streams.combined.path '\(combined.path.value)' must hold '<streamNames>'", at: combined.path.location)
        }
        reportDuplicates(streams.definitions.map(\.id), what: "stream", in: "streams")
        reportDuplicates(streams.definitions.map(\.name), what: "stream name", in: "streams")
        for stream in streams.definitions { checkStream(stream, eventField: streams.eventTypeField) }
    }

    mutating func checkStream(_ stream: StreamDefinition, eventField: String?) {
        let owner = "stream '\(stream.id.value)'"
        let used = stream.templateVariables
        reportDuplicates(stream.variables.map(\.name), what: "variable", in: owner)
        for name in used where !stream.variables.contains(where: { $0.name.value == name }) {
            error("stream name '\(stream.name.value)' uses '<\(name)>' but \(owner) declares no variable '\(name)'", at: stream.name.location)
        }
        for variable in stream.variables {
            if !used.contains(variable.name.value) {
                error("variable '\(variable.name.value)' of \(owner) is not in its name '\(stream.name.value)'", at: variable.name.location)
            }
            checkType(variable.type)
            checkEnumValues(variable.values, of: variable.type.value, owner: "variable '\(variable.name.value)'")
            if case .named = variable.type.value, enumDef(of: variable.type.value) == nil, spec.model(named: variable.type.value.description) != nil {
                error("variable '\(variable.name.value)' of \(owner) must be a scalar or an enum, not a model", at: variable.type.location)
            }
        }
        checkType(stream.payload)
        if let event = stream.event { checkEvent(event, payload: stream.payload.value, field: eventField, owner: owner) }
        for example in stream.examples { checkPayloadExample(example, against: stream.payload.value) }
    }

    /// A pushed message's example must parse and fit `type`.
    mutating func checkPayloadExample(_ example: Example, against type: TypeRef) {
        guard let text = example.response else { return }
        do {
            let json = try JSONDocument.parse(text.value)
            var checker = ShapeChecker(spec: spec)
            checker.check(json, against: type, path: "$")
            for problem in checker.problems {
                diagnostics(problem.severity, "example does not fit '\(type)': \(problem.message)", at: text.location)
            }
        } catch {
            self.error("payload example is not valid JSON: \(error)", at: text.location)
        }
    }

    /// A stream that names its event type needs the spec's event type field, and a payload model that has it.
    mutating func checkEvent(_ event: Located<String>, payload: TypeRef, field: String?, owner: String) {
        guard let field else {
            return error("\(owner) names event '\(event.value)', but streams declare no 'eventType' field", at: event.location)
        }
        var element = payload
        if case let .array(inner) = payload { element = inner }
        guard case let .named(name) = element, let model = spec.model(named: name) else { return }
        if case .object = model.kind, !model.fields.contains(where: { $0.name.value == field }) {
            error("\(owner) names event '\(event.value)', but its payload '\(name)' has no field '\(field)'", at: event.location)
        }
    }
}
