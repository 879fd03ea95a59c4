import Foundation
import HTTPTypes

/// A request while `RequestBuilder` assembles it: parameters sorted by where they travel and written straight into
/// the bytes that are signed and sent.
struct RequestDraft {
    let endpoint: Endpoint
    var path: String
    /// The request's own header fields (parameters, timing, authenticators); `assemble` adds the API key's,
    /// the content type and the user agent around them.
    var headers = HTTPFields()
    /// The encoded query (`a=1&b=2`, no `?`).
    var query: [UInt8] = []
    /// The encoded form body's pairs, for a form endpoint with a body.
    var form: [UInt8] = []
    /// The members of a JSON body, in order.
    var json: [(String, ParameterValue)] = []
    /// How many parameters travel in the body (a `null` one counts, though a form omits it).
    var bodyCount = 0
    var redactions: Redactions
    /// The encoded body, set by `encode()`; nil for none.
    var body: [UInt8]?
    /// The body's encoding, set by `encode()`; nil for no body.
    var bodyType: BodyType?
    /// Whether `.body` parameters travel in a body (form or JSON, not GET); otherwise in the query.
    let hasBody: Bool
    /// Whether that body is JSON.
    let isJSON: Bool
    /// Whether the signature and timing parameters go into a form body rather than the query.
    let signsInBody: Bool

    /// Sorts `parameters` into path, headers, query and body.
    init(_ endpoint: Endpoint, _ parameters: Parameters, redactions: Redactions) throws {
        self.endpoint = endpoint
        self.redactions = redactions
        path = endpoint.path
        switch endpoint.encoding {
        case .query: (hasBody, isJSON) = (false, false)
        case .form: (hasBody, isJSON) = (endpoint.method != .get, false)
        case .json: (hasBody, isJSON) = (endpoint.method != .get, true)
        }
        signsInBody = hasBody && !isJSON
        if hasBody { form.reserveCapacity(256) } else { query.reserveCapacity(256) }
        try sort(parameters)
    }

    /// Writes each parameter where it travels. The entries are read in place through a buffer: copying one
    /// would retain its name and value.
    private mutating func sort(_ parameters: Parameters) throws {
        try parameters.entries.withUnsafeBufferPointer { entries in
            for entry in entries.indices {
                switch entries[entry].location {
                case .path:
                    let name = entries[entry].name
                    let placeholder = "{\(name)}"
                    guard path.contains(placeholder), let text = entries[entry].value.plainText else {
                        throw Self.invalid(endpoint, "path", "path parameter \(name) has no placeholder or no value")
                    }
                    path = path.replacingOccurrences(of: placeholder, with: PercentEncoding.encode(text))
                case .header:
                    if let text = entries[entry].value.plainText { try addHeader(entries[entry].name, text) }
                case .query:
                    Self.append(entries[entry].name, entries[entry].value, to: &query)
                case .body:
                    addBody(entries[entry].name, entries[entry].value)
                }
            }
        }
        if endpoint.hasPlaceholders, let open = path.firstIndex(of: "{"), path[open...].contains("}") {
            throw Self.invalid(endpoint, "path", "missing path parameter in \(path)")
        }
    }

    /// Adds a body parameter where `.body` parameters travel (the query when there is no body).
    mutating func addBody(_ name: borrowing String, _ value: borrowing ParameterValue) {
        guard hasBody else { return Self.append(name, value, to: &query) }
        bodyCount += 1
        if isJSON { json.append((copy name, copy value)) } else { Self.append(name, value, to: &form) }
    }

    /// Adds a timing parameter (receive window, timestamp) where the signed bytes travel.
    mutating func addSigned(_ name: borrowing String, _ value: borrowing ParameterValue) {
        if signsInBody { addBody(name, value) } else { Self.append(name, value, to: &query) }
    }

    /// Appends a header field; a name that is not an HTTP token is refused rather than sent mangled.
    mutating func addHeader(_ name: String, _ value: String) throws {
        try addHeader(RequestBuilder.FieldName(name), value)
    }

    /// Appends a header field whose name was checked beforehand.
    mutating func addHeader(_ field: RequestBuilder.FieldName, _ value: String) throws {
        guard let name = field.name else { throw Self.invalid(endpoint, "header", field.refusal) }
        headers.append(HTTPField(name: name, value: value))
    }

    /// A validation error for this endpoint.
    func invalid(_ rule: String, _ message: String) -> RequestValidationError {
        Self.invalid(endpoint, rule, message)
    }

    static func invalid(_ endpoint: Endpoint, _ rule: String, _ message: String) -> RequestValidationError {
        RequestValidationError(endpoint: endpoint.id, rule: rule, message: message)
    }

    /// Sets the body from the body parameters: the form's pairs or the JSON object.
    mutating func encode() {
        guard hasBody, bodyCount > 0 else { return }
        switch endpoint.encoding {
        case .form:
            body = form
            form = []  // the body is the only reference, so appending the signature does not copy it
            bodyType = .form
        case .json(let wrapper):
            let object = "{" + json.map { JSONText.string($0.0) + ":" + JSONText.value($0.1) }.joined(separator: ",") + "}"
            body = Array((wrapper.map { "{" + JSONText.string($0) + ":" + object + "}" } ?? object).utf8)
            bodyType = .json
        case .query:
            break
        }
    }

    /// How an encoded body is written.
    enum BodyType: Int, CaseIterable {
        case form, json

        /// Its content type field.
        var field: HTTPField {
            switch self {
            case .form: HTTPField(name: .contentType, value: "application/x-www-form-urlencoded")
            case .json: HTTPField(name: .contentType, value: "application/json")
            }
        }
    }

    /// Appends the signature's `name=value` (`value` already encoded) where signatures travel: the form body or
    /// the query.
    mutating func appendSignature(_ name: String, _ value: String) {
        if signsInBody, var bytes = body {
            body = nil  // keeps the buffer uniquely referenced while it grows
            Self.appendEncodedPair(name, value, to: &bytes)
            body = bytes
        } else {
            Self.appendEncodedPair(name, value, to: &query)
        }
    }

    /// Appends `name=value`, percent-encoded, after a `&` when `out` has pairs already; a null is omitted.
    static func append(_ name: borrowing String, _ value: borrowing ParameterValue, to out: inout [UInt8]) {
        if value.isNull { return }
        if !out.isEmpty { out.append(UInt8(ascii: "&")) }
        PercentEncoding.append(name, to: &out)
        out.append(UInt8(ascii: "="))
        value.appendEncoded(to: &out)
    }

    private static func appendEncodedPair(_ name: String, _ value: String, to out: inout [UInt8]) {
        if !out.isEmpty { out.append(UInt8(ascii: "&")) }
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: "="))
        out.append(contentsOf: value.utf8)
    }
}
