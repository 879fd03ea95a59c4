import ClientRuntime
import Foundation
import Testing

/// Binance's "SIGNED Endpoint Examples for POST /api/v3/order", reproduced end to end on the bytes sent.
@Suite struct BinanceSigningTests {
    enum OrderMixed: EndpointSpec {
        static let endpoint = OrderForm.endpoint
    }

    @Test func example1RequestBody() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport)
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        let request = try #require(transport.lastRequest)
        #expect(request.method == .post)
        #expect(request.urlText == "https://api.binance.com/api/v3/order")
        #expect(
            request.bodyText
                == "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559&signature=\(Binance.bodySignature)")
        #expect(request.header("X-MBX-APIKEY") == Binance.apiKey)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
    }

    @Test func example2QueryString() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport)
        _ = try await client.send(Call<EmptyResponse, OrderQuery>(Binance.orderParameters()))
        let request = try #require(transport.lastRequest)
        #expect(
            request.urlText
                == "https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=\(Binance.bodySignature)")
        #expect(request.body == nil)
    }

    @Test func example3MixedQueryAndBody() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport)
        let parameters = Binance.orderParameters(queryNames: ["symbol", "side", "type", "timeInForce"])
        _ = try await client.send(Call<EmptyResponse, OrderMixed>(parameters))
        let request = try #require(transport.lastRequest)
        #expect(request.urlText == "https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC")
        #expect(
            request.bodyText
                == "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=\(Binance.mixedSignature)")
    }

    @Test func callerRecvWindowStaysInPlace() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport)
        // The caller sets recvWindow 5000 itself: same bytes, same signature.
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters(recvWindow: 5000)))
        #expect(transport.lastRequest?.bodyText.hasSuffix("&signature=\(Binance.bodySignature)") == true)
    }

    @Test func recvWindowFromOptionsOverridesTheDefault() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport) { $0.recvWindow = 2500 }
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest?.bodyText.contains("&recvWindow=2500&timestamp=1499827319559&signature=") == true)
    }

    @Test func recvWindowOverTheMaximumIsRefusedBeforeSending() async throws {
        let transport = RecordingTransport()
        let fromOptions = Binance.client(transport: transport) { $0.recvWindow = 60_001 }
        let error1 = await thrownError { try await fromOptions.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters())) }
        #expect((error1 as? RequestValidationError)?.rule == "recvWindow")

        let client = Binance.client(transport: transport)
        let error2 = await thrownError {
            try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters(recvWindow: 70_000)))
        }
        var decimalWindow = Binance.orderParameters()
        decimalWindow.add("recvWindow", ExactDecimal("60000.001"), in: .body)
        let error3 = await thrownError { try await client.send(Call<EmptyResponse, OrderForm>(decimalWindow)) }
        #expect((error3 as? RequestValidationError)?.rule == "recvWindow")

        let validation = try #require(error2 as? RequestValidationError)
        #expect(validation.endpoint == "newOrder")
        #expect(validation.message.contains("60000"))
        #expect(transport.requests.isEmpty)
    }

    @Test func serverTimeOffsetShiftsTheTimestamp() async throws {
        let clock = ManualClock(1_000_000)
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport, clock: { clock.now })
        client.setServerTimeOffset(serverTime: 1_000_750)
        #expect(client.serverTimeOffset == 750)
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest?.bodyText.contains("&timestamp=1000750&") == true)
        clock.set(2_000_000)
        #expect(client.currentTimestamp() == 2_000_750)
        _ = try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        #expect(transport.lastRequest?.bodyText.contains("&timestamp=2000750&") == true)
    }

    @Test func signedGetPutsEverythingInTheQuery() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = Binance.client(transport: transport)
        var parameters = Parameters()
        parameters.add("symbol", "LTCBTC", in: .query)
        parameters.add("orderId", 42, in: .query)
        _ = try await client.send(Call<EmptyResponse, OrderGet>(parameters))
        let request = try #require(transport.lastRequest)
        let unsigned = "symbol=LTCBTC&orderId=42&recvWindow=5000&timestamp=1499827319559"
        let signature = HMACSHA256Signer(secret: Secret(Binance.secretKey)).signature(for: Array(unsigned.utf8))
        #expect(request.queryString == unsigned + "&signature=" + signature)
        #expect(request.body == nil)
    }

    @Test func apiKeyOnlyEndpointSendsTheKeyWithoutSigning() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"listenKey":"abc"}"#)
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: Binance.baseURL, credentials: .apiKey(Binance.apiKey),
            transport: transport)
        _ = try await client.send(Call<JSONValue, UserStream>())
        let request = try #require(transport.lastRequest)
        #expect(request.header("X-MBX-APIKEY") == Binance.apiKey)
        #expect(request.urlText == "https://api.binance.com/api/v3/userDataStream")
        #expect(request.body == nil)
    }

    @Test func signedEndpointWithoutSigningCredentialsIsRefused() async throws {
        let transport = RecordingTransport()
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: Binance.baseURL, credentials: .apiKey(Binance.apiKey),
            transport: transport)
        let error = await thrownError { try await client.send(Call<EmptyResponse, OrderForm>(Binance.orderParameters())) }
        #expect((error as? RequestValidationError)?.rule == "credentials")
        #expect(transport.requests.isEmpty)
    }

    @Test func wireReadySignaturesAreNotEncodedTwice() async throws {
        struct FixedSigner: RequestSigner {
            let text: String
            func signature(for payload: [UInt8]) throws -> String { text }
        }
        for (given, sent) in [("HZ8%2Fab%3D%3D", "HZ8%2Fab%3D%3D"), ("HZ8/ab+c==", "HZ8%2Fab%2Bc%3D%3D")] {
            let transport = RecordingTransport()
            transport.enqueue(body: "{}")
            let client = APIClient<TestVenueError>(
                profile: Binance.profile, baseURL: Binance.baseURL,
                credentials: .signed(apiKey: "k", signer: FixedSigner(text: given)), transport: transport,
                options: ClientOptions(clock: { 1 }))
            _ = try await client.send(Call<EmptyResponse, OrderQuery>())
            #expect(transport.lastRequest?.queryString == "recvWindow=5000&timestamp=1&signature=\(sent)")
        }
    }

    @Test func validateFailureIsThrownBeforeSending() async throws {
        struct Picky: APIRequest {
            typealias Response = EmptyResponse
            static let endpoint = OrderForm.endpoint
            var parameters: Parameters { Parameters() }
            func validate(_ parameters: Parameters) throws {
                throw RequestValidationError(endpoint: "newOrder", rule: "require", message: "type LIMIT needs price")
            }
        }
        let transport = RecordingTransport()
        let client = Binance.client(transport: transport)
        let error = await thrownError { try await client.send(Picky()) }
        #expect(error as? RequestValidationError == RequestValidationError(endpoint: "newOrder", rule: "require", message: "type LIMIT needs price"))
        #expect(transport.requests.isEmpty)
    }
}
