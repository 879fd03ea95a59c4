import B2TraderFrontOffice
import BinanceJEXSpot
import BinanceSpot
import ClientRuntime
import Crypto
import DFXSpot
import Foundation
import Testing
import _CryptoExtras

/// The generated clients used the way the README shows, against a recording transport.
@Suite struct ClientUsageTests {
    static let fullOrder = """
        {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595,\
        "price":"20000.00000000","origQty":"0.00100000","executedQty":"0.00100000","origQuoteOrderQty":"0.000000",\
        "cummulativeQuoteQty":"20.00000000","status":"FILLED","timeInForce":"GTC","type":"LIMIT","side":"BUY",\
        "workingTime":1507725176595,"selfTradePreventionMode":"NONE",\
        "fills":[{"price":"20000.00000000","qty":"0.00100000","commission":"0.00000100","commissionAsset":"BTC","tradeId":56}]}
        """

    func binance(_ transport: RecordingTransport) -> BinanceSpotClient {
        BinanceSpotClient(
            credentials: .signed(apiKey: "key", signer: HMACSHA256Signer(secret: Secret("secret"))),
            transport: transport, options: ClientOptions(clock: { 1_700_000_000_000 }))
    }

    @Test func readmeLimitOrder() async throws {
        let transport = RecordingTransport()
        transport.enqueue(headers: ["X-MBX-USED-WEIGHT-1M": "7"], body: Self.fullOrder)
        let binance = binance(transport)
        let order = try await binance.newOrder(
            .limit(symbol: "BTCUSDT", side: .buy, timeInForce: .gtc, quantity: "0.001", price: "20000"))
        guard case let .full(full) = order else {
            Issue.record("expected the FULL response of a LIMIT order")
            return
        }
        #expect(full.orderId == 28)
        #expect(full.fills.map(\.price.text) == ["20000.00000000"])
        #expect(full.fills.map(\.commission.text) == ["0.00000100"])
        #expect(binance.rateLimits.usedWeight["1M"] == 7)

        let sent = try #require(transport.lastRequest)
        #expect(sent.method == .post)
        #expect(sent.path == "/api/v3/order")
        #expect(sent.header("X-MBX-APIKEY") == "key")
        #expect(
            sent.bodyText.hasPrefix("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=20000&recvWindow=5000&timestamp=1700000000000&signature="))
    }

    @Test func brokenRuleIsRefusedBeforeSending() async throws {
        let transport = RecordingTransport()
        let request = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: "1")
        await #expect(throws: RequestValidationError.self) { try await binance(transport).newOrder(request) }
        do { try request.validate() } catch let error as RequestValidationError {
            #expect(error.rule == "type=LIMIT: requires timeInForce, quantity")
            #expect(error.message == "missing 'timeInForce'")
            // Price has a rule of its own since pegged orders may leave it out; it is reported too.
            #expect(error.violations.map(\.message) == ["missing 'timeInForce'", "missing 'price'"])
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func catalogErrorsMatchInCatch() async throws {
        let transport = RecordingTransport()
        transport.enqueue(status: 400, body: #"{"code":-1121,"msg":"Invalid symbol."}"#)
        do {
            _ = try await binance(transport).newOrder(.market(symbol: "NOPE", side: .sell, quantity: "1"))
            Issue.record("expected an error")
        } catch BinanceSpotError.badSymbol {
            // matched by code
        } catch {
            Issue.record("unexpected \(error)")
        }
        transport.enqueue(status: 400, body: #"{"code":-9999,"msg":"Something new."}"#)
        let error = await #expect(throws: BinanceSpotError.self) { try await binance(transport).ping() }
        #expect(error?.code == "-9999")
        #expect(error?.name == nil)
        #expect(error?.message == "Something new.")
    }

    @Test func unknownEnumValuesAreKept() throws {
        let json = Self.fullOrder.replacingOccurrences(of: #""status":"FILLED""#, with: #""status":"PARKED""#)
        let order = try JSONDecoder().decode(OrderFull.self, from: Data(json.utf8))
        #expect(order.status == .unknown("PARKED"))
        let again = try JSONDecoder().decode(OrderFull.self, from: JSONEncoder().encode(order))
        #expect(again.status.rawValue == "PARKED")
    }

    @Test func dfxEnvelopeIsUnwrapped() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            body: #"{"code":"0","msg":"success","serverTimestamp":1733210663288,"data":[{"code":"0","orderId":2000000203363954,"clientOrderId":null,"msg":"success"}]}"#)
        let dfx = DFXSpotClient(credentials: .none, transport: transport)
        await #expect(throws: RequestValidationError.self) {
            _ = try await dfx.cancelOrder(CancelOrderRequest(accountId: "1", orderId: 2_000_000_203_363_954))
        }
        let signer = try DFXSigner(privateKeyPEM: Secret(Curve25519.Signing.PrivateKey().pemRepresentation))
        let signed = DFXSpotClient(apiKey: "k", signer: signer, transport: transport)
        let results = try await signed.cancelOrder(CancelOrderRequest(accountId: "1", orderId: 2_000_000_203_363_954))
        #expect(results.map(\.orderId) == [2_000_000_203_363_954])
        #expect(transport.lastRequest?.header("EXCHANGE-API-SIGN") != nil)
    }

    @Test func typedCredentialInitialiserSignsLikeTheGenericOne() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        transport.enqueue(body: "{}")
        let signer = HMACSHA256Signer(secret: Secret("secret"))
        let options = ClientOptions(clock: { 1_499_827_319_559 })
        let typed = BinanceSpotClient(apiKey: "key", signer: signer, transport: transport, options: options)
        let generic = BinanceSpotClient(credentials: .signed(apiKey: "key", signer: signer), transport: transport, options: options)
        _ = try? await typed.account()  // "{}" is not an account: the requests are what is compared
        _ = try? await generic.account()
        #expect(transport.requests.count == 2)
        #expect(transport.requests.first == transport.requests.last)
        #expect(transport.requests.first?.queryString.contains("&signature=") == true)
        #expect(transport.requests.first?.header("X-MBX-APIKEY") == "key")
    }

    @Test func b2traderUsesTheBrokersHostAndBearerToken() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            body:
                #"{"order":{"marketId":"spot.btc_usdt","marketDisplayName":"SPOT BTC/USDT","orderId":"01K1","orderType":"Limit","side":"Buy","status":"Pending","source":"Manual","timeInForce":"Gtc","commission":"0","requestedAmount":"0.02","remainingAmount":"0.02","requestedPrice":"115193.35","executionPrice":"0","createdAt":"2025-08-06T13:50:13.931Z","updatedAt":"2025-08-06T13:50:13.9325008Z","rejectDetails":"","cancellationDate":null,"fillFactor":"0"}}"#
        )
        let server = try #require(B2TraderFrontOfficeClient.Server.custom(host: "broker.example"))
        let client = B2TraderFrontOfficeClient(server: server, tokens: StaticToken(Secret("jwt")), transport: transport)
        let placed = try await client.placeOrder(
            .limit(accountId: "acc", marketId: "spot.btc_usdt", side: .buy, timeInForce: .gtc, requestedAmount: "0.02", requestedPrice: "115193.35"))
        #expect(placed.order.updatedAt.text == "2025-08-06T13:50:13.9325008Z")
        #expect(placed.order.requestedPrice?.text == "115193.35")
        let sent = try #require(transport.lastRequest)
        #expect(sent.url?.absoluteString == "https://broker.example/frontoffice/api/v3/orders")
        #expect(sent.header("Authorization") == "Bearer jwt")
        #expect(sent.header("accountId") == "acc")
        #expect(sent.bodyText.hasPrefix(#"{"order":{"marketId":"spot.btc_usdt""#))
    }

    @Test func jexKlinesArePositional() async throws {
        let transport = RecordingTransport()
        transport.enqueue(
            body:
                #"[[1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100","148976.11427815",1499644799999,"2434.19055334",308,"1756.87402397","28.46694368","17928899.62484339"]]"#
        )
        let jex = BinanceJEXSpotClient(transport: transport)
        let klines = try await jex.klines(KlinesRequest(symbol: "BTCUSDT", interval: ._1m))
        #expect(klines.first?.open.text == "0.01634790")
        #expect(klines.first?.closeTime == 1_499_644_799_999)
    }
}
