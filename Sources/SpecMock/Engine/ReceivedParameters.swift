import Foundation
import SpecModel

/// One parameter as the request carried it.
struct ReceivedParameter: Sendable {
    enum Place: Sendable { case query, body, path, header }

    var name: String
    /// Decoded text (query, form, path, header) or a JSON body member.
    var value: Value
    var place: Place

    enum Value: Sendable {
        case text(String)
        case json(JSONDocument)
    }

    /// The value as text: strings as they are, numbers and literals as written, arrays and objects as JSON;
    /// nil for JSON `null`.
    var text: String? {
        switch value {
        case let .text(text): text
        case let .json(.string(text)): text
        case .json(.null): nil
        case let .json(document): document.jsonText
        }
    }

    /// Sent with a usable value: not empty and not `null`.
    var isPresent: Bool { !(text ?? "").isEmpty }
}

/// The parameters of a request, from every place they can travel, in the order they came.
struct ReceivedParameters: Sendable {
    var entries: [ReceivedParameter] = []

    /// The parameter named `name`; the query string wins over the body, as Binance documents.
    subscript(name: String) -> ReceivedParameter? {
        entries.first { $0.name == name && $0.place == .query } ?? entries.first { $0.name == name }
    }

    func isPresent(_ name: String) -> Bool { self[name]?.isPresent ?? false }

    /// Name → text, for recording.
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        for entry in entries.reversed() { result[entry.name] = entry.text ?? "null" }
        for entry in entries where entry.place == .query { result[entry.name] = entry.text ?? "null" }
        return result
    }
}

/// Reads `a=1&b=2` text (query strings, form bodies) into decoded pairs.
enum FormText {
    /// The pairs in order; a name without `=` has an empty value.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let eq = pair.firstIndex(of: "=") {
                return (decode(pair[..<eq]), decode(pair[pair.index(after: eq)...]))
            }
            return (decode(pair[...]), "")
        }
    }

    /// Removes the pair named `name` (first occurrence), keeping every other byte as sent; returns its raw value.
    static func removing(_ name: String, from text: String) -> (rest: String, value: String?) {
        var parts = text.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        guard let index = parts.firstIndex(where: { decode(Substring($0.split(separator: "=", maxSplits: 1).first ?? "")) == name })
        else { return (text, nil) }
        let pair = parts.remove(at: index)
        let value = pair.firstIndex(of: "=").map { String(pair[pair.index(after: $0)...]) } ?? ""
        return (parts.joined(separator: "&"), value)
    }

    /// Percent-decoding with `+` as a space (form encoding); malformed escapes stay as they are.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Collects a request's parameters for one endpoint: query string, body (form or JSON, unwrapped), path
/// placeholders and the endpoint's header parameters.
struct ParameterReader {
    let spec: Spec

    func read(_ request: IncomingRequest, endpoint: Endpoint, pathValues: [String: String]) -> Result<ReceivedParameters, Rejection> {
        var received = ReceivedParameters()
        var seen: Set<String> = []
        for (name, value) in FormText.pairs(request.query) {
            guard seen.insert(name).inserted else { return .failure(.duplicateParameter(name)) }
            received.entries.append(ReceivedParameter(name: name, value: .text(value), place: .query))
        }
        if request.method != "GET", !request.body.isEmpty {
            switch bodyEntries(request, endpoint) {
            case let .success(entries): received.entries += entries
            case let .failure(rejection): return .failure(rejection)
            }
        }
        for (name, value) in pathValues {
            received.entries.append(ReceivedParameter(name: name, value: .text(value), place: .path))
        }
        for param in endpoint.params where param.location == .header {
            if let value = request.header(param.name.value) {
                received.entries.append(ReceivedParameter(name: param.name.value, value: .text(value), place: .header))
            }
        }
        return .success(received)
    }

    private func bodyEntries(_ request: IncomingRequest, _ endpoint: Endpoint) -> Result<[ReceivedParameter], Rejection> {
        let encoding = endpoint.request.encoding ?? spec.requestEncoding ?? .form
        let contentType = request.header("Content-Type")?.lowercased() ?? ""
        if encoding == .json || contentType.hasPrefix("application/json") {
            return jsonEntries(request.bodyText, wrapper: endpoint.request.wrapper)
        }
        var seen: Set<String> = []
        var entries: [ReceivedParameter] = []
        for (name, value) in FormText.pairs(request.bodyText) {
            guard seen.insert(name).inserted else { return .failure(.duplicateParameter(name)) }
            entries.append(ReceivedParameter(name: name, value: .text(value), place: .body))
        }
        return .success(entries)
    }

    private func jsonEntries(_ text: String, wrapper: String?) -> Result<[ReceivedParameter], Rejection> {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(text, maxDepth: 32)
        } catch {
            return .failure(.malformedBody("\(error)"))
        }
        var object = document
        if let wrapper {
            guard let inner = document[wrapper] else { return .failure(.malformedBody("no \"\(wrapper)\" object")) }
            object = inner
        }
        guard case let .object(members) = object else { return .failure(.malformedBody("not a JSON object")) }
        var seen: Set<String> = []
        var entries: [ReceivedParameter] = []
        for member in members {
            guard seen.insert(member.key).inserted else { return .failure(.duplicateParameter(member.key)) }
            entries.append(ReceivedParameter(name: member.key, value: .json(member.value), place: .body))
        }
        return .success(entries)
    }
}
