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

    /// Name → text, for recording; without the body's parameters unless `includingBody`.
    func dictionary(includingBody: Bool = true) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries.reversed() where includingBody || entry.place != .body { result[entry.name] = entry.text ?? "null" }
        for entry in entries where entry.place == .query { result[entry.name] = entry.text ?? "null" }
        return result
    }
}

/// Collects a request's parameters for one endpoint: query string, body (form or JSON, unwrapped), path
/// placeholders and the endpoint's header parameters.
struct ParameterReader {
    let spec: Spec

    func read(_ request: IncomingRequest, endpoint: Endpoint, pathValues: [String: String]) -> Result<ReceivedParameters, Rejection> {
        var received = ReceivedParameters()
        var seen: Set<String> = []
        let query: [(name: String, value: String)]
        switch FormText.pairs(request.query.utf8) {
        case let .success(pairs): query = pairs
        case let .failure(rejection): return .failure(rejection)
        }
        for (name, value) in query {
            guard seen.insert(name).inserted else { return .failure(.duplicateParameter(name)) }
            received.entries.append(ReceivedParameter(name: name, value: .text(value), place: .query))
        }
        if request.method != "GET", !request.body.isEmpty {
            switch bodyEntries(request, endpoint) {
            case let .success(entries): received.entries += entries
            case let .failure(rejection): return .failure(rejection)
            }
        }
        for (name, raw) in pathValues.sorted(by: { $0.key < $1.key }) {
            guard let value = FormText.decode(raw.utf8, plusIsSpace: false) else {
                return .failure(.malformedValue(name, expected: FormText.legalRange))
            }
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
            guard let text = String(validating: request.body, as: UTF8.self) else { return .failure(.malformedBody("not UTF-8")) }
            return jsonEntries(text, wrapper: endpoint.request.wrapper)
        }
        var seen: Set<String> = []
        var entries: [ReceivedParameter] = []
        let pairs: [(name: String, value: String)]
        switch FormText.pairs(request.body) {
        case let .success(found): pairs = found
        case let .failure(rejection): return .failure(rejection)
        }
        for (name, value) in pairs {
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
