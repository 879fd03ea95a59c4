import AsyncHTTPClient
import ClientRuntime
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// An `HTTPTransport` on AsyncHTTPClient (SwiftNIO), for servers and Linux deployments.
/// Honours `WireRequest.timeout` as a deadline for the response head, and task cancellation; the client's own timer
/// also covers the body (AsyncHTTPClient's deadline ends when the head arrives).
public struct AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    /// Largest response body accepted, in bytes.
    public let maxResponseBytes: Int

    /// Uses `client` (default: the process-wide shared client, which needs no shutdown).
    public init(client: HTTPClient = .shared, maxResponseBytes: Int = 64 * 1024 * 1024) {
        self.client = client
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends the request and collects the whole body.
    public func send(_ request: WireRequest) async throws -> WireResponse {
        guard let url = request.url else { throw HTTPTransportFailure(.notSent, "the request has no absolute URL") }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.head.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body = request.bodyBytes {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let nanoseconds =
            request.timeout.components.seconds * 1_000_000_000
            + request.timeout.components.attoseconds / 1_000_000_000
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(nanoseconds))
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            var fields = HTTPFields()
            for field in response.headers {
                if let name = HTTPField.Name(field.name) { fields.append(HTTPField(name: name, value: field.value)) }
            }
            let head = HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields)
            return WireResponse(head, body: Data(buffer.readableBytesView))
        } catch {
            throw Self.classify(error)
        }
    }

    /// Classifies AsyncHTTPClient and NIO errors by whether the request may have reached the server.
    /// The message names the failure only, never the URL (which may carry a signature).
    public static func classify(_ error: any Error) -> HTTPTransportFailure {
        if error is CancellationError { return HTTPTransportFailure(.cancelled, "cancelled") }
        if let failure = error as? HTTPTransportFailure { return failure }
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return HTTPTransportFailure(.timedOut, "timed out (\(client.shortDescription))")
            case .remoteConnectionClosed:
                return HTTPTransportFailure(.connectionLost, "connection closed by the server")
            case .cancelled:
                return HTTPTransportFailure(.cancelled, "cancelled")
            case .connectTimeout, .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .tlsHandshakeTimeout:
                return HTTPTransportFailure(.notSent, "could not connect (\(client.shortDescription))")
            default:
                return HTTPTransportFailure(.other, client.shortDescription)
            }
        }
        if error is IOError || String(describing: type(of: error)).contains("ConnectionError") {
            // Failures while connecting (refused, unreachable, DNS): nothing was sent.
            return HTTPTransportFailure(.notSent, "could not connect (\(type(of: error)))")
        }
        return HTTPTransportFailure(.other, "\(type(of: error))")
    }
}

extension HTTPClientError {
    /// The error's name without any request details.
    fileprivate var shortDescription: String {
        String(describing: self).prefix { $0 != "(" }.description
    }
}
