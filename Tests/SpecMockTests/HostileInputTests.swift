import Foundation
import SpecModel
import Testing

@testable import SpecMock

/// The reproducers of issue 14 that crashed the mock or were wrongly accepted, as the engine sees them.
@Suite("Hostile requests and specs")
struct HostileInputTests {
    static let now = EngineHarness.now

    @Test(
        "Binance: timestamp=Int64.min with the API key answers -1021, not an overflow trap",
        arguments: [
            "-9223372036854775808", "9223372036854775807", "-1",
        ])
    func binanceOverflowingTimestamp(_ stamp: String) throws {
        let mock = try EngineHarness("binance-spot.yaml")
        let answer = mock.sendSigned("GET", "/api/v3/account", query: "timestamp=\(stamp)")
        #expect(answer.status == 400)
        #expect(answer.code == "-1021")
    }

    @Test("Binance: a huge recvWindow is refused by its maximum, a timestamp inside the window passes")
    func binanceRecvWindowBounds() throws {
        let mock = try EngineHarness("binance-spot.yaml")
        let huge = mock.sendSigned("GET", "/api/v3/account", query: "timestamp=\(Self.now)&recvWindow=99999999999999999999999")
        #expect(huge.code == "-1102")
        let valid = mock.sendSigned("GET", "/api/v3/account", query: "timestamp=\(Self.now - 100)&recvWindow=60000")
        #expect(valid.status == 200)
    }

    @Test(
        "DFX: an unauthenticated market request with EXCHANGE-API-TIMESTAMP Int64.min answers 401",
        arguments: [
            "-9223372036854775808", "9223372036854775807",
        ])
    func dfxOverflowingHeaderTimestamp(_ stamp: String) throws {
        let mock = try EngineHarness("dfx-spot.yaml", options: MockOptions(credentials: MockCredentials(apiKey: "k")))
        let answer = mock.send("GET", "/api/v1/spot/depth", query: "symbol=BTC-USDT", headers: [("EXCHANGE-API-TIMESTAMP", stamp)])
        #expect(answer.status == 401)
        #expect(answer.code == "401")
        let fresh = mock.send(
            "GET", "/api/v1/spot/depth", query: "symbol=BTC-USDT", headers: [("EXCHANGE-API-TIMESTAMP", String(Self.now))])
        #expect(fresh.status == 200)
    }

    @Test("a lint-clean spec with a huge weight and intervalNum: the counter saturates instead of trapping")
    func hugeWeightAndInterval() throws {
        let mock = try EngineHarness("binance-spot.yaml") { spec in
            for index in spec.rateLimits?.limiters.indices ?? 0..<0 { spec.rateLimits?.limiters[index].intervalNum = .max }
            for index in spec.endpoints.indices { spec.endpoints[index].weight = .fixed(.max) }
        }
        for _ in 0..<3 {
            let answer = mock.send("GET", "/api/v3/ping")
            #expect(answer.status == 200)
            let used = try #require(answer.headers.first { $0.name.hasPrefix("X-MBX-USED-WEIGHT-") })
            #expect(used.value == String(Int.max))
        }
    }

    @Test("malformed percent-encoding inside a correctly signed body answers -1100", arguments: ["%ZZ", "%C3%28", "%00", "%E2%82", "BTC%"])
    func malformedEncoding(_ symbol: String) throws {
        let mock = try EngineHarness("binance-spot.yaml")
        let body = "symbol=\(symbol)&side=BUY&type=MARKET&quantity=1&timestamp=\(Self.now)"
        let answer = mock.sendSigned("POST", "/api/v3/order", body: body)
        #expect(answer.status == 400)
        #expect(answer.code == "-1100")
        #expect(answer.text.contains("'symbol'"))
        let good = mock.sendSigned("POST", "/api/v3/order", body: "symbol=BTC%55SDT&side=BUY&type=MARKET&quantity=1&timestamp=\(Self.now)")
        #expect(good.status == 200)
    }

    @Test("malformed encoding in the query string and in a parameter name is refused too")
    func malformedQuery() throws {
        let mock = try EngineHarness("binance-spot.yaml")
        #expect(mock.send("GET", "/api/v3/exchangeInfo", query: "symbol=%FF").code == "-1100")
        #expect(mock.send("GET", "/api/v3/exchangeInfo", query: "sym%ZZbol=BTCUSDT").code == "-1100")
        #expect(mock.send("GET", "/api/v3/exchangeInfo", query: "symbol=BTC%55SDT").status == 200)
    }

    @Test(
        "FormText decodes strictly",
        arguments: [
            ("a%20b+c", "a b c"), ("%E2%82%AC", "€"), ("", ""),
        ])
    func strictDecoding(_ input: String, _ expected: String) {
        #expect(FormText.decode(input.utf8) == expected)
    }

    @Test("FormText refuses what is not percent-encoded UTF-8 text", arguments: ["%", "%4", "%G0", "%C3%28", "%00", "%1F", "%7F", "\u{01}"])
    func strictDecodingRefuses(_ input: String) {
        #expect(FormText.decode(input.utf8) == nil)
    }

    @Test("ConstantTime.equal compares whole strings")
    func constantTime() {
        #expect(ConstantTime.equal("abc", "abc"))
        #expect(!ConstantTime.equal("abc", "abd"))
        #expect(!ConstantTime.equal("abc", "abcd"))
        #expect(!ConstantTime.equal("", "a"))
        #expect(ConstantTime.equal("", ""))
        // Lengths whose difference is a multiple of 256 still differ.
        #expect(!ConstantTime.equal(String(repeating: "a", count: 256), ""))
    }

    @Test("CheckedArithmetic never traps")
    func checkedArithmetic() {
        #expect(CheckedArithmetic.distance(.min, .max) == UInt64.max)
        #expect(CheckedArithmetic.distance(5, -5) == 10)
        #expect(CheckedArithmetic.add(.max, 1) == .max)
        #expect(CheckedArithmetic.add(.min, -1) == .min)
        #expect(CheckedArithmetic.multiply(.max, 2) == .max)
        #expect(CheckedArithmetic.multiply(.max, -2) == .min)
    }
}
