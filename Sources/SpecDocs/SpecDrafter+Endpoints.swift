import Foundation
import SpecModel

extension SpecDrafter {
    mutating func endpoints() {
        line("# TODO: envelope, errorFormat, httpStatus and rateLimits from the docs' general information.")
        line("endpoints:")
        var ids: Set<String> = []
        // WebSocket API methods are written by hand under `webSocketAPI` or as an endpoint's `webSocket`.
        let methods = docs.endpoints.filter(\.key.isWebSocket).map(\.key.path)
        if !methods.isEmpty { line("# TODO: WebSocket API methods the docs define (not drafted): \(methods.joined(separator: ", "))") }
        for endpoint in docs.endpoints where !endpoint.key.isWebSocket {
            var id = Self.endpointID(endpoint)
            var n = 2
            while ids.contains(id) {
                id = Self.endpointID(endpoint) + "\(n)"
                n += 1
            }
            ids.insert(id)
            draft(endpoint, id: id)
        }
    }

    /// "New order (TRADE)" → newOrder; "1、 Create Order" → createOrder; else from the method and path.
    static func endpointID(_ endpoint: DocEndpoint) -> String {
        var title = endpoint.title.map(InlineText.plain) ?? ""
        if let paren = title.firstIndex(where: { $0 == "(" || $0 == "（" }) { title = String(title[..<paren]) }
        title = String(title.drop { !$0.isLetter })
        var id = InlineText.lowerCamel(title).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if !(id.first?.isLetter ?? false) || id.count > 40 {
            id = InlineText.lowerCamel(endpoint.key.method.lowercased() + " " + endpoint.key.path.replacingOccurrences(of: "/", with: " "))
                .filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        return id
    }

    mutating func draft(_ endpoint: DocEndpoint, id: String) {
        line("  \(id):")
        if let title = endpoint.title { line("    summary: \(YAMLText.scalar(title))") }
        line("    method: \(endpoint.key.method)")
        line("    path: \(YAMLText.scalar(endpoint.key.path))")
        line("    security: \(endpoint.security ?? "NONE")  # TODO: confirm")
        if let weight = endpoint.weight {
            line("    weight: \(weight)")
        } else if let text = endpoint.weightText {
            line("    # TODO: weight as documented: \(text.replacingOccurrences(of: "\n", with: " "))")
        }
        let file = URL(fileURLWithPath: endpoint.location.file).lastPathComponent
        line("    source: {doc: \(YAMLText.scalar(file))\(endpoint.title.map { ", section: \(YAMLText.scalar($0))" } ?? "")}")
        if let wrapper = endpoint.wrapper { line("    request: {encoding: json, wrapper: \(YAMLText.scalar(wrapper))}") }
        let params = draftParams(endpoint)
        draftExamples(endpoint, params: params)
    }

    /// The parameter rows; path-template names the table lacks are added as required path parameters.
    mutating func draftParams(_ endpoint: DocEndpoint) -> [String] {
        var params = resolvedParams(endpoint)
        let template = Self.templateNames(endpoint.key.path)
        for name in template where !(params ?? []).contains(where: { $0.name == name }) {
            params = (params ?? []) + [DocParam(name: name, type: "STRING", mandatory: true, location: .path, at: endpoint.location)]
        }
        guard let params else {
            line("    # TODO: parameters (the docs show no parameter table)")
            return []
        }
        if params.isEmpty {
            line("    params: []")
            return []
        }
        line("    params:")
        var names: [String] = []
        for p in params where !names.contains(p.name) {
            names.append(p.name)
            var location = p.location
            if location == .path, !template.contains(p.name) { location = nil }
            if template.contains(p.name) { location = .path }
            if location == .body, endpoint.key.method == "GET" || endpoint.wrapper == nil { location = nil }
            line("      - " + paramRow(p, location: location))
        }
        line("    # TODO: rules for parameters the docs make conditional")
        return names
    }

    func resolvedParams(_ endpoint: DocEndpoint, depth: Int = 0) -> [DocParam]? {
        guard let base = endpoint.inheritsParams else { return endpoint.params }
        guard depth < 4, let parent = docs.endpoint(base), let inherited = resolvedParams(parent, depth: depth + 1) else { return endpoint.params }
        return inherited + (endpoint.params ?? [])
    }

    static func templateNames(_ path: String) -> [String] {
        ParamValues.matches(#"\{([^}]+)\}"#, in: path)
    }

    /// `{name: side, type: OrderSide, required: true, docsType: ENUM}` with a TODO where the docs are unclear.
    mutating func paramRow(_ p: DocParam, location: ParameterLocation?) -> String {
        var fields = ["name: \(YAMLText.scalar(p.name))"]
        var todo: [String] = []
        let (type, docsType, nullable) = specType(p)
        fields.append("type: \(type)")
        if p.mandatory == true { fields.append("required: true") }
        if p.mandatory == nil, location != .path { todo.append("mandatory?") }
        if let location { fields.append("in: \(location.rawValue)") }
        if nullable { fields.append("nullable: true") }
        if let docsType { fields.append("docsType: \(YAMLText.scalar(docsType))") }
        if p.type == nil || (type == "STRING" && docsType.map(TypeWords.normalize) == "ENUM") { todo.append("type") }
        return "{" + fields.joined(separator: ", ") + "}" + (todo.isEmpty ? "" : "  # TODO: " + todo.joined(separator: ", "))
    }

    /// The spec type for the docs' type word, the docs' word when it differs, and nullability.
    mutating func specType(_ p: DocParam) -> (String, String?, Bool) {
        guard let word = p.type else { return ("STRING", nil, false) }
        let upper = TypeWords.normalize(word)
        let nullable = upper.contains("NULLABLE")
        let bare = upper.replacingOccurrences(of: "| NULLABLE", with: "").replacingOccurrences(of: "NULLABLE", with: "").trimmingCharacters(in: .whitespaces)
        let keep: String? = word == bare ? nil : word
        if bare == "ENUM" {
            return (enums.type(for: p, create: true) ?? "STRING", word, nullable)
        }
        if bare == "STRING", let name = enums.type(for: p, create: p.runTogetherValues != nil) { return (name, word, nullable) }
        if let type = TypeRef(parsing: bare), type.referencedNames.isEmpty { return (bare, keep, nullable) }
        let mapped: [String: String] = ["DECIMAL STRING": "DECIMAL", "NUMBER": "DECIMAL", "FLOAT": "DECIMAL", "DOUBLE": "DECIMAL", "BOOL": "BOOLEAN", "OBJECT": "JSON"]
        if let type = mapped[bare] { return (type, word, nullable) }
        return ("STRING", word, nullable)
    }

    mutating func draftExamples(_ endpoint: DocEndpoint, params: [String]) {
        var responses: [(String?, JSONDocument)] = []
        var requests: [(String?, JSONDocument)] = []
        var invalid: [DocExample] = []
        for example in endpoint.examples {
            guard let json = example.json else { invalid.append(example); continue }
            var keys: [String] = []
            if case let .object(members) = json {
                keys = members.map(\.key)
                if members.count == 1, members[0].key == endpoint.wrapper, case let .object(inner) = members[0].value { keys = inner.map(\.key) }
            }
            let isRequest = example.kind == .request || (example.kind == .unknown && !keys.isEmpty && keys.allSatisfy(params.contains))
            let label = example.label.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
            if isRequest { requests.append((label, json)) } else { responses.append((label, json)) }
        }
        let empty = !responses.isEmpty && responses.allSatisfy { $0.1 == .object([]) }
        line(empty ? "    response: EMPTY" : "    response: JSON  # TODO: a model for the response\(responses.isEmpty ? "" : " (see the examples)")")
        for example in invalid {
            line("    # TODO: the docs' example at line \(example.at.line) is not valid JSON (\(example.parseError ?? "")):")
            for text in example.text.components(separatedBy: "\n") { line("    #   \(text)") }
        }
        guard !responses.isEmpty || !requests.isEmpty else { return }
        line("    examples:")
        for (label, json) in requests {
            if let label { line("      - name: \(YAMLText.scalar(label))") } else { line("      -") }
            line("        request: " + YAMLText.block(PrettyJSON.text(json), indent: 10))
        }
        for (label, json) in responses {
            if let label { line("      - name: \(YAMLText.scalar(label))") } else { line("      -") }
            line("        response: " + YAMLText.block(PrettyJSON.text(json), indent: 10))
        }
    }
}
