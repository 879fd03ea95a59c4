import Foundation

/// One stream of pushed events the caller iterates: what to send again after a reconnection, the server's
/// current id for it, and how to hand events to the caller's `AsyncThrowingStream`.
struct EventSubscription: Sendable {
    let method: WebSocketMethodInfo
    let parameters: Parameters
    /// The server's `subscriptionId`; nil until the subscribe answer arrives (again after a reconnection).
    var serverID: Int?
    /// Whether the first subscribe succeeded; only those are made again after a reconnection.
    var established = false
    let deliver: @Sendable (Data) -> Void
    let finish: @Sendable ((any Error)?) -> Void

    /// A subscription decoding each event as `Event` into `continuation`; a payload that does not decode ends the
    /// stream with a `ResponseDecodingError`.
    static func decoding<Event: Decodable & Sendable>(
        _ type: Event.Type, method: WebSocketMethodInfo, parameters: Parameters, into continuation: AsyncThrowingStream<Event, any Error>.Continuation
    ) -> EventSubscription {
        EventSubscription(
            method: method, parameters: parameters, serverID: nil,
            deliver: { data in
                do {
                    continuation.yield(try JSONResponseDecoder().decode(Event.self, from: data))
                } catch {
                    continuation.finish(throwing: decodingError(error, endpoint: method.name))
                }
            },
            finish: { continuation.finish(throwing: $0) })
    }
}

/// `error` from decoding a payload of `endpoint` as the runtime reports it: a `ResponseDecodingError` with the path.
func decodingError(_ error: any Error, endpoint: String) -> any Error {
    guard let error = error as? DecodingError else { return error }
    let (path, message) = ResponseReader<NoVenueError>.describe(error)
    return ResponseDecodingError(endpoint: endpoint, path: path, message: message)
}

/// Decodes `data` as `T`, failing with a `ResponseDecodingError` for `endpoint`.
func decodePayload<T: Decodable>(_ type: T.Type, from data: Data, endpoint: String) throws -> T {
    do { return try JSONResponseDecoder().decode(T.self, from: data) } catch { throw decodingError(error, endpoint: endpoint) }
}

/// A placeholder for reaching `ResponseReader`'s static helpers.
struct NoVenueError: VenueError {
    init(code: String, message: String, httpStatus: Int, body: Data) {}
}
