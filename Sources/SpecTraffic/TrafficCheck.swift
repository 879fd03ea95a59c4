import ClientRuntime
import Foundation
import SpecModel

/// `specgen check-traffic`: compares recorded responses with the spec, using the client's own drift walker.
public enum TrafficCheck {
    /// Checks every exchange: successful responses of known endpoints are walked against their schema; requests
    /// to paths the spec lacks are reported. Error responses and failed exchanges are counted, not checked.
    public static func run(_ exchanges: [RecordedExchange], spec: Spec) -> TrafficReport {
        let schemas = SpecSchemas(spec: spec)
        let matcher = EndpointMatcher(spec: spec)
        var report = TrafficReport(spec: spec.file)
        for exchange in exchanges {
            report.exchanges += 1
            // Browsers record CORS preflights; they are no API call.
            if exchange.method == "OPTIONS" || exchange.method == "HEAD" { continue }
            guard let endpoint = matcher.match(method: exchange.method, path: exchange.path) else {
                report.add(
                    TrafficFinding(
                        level: .warning, kind: "unknownEndpoint", endpoint: nil, path: "\(exchange.method) \(exchange.path)",
                        message: "\(exchange.method) \(exchange.path) is not in the spec", source: exchange.source))
                continue
            }
            report.matched += 1
            guard let status = exchange.status, (200..<300).contains(status), let body = exchange.body else { continue }
            let id = endpoint.id.value
            guard let schema = schemas.responseSchema(of: endpoint, parameters: exchange.parameters) else { continue }
            guard let whole = enveloped(schema, body: body, spec: spec, schemas: schemas) else { continue }
            if case let .object(object) = schema, object.name == "EMPTY", isBlank(body) { continue }
            report.checked += 1
            for finding in DriftWalker.findings(in: body, schema: whole) {
                var first = finding
                first.occurrences = 1
                report.add(
                    TrafficFinding(
                        level: level(of: finding), kind: finding.kind.rawValue, endpoint: id, path: finding.pattern,
                        message: "\(id): \(first)", source: exchange.source, occurrences: finding.occurrences))
            }
        }
        return report
    }

    /// How much a difference matters to a generated client: a missing field or another JSON type fails the
    /// decode (breaking); a decimal number where the spec says a string still decodes, as does an unknown enum
    /// value (warning); an unknown field is dropped (info).
    static func level(of finding: DriftFinding) -> DiffLevel {
        switch finding.kind {
        case .missingField: .breaking
        case .typeMismatch:
            finding.expected?.hasPrefix("a decimal") == true && ["a number", "a string"].contains(finding.found ?? "") ? .warning : .breaking
        case .unknownEnumValue: .warning
        case .unknownField: .info
        }
    }

    /// The schema of the whole body: the payload's, inside the envelope when the API has one (then the body's
    /// own fields are checked too). Nil when the envelope reports an error.
    static func enveloped(_ schema: ResponseSchema, body: Data, spec: Spec, schemas: SpecSchemas) -> ResponseSchema? {
        guard let envelope = spec.envelope else { return schema }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            object[envelope.code].map({ "\($0)" }) == envelope.success
        else { return nil }
        let extra = envelope.extraFields.map {
            FieldSchema(name: $0.name.value, schema: schemas.schema(of: $0.type.value), optional: true, nullable: true)
        }
        return .model(
            "envelope",
            [
                .required(envelope.code, .anything), .optional(envelope.message, .anything, nullable: true),
                .optional(envelope.data, schema, nullable: true),
            ] + extra)
    }

    static func isBlank(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || text == "null" || text == "{}"
    }
}
