import Foundation
import SpecModel

extension SpecComparer {
    /// Parameters by wire name. Signature and timestamp parameters are filled in by the client, so they only get info findings.
    mutating func compareParameters(_ before: Endpoint, _ now: Endpoint) {
        let id = now.id.value
        let call = newNames.call(id)
        let signing = signingParameters
        let params = Matched(before.params, now.params) { $0.name.value }
        for param in params.removed {
            let owner = "endpoint `\(id)`"
            if signing.contains(param.name.value) {
                report(.signingParameterChanged, at: param.name.location, "\(owner): signing parameter `\(param.name.value)` was removed; the client fills it in")
                continue
            }
            report(
                .parameterRemoved, at: param.name.location, "\(owner): parameter `\(param.name.value)` was removed",
                swift: "\(call): parameter `\(SwiftNames.property(param.name.value, swiftName: param.swiftName))` is removed")
        }
        for param in params.added {
            let owner = "endpoint `\(id)`"
            let name = param.name.value, type = param.type.value
            let property = SwiftNames.property(name, swiftName: param.swiftName)
            if signing.contains(name) {
                report(.signingParameterChanged, at: param.name.location, "\(owner): signing parameter `\(name)` was added; the client fills it in")
            } else if param.required {
                report(
                    .parameterAddedRequired, at: param.name.location, "\(owner): required parameter `\(name)` (\(type)) was added",
                    swift: "\(call): new required parameter `\(property): \(SwiftNames.type(type))`")
            } else {
                report(
                    .parameterAdded, at: param.name.location, "\(owner): optional parameter `\(name)` (\(type)) was added",
                    swift: "\(call): new optional parameter `\(property): \(SwiftNames.type(type, optional: true))`")
            }
        }
        for (a, b) in params.common {
            compareParameter(a, b, before: before, now: now, signing: signing.contains(b.name.value))
        }
    }

    /// Names of the parameters the runtime fills in from `auth` (signature, timestamp), in either spec; like the
    /// generator, the receive window stays a request property.
    private var signingParameters: Set<String> {
        Set([old.auth, new.auth].compactMap { $0 }.flatMap { [$0.signing?.signatureParam, $0.timestampParam] }.compactMap { $0 })
    }

    private mutating func compareParameter(_ a: Parameter, _ b: Parameter, before: Endpoint, now: Endpoint, signing: Bool) {
        let owner = "endpoint `\(now.id.value)`: parameter `\(b.name.value)`"
        let call = newNames.call(now.id.value)
        let property = SwiftNames.property(b.name.value, swiftName: b.swiftName)
        defer { describe(owner, at: b.name.location, [("description", a.description, b.description), ("docsType", a.docsType, b.docsType)]) }
        if signing {
            if a.type.value != b.type.value || a.required != b.required || a.location != b.location {
                report(
                    .signingParameterChanged, at: b.name.location,
                    "\(owner) changed (\(a.type.value)\(a.required ? ", required" : "") → \(b.type.value)\(b.required ? ", required" : "")); the client fills it in")
            }
            return
        }
        if a.type.value != b.type.value {
            report(
                .parameterTypeChanged, at: b.type.location, "\(owner): type is now \(b.type.value) (was \(a.type.value))",
                swift:
                    "\(call): parameter `\(property)` is now `\(SwiftNames.type(b.type.value, optional: !b.required))` (was `\(SwiftNames.type(a.type.value, optional: !a.required))`)"
            )
        }
        if !a.required, b.required {
            report(.parameterBecameRequired, at: b.name.location, "\(owner) is now required", swift: "\(call): parameter `\(property)` is now required")
        } else if a.required, !b.required {
            report(
                .parameterBecameOptional, at: b.name.location, "\(owner) is now optional",
                swift: "\(call): parameter `\(property)` is now optional (`\(SwiftNames.type(b.type.value, optional: true))`)")
        }
        let oldProperty = SwiftNames.property(a.name.value, swiftName: a.swiftName)
        if oldProperty != property {
            report(
                .swiftNameChanged, at: b.name.location, "\(owner): Swift name is now `\(property)` (was `\(oldProperty)`)",
                swift: "\(call): parameter `\(oldProperty)` is now `\(property)`")
        }
        if effectiveEncoding(before, in: old) == effectiveEncoding(now, in: new) {
            let whereBefore = parameterLocation(a, in: before, spec: old), whereNow = parameterLocation(b, in: now, spec: new)
            if whereBefore != whereNow {
                report(.parameterEncodingChanged, at: b.name.location, "\(owner) now travels in the \(whereNow.rawValue) (was \(whereBefore.rawValue))")
            }
        }
        if case .array = b.type.value, case .array = a.type.value, (a.arrayStyle ?? .json) != (b.arrayStyle ?? .json) {
            report(
                .parameterEncodingChanged, at: b.name.location,
                "\(owner): array style is now \((b.arrayStyle ?? .json).rawValue) (was \((a.arrayStyle ?? .json).rawValue))")
        }
        if a.defaultValue?.text != b.defaultValue?.text {
            report(
                .parameterDefaultChanged, at: b.defaultValue?.location ?? b.name.location,
                "\(owner): default is now \(quoted(b.defaultValue?.text)) (was \(quoted(a.defaultValue?.text)))")
        }
        compareConstraints(a, b, owner: owner)
        deprecation(owner, old: a.deprecated, new: b.deprecated, at: b.name.location, swift: "\(call): parameter `\(property)`")
    }

    private func parameterLocation(_ param: Parameter, in endpoint: Endpoint, spec: Spec) -> ParameterLocation {
        if let location = param.location { return location }
        if endpoint.pathTemplateNames.contains(param.name.value) { return .path }
        return effectiveEncoding(endpoint, in: spec) == .query ? .query : .body
    }

    /// min, max, maxItems, allowed values and nullability: each a finding of its own.
    private mutating func compareConstraints(_ a: Parameter, _ b: Parameter, owner: String) {
        let at = b.name.location
        bound("min", a.min?.text, b.min?.text, upper: false, owner: owner, at: b.min?.location ?? at)
        bound("max", a.max?.text, b.max?.text, upper: true, owner: owner, at: b.max?.location ?? at)
        bound("maxItems", a.maxItems.map(String.init), b.maxItems.map(String.init), upper: true, owner: owner, at: at)
        let before = Set(a.values.map(\.text)), now = Set(b.values.map(\.text))
        if before.isEmpty, !now.isEmpty {
            report(.parameterConstraintTightened, at: b.values.first?.location ?? at, "\(owner): now restricted to \(list(now))")
        } else if !before.isEmpty, now.isEmpty {
            report(.parameterConstraintRelaxed, at: at, "\(owner): no longer restricted to \(list(before))")
        } else {
            let removed = before.subtracting(now), added = now.subtracting(before)
            if !removed.isEmpty { report(.parameterConstraintTightened, at: at, "\(owner): \(list(removed)) no longer allowed") }
            if !added.isEmpty { report(.parameterConstraintRelaxed, at: at, "\(owner): \(list(added)) now allowed") }
        }
        if a.nullable != b.nullable {
            report(
                b.nullable ? .parameterConstraintRelaxed : .parameterConstraintTightened, at: at, "\(owner) \(b.nullable ? "may now be null" : "may no longer be null")")
        }
    }

    private func list(_ values: Set<String>) -> String { joinedList(values.sorted().map { "`\($0)`" }) }

    /// A numeric bound; `upper` for max-like bounds, where lowering tightens.
    private mutating func bound(_ name: String, _ a: String?, _ b: String?, upper: Bool, owner: String, at location: SourceLocation) {
        guard a != b else { return }
        let message = "\(owner): \(name) is now \(b ?? "unset") (was \(a ?? "unset"))"
        let tightened: Bool
        switch (a.flatMap { Decimal(string: $0) }, b.flatMap { Decimal(string: $0) }) {
        case (nil, _?) where a == nil: tightened = true
        case (_?, nil) where b == nil: tightened = false
        case let (x?, y?): tightened = upper ? y < x : y > x
        default: tightened = true  // not numbers: assume the worst
        }
        report(tightened ? .parameterConstraintTightened : .parameterConstraintRelaxed, at: location, message)
    }
}
