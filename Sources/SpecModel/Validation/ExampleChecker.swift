import Foundation

extension SpecValidator {
    mutating func checkExample(_ example: Example, in endpoint: Endpoint) {
        for (name, _) in example.request {
            checkParamName(Located(name, at: example.location), in: endpoint, role: "example")
        }
        if let body = example.requestBody, body.value.hasPrefix("{") || body.value.hasPrefix("[") {
            do { _ = try JSONDocument.parse(body.value) } catch {
                self.error("request example is not valid JSON: \(error)", at: body.location)
            }
        }
        guard let text = example.response else { return }
        let json: JSONDocument
        do { json = try JSONDocument.parse(text.value) } catch {
            self.error("response example is not valid JSON: \(error)", at: text.location)
            return
        }
        guard let (type, body, context) = expectedShape(of: example, json: json, in: endpoint, at: text.location) else { return }
        var checker = ShapeChecker(spec: spec)
        checker.check(body, against: type, path: "$")
        for problem in checker.problems {
            diagnostics(problem.severity, "example does not fit \(context): \(problem.message)", at: text.location)
        }
    }

    mutating func diagnostics(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) {
        severity == .error ? error(message, at: location) : warning(message, at: location)
    }

    /// The type an example must fit, the part of the body to check, and how to name it in messages.
    mutating func expectedShape(of example: Example, json: JSONDocument, in endpoint: Endpoint, at location: SourceLocation) -> (TypeRef, JSONDocument, String)? {
        if let status = example.status, status >= 300 {
            if let body = endpoint.response?.errorBodies.first(where: { $0.status == status }) {
                return (body.type.value, json, "'\(body.type.value)'")
            }
            return checkErrorFormat(json, at: location)
        }
        var type: TypeRef
        if let response = endpoint.response, !response.variants.isEmpty {
            guard let variant = example.variant else {
                error("example of an endpoint with response variants needs 'variant'", at: example.location)
                return nil
            }
            guard let match = response.variants.first(where: { $0.key.value == variant.value }) else {
                error("example names variant '\(variant.value)', which the response does not have", at: variant.location)
                return nil
            }
            type = match.type.value
        } else if let t = endpoint.response?.type?.value {
            type = t
        } else {
            error("endpoint '\(endpoint.id.value)' has a response example but no response type", at: location)
            return nil
        }
        guard let envelope = spec.envelope else { return (type, json, "'\(type)'") }
        guard case .object = json, let code = json[envelope.code] else {
            error("example does not fit the envelope: expected an object with '\(envelope.code)'", at: location)
            return nil
        }
        let codeText: String? =
            switch code {
            case let .string(s), let .number(s): s;
            default: nil
            }
        if codeText != envelope.success { return checkErrorFormat(json, at: location) }
        let known = Set([envelope.code, envelope.message, envelope.data] + envelope.extraFields.map(\.name.value))
        for member in objectMembers(json) where !known.contains(member.key) {
            error("example does not fit the envelope: unknown field '\(member.key)' at $.\(member.key)", at: location)
        }
        type = type == .empty ? .json : type
        return (type, json[envelope.data] ?? .null, "'\(type)' (the envelope's '\(envelope.data)')")
    }

    mutating func checkErrorFormat(_ json: JSONDocument, at location: SourceLocation) -> (TypeRef, JSONDocument, String)? {
        guard case let .codeMessage(codeField, _, messageField) = spec.errorFormat else { return nil }
        for field in [codeField, messageField] where json[field] == nil {
            error("error example lacks '\(field)' of the error format", at: location)
        }
        return nil
    }

    func objectMembers(_ json: JSONDocument) -> [(key: String, value: JSONDocument)] {
        if case let .object(members) = json { return members }
        return []
    }
}

/// Checks a JSON value against a spec type, collecting every mismatch with its JSON path.
struct ShapeChecker {
    struct Problem {
        var severity: Diagnostic.Severity
        var message: String
    }

    let spec: Spec
    var problems: [Problem] = []
    private var depth = 0

    init(spec: Spec) { self.spec = spec }

    mutating func fail(_ message: String, severity: Diagnostic.Severity = .error) {
        if problems.count < 50 { problems.append(Problem(severity: severity, message: message)) }
    }

    mutating func check(_ json: JSONDocument, against type: TypeRef, path: String, nullable: Bool = false) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { return }
        if json == .null {
            if !nullable, type != .json { fail("\(path) is null but the field is not nullable") }
            return
        }
        switch type {
        case .string:
            expect(json, path, "a string") { if case .string = $0 { true } else { false } }
        case .decimal:
            switch json {
            case let .string(s) where !TextForms.isDecimalNumber(s):
                fail("\(path) is '\(s)', which is not a decimal number")
            case .string, .number: break
            default: fail("\(path) should be a decimal (string or number), found \(json.kindDescription)")
            }
        case .int, .long:
            if case let .number(n) = json {
                if n.contains(".") || n.lowercased().contains("e") { fail("\(path) should be a whole number, found \(n)") }
            } else {
                fail("\(path) should be a whole number, found \(json.kindDescription)")
            }
        case .boolean:
            expect(json, path, "a boolean") { if case .bool = $0 { true } else { false } }
        case .datetime:
            if case let .string(s) = json {
                if !TextForms.isISO8601DateTime(s) {
                    fail("\(path) is '\(s)', which is not an ISO-8601 date-time")
                }
            } else {
                fail("\(path) should be a date-time string, found \(json.kindDescription)")
            }
        case .json: break
        case .empty:
            expect(json, path, "an object") { if case .object = $0 { true } else { false } }
        case let .array(element):
            guard case let .array(items) = json else { return fail("\(path) should be an array, found \(json.kindDescription)") }
            for (i, item) in items.enumerated() { check(item, against: element, path: "\(path)[\(i)]") }
        case let .map(element):
            guard case let .object(members) = json else { return fail("\(path) should be an object keyed by name, found \(json.kindDescription)") }
            for member in members { check(member.value, against: element, path: "\(path).\(member.key)") }
        case let .named(name):
            if let def = spec.enumDef(named: name) {
                guard case let .string(value) = json else { return fail("\(path) should be a \(name) value (a string), found \(json.kindDescription)") }
                if !def.values.contains(where: { $0.value.value == value }) {
                    fail("\(path) is '\(value)', which enum '\(name)' does not list", severity: .warning)
                }
            } else if let model = spec.model(named: name) {
                checkModel(json, model, path: path)
            }
        }
    }

    mutating func expect(_ json: JSONDocument, _ path: String, _ kind: String, _ test: (JSONDocument) -> Bool) {
        if !test(json) { fail("\(path) should be \(kind), found \(json.kindDescription)") }
    }

    mutating func checkModel(_ json: JSONDocument, _ model: Model, path: String) {
        switch model.kind {
        case let .object(fields):
            guard case let .object(members) = json else { return fail("\(path) should be an object (\(model.name.value)), found \(json.kindDescription)") }
            for member in members {
                guard let field = fields.first(where: { $0.name.value == member.key }) else {
                    fail("unknown field '\(member.key)' at \(path).\(member.key) (model '\(model.name.value)' has no such field)")
                    continue
                }
                check(member.value, against: field.type.value, path: "\(path).\(member.key)", nullable: field.nullable)
            }
            for field in fields where !field.optional && !members.contains(where: { $0.key == field.name.value }) {
                fail("missing required field '\(field.name.value)' at \(path) (model '\(model.name.value)')")
            }
        case let .positional(fields):
            guard case let .array(items) = json else { return fail("\(path) should be an array (\(model.name.value)), found \(json.kindDescription)") }
            let required = fields.prefix { !$0.optional }.count
            if items.count < required || items.count > fields.count {
                fail("\(path) has \(items.count) elements; model '\(model.name.value)' has \(fields.count) positions")
            }
            for (item, field) in zip(items, fields) {
                check(item, against: field.type.value, path: "\(path)[\(field.name.value)]", nullable: field.nullable)
            }
        case let .polymorphic(discriminator, variants):
            guard case let .string(value)? = json[discriminator.value] else {
                return fail("\(path) lacks the discriminator '\(discriminator.value)' of model '\(model.name.value)'")
            }
            guard let variant = variants.first(where: { $0.value.value == value }), let target = spec.model(named: variant.model.value) else {
                return fail("\(path).\(discriminator.value) is '\(value)', which model '\(model.name.value)' has no variant for")
            }
            checkModel(json, target, path: path)
        }
    }
}
