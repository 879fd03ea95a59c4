/// Where a venue tells its time, and the error codes with which it refuses a request whose timestamp is off
/// (Binance: `GET /api/v3/time`, `serverTime`, -1021). From the spec's `auth.serverTime`.
public struct ServerTimeSync: Sendable, Hashable {
    /// The path of the server-time endpoint (a GET open to everyone).
    public var path: String
    /// The top-level field of its response holding the time in milliseconds since 1970.
    public var field: String
    /// Error codes meaning "the timestamp is outside the accepted window"; the venue refused before executing.
    public var rejectionCodes: Set<String>

    /// Creates a description.
    public init(path: String, field: String, rejectionCodes: Set<String>) {
        self.path = path
        self.field = field
        self.rejectionCodes = rejectionCodes
    }
}
