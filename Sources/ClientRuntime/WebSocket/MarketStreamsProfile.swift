/// How an API's market streams are addressed, generated from the spec's `streams`: the combined-stream path and
/// its wrapper's fields, and the control messages' field names.
public struct MarketStreamsProfile: Sendable, Hashable {
    /// The combined-stream path, with `<streamNames>` for the `/`-joined names (`/stream?streams=<streamNames>`).
    public var combinedPath: String
    /// The wrapper of a combined payload: `{"stream": name, "data": payload}`.
    public var streamField: String
    public var dataField: String

    /// Creates a profile.
    public init(combinedPath: String, streamField: String = "stream", dataField: String = "data") {
        self.combinedPath = combinedPath
        self.streamField = streamField
        self.dataField = dataField
    }
}

/// A stream could not be subscribed or unsubscribed: the server refused the control message or did not answer.
public struct StreamSubscriptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stream names of the control message.
    public let streams: [String]
    /// What happened (the server's error object, or the timeout).
    public let message: String

    /// Creates an error.
    public init(streams: [String], message: String) {
        self.streams = streams
        self.message = message
    }

    /// `cannot subscribe btcusdt@kline_1m: message`.
    public var description: String { "cannot subscribe \(streams.joined(separator: ", ")): \(message)" }
}
