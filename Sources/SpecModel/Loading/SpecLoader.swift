import Foundation
import Yams

/// Loads spec files into `Spec` values with diagnostics. Never throws and never traps on bad input.
public enum SpecLoader {
    /// The result of loading one file: the spec when it could be read at all, and every diagnostic.
    public struct Result: Sendable {
        public var spec: Spec?
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Loads and validates the file at `path` (reported as `displayPath`, e.g. `specs/x.yaml`).
    public static func load(path: String, displayPath: String? = nil) -> Result {
        let shown = displayPath ?? path
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return load(data: data, file: shown)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot read the file"
            return Result(spec: nil, diagnostics: [Diagnostic(.error, reason, at: SourceLocation(file: shown, line: 1, column: 1))])
        }
    }

    /// Loads and validates spec text.
    public static func load(data: Data, file: String) -> Result {
        let (root, parseDiagnostics) = YAMLSource.parse(data, file: file)
        guard let root else { return Result(spec: nil, diagnostics: parseDiagnostics) }
        let ctx = LoadContext(file: file)
        let spec = SpecReader(ctx: ctx).readSpec(root)
        var diagnostics = ctx.diagnostics
        if let spec, !ctx.exhausted {
            diagnostics += SpecValidator(spec: spec).validate()
        }
        return Result(spec: spec, diagnostics: diagnostics.sortedByLocation)
    }

    /// Loads from a string (tests, snippets).
    public static func load(yaml: String, file: String = "spec.yaml") -> Result {
        load(data: Data(yaml.utf8), file: file)
    }
}

/// Turns the node tree into the typed model; structural problems become diagnostics.
struct SpecReader {
    let ctx: LoadContext

    func readSpec(_ root: Node) -> Spec? {
        let keys = [
            "specgen", "api", "title", "module", "description", "docs", "servers", "auth", "security",
            "requestDefaults", "envelope", "errorFormat", "httpStatus", "rateLimits", "enums", "models", "errors",
            "messageCatalogs", "endpoints", "errata", "webSocketAPI", "streams",
        ]
        guard let top = MappingReader(root, ctx, what: "the spec", allowed: keys) else { return nil }
        let version = top.int("specgen", required: true)
        if let version, version != 1 {
            ctx.error("unsupported spec format version \(version); this specgen reads version 1", at: top["specgen"]!)
        }
        let api = top.string("api", required: true)
        let title = top.text("title", required: true)
        let module = top.string("module", required: true)
        // An id that failed to read was reported already; keep it empty so checks of its form stay quiet.
        let fallback = Located("", at: top.location)
        var spec = Spec(file: ctx.file, formatVersion: version ?? 1, api: api ?? fallback, title: title ?? "", module: module ?? fallback)
        spec.description = top.text("description")
        spec.docs = top.list("docs").compactMap(readDoc)
        spec.servers = top.list("servers", required: true).compactMap(readServer)
        spec.auth = top["auth"].flatMap(readAuth)
        spec.security = named(top, "security", what: "security level", read: readSecurityLevel)
        if let defaults = top["requestDefaults"], let reader = MappingReader(defaults, ctx, what: "requestDefaults", allowed: ["encoding"]) {
            spec.requestEncoding = reader.oneOf("encoding")
        }
        spec.envelope = top["envelope"].flatMap(readEnvelope)
        spec.errorFormat = top["errorFormat"].flatMap(readErrorFormat)
        spec.httpStatus = top.list("httpStatus").compactMap(readStatusRule)
        spec.rateLimits = top["rateLimits"].flatMap(readRateLimits)
        spec.enums = named(top, "enums", what: "enum", read: readEnum)
        spec.models = named(top, "models", what: "model", read: readModel)
        spec.errors = top.list("errors").compactMap(readErrorCode)
        spec.messageCatalogs = top.list("messageCatalogs").compactMap(readMessageCatalog)
        if top["endpoints"] == nil { top.missing("endpoints") }
        spec.endpoints = named(top, "endpoints", what: "endpoint", read: readEndpoint)
        spec.errata = top.list("errata").compactMap(readErratum)
        spec.webSocketAPI = top["webSocketAPI"].flatMap(readWebSocketAPI)
        spec.streams = top["streams"].flatMap(readStreams)
        return spec
    }

    /// Reads a mapping of name → definition, in document order.
    func named<T>(_ top: MappingReader, _ key: String, what: String, read: (Located<String>, Node) -> T?) -> [T] {
        guard let node = top[key], let reader = MappingReader(node, ctx, what: "'\(key)'", allowed: nil) else { return [] }
        return reader.entries.compactMap { entry in
            read(Located(entry.key, at: ctx.location(of: entry.keyNode)), entry.value)
        }
    }

    // MARK: Header sections

    func readDoc(_ node: Node) -> DocReference? {
        guard let r = MappingReader(node, ctx, what: "a docs entry", allowed: ["file", "title", "date", "url"]) else { return nil }
        return DocReference(file: r.text("file", required: true) ?? "", title: r.text("title"), date: r.text("date"), url: r.text("url"))
    }

    func readServer(_ node: Node) -> Server? {
        guard let r = MappingReader(node, ctx, what: "a server", allowed: ["url", "description", "variables"]) else { return nil }
        guard let url = r.string("url", required: true) else { return nil }
        var variables: [ServerVariable] = []
        if let vars = r["variables"], let vr = MappingReader(vars, ctx, what: "server variables", allowed: nil) {
            for entry in vr.entries {
                guard let v = MappingReader(entry.value, ctx, what: "server variable '\(entry.key)'", allowed: ["description", "default"]) else { continue }
                variables.append(
                    ServerVariable(name: Located(entry.key, at: ctx.location(of: entry.keyNode)), description: v.text("description"), defaultValue: v.text("default")))
            }
        }
        return Server(url: url, description: r.text("description"), variables: variables)
    }

    func readAuth(_ node: Node) -> Auth? {
        guard let r = MappingReader(node, ctx, what: "auth", allowed: ["apiKey", "signing", "timestamp", "recvWindow", "timeUnit", "bearer", "description"]) else {
            return nil
        }
        var auth = Auth(location: r.location)
        if let n = r["apiKey"], let k = MappingReader(n, ctx, what: "auth.apiKey", allowed: ["header"]) {
            auth.apiKeyHeader = k.text("header", required: true)
        }
        if let n = r["signing"],
            let s = MappingReader(n, ctx, what: "auth.signing", allowed: ["schemes", "signatureParam", "signatureHeader", "payload", "encoding", "passphraseHeader"])
        {
            let schemes = s.strings("schemes", required: true, lenient: true).compactMap { text -> SigningScheme? in
                if let scheme = SigningScheme(rawValue: text.value) { return scheme }
                let choices = SigningScheme.allCases.map(\.rawValue).joined(separator: ", ")
                ctx.report(.error, "unknown signing scheme '\(text.value)'; expected one of \(choices)", at: text.location)
                return nil
            }
            auth.signing = Auth.Signing(
                schemes: schemes, signatureParam: s.text("signatureParam"), signatureHeader: s.text("signatureHeader"), payload: s.oneOf("payload", required: true),
                encoding: s.oneOf("encoding"), passphraseHeader: s.text("passphraseHeader"), location: s.location)
        }
        if let n = r["timestamp"], let t = MappingReader(n, ctx, what: "auth.timestamp", allowed: ["param", "header", "sync", "format"]) {
            auth.timestampParam = t.text("param")
            if let format: Auth.TimestampFormat = t.oneOf("format") { auth.timestampFormat = format }
            auth.timestampHeader = t.text("header")
            if auth.timestampParam == nil, auth.timestampHeader == nil { ctx.error("auth.timestamp needs 'param' or 'header'", at: n) }
            if let s = t["sync"], let sync = MappingReader(s, ctx, what: "auth.timestamp.sync", allowed: ["endpoint", "field", "rejectionCodes"]),
                let endpoint = sync.string("endpoint", required: true), let field = sync.text("field", required: true)
            {
                auth.timeSync = Auth.TimeSync(endpoint: endpoint, field: field, rejectionCodes: sync.strings("rejectionCodes", required: true))
            }
        }
        if let n = r["recvWindow"], let w = MappingReader(n, ctx, what: "auth.recvWindow", allowed: ["param", "default", "max", "fractionDigits"]) {
            let digits = w.int("fractionDigits")
            if let digits, !(0...9).contains(digits) { ctx.error("auth.recvWindow.fractionDigits must be between 0 and 9", at: n) }
            let window = Auth.RecvWindow(
                param: w.text("param", required: true) ?? "", defaultValue: w.int("default", limit: .recvWindow),
                max: w.int("max", limit: .recvWindow), fractionDigits: digits)
            if let value = window.defaultValue, let max = window.max, value > max, let node = w["default"] {
                ctx.error("recvWindow default \(value) is above its max \(max)", at: node)
            }
            auth.recvWindow = window
        }
        if let n = r["timeUnit"], let t = MappingReader(n, ctx, what: "auth.timeUnit", allowed: ["header", "millisecond", "microsecond"]) {
            auth.timeUnit = Auth.TimeUnit(
                header: t.text("header", required: true) ?? "", millisecond: t.text("millisecond", required: true) ?? "",
                microsecond: t.text("microsecond", required: true) ?? "")
        }
        if let n = r["bearer"], let b = MappingReader(n, ctx, what: "auth.bearer", allowed: ["header", "refreshable"]) {
            auth.bearer = Auth.Bearer(header: b.text("header") ?? "Authorization", refreshable: b.bool("refreshable") ?? false)
        }
        return auth
    }

    func readSecurityLevel(_ name: Located<String>, _ node: Node) -> SecurityLevel? {
        guard let r = MappingReader(node, ctx, what: "security level '\(name.value)'", allowed: ["apiKey", "signed", "timestamp", "bearer", "description"]) else {
            return nil
        }
        return SecurityLevel(
            name: name, apiKey: r.bool("apiKey") ?? false, signed: r.bool("signed") ?? false, timestamp: r.bool("timestamp") ?? false, bearer: r.bool("bearer") ?? false,
            description: r.text("description"))
    }

    func readEnvelope(_ node: Node) -> Envelope? {
        guard let r = MappingReader(node, ctx, what: "envelope", allowed: ["code", "message", "data", "success", "extraFields"]) else { return nil }
        return Envelope(
            code: r.text("code", required: true) ?? "", message: r.text("message", required: true) ?? "", data: r.text("data", required: true) ?? "",
            success: r.text("success", required: true) ?? "", extraFields: r.list("extraFields").compactMap { readField($0, owner: "envelope") }, location: r.location)
    }

    func readErrorFormat(_ node: Node) -> ErrorFormat? {
        if case let .scalar(scalar) = node, scalar.string == "none" { return ErrorFormat.none }
        guard let r = MappingReader(node, ctx, what: "errorFormat", allowed: ["code", "message"]) else { return nil }
        guard let codeNode = r["code"] else { r.missing("code"); return nil }
        guard let c = MappingReader(codeNode, ctx, what: "errorFormat.code", allowed: ["field", "type"]) else { return nil }
        let type = c.string("type").flatMap { readType($0) } ?? Located(.int, at: c.location)
        return .codeMessage(codeField: c.text("field", required: true) ?? "code", codeType: type.value, messageField: r.text("message", required: true) ?? "msg")
    }

    func readStatusRule(_ node: Node) -> HTTPStatusRule? {
        guard let r = MappingReader(node, ctx, what: "an httpStatus entry", allowed: ["status", "meaning", "description"]) else { return nil }
        guard let status = r.string("status", required: true), let meaning: StatusMeaning = r.oneOf("meaning", required: true) else { return nil }
        let valid = status.value.range(of: #"^[1-5]([0-9]{2}|XX)$"#, options: .regularExpression) != nil
        if !valid { ctx.report(.error, "HTTP status '\(status.value)' must be a code such as 429 or a class such as 5XX", at: status.location) }
        return HTTPStatusRule(status: status, meaning: meaning, description: r.text("description"))
    }

    func readRateLimits(_ node: Node) -> RateLimits? {
        guard let r = MappingReader(node, ctx, what: "rateLimits", allowed: ["limiters", "headers", "description"]) else { return nil }
        let limiters = r.list("limiters").compactMap { n -> RateLimits.Limiter? in
            guard let l = MappingReader(n, ctx, what: "a rate limiter", allowed: ["type", "interval", "intervalNum", "limit"]) else { return nil }
            let interval = l.string("interval", required: true)
            if let interval, !SpecLimit.intervals.contains(interval.value) {
                let choices = SpecLimit.intervals.joined(separator: ", ")
                ctx.report(.error, "rate limiter interval must be one of \(choices), found '\(interval.value)'", at: interval.location)
            }
            return RateLimits.Limiter(
                type: l.text("type", required: true) ?? "", interval: interval?.value ?? "", intervalNum: l.int("intervalNum", required: true, limit: .intervalNum) ?? 1,
                limit: l.int("limit", required: true, limit: .rateLimit) ?? 1)
        }
        var limits = RateLimits(limiters: limiters, description: r.text("description"))
        if let h = r["headers"], let hr = MappingReader(h, ctx, what: "rateLimits.headers", allowed: ["usedWeight", "orderCount", "retryAfter"]) {
            limits.usedWeightHeader = hr.text("usedWeight")
            limits.orderCountHeader = hr.text("orderCount")
            limits.retryAfterHeader = hr.text("retryAfter")
        }
        return limits
    }

    // MARK: Enums, models, errors

    func readEnum(_ name: Located<String>, _ node: Node) -> EnumDef? {
        guard let r = MappingReader(node, ctx, what: "enum '\(name.value)'", allowed: ["description", "values", "docsName"]) else { return nil }
        let values = r.list("values", required: true).compactMap { n -> EnumDef.Value? in
            if case let .scalar(s) = n { return EnumDef.Value(value: Located(s.string, at: ctx.location(of: n)), deprecated: false) }
            guard let v = MappingReader(n, ctx, what: "a value of enum '\(name.value)'", allowed: ["value", "description", "swiftName", "deprecated"]),
                let value = v.string("value", required: true)
            else { return nil }
            return EnumDef.Value(value: value, description: v.text("description"), swiftName: v.text("swiftName"), deprecated: v.bool("deprecated") ?? false)
        }
        return EnumDef(name: name, description: r.text("description"), values: values)
    }

    func readModel(_ name: Located<String>, _ node: Node) -> Model? {
        let keys = ["description", "fields", "positional", "discriminator", "variants", "tradingRules"]
        guard let r = MappingReader(node, ctx, what: "model '\(name.value)'", allowed: keys) else { return nil }
        let kinds = ["fields", "positional", "discriminator"].filter { r[$0] != nil }
        guard kinds.count == 1 else {
            ctx.error("model '\(name.value)' must have exactly one of 'fields', 'positional' or 'discriminator'", at: node)
            return nil
        }
        let kind: Model.Kind
        switch kinds[0] {
        case "fields": kind = .object(r.list("fields").compactMap { readField($0, owner: "model '\(name.value)'") })
        case "positional": kind = .positional(r.list("positional").compactMap { readField($0, owner: "model '\(name.value)'") })
        default:
            guard let discriminator = r.string("discriminator"),
                let variantsNode = r["variants"]
                    ?? {
                        r.missing("variants"); return nil
                    }(),
                let vr = MappingReader(variantsNode, ctx, what: "variants of model '\(name.value)'", allowed: nil)
            else { return nil }
            let variants = vr.entries.compactMap { entry -> Model.Variant? in
                guard let model = vr.scalarText(entry.value, key: entry.key) else { return nil }
                return Model.Variant(value: Located(entry.key, at: ctx.location(of: entry.keyNode)), model: model)
            }
            kind = .polymorphic(discriminator: discriminator, variants: variants)
        }
        var model = Model(name: name, description: r.text("description"), kind: kind)
        model.tradingRules = r["tradingRules"].flatMap { readTradingRules($0, model: name.value) }
        return model
    }

    func readField(_ node: Node, owner: String) -> Field? {
        let keys = ["name", "type", "description", "optional", "nullable", "condition", "docsType", "swiftName", "deprecated"]
        guard let r = MappingReader(node, ctx, what: "a field of \(owner)", allowed: keys), let name = r.string("name", required: true) else { return nil }
        guard let type = r.string("type", required: true).flatMap({ readType($0) }) else { return nil }
        return Field(
            name: name, type: type, description: r.text("description"), optional: r.bool("optional") ?? false, nullable: r.bool("nullable") ?? false,
            condition: r.text("condition"), docsType: r.text("docsType"), swiftName: r.text("swiftName"), deprecated: r.bool("deprecated") ?? false)
    }

    func readType(_ text: Located<String>) -> Located<TypeRef>? {
        guard let type = TypeRef(parsing: text.value) else {
            ctx.report(
                .error,
                "'\(text.value)' is not a type; expected a type word (STRING, DECIMAL, LONG, INT, BOOLEAN, DATETIME, JSON, EMPTY), an enum or model name, ARRAY OF … or MAP OF …",
                at: text.location)
            return nil
        }
        return Located(type, at: text.location)
    }

    func readErrorCode(_ node: Node) -> ErrorCode? {
        guard let r = MappingReader(node, ctx, what: "an error entry", allowed: ["code", "name", "description"]) else { return nil }
        guard let code = r.string("code", required: true), let name = r.string("name", required: true) else { return nil }
        let numeric = r["code"]?.int != nil && r["code"]?.scalar?.style == .plain
        return ErrorCode(code: code, isNumeric: numeric, name: name, description: r.text("description"))
    }

    func readMessageCatalog(_ node: Node) -> MessageCatalog? {
        guard let r = MappingReader(node, ctx, what: "a message catalog", allowed: ["name", "description", "codes", "messages"]),
            let name = r.string("name", required: true)
        else { return nil }
        let messages = r.list("messages", required: true).compactMap { n -> MessageCatalog.Message? in
            guard let m = MappingReader(n, ctx, what: "a message of catalog '\(name.value)'", allowed: ["message", "description"]),
                let text = m.string("message", required: true)
            else { return nil }
            return MessageCatalog.Message(message: text, description: m.text("description"))
        }
        return MessageCatalog(name: name, description: r.text("description"), codes: r.strings("codes"), messages: messages)
    }

    func readErratum(_ node: Node) -> Erratum? {
        guard let r = MappingReader(node, ctx, what: "an errata entry", allowed: ["at", "docsSay", "specSays", "why", "doc"]), let at = r.string("at", required: true)
        else { return nil }
        return Erratum(
            at: at, docsSay: r.text("docsSay", required: true) ?? "", specSays: r.text("specSays", required: true) ?? "", why: r.text("why", required: true) ?? "",
            doc: r.text("doc"))
    }
}
