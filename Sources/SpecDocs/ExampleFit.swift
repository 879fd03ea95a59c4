import Foundation
import SpecModel

/// Checks a documented JSON example against a spec type, like `specgen lint` does for the spec's own examples, and
/// says which model field (or enum) each problem concerns, so errata on that field can explain it.
struct ExampleFit {
    struct Problem: Hashable {
        var message: String
        /// `models.Order.fields.orderId` or `enums.OrderStatus`; nil for problems at the top.
        var specPath: String?
        /// The field name or value concerned.
        var subject: String?
    }

    let spec: Spec
    private(set) var problems: [Problem] = []
    private var depth = 0

    init(spec: Spec) { self.spec = spec }

    mutating func fail(_ message: String, _ specPath: String? = nil, _ subject: String? = nil) {
        if problems.count < 20 { problems.append(Problem(message: message, specPath: specPath, subject: subject)) }
    }

    /// Checks a whole response body, envelope included.
    mutating func checkBody(_ json: JSONDocument, against type: TypeRef) {
        guard let envelope = spec.envelope else { return check(json, type, path: "$") }
        guard case let .object(members) = json, let code = json[envelope.code] else {
            return fail("expected the envelope, an object with '\(envelope.code)'", "envelope")
        }
        let codeText: String? =
            switch code {
            case let .string(s), let .number(s): s;
            default: nil
            }
        guard codeText == envelope.success else { return checkError(json) }
        let known = Set([envelope.code, envelope.message, envelope.data] + envelope.extraFields.map(\.name.value))
        for member in members where !known.contains(member.key) {
            fail("unknown envelope field '\(member.key)' at $.\(member.key)", "envelope", member.key)
        }
        check(json[envelope.data] ?? .null, type == .empty ? .json : type, path: "$.\(envelope.data)", nullable: type == .empty)
    }

    /// An error body must carry the error format's code and message.
    mutating func checkError(_ json: JSONDocument) {
        guard case let .codeMessage(codeField, _, messageField) = spec.errorFormat else { return fail("an error body, but the spec has no error format", "errorFormat") }
        for field in [codeField, messageField] where json[field] == nil { fail("error body lacks '\(field)'", "errorFormat", field) }
    }

    mutating func check(_ json: JSONDocument, _ type: TypeRef, path: String, nullable: Bool = false, owner: (String, String)? = nil) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { return }
        let at = owner.map { "models.\($0.0).fields.\($0.1)" }
        let subject = owner?.1
        if json == .null {
            if !nullable, type != .json { fail("\(path) is null but the field is not nullable", at, subject) }
            return
        }
        switch type {
        case .string:
            if case .string = json {} else { fail("\(path) should be a string, found \(json.kindDescription)", at, subject) }
        case .decimal:
            switch json {
            case let .string(s) where s.range(of: #"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) == nil:
                fail("\(path) is '\(s)', which is not a decimal number", at, subject)
            case .string, .number: break
            default: fail("\(path) should be a decimal, found \(json.kindDescription)", at, subject)
            }
        case .int, .long:
            if case let .number(n) = json, !n.contains("."), !n.lowercased().contains("e") {
            } else {
                fail("\(path) should be a whole number, found \(json.kindDescription)", at, subject)
            }
        case .boolean:
            if case .bool = json {} else { fail("\(path) should be a boolean, found \(json.kindDescription)", at, subject) }
        case .datetime:
            if case let .string(s) = json, s.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil {
            } else {
                fail("\(path) should be an ISO-8601 date-time string", at, subject)
            }
        case .json:
            break
        case .empty:
            if case .object = json {} else { fail("\(path) should be an object, found \(json.kindDescription)", at, subject) }
        case let .array(element):
            guard case let .array(items) = json else { return fail("\(path) should be an array, found \(json.kindDescription)", at, subject) }
            for (i, item) in items.enumerated() { check(item, element, path: "\(path)[\(i)]", owner: owner) }
        case let .map(element):
            guard case let .object(members) = json else { return fail("\(path) should be an object keyed by name, found \(json.kindDescription)", at, subject) }
            for member in members { check(member.value, element, path: "\(path).\(member.key)", owner: owner) }
        case let .named(name):
            if let def = spec.enumDef(named: name) {
                guard case let .string(value) = json else { return fail("\(path) should be a \(name) value (a string), found \(json.kindDescription)", at, subject) }
                if !def.values.contains(where: { $0.value.value == value }) {
                    fail("\(path) is '\(value)', which enum '\(name)' does not list", "enums.\(name)", value)
                }
            } else if let model = spec.model(named: name) {
                checkModel(json, model, path: path)
            }
        }
    }

    mutating func checkModel(_ json: JSONDocument, _ model: Model, path: String) {
        let name = model.name.value
        switch model.kind {
        case let .object(fields):
            guard case let .object(members) = json else { return fail("\(path) should be an object (\(name)), found \(json.kindDescription)", "models.\(name)") }
            for member in members {
                guard let field = fields.first(where: { $0.name.value == member.key }) else {
                    fail("unknown field '\(member.key)' at \(path).\(member.key) (model '\(name)' has no such field)", "models.\(name)", member.key)
                    continue
                }
                check(member.value, field.type.value, path: "\(path).\(member.key)", nullable: field.nullable, owner: (name, member.key))
            }
            for field in fields where !field.optional && !members.contains(where: { $0.key == field.name.value }) {
                fail("missing field '\(field.name.value)' at \(path) (model '\(name)')", "models.\(name).fields.\(field.name.value)", field.name.value)
            }
        case let .positional(fields):
            guard case let .array(items) = json else { return fail("\(path) should be an array (\(name)), found \(json.kindDescription)", "models.\(name)") }
            let required = fields.prefix { !$0.optional }.count
            if items.count < required || items.count > fields.count {
                fail("\(path) has \(items.count) elements; model '\(name)' has \(fields.count) positions", "models.\(name)")
            }
            for (item, field) in zip(items, fields) {
                check(item, field.type.value, path: "\(path)[\(field.name.value)]", nullable: field.nullable, owner: (name, field.name.value))
            }
        case let .polymorphic(discriminator, variants):
            guard case let .string(value)? = json[discriminator.value] else {
                return fail("\(path) lacks the discriminator '\(discriminator.value)' of model '\(name)'", "models.\(name)", discriminator.value)
            }
            guard let variant = variants.first(where: { $0.value.value == value }), let target = spec.model(named: variant.model.value) else {
                return fail("\(path).\(discriminator.value) is '\(value)', which model '\(name)' has no variant for", "models.\(name)", value)
            }
            checkModel(json, target, path: path)
        }
    }
}
