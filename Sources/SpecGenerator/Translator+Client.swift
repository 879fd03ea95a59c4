import Foundation
import SpecModel

extension Translator {
    func client() -> ClientContext {
        let clientName = Naming.clientType(module: spec.module.value)
        var fixed: [ServerContext] = []
        var templated: [TemplatedServerContext] = []
        var usedNames = Set<String>()
        for server in spec.servers {
            let url = server.url.value
            let names = templateNames(url)
            if names.isEmpty {
                var name = Naming.lowerCamel(URL(string: url)?.host ?? url)
                while !usedNames.insert(name).inserted { name += "_" }
                fixed.append(ServerContext(doc: SwiftText.doc([server.description ?? "`\(url)`"], facts: [("URL", "`\(url)`")]), name: name, url: SwiftText.literal(url)))
            } else {
                let variables = server.variables
                templated.append(
                    TemplatedServerContext(
                        doc: SwiftText.doc([server.description ?? "A server at `\(url)`."], facts: variables.map { ("`\($0.name.value)`", $0.description) }),
                        name: templated.isEmpty ? "custom" : "custom\(templated.count + 1)",
                        template: SwiftText.literal(url),
                        variables: names.map { name in
                            TemplateVariableContext(
                                name: Naming.property(name), placeholder: SwiftText.literal("{\(name)}"),
                                defaultValue: variables.first { $0.name.value == name }?.defaultValue.map(SwiftText.literal))
                        }))
            }
        }
        let methods = spec.endpoints.map { endpoint in
            let level = spec.securityLevel(named: endpoint.security.value)
            let section = endpoint.source.map { s in s.section.map { "\(s.doc), “\($0)”" } ?? s.doc }
            let facts: [(String, String?)] = [
                ("Endpoint", "`\(endpoint.method.rawValue) \(endpoint.path.value)`"),
                ("Weight", weightText(endpoint.weight)),
                ("Unfilled order count", endpoint.unfilledOrderCount.map(String.init)),
                ("Security", endpoint.security.value + (level?.description.map { " (\($0))" } ?? "")),
                ("Data source", endpoint.dataSource),
                ("Docs", section),
                ("Deprecated", endpoint.deprecated ? "yes" : nil),
            ]
            return MethodContext(
                doc: SwiftText.doc([endpoint.summary, endpoint.description] + endpoint.notes.map { "Note: \($0)" }, facts: facts),
                name: Naming.method(endpoint: endpoint.id.value),
                requestType: Naming.requestType(endpoint: endpoint.id.value),
                responseType: responseType(endpoint),
                defaultArgument: !requestParams(endpoint).contains(where: \.required) && !emptyRequestBreaksARule(endpoint))
        }
        return ClientContext(
            header: header,
            doc: SwiftText.doc(
                ["A client for \(spec.title).", spec.description?.split(separator: "\n").first.map(String.init)],
                facts: spec.docs.map { ("Docs", [$0.file, $0.date].compactMap { $0 }.joined(separator: ", ")) }),
            name: clientName, errorType: Naming.errorType(module: spec.module.value),
            servers: fixed, templatedServers: templated, defaultServer: fixed.first?.name,
            profile: profile(), credentialInits: credentialInits(), methods: methods)
    }

    /// One initialiser per credential kind of the spec's `auth`, so a credential of another kind does not compile.
    func credentialInits() -> [CredentialInitContext] {
        var inits: [CredentialInitContext] = []
        if let signing = spec.auth?.signing {
            switch signing.payload {
            case .queryThenBody?:
                let names: [SigningScheme: String] = [.hmacSHA256: "`HMACSHA256Signer`", .rsaPKCS1SHA256: "`RSASigner`", .ed25519: "`Ed25519Signer`"]
                inits.append(
                    CredentialInitContext(
                        doc: "signs with `signer` (\(signing.schemes.compactMap { names[$0] }.joined(separator: ", "))) and sends `apiKey`",
                        parameters: ["apiKey: String", "signer: any RequestSigner"], credentials: ".signed(apiKey: apiKey, signer: signer)"))
            case .sortedRequestParts?:
                inits.append(
                    CredentialInitContext(
                        doc: "signs the request's parts with `signer` (`DFXSigner`, Ed25519) and sends `apiKey`",
                        parameters: ["apiKey: String", "signer: DFXSigner"], credentials: ".partsSigned(apiKey: apiKey, signer: signer)"))
            case .timestampMethodPathBody?:
                let encoding = signing.encoding ?? .hex
                inits.append(
                    CredentialInitContext(
                        doc: "signs with HMAC-SHA256 of `secret` (\(encoding.rawValue)) and sends `apiKey` and `passphrase`",
                        parameters: ["apiKey: String", "passphrase: Secret", "secret: Secret"],
                        credentials:
                            ".passphraseSigned(apiKey: apiKey, passphrase: passphrase, signer: HMACSHA256Signer(secret: secret, encoding: .\(encoding.rawValue)))"))
            case nil:
                break
            }
        }
        if spec.auth?.bearer != nil {
            inits.append(
                CredentialInitContext(
                    doc: "sends bearer tokens from `tokens` (refreshed once after a 401)",
                    parameters: ["tokens: any TokenProvider"], credentials: ".bearer(tokens)"))
        }
        return inits
    }

    /// The runtime authenticator the spec's `auth.signing.payload` selects, as Swift; "nil" when nothing is signed.
    func signingAuthenticator() -> String {
        guard let signing = spec.auth?.signing else { return "nil" }
        func lit(_ text: String?) -> String { SwiftText.literal(text ?? "") }
        switch signing.payload {
        case .queryThenBody?: return "SignatureParameterAuthenticator(parameter: \(lit(signing.signatureParam)))"
        case .sortedRequestParts?: return "SortedPartsAuthenticator(header: \(lit(signing.signatureHeader)))"
        case .timestampMethodPathBody?:
            return "TimestampMethodPathBodyAuthenticator(header: \(lit(signing.signatureHeader)), passphraseHeader: \(lit(signing.passphraseHeader)))"
        case nil: return "nil"
        }
    }

    func profile() -> ProfileContext {
        let auth = spec.auth
        func lit(_ text: String?) -> String { text.map(SwiftText.literal) ?? "nil" }
        var codeField: String?
        var messageField = "nil"
        if case let .codeMessage(code, _, message) = spec.errorFormat {
            codeField = SwiftText.literal(code)
            messageField = SwiftText.literal(message)
        } else if let envelope = spec.envelope, spec.errorFormat == nil {
            codeField = SwiftText.literal(envelope.code)
            messageField = SwiftText.literal(envelope.message)
        }
        func serverTime(_ sync: Auth.TimeSync?) -> String {
            guard let sync, let endpoint = spec.endpoints.first(where: { $0.id.value == sync.endpoint.value }) else { return "nil" }
            let codes = sync.rejectionCodes.map { SwiftText.literal($0.value) }.joined(separator: ", ")
            return "ServerTimeSync(path: \(SwiftText.literal(endpoint.path.value)), field: \(SwiftText.literal(sync.field)), rejectionCodes: [\(codes)])"
        }
        let rules = spec.httpStatus
        return ProfileContext(
            name: SwiftText.literal(spec.api.value),
            apiKeyHeader: lit(auth?.apiKeyHeader), signing: signingAuthenticator(),
            bearer: auth?.bearer.map { "BearerAuthenticator(header: \(SwiftText.literal($0.header)))" } ?? "nil",
            timestampParam: lit(auth?.timestampParam), timestampHeader: lit(auth?.timestampHeader),
            timestampFormat: (auth?.timestampFormat ?? .milliseconds).rawValue, recvWindowParam: lit(auth?.recvWindow?.param),
            recvWindowDefault: auth?.recvWindow?.defaultValue.map(String.init) ?? "nil",
            recvWindowMax: auth?.recvWindow?.max.map(String.init) ?? "nil",
            recvWindowFractionDigits: auth?.recvWindow?.fractionDigits.map(String.init) ?? "nil",
            timeUnit: auth?.timeUnit.map {
                "TimeUnitHeader(name: \(SwiftText.literal($0.header)), millisecond: \(SwiftText.literal($0.millisecond)), "
                    + "microsecond: \(SwiftText.literal($0.microsecond)))"
            } ?? "nil",
            serverTime: serverTime(auth?.timeSync),
            errorCodeField: codeField, errorMessageField: messageField,
            envelope: spec.envelope.map {
                EnvelopeContext(
                    code: SwiftText.literal($0.code), message: SwiftText.literal($0.message), data: SwiftText.literal($0.data), success: SwiftText.literal($0.success))
            },
            statusRules: rules.map { StatusRuleContext(pattern: SwiftText.literal($0.status.value), meaning: $0.meaning.rawValue) },
            usedWeightHeader: lit(spec.rateLimits?.usedWeightHeader), orderCountHeader: lit(spec.rateLimits?.orderCountHeader),
            retryAfterHeader: lit(spec.rateLimits?.retryAfterHeader))
    }
}
