import Foundation
import SpecModel
import SpecTraffic

import struct ClientRuntime.VariantSelector

/// Chooses the success body of an endpoint: the documented example of the variant the request asks for (or the
/// spec's default variant), else an example of the same type from another endpoint, else a synthesized sample;
/// wrapped in the envelope when the spec has one and the text does not carry it already.
struct ExampleCatalog: Sendable {
    let spec: Spec
    /// Each variant endpoint's selector as the runtime's value, by endpoint id.
    private let selectors: [String: VariantSelector]

    init(spec: Spec) {
        self.spec = spec
        var selectors: [String: VariantSelector] = [:]
        for endpoint in spec.endpoints {
            guard let response = endpoint.response, !response.variants.isEmpty else { continue }
            selectors[endpoint.id.value] = response.variantSelector
        }
        self.selectors = selectors
    }

    func body(for endpoint: Endpoint, _ received: ReceivedParameters, now: Int64) -> String {
        let (type, variant) = responseType(endpoint, received)
        let successes = endpoint.examples.filter { $0.response != nil && ($0.status.map { (200..<300).contains($0) } ?? true) }
        let chosen = variant.map { key in successes.first { $0.variant?.value == key } } ?? successes.first
        if let text = chosen?.response?.value ?? borrowed(type, excluding: endpoint) {
            return withLiveClock(text.trimmingCharacters(in: .whitespacesAndNewlines), now: now)
        }
        let payload = type.map { SampleSynthesizer(spec: spec, now: now).sample($0) } ?? "{}"
        return wrapped(payload, now: now)
    }

    /// The response type and variant key the venue would answer with.
    func responseType(_ endpoint: Endpoint, _ received: ReceivedParameters) -> (TypeRef?, String?) {
        guard let response = endpoint.response else { return (nil, nil) }
        guard !response.variants.isEmpty else { return (response.type?.value, nil) }
        // The selector parameter when sent (`newOrderRespType`), else the first default whose condition holds
        // (also for variants chosen by parameters alone: one symbol or all of them).
        let key = selectors[endpoint.id.value]?.select(from: ReceivedView(received: received, arrayStyles: [:]))
        let variant = key.flatMap { key in response.variants.first { $0.key.value == key } }
        return (variant?.type.value ?? response.type?.value ?? response.variants.first?.type.value, variant?.key.value)
    }

    /// The example with its top-level `serverTime` / `serverTimestamp` set to the mock's clock, so a client that
    /// syncs its clock from it keeps signing valid timestamps; any other text is kept as it is.
    private func withLiveClock(_ text: String, now: Int64) -> String {
        guard text.contains("\"serverTime"), case let .object(members)? = try? JSONDocument.parse(text) else { return text }
        let live: Set<String> = ["serverTime", "serverTimestamp"]
        let updated = members.map { member -> (key: String, value: JSONDocument) in
            guard live.contains(member.key), case .number = member.value else { return member }
            return (member.key, .number(String(now)))
        }
        return JSONDocument.object(updated).jsonText
    }

    /// A success example of another endpoint with the same (non-variant) response type.
    private func borrowed(_ type: TypeRef?, excluding endpoint: Endpoint) -> String? {
        guard let type else { return nil }
        for other in spec.endpoints where other.id.value != endpoint.id.value && other.response?.type?.value == type {
            if let example = other.examples.first(where: { $0.response != nil && $0.status == nil && $0.variant == nil }) {
                return example.response?.value
            }
        }
        return nil
    }

    /// `payload` inside the spec's envelope (success code, message, extra fields), or as it is.
    private func wrapped(_ payload: String, now: Int64) -> String {
        guard let envelope = spec.envelope else { return payload }
        let stringCodes: Bool
        if case let .codeMessage(_, type, _)? = spec.errorFormat { stringCodes = type == .string } else { stringCodes = Int(envelope.success) == nil }
        var members = [
            JSONDocument.quote(envelope.code) + ":" + (stringCodes ? JSONDocument.quote(envelope.success) : envelope.success),
            JSONDocument.quote(envelope.message) + ":" + JSONDocument.quote("success"),
        ]
        let synthesizer = SampleSynthesizer(spec: spec, now: now)
        for field in envelope.extraFields {
            let value = field.type.value == .long ? String(now) : synthesizer.sample(field.type.value)
            members.append(JSONDocument.quote(field.name.value) + ":" + value)
        }
        members.append(JSONDocument.quote(envelope.data) + ":" + payload)
        return "{" + members.joined(separator: ",") + "}"
    }
}
