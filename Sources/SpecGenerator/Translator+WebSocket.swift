import Foundation
import SpecModel

extension Translator {
    func webSocketClient() throws -> WebSocketClientFileContext {
        guard let api = spec.webSocketAPI else { return WebSocketClientFileContext(header: header, body: nil) }
        let module = spec.module.value
        let servers = socketServers(api.servers)
        let twins = try spec.endpoints.compactMap { endpoint -> WebSocketTwinContext? in
            guard let twin = endpoint.webSocket else { return nil }
            if !twin.extraParams.isEmpty || !twin.omitParams.isEmpty || twin.response != nil || twin.weight != nil {
                throw TranslationError(
                    diagnostic: Diagnostic(
                        .error, "the generator cannot express a WebSocket twin whose parameters, weight or answer differ from REST's yet", at: twin.location))
            }
            let facts: [(String, String?)] = [
                ("Method", "`\(twin.method.value)`"), ("REST", "`\(endpoint.method.rawValue) \(endpoint.path.value)`"),
                ("Weight", weightText(endpoint.weight)), ("Security", endpoint.security.value),
            ]
            return WebSocketTwinContext(
                doc: SwiftText.doc([endpoint.summary] + twin.notes.map { "Note: \($0)" }, facts: facts),
                name: Naming.method(endpoint: endpoint.id.value), wireName: SwiftText.literal(twin.method.value),
                requestType: Naming.requestType(endpoint: endpoint.id.value), responseType: responseType(endpoint),
                defaultArgument: !requestParams(endpoint).contains(where: \.required) && !emptyRequestBreaksARule(endpoint))
        }
        return WebSocketClientFileContext(
            header: header,
            body: WebSocketClientContext(
                doc: SwiftText.doc([
                    "A client for the WebSocket API of \(spec.title): the REST client's requests and answers over one connection, with "
                        + "session logon, user data events and reconnection. Takes the same request values as `\(Naming.clientType(module: module))`."
                ]),
                name: module + "WebSocketClient", restClient: Naming.clientType(module: module), errorType: Naming.errorType(module: module),
                servers: servers, defaultServer: servers.first?.name, profile: socketProfile(api),
                credentialInits: credentialInits().filter { $0.credentials.hasPrefix(".signed") }, twins: twins,
                methods: api.methods.map { socketMethod($0, api: api) }))
    }

    /// Servers named after host and port (`wsApiBinanceCom9443`); the scheme's own port is left out.
    func socketServers(_ servers: [Server]) -> [ServerContext] {
        var used = Set<String>()
        return servers.compactMap { server in
            let url = server.url.value
            guard templateNames(url).isEmpty, let parsed = URL(string: url), let host = parsed.host else { return nil }
            let defaultPort = parsed.scheme == "wss" ? 443 : 80
            var name = Naming.lowerCamel(host + (parsed.port.map { $0 == defaultPort ? "" : "-\($0)" } ?? ""))
            while !used.insert(name).inserted { name += "_" }
            return ServerContext(doc: SwiftText.doc([server.description ?? "`\(url)`"], facts: [("URL", "`\(url)`")]), name: name, url: SwiftText.literal(url))
        }
    }

    func socketProfile(_ api: WebSocketAPI) -> String {
        func lit(_ text: String?) -> String { text.map(SwiftText.literal) ?? "nil" }
        let info = { (method: WebSocketMethod?) in method.map { "Methods.\(socketMethodName($0))" } ?? "nil" }
        let arguments = [
            "idField: \(lit(api.request.id))", "methodField: \(lit(api.request.method))", "paramsField: \(lit(api.request.params))",
            "statusField: \(lit(api.response.status))", "resultField: \(lit(api.response.result))", "errorField: \(lit(api.response.error))",
            "rateLimitsField: \(lit(api.response.rateLimits))", "apiKeyParam: \(lit(api.apiKeyParam))",
            "signatureParam: \(lit(spec.auth?.signing?.signatureParam))", "subscriptionIdField: \(lit(api.events?.subscriptionId))",
            "eventField: \(lit(api.events?.event))", "logonMethod: \(info(api.method(session: "logon")))",
            "unsubscribeMethod: \(info(api.method(events: "unsubscribe")))",
            "eventTypeField: \(lit(api.events?.shutdown == nil ? nil : api.events?.typeField(in: spec)))",
            "shutdownEvent: \(lit(api.events?.shutdown?.value))",
        ]
        return "WebSocketAPIProfile(\n        " + arguments.joined(separator: ",\n        ") + ")"
    }

    func socketMethodName(_ method: WebSocketMethod) -> String {
        method.swiftName.map { Naming.escaped($0.value) } ?? Naming.method(endpoint: method.name.value)
    }

    func socketMethod(_ method: WebSocketMethod, api: WebSocketAPI) -> WebSocketMethodContext {
        let level = spec.securityLevel(named: method.security.value)
        let auth = Set([api.apiKeyParam, spec.auth?.signing?.signatureParam, spec.auth?.timestampParam, spec.auth?.recvWindow?.param].compactMap { $0 })
        let arguments = method.params.filter { !auth.contains($0.name.value) }.map { param in
            let name = Naming.property(param.name.value, swiftName: param.swiftName)
            let type = swiftType(param.type.value)
            return WebSocketArgumentContext(
                declaration: param.required ? "\(name): \(type)" : "\(name): \(type)? = nil", name: name, wireName: SwiftText.literal(param.name.value))
        }
        let security = "SecurityRequirement(apiKey: \(level?.apiKey ?? false), signed: \(level?.signed ?? false), timestamp: \(level?.timestamp ?? false))"
        let weight: Int
        if case let .fixed(fixed)? = method.weight { weight = fixed } else { weight = 1 }
        let info =
            "WebSocketMethodInfo(\n            name: \(SwiftText.literal(method.name.value)), security: \(security),\n"
            + "            weight: \(weight), requiresLogon: \(method.requiresLogon))"
        let section = method.source.map { s in s.section.map { "\(s.doc), “\($0)”" } ?? s.doc }
        let facts: [(String, String?)] = [
            ("Method", "`\(method.name.value)`"), ("Weight", weightText(method.weight)), ("Security", method.security.value),
            ("Needs a logged-on connection", method.requiresLogon ? "yes (the client logs on first)" : nil), ("Docs", section),
        ]
        let role = method.events?.value ?? method.session?.value
        let response = method.response.map { response in response.type.map { swiftType($0.value) } ?? "EmptyResponse" } ?? "EmptyResponse"
        let event = api.events.map { swiftType($0.payload.value) } ?? "JSONValue"
        let name = socketMethodName(method)
        let parameters = arguments.isEmpty ? "" : ", parameters: parameters"
        let call: String
        switch role {
        case "logon": call = "runtime.logon(as: \(response).self)"
        case "logout": call = "runtime.logout(Methods.\(name), as: \(response).self)"
        case "subscribe": call = "runtime.subscribe(Methods.\(name)\(parameters), as: \(event).self)"
        case "unsubscribe": call = "runtime.unsubscribe(Methods.\(name)\(parameters), as: \(response).self)"
        default: call = "runtime.call(Methods.\(name)\(parameters), as: \(response).self)"
        }
        return WebSocketMethodContext(
            doc: SwiftText.doc([method.summary, method.description] + method.notes.map { "Note: \($0)" }, facts: facts),
            name: name, infoName: name, info: info, arguments: arguments, hasArguments: !arguments.isEmpty,
            returnType: role == "subscribe" ? "AsyncThrowingStream<\(event), any Error>" : response, call: "try await " + call)
    }
}
