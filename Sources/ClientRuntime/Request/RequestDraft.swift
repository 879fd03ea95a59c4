import Foundation
import HTTPTypes

/// A request while `RequestBuilder` assembles it: parameters sorted by where they travel, then encoded to bytes.
struct RequestDraft {
    let endpoint: Endpoint
    var path: String
    var headers = HTTPFields()
    var query: [(String, ParameterValue)] = []
    var body: [(String, ParameterValue)] = []
    var redactions = Redactions()
    /// The encoded query (no `?`), set by `encode()`.
    var queryString = ""
    /// The encoded body, set by `encode()`; nil for none.
    var bodyString: String?
    var contentType: String?

    /// Whether `.body` parameters travel in a body (form or JSON, not GET); otherwise in the query.
    var hasBody: Bool {
        switch endpoint.encoding {
        case .query: false
        case .form, .json: endpoint.method != .get
        }
    }

    /// Whether the signature and timing parameters go into a form body rather than the query.
    var signsInBody: Bool { endpoint.encoding == .form && hasBody }

    /// Sorts `parameters` into path, headers, query and body.
    init(_ endpoint: Endpoint, _ parameters: Parameters) throws {
        self.endpoint = endpoint
        path = endpoint.path
        let hasBody = hasBody
        for entry in parameters.entries {
            switch entry.location {
            case .path:
                let placeholder = "{\(entry.name)}"
                guard path.contains(placeholder), let text = entry.value.plainText else {
                    throw invalid("path", "path parameter \(entry.name) has no placeholder or no value")
                }
                path = path.replacingOccurrences(of: placeholder, with: PercentEncoding.encode(text))
            case .header:
                if let text = entry.value.plainText { try addHeader(entry.name, text) }
            case .query:
                query.append((entry.name, entry.value))
            case .body:
                if hasBody { body.append((entry.name, entry.value)) } else { query.append((entry.name, entry.value)) }
            }
        }
        if let open = path.firstIndex(of: "{"), path[open...].contains("}") {
            throw invalid("path", "missing path parameter in \(path)")
        }
    }

    /// Appends a header field; a name that is not an HTTP token is refused rather than sent mangled.
    mutating func addHeader(_ name: String, _ value: String) throws {
        guard let fieldName = HTTPField.Name(name) else { throw invalid("header", "\(name) is not a valid header field name") }
        headers.append(HTTPField(name: fieldName, value: value))
    }

    /// A validation error for this endpoint.
    func invalid(_ rule: String, _ message: String) -> RequestValidationError {
        RequestValidationError(endpoint: endpoint.id, rule: rule, message: message)
    }

    /// Encodes the query and body parameters to the bytes that are signed and sent.
    mutating func encode() {
        queryString = Self.formEncode(query)
        guard hasBody, !body.isEmpty else { return }
        switch endpoint.encoding {
        case .form:
            bodyString = Self.formEncode(body)
            contentType = "application/x-www-form-urlencoded"
        case .json(let wrapper):
            let object = "{" + body.map { JSONText.string($0.0) + ":" + JSONText.value($0.1) }.joined(separator: ",") + "}"
            bodyString = wrapper.map { "{" + JSONText.string($0) + ":" + object + "}" } ?? object
            contentType = "application/json"
        case .query:
            break
        }
    }

    /// Appends `name=value` (already encoded) to the form body or the query, where signatures travel.
    mutating func appendSigned(_ pair: String) {
        if signsInBody, let current = bodyString {
            bodyString = current.isEmpty ? pair : current + "&" + pair
        } else {
            queryString = queryString.isEmpty ? pair : queryString + "&" + pair
        }
    }

    /// `name=value&…`, percent-encoded, nulls omitted.
    static func formEncode(_ pairs: [(String, ParameterValue)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(pairs.count * 24)
        for (name, value) in pairs {
            guard let text = value.encodedText else { continue }
            if !out.isEmpty { out.append(UInt8(ascii: "&")) }
            PercentEncoding.append(name, to: &out)
            out.append(UInt8(ascii: "="))
            out.append(contentsOf: text.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
