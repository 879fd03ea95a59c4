import Foundation

/// Checks of the form of texts that end up in URLs or Swift: server URLs, path templates and module names.
/// Each returns a message, or nil when the text is fine.
enum FormChecks {
    /// Why the `{name}` placeholders of a template do not pair up, or nil when they do.
    static func templateProblem(_ template: String) -> String? {
        var name: String? = nil
        for character in template {
            switch (character, name) {
            case ("{", nil): name = ""
            case ("{", _): return "has a '{' inside a placeholder"
            case ("}", nil): return "has a '}' without a '{'"
            case let ("}", placeholder?):
                guard TextForms.isIdentifier(placeholder) else { return "has a placeholder '{\(placeholder)}' that is not a name" }
                name = nil
            case let (_, placeholder?): name = placeholder + String(character)
            default: break
            }
        }
        return name == nil ? nil : "has a '{' that is never closed"
    }

    /// A server URL: balanced placeholders, and with them filled in an absolute http(s) URL with a host and
    /// nothing after the path.
    /// `schemes`: `["http", "https"]` for REST servers, `["ws", "wss"]` for WebSocket ones.
    static func serverURLProblem(_ url: String, schemes: [String] = ["http", "https"]) -> String? {
        if let problem = templateProblem(url) { return "server URL '\(url)' \(problem)" }
        // "0" fits every place a variable may stand: a host label, a port, a path segment.
        let filled = url.replacingOccurrences(of: #"\{[A-Za-z0-9_]*\}"#, with: "0", options: .regularExpression)
        guard let parts = URLComponents(string: filled), let scheme = parts.scheme?.lowercased(), schemes.contains(scheme),
            let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil
        else {
            let example = schemes.contains("wss") ? "wss://stream.example.com" : "https://api.example.com"
            return "server URL '\(url)' must be an absolute \(schemes.joined(separator: " or ")) URL with a host, such as \(example)"
        }
        return nil
    }

    /// Characters a URL path may hold as they are (RFC 3986 `pchar` and `/`); anything else must be percent-encoded.
    static let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/")

    /// A path template: starts with '/', balanced placeholders, and otherwise only path characters and complete
    /// percent-escapes.
    static func pathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "path '\(path)' must start with '/'" }
        if let problem = templateProblem(path) { return "path '\(path)' \(problem)" }
        // Most paths have no placeholder: skip the regular expression (NSString bridging) for them.
        let literal = path.unicodeScalars.contains("{") ? path.replacingOccurrences(of: #"\{[A-Za-z0-9_]*\}"#, with: "", options: .regularExpression) : path
        let scalars = Array(literal.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                let hex = scalars.dropFirst(index + 1).prefix(2)
                guard hex.count == 2, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
                    return "path '\(path)' has a '%' that is not followed by two hex digits"
                }
                index += 3
                continue
            }
            guard pathCharacters.contains(scalar) else {
                let shown = scalar == " " ? "a space" : "'\(scalar)'"
                return "path '\(path)' has \(shown), which a URL path cannot hold; percent-encode it or make it a parameter"
            }
            index += 1
        }
        return nil
    }

    /// Modules a generated client imports or that every Swift program sees: a client module of that name would
    /// shadow them.
    static let reservedModules: Set = [
        "Swift", "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
        "FoundationXML", "CoreFoundation", "Dispatch", "Glibc", "Musl", "Darwin", "WinSDK", "Android", "Bionic",
        "Observation", "Synchronization", "RegexBuilder", "Distributed", "Cxx", "XCTest", "Testing", "ClientRuntime",
        "ClientRuntimeAsyncHTTPClient", "ClientRuntimeURLSession", "Crypto", "Logging", "AsyncHTTPClient", "SpecModel", "SpecGenerator",
        "SpecDocs", "SpecDiff", "SpecExport", "SpecTraffic", "SpecMock", "Yams",
    ]
    /// Keywords that are UpperCamelCase and so pass the identifier pattern.
    static let upperCamelKeywords: Set = ["Any", "Self", "Type", "Protocol"]

    static func moduleProblem(_ module: String) -> String? {
        guard TextForms.isTypeName(module) else {
            return "module '\(module)' must be an UpperCamelCase Swift identifier"
        }
        if upperCamelKeywords.contains(module) { return "module '\(module)' is a Swift keyword" }
        if reservedModules.contains(module) {
            return "module '\(module)' would shadow the module of that name that generated clients use; choose another"
        }
        return nil
    }
}
