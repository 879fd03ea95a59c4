import Foundation
import SpecModel

/// Location-free text forms of spec parts, for comparing by content and for messages.
enum Canonical {
    /// `type=LIMIT and sent(icebergQty)`, sorted; empty for no condition.
    static func condition(_ condition: Condition) -> String {
        let equals = condition.equals.map { "\($0.param.value)=\(values($0.values))" }
        let present = condition.present.map { "sent(\($0.value))" }
        let absent = condition.absent.map { "notSent(\($0.value))" }
        return (equals + present + absent).sorted().joined(separator: " and ")
    }

    /// `LIMIT` or `[MARKET|LIMIT]` sorted.
    static func values(_ values: [ScalarValue]) -> String {
        let texts = values.map(\.text).sorted()
        return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: "|") + "]"
    }

    /// The parameter names a requirement lists, as a set.
    static func names(_ requirement: Rule.Requirement) -> Set<String> { Set(requirement.params.map(\.value)) }

    /// `require [price, quantity]`, `requireValue {timeInForce=GTC}`.
    static func requirement(_ requirement: Rule.Requirement) -> String {
        if case let .requireValue(equals) = requirement {
            return "requireValue {" + equals.map { "\($0.param.value)=\(values($0.values))" }.sorted().joined(separator: ", ") + "}"
        }
        return "\(requirement.keyword) [" + names(requirement).sorted().joined(separator: ", ") + "]"
    }

    /// `when type=LIMIT: require [price, quantity]`, or `always: …`.
    static func rule(_ rule: Rule) -> String {
        let condition = condition(rule.condition)
        return (condition.isEmpty ? "always" : "when \(condition)") + ": " + requirement(rule.requirement)
    }

    /// `1`, `6 when sent(symbol); else 80`, `by limit: ≤100 → 5, ≤500 → 25, above → 250`.
    static func weight(_ weight: Weight?) -> String {
        switch weight {
        case nil: "unset"
        case let .fixed(value)?: "\(value)"
        case let .cases(cases, fallback)?:
            // First matching case wins, so case order is meaning.
            cases.map { "\($0.weight) when \(condition($0.condition))" }.joined(separator: "; ") + "; else \(fallback)"
        case let .byParam(param, ranges)?:
            "by \(param.value): " + rangeList(ranges)
        case let .byCount(count)?:
            count.cases.map { "\($0.weight) when \(condition($0.condition)); " }.joined() + countScale(count)
                + "; without it \(count.absent.map(String.init) ?? "one item")"
        }
    }

    static func rangeList(_ ranges: [Weight.Range]) -> String {
        ranges.map { ($0.max.map { "≤\($0)" } ?? "above") + " → \($0.weight)" }.joined(separator: ", ")
    }

    /// `by count of symbols: ≤20 → 2, …` or `4 per item of symbols, cap 200`.
    static func countScale(_ count: CountWeight) -> String {
        switch count.scale {
        case let .ranges(list): "by count of \(count.param.value): " + rangeList(list)
        case let .perItem(each, cap): "\(each) per item of \(count.param.value)" + (cap.map { ", cap \($0)" } ?? "")
        }
    }

    /// An example as data: name, variant, status, parameters (sorted) and JSON bodies (keys sorted).
    static func example(_ example: Example) -> String {
        let request = example.request.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        return [
            example.name ?? "", example.variant?.value ?? "", example.status.map(String.init) ?? "", request,
            example.requestBody.map { json($0.value) } ?? "", example.response.map { json($0.value) } ?? "",
        ].joined(separator: "\u{1F}")
    }

    /// JSON text with whitespace and key order normalized; the trimmed text when it does not parse.
    static func json(_ text: String) -> String {
        guard let document = try? JSONDocument.parse(text) else { return normalizedText(text) ?? "" }
        return json(document)
    }

    static func json(_ document: JSONDocument) -> String {
        switch document {
        case .null: "null"
        case let .bool(value): value ? "true" : "false"
        case let .number(text): text
        case let .string(text): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case let .array(items): "[" + items.map(json).joined(separator: ",") + "]"
        case let .object(members):
            "{" + members.sorted { $0.key < $1.key }.map { json(.string($0.key)) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }
}
