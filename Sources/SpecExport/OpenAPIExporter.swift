import SpecModel

/// Turns a loaded spec into an OpenAPI 3.1 document: what OpenAPI can say in its own terms, the rest
/// (weights, rules, error catalogs, errata, signing details) as `x-` extensions.
public struct OpenAPIExporter: Sendable {
    /// The spec being exported.
    public let spec: Spec

    /// An exporter for `spec`.
    public init(spec: Spec) {
        self.spec = spec
    }

    /// The OpenAPI version written.
    public static let openAPIVersion = "3.1.0"

    /// The whole document.
    public func document() -> OpenAPIValue {
        .build { doc in
            doc.set("openapi", .string(Self.openAPIVersion))
            doc.set("info", info())
            doc.set("servers", list: spec.servers.map(server))
            doc.set("paths", paths())
            doc.set("components", components())
            doc.set("x-api", .string(spec.api.value))
            doc.set("x-module", .string(spec.module.value))
            doc.set("x-auth", auth())
            doc.set("x-security-levels", object: securityLevels())
            doc.set(
                "x-request-defaults",
                spec.requestEncoding.map { encoding in
                    .build { $0.set("encoding", .string(encoding.rawValue)) }
                })
            doc.set("x-http-status", list: spec.httpStatus.map(statusRule))
            doc.set("x-rate-limits", rateLimits())
            doc.set("x-errors", list: spec.errors.map(errorCode))
            doc.set("x-message-catalogs", list: spec.messageCatalogs.map(messageCatalog))
            doc.set("x-errata", list: spec.errata.map(erratum))
            doc.set("x-websocket-api", webSocketAPI())
            doc.set("x-streams", streams())
        }
    }

    /// The document as YAML text.
    public func yaml() throws -> String {
        try document().yaml()
    }

    func info() -> OpenAPIValue {
        .build { info in
            info.set("title", .string(spec.title))
            info.set("version", .string("specgen-\(spec.formatVersion)"))
            info.set("description", spec.description)
            info.set(
                "x-docs",
                list: spec.docs.map { doc in
                    .build {
                        $0.set("file", .string(doc.file))
                        $0.set("title", doc.title)
                        $0.set("date", doc.date)
                        $0.set("url", doc.url)
                    }
                })
        }
    }

    func server(_ server: Server) -> OpenAPIValue {
        .build { out in
            out.set("url", .string(server.url.value))
            out.set("description", server.description)
            out.set(
                "variables",
                object: server.variables.map { variable in
                    // OpenAPI requires a default; a variable the client must supply gets an empty one, marked.
                    .init(
                        key: variable.name.value,
                        value: .build {
                            $0.set("default", .string(variable.defaultValue ?? ""))
                            $0.set("description", variable.description)
                            $0.flag("x-required", variable.defaultValue == nil)
                        })
                })
        }
    }
}
