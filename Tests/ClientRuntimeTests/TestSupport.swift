import ClientRuntime
import Foundation
import Logging

/// The venue error the tests' clients use.
struct TestVenueError: VenueError, Equatable {
    let code: String
    let message: String
    let httpStatus: Int
    let body: Data

    init(code: String, message: String, httpStatus: Int, body: Data) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.body = body
    }
}

extension TestVenueError: CustomStringConvertible {
    var description: String { "\(code) \(message) (HTTP \(httpStatus))" }
}

/// An endpoint, as a type, so one generic request type serves every test.
protocol EndpointSpec: Sendable {
    static var endpoint: Endpoint { get }
}

/// A request with caller-supplied parameters and weight.
struct Call<Response: Decodable & Sendable, Spec: EndpointSpec>: APIRequest {
    var parameters: Parameters
    var weight: Int = 1

    init(_ parameters: Parameters = Parameters(), weight: Int = 1) {
        self.parameters = parameters
        self.weight = weight
    }

    func weight(for parameters: Parameters) -> Int { weight }

    static var endpoint: Endpoint { Spec.endpoint }
}

/// A request that hands back the raw payload bytes it was given, as text.
struct RawCall<Spec: EndpointSpec>: APIRequest {
    var parameters = Parameters()
    static var endpoint: Endpoint { Spec.endpoint }
    func decodeResponse(from data: Data, parameters: Parameters, decoder: JSONResponseDecoder) throws -> String {
        String(decoding: data, as: UTF8.self)
    }
}

// MARK: - Binance

enum Binance {
    static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let secretKey = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let exampleTimestamp: Int64 = 1_499_827_319_559
    static let bodySignature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
    static let mixedSignature = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77"
    static let baseURL = URL(string: "https://api.binance.com")!

    static let profile = APIProfile(
        name: "Binance Spot",
        auth: AuthProfile(
            apiKeyHeader: "X-MBX-APIKEY", signing: SignatureParameterAuthenticator(parameter: "signature"), timestampParam: "timestamp",
            recvWindowParam: "recvWindow", recvWindowDefault: 5000, recvWindowMax: 60000),
        errorFormat: .codeMessage(codeField: "code", messageField: "msg"),
        statusRules: [
            StatusRule("4XX", .clientError), StatusRule("403", .firewall), StatusRule("409", .partialSuccess),
            StatusRule("418", .ipBanned), StatusRule("429", .rateLimited), StatusRule("5XX", .executionUnknown),
        ],
        rateLimitHeaders: RateLimitHeaders(
            usedWeightPrefix: "X-MBX-USED-WEIGHT-", orderCountPrefix: "X-MBX-ORDER-COUNT-", retryAfter: "Retry-After"))

    static let trade = SecurityRequirement(apiKey: true, signed: true)

    /// The order parameters of the signing examples; `queryNames` travel in the query, the rest in the body.
    static func orderParameters(queryNames: Set<String> = [], recvWindow: Int64? = nil) -> Parameters {
        var parameters = Parameters()
        func location(_ name: String) -> ParameterLocation { queryNames.contains(name) ? .query : .body }
        parameters.add("symbol", "LTCBTC", in: location("symbol"))
        parameters.add("side", "BUY", in: location("side"))
        parameters.add("type", "LIMIT", in: location("type"))
        parameters.add("timeInForce", "GTC", in: location("timeInForce"))
        parameters.add("quantity", ExactDecimal("1"), in: location("quantity"))
        parameters.add("price", ExactDecimal("0.1"), in: location("price"))
        parameters.add("recvWindow", recvWindow, in: location("recvWindow"))
        return parameters
    }

    static func client(
        transport: any HTTPTransport, options: (inout ClientOptions) -> Void = { _ in },
        clock: @escaping @Sendable () -> Int64 = { Binance.exampleTimestamp }
    ) -> APIClient<TestVenueError> {
        var settings = ClientOptions(clock: clock, retryBackoff: .zero)
        options(&settings)
        return APIClient(
            profile: profile, baseURL: baseURL,
            credentials: .signed(apiKey: apiKey, signer: HMACSHA256Signer(secret: Secret(secretKey))),
            transport: transport, options: settings)
    }
}

enum OrderForm: EndpointSpec {
    static let endpoint = Endpoint(id: "newOrder", method: .post, path: "/api/v3/order", security: Binance.trade, encoding: .form)
}

enum OrderQuery: EndpointSpec {
    static let endpoint = Endpoint(id: "newOrder", method: .post, path: "/api/v3/order", security: Binance.trade, encoding: .query)
}

enum OrderGet: EndpointSpec {
    static let endpoint = Endpoint(id: "getOrder", method: .get, path: "/api/v3/order", security: Binance.trade, encoding: .form)
}

enum Ping: EndpointSpec {
    static let endpoint = Endpoint(id: "ping", method: .get, path: "/api/v3/ping", security: .none, encoding: .query)
}

enum ExchangeInfo: EndpointSpec {
    static let endpoint = Endpoint(id: "exchangeInfo", method: .get, path: "/api/v3/exchangeInfo", security: .none, encoding: .query)
}

enum UserStream: EndpointSpec {
    static let endpoint = Endpoint(
        id: "newUserDataStream", method: .post, path: "/api/v3/userDataStream", security: SecurityRequirement(apiKey: true),
        encoding: .form)
}

// MARK: - Responses

struct Fill: Decodable, Sendable {
    let price: String
    let qty: String
}

struct OrderFull: Decodable, Sendable {
    let symbol: String
    let fills: [Fill]
}

// MARK: - Logging

/// Collects every log line, metadata included, as text.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }

    var logger: Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(meta)")
    }
}

// MARK: - Helpers

/// The error `body` throws, or nil.
func thrownError<T>(_ body: () async throws -> T) async -> (any Error)? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ value: Int64) {
        self.value = value
    }

    var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: Int64) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}

extension WireRequest {
    /// The URL text, for exact comparisons.
    var urlText: String { url?.absoluteString ?? "" }
}
