import Foundation

/// The payload a WebSocket API request signs: every parameter except the signature, sorted by name, written
/// `name=value` and joined by `&`, with values as their text and nothing percent-encoded (Binance's
/// "SIGNED request" examples). The client signs it and the mock verifies it, each from its own view of the params.
public enum WebSocketSignature {
    /// The UTF-8 bytes of the payload for parameters given as their texts, leaving out `signatureParam`.
    public static func payload(_ params: [(name: String, text: String)], signatureParam: String?) -> [UInt8] {
        let sorted = params.filter { $0.name != signatureParam }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return Array(sorted.map { "\($0.name)=\($0.text)" }.joined(separator: "&").utf8)
    }

    /// The payload for a request's `entries`.
    static func payload(_ entries: [Parameters.Entry], signatureParam: String?) -> [UInt8] {
        payload(entries.map { ($0.name, text(of: $0.value)) }, signatureParam: signatureParam)
    }

    /// A value as the payload writes it: scalars as their plain text, `null` as the literal, arrays as JSON (as the
    /// frame sends them).
    static func text(of value: ParameterValue) -> String {
        if case .array = value { return JSONText.value(value) }
        return value.plainText ?? "null"
    }

    /// The signer's signature as a JSON string carries it. The REST signers percent-encode base64 signatures for
    /// query strings (RSA, Ed25519); over WebSocket the signature travels as plain base64, so that is undone.
    static func sign(_ payload: [UInt8], with signer: any RequestSigner) throws -> String {
        let wire = try signer.signature(for: payload)
        return wire.contains("%") ? (wire.removingPercentEncoding ?? wire) : wire
    }
}
