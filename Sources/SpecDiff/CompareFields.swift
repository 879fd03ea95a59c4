import SpecModel

/// Whose fields are compared: a model, or the envelope's extra fields.
struct FieldOwner {
    /// "model `Order`", "envelope".
    var label: String
    /// The Swift type the fields become properties of; nil when the generated API has none to name.
    var swiftType: String?
    /// Whether the owner travels in requests, responses or both.
    var directions: Set<TypeUsage.Direction>
    /// " (used by `getOrder`)" or "".
    var usedBy: String
}

extension SpecComparer {
    /// Fields by wire name. A model sent in requests gets the request rules, one decoded from responses the
    /// response rules, one used both ways both.
    mutating func compareFields(_ before: [Field], _ now: [Field], owner: FieldOwner, positional: Bool, at location: SourceLocation? = nil) {
        let request = owner.directions.contains(.request), response = owner.directions.contains(.response)
        let label = owner.label, suffix = owner.usedBy
        func property(_ field: Field) -> String? {
            owner.swiftType.map { "\($0).\(SwiftNames.property(field.name.value, swiftName: field.swiftName))" }
        }
        func member(_ field: Field) -> String? { property(field).map { "`\($0)`" } }
        func isOptional(_ field: Field) -> Bool { field.optional || field.nullable }
        func swiftType(_ field: Field) -> String { SwiftNames.type(field.type.value, optional: isOptional(field)) }
        let fields = Matched(before, now) { $0.name.value }
        for field in fields.removed {
            let message = "\(label): field `\(field.name.value)` was removed\(suffix)", swift = member(field).map { "\($0) is removed" }
            if response { report(.responseFieldRemoved, at: field.name.location, message, swift: swift) }
            if request { report(.requestFieldRemoved, at: field.name.location, message, swift: swift) }
        }
        for field in fields.added {
            let message = "\(label): \(isOptional(field) ? "optional" : "required") field `\(field.name.value)` (\(field.type.value)) was added\(suffix)"
            let swift = property(field).map { "new property `\($0): \(swiftType(field))`" }
            if response { report(.responseFieldAdded, at: field.name.location, message, swift: swift) }
            if request { report(isOptional(field) ? .requestFieldAdded : .requestFieldAddedRequired, at: field.name.location, message, swift: swift) }
        }
        for (a, b) in fields.common {
            let owner = "\(label): field `\(b.name.value)`"
            if a.type.value != b.type.value {
                let message = "\(owner): type is now \(b.type.value) (was \(a.type.value))\(suffix)"
                let swift = member(b).map { "\($0): is now `\(swiftType(b))` (was `\(swiftType(a))`)" }
                if response { report(.responseFieldTypeChanged, at: b.type.location, message, swift: swift) }
                if request { report(.requestFieldTypeChanged, at: b.type.location, message, swift: swift) }
            }
            if !isOptional(a), isOptional(b) {
                let how = b.optional && b.nullable ? "may now be absent or null" : b.optional ? "may now be absent" : "may now be null"
                let swift = member(b).map { "\($0): is now `\(swiftType(b))`" }
                if response { report(.responseFieldBecameOptional, at: b.name.location, "\(owner) \(how)\(suffix)", swift: swift) }
                if request { report(.requestFieldBecameOptional, at: b.name.location, "\(owner) is now optional\(suffix)", swift: swift) }
            } else if isOptional(a), !isOptional(b) {
                let swift = member(b).map { "\($0): is now `\(swiftType(b))` (no longer optional)" }
                if response { report(.responseFieldBecameRequired, at: b.name.location, "\(owner) is now always present\(suffix)", swift: swift) }
                if request { report(.requestFieldBecameRequired, at: b.name.location, "\(owner) is now required\(suffix)", swift: swift) }
            }
            let nameA = SwiftNames.property(a.name.value, swiftName: a.swiftName), nameB = SwiftNames.property(b.name.value, swiftName: b.swiftName)
            if nameA != nameB {
                report(
                    .swiftNameChanged, at: b.name.location, "\(owner): Swift name is now `\(nameB)` (was `\(nameA)`)",
                    swift: member(a).map { "\($0) is now \(member(b)!)" })
            }
            deprecation(owner, old: a.deprecated, new: b.deprecated, at: b.name.location, swift: member(b))
            describe(
                owner, at: b.name.location,
                [("description", a.description, b.description), ("condition", a.condition, b.condition), ("docsType", a.docsType, b.docsType)])
        }
        if positional, let location {
            let namesA = before.map(\.name.value), namesB = now.map(\.name.value)
            let moved = fields.common.contains { namesA.firstIndex(of: $0.old.name.value) != namesB.firstIndex(of: $0.new.name.value) }
            if moved {
                report(
                    .positionalLayoutChanged, at: location,
                    "\(label): slots are now [\(namesB.joined(separator: ", "))] (were [\(namesA.joined(separator: ", "))])\(suffix)")
            }
        }
    }
}
