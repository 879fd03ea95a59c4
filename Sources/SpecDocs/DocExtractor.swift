import Foundation
import SpecModel

/// Walks the blocks of one document and collects endpoints, parameter tables, enum lists, error codes and JSON
/// examples into a `DocModel`. Both readers feed it, so Markdown and HTML give the same model.
public struct DocExtractor {
    var model: DocModel
    var headings: [(level: Int, title: String)] = []
    /// The endpoint whose section is being read, and the heading level that closes it.
    var current: Int?
    var currentLevel = 0
    /// The last short line before an example ("Response - ACK").
    var label: String?
    var lastText: String?
    var awaitingWeight = false
    var awaitingParameters = false
    var enumSection: EnumSection?
    var plain = PlainParamState()
    /// True until the first block after a heading: where a WebSocket API method's request example stands.
    var afterHeading = false

    /// The list items of a heading's section, which form an enum when each is a single value.
    struct EnumSection {
        var title: String
        var at: SourceLocation
        var values: [DocValue] = []
        var isEnum = true
    }

    init(model: DocModel) { self.model = model }

    /// Adds the blocks of one document to `model`.
    public static func extract(_ blocks: [DocBlock], into model: DocModel) -> DocModel {
        var extractor = DocExtractor(model: model)
        for block in blocks { extractor.visit(block) }
        extractor.finishSection()
        extractor.finishPlainParams()
        return extractor.model
    }

    mutating func visit(_ block: DocBlock) {
        switch block.kind {
        case let .heading(level, text): heading(level, text, block.at)
        case let .text(text): line(text, block.at)
        case let .listItem(text): listItem(text, block.at)
        case let .table(table): self.table(table)
        case let .code(_, text): code(text, block.at)
        case .blank: return
        }
        if case .heading = block.kind { afterHeading = true } else { afterHeading = false }
    }

    // MARK: Headings and sections

    mutating func heading(_ level: Int, _ text: String, _ at: SourceLocation) {
        finishSection()
        let title = InlineText.plain(text)
        headings.removeAll { $0.level >= level }
        if current != nil, level <= currentLevel { endEndpoint() }
        model.sections.append(DocSection(title: title, level: level, location: at))
        label = title
        if let key = EndpointLine.parse(title) {
            let parent = headings.last?.title
            define(key, title: parent, at: at, level: level)
        } else if let error = Self.errorHeading(title, at) {
            model.errors.append(error)
        } else {
            enumSection = EnumSection(title: title, at: at)
        }
        headings.append((level, title))
    }

    /// `-1121 BAD_SYMBOL` or `-2021 Order cancel-replace partially failed`.
    static func errorHeading(_ title: String, _ at: SourceLocation) -> DocError? {
        guard let range = title.range(of: #"^-?\d{3,}\s+\S"#, options: .regularExpression) else { return nil }
        let code = String(title[range].split(separator: " ")[0])
        let rest = title[title.index(before: range.upperBound)...].trimmingCharacters(in: .whitespaces)
        let isName = rest.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil
        return DocError(code: code, name: isName ? rest : nil, message: isName ? nil : rest, at: at)
    }

    mutating func finishSection() {
        defer { enumSection = nil }
        guard let section = enumSection, section.isEnum, !section.values.isEmpty else { return }
        model.enums.append(DocEnum(title: Self.enumTitle(section.title), names: Self.parenNames(section.title), values: section.values, at: section.at))
    }

    /// "Order status (status)" → "Order status", "Execution types:" → "Execution types".
    static func enumTitle(_ title: String) -> String {
        let name = title.firstIndex(of: "(").map { title[..<$0] } ?? Substring(title)
        return name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
    }

    /// "Order types (orderTypes, type)" → ["orderTypes", "type"].
    static func parenNames(_ title: String) -> [String] {
        guard let open = title.firstIndex(of: "("), let close = title[open...].firstIndex(of: ")") else { return [] }
        return title[title.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    // MARK: Endpoints

    /// Starts (or returns to) the section of an endpoint.
    mutating func define(_ key: DocEndpoint.Key, title: String?, at: SourceLocation, level: Int) {
        if current != nil { endEndpoint() }
        enumSection = nil
        if let i = model.endpoints.firstIndex(where: { $0.key == key }) {
            if model.endpoints[i].isMention {
                model.endpoints[i].isMention = false
                model.endpoints[i].location = at
                model.endpoints[i].title = title ?? model.endpoints[i].title
                model.endpoints[i].security = title.flatMap(EndpointLine.securityWord)
            }
            current = i
        } else {
            model.endpoints.append(DocEndpoint(key: key, title: title, security: title.flatMap(EndpointLine.securityWord), location: at))
            current = model.endpoints.count - 1
        }
        currentLevel = level
        plain = PlainParamState()
    }

    mutating func endEndpoint() {
        finishPlainParams()
        current = nil
        awaitingWeight = false
    }

    /// Adds an endpoint listed in a table; it does not open a section.
    mutating func mention(_ key: DocEndpoint.Key, title: String?, params: [DocParam]?, at: SourceLocation) {
        if let i = model.endpoints.firstIndex(where: { $0.key == key }) {
            if model.endpoints[i].params == nil { model.endpoints[i].params = params }
            return
        }
        var endpoint = DocEndpoint(key: key, title: title, security: nil, location: at)
        endpoint.isMention = true
        endpoint.params = params
        model.endpoints.append(endpoint)
    }

    // MARK: Lines

    mutating func line(_ text: String, _ at: SourceLocation) {
        let plainText = InlineText.plain(text)
        if let key = EndpointLine.parse(plainText) {
            let title = headings.last?.title ?? lastText
            define(key, title: title, at: at, level: headings.last?.level ?? 0)
            return
        }
        defer {
            lastText = plainText
            if Self.isLabel(plainText) { label = plainText }
        }
        if let names = Self.streamNames(plainText) {
            model.streams += names.map { DocValue(value: $0, at: at) }
            return
        }
        guard let i = current else { return }
        if weightLine(plainText, i) || noParameters(plainText, i) { return }
        let lower = plainText.lowercased()
        if lower.hasPrefix("reference") || lower.contains("in addition to all parameters"), let base = EndpointLine.find(in: text) {
            model.endpoints[i].inheritsParams = base
            return
        }
        // "In addition to all parameters accepted by `order.place`": a WebSocket method's base method.
        if model.endpoints[i].key.isWebSocket, lower.contains("in addition to all parameters"), let base = InlineText.codeSpans(text).first {
            model.endpoints[i].inheritsParams = .webSocket(base)
            return
        }
        plainParamLine(plainText, at, endpoint: i)
    }

    /// `**Weight:** 1`, `**Weight:1**`, or `**Weight:**` with the value on the next line.
    mutating func weightLine(_ plainText: String, _ i: Int) -> Bool {
        if awaitingWeight {
            awaitingWeight = false
            if plainText.first?.isNumber == true {
                setWeight(plainText, i)
                return true
            }
        }
        guard plainText.lowercased().hasPrefix("weight") else { return false }
        let rest = plainText.dropFirst("weight".count).drop { $0 == ":" || $0 == " " || $0 == "(" }
        guard plainText.dropFirst("weight".count).first.map({ $0 == ":" || $0 == " " }) ?? true else { return false }
        if rest.isEmpty { awaitingWeight = true } else { setWeight(String(rest), i) }
        return true
    }

    /// "**Parameters:** NONE", or "**Parameters:**" followed by "NONE": the endpoint takes no parameters.
    mutating func noParameters(_ plainText: String, _ i: Int) -> Bool {
        let lower = plainText.lowercased()
        if lower == "parameters:" || lower == "parameters" {
            awaitingParameters = true
            return true
        }
        defer { awaitingParameters = false }
        let none = ["parameters: none", "parameters:none", "no parameters"].contains(lower) || (awaitingParameters && lower == "none")
        if none, model.endpoints[i].params == nil { model.endpoints[i].params = [] }
        return none
    }

    mutating func setWeight(_ text: String, _ i: Int) {
        let t = text.trimmingCharacters(in: .whitespaces)
        model.endpoints[i].weightText = t
        model.endpoints[i].weight = Int(t)
    }

    mutating func listItem(_ text: String, _ at: SourceLocation) {
        let plainText = InlineText.plain(text)
        label = plainText
        guard var section = enumSection else { return }
        if let value = Self.singleValue(text) {
            section.values.append(DocValue(value: value, at: at))
        } else {
            section.isEnum = false
        }
        enumSection = section
    }

    /// A list item or cell that is one enum value: a code span or an UPPER_SNAKE word.
    static func singleValue(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let spans = InlineText.codeSpans(t)
        if spans.count == 1, t.hasPrefix("`"), t.hasSuffix("`"), !spans[0].contains(" ") { return spans[0] }
        let plainText = InlineText.plain(t)
        return plainText.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil ? plainText : nil
    }

    // MARK: Code

    mutating func code(_ text: String, _ at: SourceLocation) {
        awaitingWeight = false
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.contains("\n"), let key = EndpointLine.parse(trimmed) {
            define(key, title: headings.last?.title, at: at, level: headings.last?.level ?? 0)
            return
        }
        if afterHeading, let name = Self.webSocketMethod(in: text) {
            define(.webSocket(name), title: headings.last?.title, at: at, level: headings.last?.level ?? 0)
        }
        guard let i = current else {
            streamExample(text, at)
            return filterDefinition(text, at)
        }
        let cleaned = JSONExampleText.clean(text)
        guard JSONExampleText.looksLikeJSON(cleaned) else { return }
        var example = DocExample(kind: Self.kind(of: label), label: label, text: cleaned, at: at)
        do { example.json = try JSONDocument.parse(cleaned) } catch { example.parseError = error.description }
        model.endpoints[i].examples.append(example)
    }

    /// The method of a WebSocket API request example (`{"id": …, "method": "order.place", …}`).
    static func webSocketMethod(in text: String) -> String? {
        guard let json = try? JSONDocument.parse(JSONExampleText.clean(text)), json["id"] != nil, case let .string(name)? = json["method"],
            name.range(of: #"^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$"#, options: .regularExpression) != nil
        else { return nil }
        return name
    }

    /// A short line that says what the next example is.
    static func isLabel(_ text: String) -> Bool {
        let l = text.lowercased()
        return text.count < 200 && ["request", "response", "example", "return", "result"].contains { l.contains($0) }
    }

    static func kind(of label: String?) -> DocExample.Kind {
        let l = label?.lowercased() ?? ""
        if l.contains("response") || l.contains("return") { return .response }
        if l.contains("request") { return .request }
        return .unknown
    }
}
