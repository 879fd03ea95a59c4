import ClientRuntime
import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The generated clients' default transport, on Foundation's `URLSession` (FoundationNetworking on Linux). It lives
/// in its own module so that code using only ClientRuntime (the mock, `specgen`) does not load FoundationNetworking
/// and the libcurl it links.
/// Honours `WireRequest.timeout` and task cancellation (the data task is cancelled).
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Uses `session`, or an ephemeral session without caching or cookies.
    public init(session: URLSession? = nil) {
        if let session {
            self.session = session
        } else {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.httpCookieStorage = nil
            configuration.httpShouldSetCookies = false
            self.session = URLSession(configuration: configuration)
        }
    }

    /// Sends the request with a data task.
    public func send(_ request: WireRequest) async throws -> WireResponse {
        guard let url = request.url else { throw HTTPTransportFailure(.notSent, "the request has no absolute URL") }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval =
            TimeInterval(request.timeout.components.seconds)
            + TimeInterval(request.timeout.components.attoseconds) / 1e18
        for field in request.head.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        let taskBox = Locked<URLSessionDataTask?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<WireResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        let failure =
                            (error as? URLError).map(HTTPTransportFailure.init)
                            ?? HTTPTransportFailure(.other, error.localizedDescription)
                        continuation.resume(throwing: failure)
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        continuation.resume(throwing: HTTPTransportFailure(.other, "not an HTTP response"))
                        return
                    }
                    guard (100...999).contains(http.statusCode) else {
                        continuation.resume(throwing: HTTPTransportFailure(.other, "invalid status \(http.statusCode)"))
                        return
                    }
                    var fields = HTTPFields()
                    for (name, value) in http.allHeaderFields {
                        if let name = HTTPField.Name(String(describing: name)) {
                            fields.append(HTTPField(name: name, value: String(describing: value)))
                        }
                    }
                    let head = HTTPResponse(status: .init(code: http.statusCode), headerFields: fields)
                    continuation.resume(returning: WireResponse(head, body: data ?? Data()))
                }
                taskBox.withLock { $0 = task }
                task.resume()
                if Task.isCancelled { task.cancel() }
            }
        } onCancel: {
            taskBox.withLock { $0?.cancel() }
        }
    }
}
