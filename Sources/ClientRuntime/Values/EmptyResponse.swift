/// The response of an endpoint that answers `{}` (Binance's `ping`, for example).
///
/// Decodes from any JSON object, ignoring its keys; anything else (an array, a string, `null`) is an error.
/// Encodes as `{}`.
public struct EmptyResponse: Sendable, Hashable, Codable {
    /// The empty response.
    public init() {}

    private enum NoKeys: CodingKey {}

    /// Decodes any JSON object.
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: NoKeys.self)
    }

    /// Encodes `{}`.
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: NoKeys.self)
    }
}
