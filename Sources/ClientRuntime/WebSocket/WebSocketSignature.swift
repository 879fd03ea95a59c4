import Foundation

/// The payload a WebSocket API request signs: every parameter except the signature, sorted by name, written
/// `name=value` and joined by `&`, with values as their text and nothing percent-encoded (Binance's
/// "SIGNED request" examples).
enum WebSocketSignature {
    /// The UTF-8 bytes of the payload for `entries`, leaving out `signatureParam`.
    static func payload(_ entries: [Parameters.Entry], signatureParam: String?) -> [UInt8] {
        let sorted = entries.filter { $0.name != signatureParam }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return Array(sorted.map { "\($0.name)=\(text(of: $0.value))" }.joined(separator: "&").utf8)
    }

    /// A value as the payload writes it: strings as they are, numbers and booleans as literals, arrays as JSON.
    static func text(of value: ParameterValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .decimal(let decimal): decimal.text
        case .bool(let flag): flag ? "true" : "false"
        case .timestamp(let time): time.text
        case .null: "null"
        case .array: JSONText.value(value)
        }
    }

    /// The signer's signature as a JSON string carries it. The REST signers percent-encode base64 signatures for
    /// query strings (RSA, Ed25519); over WebSocket the signature travels as plain base64, so that is undone.
    static func sign(_ payload: [UInt8], with signer: any RequestSigner) throws -> String {
        let wire = try signer.signature(for: payload)
        return wire.contains("%") ? (wire.removingPercentEncoding ?? wire) : wire
    }
}
