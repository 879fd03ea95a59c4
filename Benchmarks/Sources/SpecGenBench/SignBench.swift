import BinanceSpot
import ClientRuntime
import Crypto
import Foundation
import HTTPTypes

/// Replies to every request with the same ACK body; keeps nothing (RecordingTransport keeps every request).
/// It answers at once, so it enforces any timeout: the client calls it without a timer of its own.
struct FixedReplyTransport: HTTPTransport {
    let response = WireResponse(status: 200, text: """
        {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595}
        """)
    var enforcesTimeout: Bool { true }
    func send(_ request: WireRequest) async throws -> WireResponse { response }
}

/// The same replies from a transport that does not say it enforces timeouts: the client races it against a timer.
struct RacedReplyTransport: HTTPTransport {
    let inner = FixedReplyTransport()
    func send(_ request: WireRequest) async throws -> WireResponse { inner.response }
}

/// Build + sign + encode a LIMIT order through the generated client vs raw HMAC-SHA256 of the same bytes.
enum SignBench {
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"

    static func order() -> NewOrderRequest {
        // What `NewOrderRequest.limit(…)` builds, with an ACK response.
        NewOrderRequest(
            symbol: "LTCBTC", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1", price: "0.1",
            newOrderRespType: .ack)
    }

    static func run() async throws -> [Measurement] {
        let signer = HMACSHA256Signer(secret: Secret(secret))
        let client = BinanceSpotClient(
            credentials: .signed(apiKey: apiKey, signer: signer), transport: FixedReplyTransport(),
            options: ClientOptions(clock: { 1_499_827_319_559 }))
        // The request the client sends, to sign the same bytes by hand.
        let recorder = RecordingTransport(replies: [.response(FixedReplyTransport().response)])
        let recording = BinanceSpotClient(
            credentials: .signed(apiKey: apiKey, signer: signer), transport: recorder,
            options: ClientOptions(clock: { 1_499_827_319_559 }))
        _ = try await recording.newOrder(order())
        let body = String(decoding: recorder.lastRequest?.body ?? Data(), as: UTF8.self)
        let payload = Array(body.split(separator: "&").filter { !$0.hasPrefix("signature=") }.joined(separator: "&").utf8)
        let key = SymmetricKey(data: Array(secret.utf8))

        let batch = 2_000, samples = 60
        let send = try await Harness.measureAsync("sign.specgen.send", batch: batch, samples: samples) {
            blackHole(try await client.newOrder(order()))
        }
        let raced = BinanceSpotClient(
            credentials: .signed(apiKey: apiKey, signer: signer), transport: RacedReplyTransport(),
            options: ClientOptions(clock: { 1_499_827_319_559 }))
        let sendRaced = try await Harness.measureAsync("sign.specgen.send-timer", batch: batch, samples: samples) {
            blackHole(try await raced.newOrder(order()))
        }
        // Validate, parameters, encode, HMAC: the signed wire request without a transport or a response.
        let prepare = try await Harness.measureAsync("sign.specgen.prepare", batch: batch, samples: samples) {
            blackHole(try await client.runtime.prepare(order()))
        }
        let hmac = Harness.measure("sign.raw-hmac", batch: batch, samples: samples) {
            blackHole(HMAC<SHA256>.authenticationCode(for: payload, using: key))
        }
        let signerOnly = Harness.measure("sign.signer-hex", batch: batch, samples: samples) {
            blackHole(signer.signature(for: payload))
        }
        let params = try Harness.measure("sign.params-validate", batch: batch, samples: samples) {
            let request = order()
            try request.validate()
            blackHole(request.parameters)
        }
        // The same comparisons as ratios taken batch by batch in turn (steadier than two medians on a busy machine).
        let rawHMAC = { blackHole(HMAC<SHA256>.authenticationCode(for: payload, using: key)) }
        let prepareRatio = try await Harness.measureRatio("sign.ratio.prepare-over-hmac", batch: 500, samples: 200, {
            blackHole(try await client.runtime.prepare(order()))
        }, over: rawHMAC)
        let sendRatio = try await Harness.measureRatio("sign.ratio.send-over-hmac", batch: 500, samples: 200, {
            blackHole(try await client.newOrder(order()))
        }, over: rawHMAC)
        let floorRatio = try await Harness.measureRatio("sign.ratio.floor-validated-over-hmac", batch: 500, samples: 200, {
            blackHole(try validatedFloor(order(), signer: signer))
        }, over: rawHMAC)
        return [send, sendRaced, prepare, hmac, signerOnly, params, prepareRatio, sendRatio, floorRatio]
    }

    /// The floor after the checks `prepare` makes: `Parameters` built and the spec's rules checked, then the bytes
    /// written by hand. What a generated encoder could reach while the rules are checked as they are now.
    static func validatedFloor(_ order: NewOrderRequest, signer: HMACSHA256Signer) throws -> WireRequest {
        try order.validate(order.parameters)
        return floor(order, signer: signer)
    }

    /// The least a signed LIMIT order can cost through this runtime's types: the form body written by hand from the
    /// request's stored properties (no `Parameters`, no rules), signed, and put in a `WireRequest`.
    static func floor(_ order: NewOrderRequest, signer: HMACSHA256Signer) -> WireRequest {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        func pair(_ name: String, _ value: String) {
            if !body.isEmpty { body.append(UInt8(ascii: "&")) }
            body.append(contentsOf: name.utf8)
            body.append(UInt8(ascii: "="))
            body.append(contentsOf: value.utf8)
        }
        pair("symbol", order.symbol)
        pair("side", order.side.rawValue)
        pair("type", order.type.rawValue)
        if let value = order.timeInForce { pair("timeInForce", value.rawValue) }
        if let value = order.quantity { pair("quantity", value.text) }
        if let value = order.price { pair("price", value.text) }
        if let value = order.newOrderRespType { pair("newOrderRespType", value.rawValue) }
        pair("recvWindow", "5000")
        pair("timestamp", String(1_499_827_319_559))
        pair("signature", signer.signature(for: body))
        let head = HTTPRequest(
            method: .post, scheme: "https", authority: "api.binance.com", path: "/api/v3/order", headerFields: floorFields)
        return WireRequest(head, bodyBytes: body)
    }

    /// The floor's header fields, built once as hand-written code would.
    static let floorFields: HTTPFields = [
        HTTPField.Name("X-MBX-APIKEY")!: apiKey, .contentType: "application/x-www-form-urlencoded",
    ]
}
