import SpecGenerator
import SpecModel

extension SpecComparer {
    /// The response type or variants, variant defaults and typed error bodies. Models named on both sides are
    /// compared once, with the models.
    mutating func compareResponse(_ before: Endpoint, _ now: Endpoint) {
        let id = now.id.value
        let owner = "endpoint `\(id)`"
        let call = newNames.call(id)
        let a = before.response, b = now.response
        let at = b?.location ?? now.id.location
        let variantsA = a?.variants ?? [], variantsB = b?.variants ?? []
        let responseType = Naming.responseType(endpoint: id)
        // No response and EMPTY both decode to EmptyResponse.
        let typeA = a?.type?.value ?? .empty, typeB = b?.type?.value ?? .empty
        switch (variantsA.isEmpty, variantsB.isEmpty) {
        case (true, true):
            if typeA != typeB {
                report(
                    .responseTypeChanged, at: b?.type?.location ?? at, "\(owner): response type is now \(typeB) (was \(typeA))",
                    swift: "\(call) now returns `\(SwiftNames.type(typeB))` (was `\(SwiftNames.type(typeA))`)")
            }
        case (true, false):
            report(
                .responseTypeChanged, at: at, "\(owner): response now has variants selected by `\(b?.selectedBy?.value ?? "?")` (was \(typeA))",
                swift: "\(call) now returns `\(responseType)` (was `\(SwiftNames.type(typeA))`)")
        case (false, true):
            report(
                .responseTypeChanged, at: b?.type?.location ?? at, "\(owner): response type is now \(typeB) (had variants selected by `\(a?.selectedBy?.value ?? "?")`)",
                swift: "\(call) now returns `\(SwiftNames.type(typeB))` (was `\(responseType)`)")
        case (false, false):
            compareVariants(a!, b!, owner: owner, responseType: responseType)
        }
        compareErrorBodies(a?.errorBodies ?? [], b?.errorBodies ?? [], owner: owner, at: at)
    }

    private mutating func compareVariants(_ a: Response, _ b: Response, owner: String, responseType: String) {
        if a.selectedBy?.value != b.selectedBy?.value {
            report(
                .responseVariantDefaultChanged, at: b.selectedBy?.location ?? b.location,
                "\(owner): variants are now selected by \(quoted(b.selectedBy?.value)) (was \(quoted(a.selectedBy?.value)))")
        }
        func member(_ key: String) -> String { "`\(responseType).\(SwiftNames.enumCase(key, swiftName: nil))`" }
        let variants = Matched(a.variants, b.variants) { $0.key.value }
        for variant in variants.removed {
            report(
                .responseVariantRemoved, at: variant.key.location, "\(owner): response variant `\(variant.key.value)` was removed",
                swift: "\(member(variant.key.value)) is removed")
        }
        for variant in variants.added {
            report(
                .responseVariantAdded, at: variant.key.location, "\(owner): response variant `\(variant.key.value)` (\(variant.type.value)) was added",
                swift: "new case \(member(variant.key.value)) carrying `\(SwiftNames.type(variant.type.value))`")
        }
        for (x, y) in variants.common where x.type.value != y.type.value {
            report(
                .responseTypeChanged, at: y.type.location, "\(owner): response variant `\(y.key.value)` is now \(y.type.value) (was \(x.type.value))",
                swift: "\(member(y.key.value)) now carries `\(SwiftNames.type(y.type.value))` (was `\(SwiftNames.type(x.type.value))`)")
        }
        func defaults(_ r: Response) -> String {
            r.defaults.map { d in (d.condition.isEmpty ? "otherwise" : "when \(Canonical.condition(d.condition))") + " → \(d.variant.value)" }.joined(separator: "; ")
        }
        let before = defaults(a), now = defaults(b)
        if before != now {
            report(
                .responseVariantDefaultChanged, at: b.defaults.first?.variant.location ?? b.location,
                "\(owner): default variants are now \(now.isEmpty ? "unset" : now) (were \(before.isEmpty ? "unset" : before))")
        }
    }

    private mutating func compareErrorBodies(_ a: [Response.ErrorBody], _ b: [Response.ErrorBody], owner: String, at: SourceLocation) {
        let bodies = Matched(a, b) { String($0.status) }
        for body in bodies.removed {
            report(.errorBodyChanged, at: body.type.location, "\(owner): error body for status \(body.status) (\(body.type.value)) was removed")
        }
        for body in bodies.added {
            report(.errorBodyAdded, at: body.type.location, "\(owner): error body for status \(body.status) is now \(body.type.value)")
        }
        for (x, y) in bodies.common {
            if x.type.value != y.type.value {
                report(
                    .errorBodyChanged, at: y.type.location, "\(owner): error body for status \(y.status) is now \(y.type.value) (was \(x.type.value))",
                    swift: "the error thrown for status \(y.status) now carries `\(SwiftNames.type(y.type.value))` (was `\(SwiftNames.type(x.type.value))`)")
            }
            describe("\(owner): error body for status \(y.status)", at: y.type.location, [("description", x.description, y.description)])
        }
    }
}
