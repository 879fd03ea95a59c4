/// Dotted paths into a spec (`endpoints.newOrder.params.quantity`), as errata entries use them.
public enum SpecPath {
    public static func exists(_ path: String, in spec: Spec) -> Bool {
        let parts = path.split(separator: ".").map(String.init)
        guard let head = parts.first else { return false }
        let rest = Array(parts.dropFirst())
        switch head {
        case "endpoints":
            guard let id = rest.first, let endpoint = spec.endpoint(id: id) else { return false }
            return endpointPath(Array(rest.dropFirst()), endpoint)
        case "models":
            guard let name = rest.first, let model = spec.model(named: name) else { return false }
            if rest.count == 1 { return true }
            guard rest.count == 3, rest[1] == "fields" || rest[1] == "positional" else { return rest.count == 2 && rest[1] == "description" }
            return model.fields.contains { $0.name.value == rest[2] }
        case "enums":
            guard let name = rest.first, let def = spec.enumDef(named: name) else { return false }
            if rest.count == 1 { return true }
            return rest.count == 3 && rest[1] == "values" && def.values.contains { $0.value.value == rest[2] }
        case "errors":
            return rest.count == 1 && spec.errors.contains { $0.code.value == rest[0] || $0.name.value == rest[0] }
        case "security":
            return rest.count == 1 && spec.securityLevel(named: rest[0]) != nil
        case "webSocketAPI":
            guard let api = spec.webSocketAPI else { return false }
            guard rest.first == "methods" else { return rest.count <= 1 }
            // Method names hold dots (`session.logon`): the longest name the path starts with.
            let named = rest.dropFirst().joined(separator: ".")
            let matches = api.methods.filter { named == $0.name.value || named.hasPrefix($0.name.value + ".") }
            guard let method = matches.max(by: { $0.name.value.count < $1.name.value.count }) else { return false }
            let tail = named.dropFirst(method.name.value.count).split(separator: ".").map(String.init)
            return tail.isEmpty || tail.count == 1 || (tail.count == 2 && tail[0] == "params" && method.param(named: tail[1]) != nil)
        case "streams":
            guard let streams = spec.streams else { return false }
            guard rest.first == "definitions" else { return rest.count <= 1 }
            guard rest.count >= 2, let stream = streams.definition(id: rest[1]) else { return false }
            return rest.count <= 3 || (rest.count == 4 && rest[2] == "variables" && stream.variables.contains { $0.name.value == rest[3] })
        case "messageCatalogs":
            return rest.count >= 1 && spec.messageCatalogs.contains { $0.name.value == rest[0] }
        default:
            return rest.isEmpty && topLevelKeys.contains(head) || ["auth", "servers", "rateLimits", "httpStatus", "envelope", "errorFormat"].contains(head)
        }
    }

    static let topLevelKeys: Set = [
        "api", "title", "module", "description", "docs", "servers", "auth", "security", "requestDefaults", "envelope", "errorFormat", "httpStatus", "rateLimits",
    ]

    static func endpointPath(_ rest: [String], _ endpoint: Endpoint) -> Bool {
        guard let key = rest.first else { return true }
        switch key {
        case "params":
            return rest.count == 2 && endpoint.param(named: rest[1]) != nil
        case "rules", "examples":
            return rest.count <= 2
        case "response":
            return endpoint.response != nil
        case "webSocket":
            guard let twin = endpoint.webSocket else { return false }
            if rest.count == 3, rest[1] == "params" { return twin.extraParams.contains { $0.name.value == rest[2] } }
            return rest.count <= 2
        default:
            return rest.count == 1
                && ["summary", "description", "method", "path", "security", "weight", "unfilledOrderCount", "dataSource", "source", "request", "notes"].contains(key)
        }
    }
}
