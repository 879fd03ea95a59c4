import ClientRuntime
import Foundation
import Testing

/// Binance's microsecond time: a decimal `recvWindow` (up to three decimal places, at most 60000) and the
/// `X-MBX-TIME-UNIT` header chosen by `ClientOptions.timeUnit`.
@Suite struct MicrosecondTimeTests {
    /// The test profile with the 2026-07 docs' microsecond features.
    static let profile: APIProfile = {
        var profile = Binance.profile
        profile.auth.recvWindowFractionDigits = 3
        profile.auth.timeUnit = TimeUnitHeader(name: "X-MBX-TIME-UNIT", millisecond: "MILLISECOND", microsecond: "MICROSECOND")
        return profile
    }()

    static func client(
        _ transport: RecordingTransport, profile: APIProfile = profile, options: (inout ClientOptions) -> Void = { _ in }
    ) -> APIClient<TestVenueError> {
        var settings = ClientOptions(clock: { Binance.exampleTimestamp }, retryBackoff: .zero)
        options(&settings)
        return APIClient(
            profile: profile, baseURL: Binance.baseURL,
            credentials: .signed(apiKey: Binance.apiKey, signer: HMACSHA256Signer(secret: Secret(Binance.secretKey))),
            transport: transport, options: settings)
    }

    static func order(recvWindow: String) throws -> Parameters {
        var parameters = Binance.orderParameters()
        guard let window = ExactDecimal(recvWindow) else { throw ExactDecimalError(recvWindow) }
        parameters.add("recvWindow", window, in: .body)
        return parameters
    }

    @Test func aDecimalWindowFromTheOptionsTravelsAsItsExactText() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Self.client(transport) { $0.recvWindow = "5000.123" }
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest?.bodyText.contains("&price=0.1&recvWindow=5000.123&timestamp=1499827319559&signature=") == true)
    }

    @Test(arguments: ["6000.346", "60000", "60000.000", "0.001", "5000.1000"])
    func aWindowWithinTheLimitsIsSentUnchanged(_ window: String) async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        _ = try await Self.client(transport).send(Call<EmptyResponse, OrderForm>(try Self.order(recvWindow: window)))
        #expect(transport.lastRequest?.bodyText.contains("&recvWindow=\(window)&timestamp=") == true)
    }

    @Test(arguments: [
        ("60000.001", "exceeds the maximum 60000"), ("6000.3461", "more than 3 decimal places"),
        ("1e5", "exceeds the maximum 60000"), ("0.0001", "more than 3 decimal places"),
    ])
    func aWindowBeyondTheLimitsIsRefusedBeforeSending(_ window: String, _ reason: String) async throws {
        let transport = RecordingTransport()
        let error = await thrownError {
            try await Self.client(transport).send(Call<EmptyResponse, OrderForm>(try Self.order(recvWindow: window)))
        }
        let validation = try #require(error as? RequestValidationError)
        #expect(validation.rule == "recvWindow")
        #expect(validation.message.contains(reason))
        #expect(transport.requests.isEmpty)
    }

    @Test func aVenueWithoutFractionDigitsTakesWholeMillisecondsOnly() async throws {
        let transport = RecordingTransport()
        let client = Self.client(transport, profile: Binance.profile) { $0.recvWindow = "5000.5" }
        let error = await thrownError { try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters())) }
        #expect((error as? RequestValidationError)?.message.contains("whole number") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test func noTimeUnitHeaderByDefault() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        _ = try await Self.client(transport).send(Call<EmptyResponse, Ping>(Parameters()))
        #expect(transport.lastRequest?.header("X-MBX-TIME-UNIT") == nil)
    }

    @Test(arguments: [(TimeUnit.microsecond, "MICROSECOND"), (.millisecond, "MILLISECOND")])
    func theTimeUnitOptionSendsItsHeaderOnEveryRequest(_ unit: TimeUnit, _ value: String) async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        transport.enqueue(body: "{}")
        let client = Self.client(transport) { $0.timeUnit = unit }
        _ = try await client.send(Call<EmptyResponse, Ping>(Parameters()))
        #expect(transport.lastRequest?.header("X-MBX-TIME-UNIT") == value)
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest?.header("X-MBX-TIME-UNIT") == value)
    }

    @Test func aVenueWithoutTheHeaderRefusesTheTimeUnitOption() async throws {
        let transport = RecordingTransport()
        let client = Self.client(transport, profile: Binance.profile) { $0.timeUnit = .microsecond }
        let error = await thrownError { try await client.send(Call<EmptyResponse, Ping>(Parameters())) }
        #expect((error as? RequestValidationError)?.rule == "timeUnit")
        #expect(transport.requests.isEmpty)
    }
}

/// A test window that is not a decimal.
struct ExactDecimalError: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
