import Foundation
import SpecModel

/// Where the plain-text parameter list of a page copied from a rendered API reference stands (B2TRADER:
/// "Header parameters", "accountId required", "Body", "order.side string", "Possible values:", "BuySell",
/// "Response").
struct PlainParamState {
    enum Part { case none, header, path, query, body, response }
    var part = Part.none
    var params: [DocParam] = []
    var wrapperCandidate: String?
    var wrapper: String?
    /// The parameter or response field whose "Possible values:" line comes next.
    var awaitingValues: (name: String, isField: Bool)?
    var fieldEnums: [DocEnum] = []
}

extension DocExtractor {
    static let plainTypeWords: Set = [
        "required", "optional", "string", "decimal", "integer", "int", "long", "number", "boolean", "bool", "object",
        "array", "nullable", "of", "datetime", "date", "enum", "|",
    ]

    mutating func plainParamLine(_ text: String, _ at: SourceLocation, endpoint i: Int) {
        let lower = text.lowercased()
        switch lower {
        case "header parameters", "headers": plain.part = .header; return
        case "path parameters": plain.part = .path; return
        case "query parameters": plain.part = .query; return
        case "body", "request body", "body parameters": plain.part = .body; return
        case "response", "responses": plain.part = .response; return
        default: break
        }
        if lower.hasPrefix("request example") || lower.hasPrefix("response example") {
            plain.part = .none
            return
        }
        guard plain.part != .none else { return }
        if let pending = plain.awaitingValues, !lower.hasPrefix("possible values") {
            plain.awaitingValues = nil
            addPlainValues(text, at, to: pending, endpoint: i)
            return
        }
        if lower.hasPrefix("possible values") {
            if plain.part == .response {
                if let field = plain.fieldEnums.last?.names.first { plain.awaitingValues = (field, true) }
            } else if let last = plain.params.last {
                plain.awaitingValues = (last.name, false)
            }
            return
        }
        guard let (name, rest) = Self.plainParam(text) else { return }
        let words = rest.lowercased().split(separator: " ").map(String.init)
        var typeText = rest.split(separator: " ").filter { !["required", "optional"].contains($0.lowercased()) }.joined(separator: " ")
        typeText = typeText.trimmingCharacters(in: .whitespaces)
        var paramName = name
        if let w = plain.wrapperCandidate, name.hasPrefix(w + ".") {
            paramName = String(name.dropFirst(w.count + 1))
            if plain.part != .response { plain.wrapper = w }
        } else if typeText.lowercased() == "object", !name.contains(".") {
            plain.wrapperCandidate = name
            return
        }
        if plain.part == .response {
            plain.fieldEnums.append(DocEnum(title: name, names: [paramName], values: [], endpoint: model.endpoints[i].key, at: at))
            return
        }
        var param = DocParam(name: paramName, type: typeText.isEmpty ? nil : typeText, at: at)
        if words.contains("required") { param.mandatory = true } else if words.contains("optional") { param.mandatory = false }
        param.location =
            switch plain.part {
            case .header: .header
            case .path: .path
            case .query: .query
            default: .body
            }
        plain.params.append(param)
    }

    /// `order.side string`, `accountId required`, `order.requestedPrice decimal string | nullable`.
    static func plainParam(_ text: String) -> (String, String)? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, ParamTable.isIdentifier(parts[0]) else { return nil }
        let words = parts[1].lowercased().split(separator: " ")
        guard !words.isEmpty, words.allSatisfy({ plainTypeWords.contains(String($0)) }) else { return nil }
        return (parts[0], parts[1])
    }

    mutating func addPlainValues(_ text: String, _ at: SourceLocation, to target: (name: String, isField: Bool), endpoint i: Int) {
        let token = String(text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        guard !token.isEmpty else { return }
        let listed = text.contains(",") ? text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : nil
        let value = DocValue(value: token, at: at)
        let values = listed?.map { DocValue(value: $0, at: at) }
        if target.isField {
            guard !plain.fieldEnums.isEmpty else { return }
            let n = plain.fieldEnums.count - 1
            if let values { plain.fieldEnums[n].values = values } else { plain.fieldEnums[n].runTogetherValues = value }
        } else if let p = plain.params.lastIndex(where: { $0.name == target.name }) {
            if let values { plain.params[p].values = values } else { plain.params[p].runTogetherValues = value }
        }
    }

    /// Hands the plain parameters to the endpoint: a list that marks some rows "required" leaves the rest optional.
    mutating func finishPlainParams() {
        defer { plain = PlainParamState() }
        guard let i = current else { return }
        model.enums += plain.fieldEnums.filter { !$0.values.isEmpty || $0.runTogetherValues != nil }
        guard !plain.params.isEmpty, model.endpoints[i].params == nil else { return }
        let marks = plain.params.contains { $0.mandatory == true }
        model.endpoints[i].params = plain.params.map { p in
            var p = p
            if p.mandatory == nil, marks { p.mandatory = false }
            return p
        }
        model.endpoints[i].wrapper = plain.wrapper
    }
}
