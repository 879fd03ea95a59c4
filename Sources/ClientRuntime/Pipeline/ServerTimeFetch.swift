import Foundation
import HTTPTypes

/// Asks the venue for its time (the spec's `auth.timestamp.sync` endpoint), for ``TimeSyncStep``.
enum ServerTimeFetch {
    /// The resync the options and the profile ask for, or nil.
    static func resync(_ profile: APIProfile, _ baseURL: URL, _ options: ClientOptions, _ transport: any HTTPTransport) -> TimeSyncStep.Resync? {
        guard let sync = profile.auth.serverTime, options.resyncsClockOnRejection || options.clockResyncInterval != nil else {
            return nil
        }
        let exchange = TransportStep(transport: transport)
        let endpoint = Endpoint(id: "serverTime", method: .get, path: sync.path, security: .none, encoding: .query)
        let url = baseURL.appendingPathComponent(sync.path)
        let timeout = options.timeout
        let resyncsOnRejection = options.resyncsClockOnRejection
        return TimeSyncStep.Resync(
            isRejection: { resyncsOnRejection && isRejection($0, profile: profile, codes: sync.rejectionCodes) },
            fetch: {
                let request = OutgoingRequest(
                    parameters: Parameters(), weight: 1, timestamp: 0, http: WireRequest(HTTPRequest(method: .get, url: url), timeout: timeout))
                let response = try await exchange.send(request, RequestContext(endpoint: endpoint))
                return try time(in: response, field: sync.field, endpoint: endpoint.id)
            },
            interval: options.clockResyncInterval)
    }

    /// Whether `response` is an error whose code is one of `codes`.
    static func isRejection(_ response: WireResponse, profile: APIProfile, codes: Set<String>) -> Bool {
        guard !(200..<300).contains(response.status), let code = profile.errorCode(in: response) else { return false }
        return codes.contains(code)
    }

    /// The integer `field` of a 2XX JSON object.
    static func time(in response: WireResponse, field: String, endpoint: String) throws -> Int64 {
        guard (200..<300).contains(response.status) else {
            throw HTTPStatusError(endpoint: endpoint, status: response.status, meaning: nil, body: response.body)
        }
        guard let members = JSONObjectScanner.members(of: response.body),
            let text = members.first(where: { $0.key == field })?.scalarText(in: response.body), let time = Int64(text)
        else { throw ResponseDecodingError(endpoint: endpoint, path: field, message: "expected the server time in milliseconds") }
        return time
    }
}
