import SpecModel

extension OpenAPIExporter {
    /// `apiKey`, `signature` and `bearer` schemes, as far as the spec's auth uses them.
    func securitySchemes() -> [OpenAPIValue.Member] {
        guard let auth = spec.auth else { return [] }
        var schemes: [OpenAPIValue.Member] = []
        if let header = auth.apiKeyHeader {
            schemes.append(.init(key: "apiKey", value: headerKey(header, "The API key.")))
        }
        if let signing = auth.signing, let name = signing.signatureParam ?? signing.signatureHeader {
            schemes.append(
                .init(
                    key: "signature",
                    value: .build {
                        $0.set("type", .string("apiKey"))
                        $0.set("in", .string(signing.signatureParam != nil ? "query" : "header"))
                        $0.set("name", .string(name))
                        $0.set(
                            "description",
                            .string(
                                "A signature of the request (see x-signing); a form body may carry it instead of the query."))
                        $0.set("x-signing", signingValue(signing))
                    }))
        }
        if let header = auth.signing?.passphraseHeader {
            schemes.append(.init(key: "passphrase", value: headerKey(header, "The passphrase chosen when the API key was created.")))
        }
        if let bearer = auth.bearer {
            schemes.append(
                .init(
                    key: "bearer",
                    value: .build {
                        $0.set("type", .string("http"))
                        $0.set("scheme", .string("bearer"))
                        $0.set("description", .string("A bearer token in `\(bearer.header)`."))
                        $0.flag("x-refreshable", bearer.refreshable)
                    }))
        }
        return schemes
    }

    /// An `apiKey` scheme sent in the header `name`.
    private func headerKey(_ name: String, _ description: String) -> OpenAPIValue {
        .build {
            $0.set("type", .string("apiKey"))
            $0.set("in", .string("header"))
            $0.set("name", .string(name))
            $0.set("description", .string(description))
        }
    }

    func signingValue(_ signing: Auth.Signing) -> OpenAPIValue {
        .build {
            $0.set("schemes", .strings(signing.schemes.map(\.rawValue)))
            $0.set("signatureParam", signing.signatureParam)
            $0.set("signatureHeader", signing.signatureHeader)
            $0.set("payload", signing.payload?.rawValue)
            $0.set("encoding", signing.encoding?.rawValue)
            $0.set("passphraseHeader", signing.passphraseHeader)
        }
    }

    /// The operation's security requirements for a level.
    func securityRequirements(_ levelName: String) -> OpenAPIValue {
        guard let level = spec.securityLevel(named: levelName), let auth = spec.auth else { return .array([]) }
        var names: [String] = []
        if level.bearer, auth.bearer != nil { names.append("bearer") }
        if level.apiKey || level.signed, auth.apiKeyHeader != nil { names.append("apiKey") }
        if level.signed, let signing = auth.signing, signing.signatureParam ?? signing.signatureHeader != nil {
            names.append("signature")
            if signing.passphraseHeader != nil { names.append("passphrase") }
        }
        if names.isEmpty { return .array([]) }
        return .array([.object(names.map { .init(key: $0, value: .array([])) })])
    }

    /// `x-auth`: how requests are authenticated, beyond the schemes.
    func auth() -> OpenAPIValue? {
        guard let auth = spec.auth else { return nil }
        return .build { out in
            out.set("apiKeyHeader", auth.apiKeyHeader)
            out.set("signing", auth.signing.map(signingValue))
            out.set("timestampParam", auth.timestampParam)
            out.set("timestampHeader", auth.timestampHeader)
            if auth.timestampFormat != .milliseconds { out.set("timestampFormat", auth.timestampFormat.rawValue) }
            out.set(
                "recvWindow",
                auth.recvWindow.map { window in
                    .build {
                        $0.set("param", .string(window.param))
                        $0.set("default", window.defaultValue.map { .number(String($0)) })
                        $0.set("max", window.max.map { .number(String($0)) })
                        $0.set("fractionDigits", window.fractionDigits.map { .number(String($0)) })
                    }
                })
            out.set(
                "timeUnit",
                auth.timeUnit.map { unit in
                    .build {
                        $0.set("header", .string(unit.header))
                        $0.set("millisecond", .string(unit.millisecond))
                        $0.set("microsecond", .string(unit.microsecond))
                    }
                })
            out.set(
                "bearer",
                auth.bearer.map { bearer in
                    .build {
                        $0.set("header", .string(bearer.header))
                        $0.set("refreshable", .bool(bearer.refreshable))
                    }
                })
        }
    }

    /// `x-security-levels`: every named level and what it demands.
    func securityLevels() -> [OpenAPIValue.Member] {
        spec.security.map { level in
            .init(
                key: level.name.value,
                value: .build {
                    $0.flag("apiKey", level.apiKey)
                    $0.flag("signed", level.signed)
                    $0.flag("timestamp", level.timestamp)
                    $0.flag("bearer", level.bearer)
                    $0.set("description", level.description)
                })
        }
    }
}
