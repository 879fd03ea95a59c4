import Foundation
import SpecModel
import Testing

@testable import SpecDocs

@Suite("Docs: extraction into the DocModel")
struct DocsExtractionTests {
    @Test("DFX: endpoint headings, **PARAMETER** tables, 'NO (required for …)', e.g. value lists")
    func dfx() throws {
        let model = docModel([
            (
                "6.md",
                """
                # 1、 Create Order
                ## POST `/api/v1/spot/order`

                | **PARAMETER** | **TYPE** | **Mandatory** | **DESCRIPTION** |
                | --- | --- | --- | --- |
                | side | STRING | YES | Order direction, e.g. `BUY` or `SELL` |
                | price | BIGDECIMAL | NO (required for LIMIT order) | Order Price |
                | interval | STRING    | YES | kline type, e.g. `M1, M3, MON1`

                # 3、 Batch Cancel Order.
                DELETE `/api/v1/spot/batch/order`
                """
            )
        ])
        #expect(model.endpoints.map(\.key.description) == ["POST /api/v1/spot/order", "DELETE /api/v1/spot/batch/order"])
        let order = try #require(model.endpoints.first)
        #expect(order.title == "1、 Create Order")
        let params = try #require(order.params)
        #expect(params.map(\.name) == ["side", "price", "interval"])
        #expect(params.map(\.mandatory) == [true, false, true])
        #expect(params[0].values.map(\.value) == ["BUY", "SELL"])
        #expect(params[2].values.map(\.value) == ["M1", "M3", "MON1"])
        #expect(model.endpoints[1].location.line == 11)
    }

    @Test("JEX: code-span endpoint lines, weights on the next line, 'Reference' parameters, quoted value lists")
    func jex() throws {
        let model = docModel([
            (
                "jex.md",
                """
                ## Kline/Candlestick data

                `GET /api/v1/spot/klines`

                **Weight:**
                1

                Name | Type | Mandatory | Description
                ------------ | ------------ | ------------ | ------------
                interval | ENUM | YES | "1m":minute"3m": minute"1w":week

                ## Test order(TRADE)

                `POST /api/v1/spot/order/test (HMAC SHA256)`

                **Weight:1**

                Reference   `POST /api/v1/spot/order`
                """
            )
        ])
        let klines = try #require(model.endpoints.first)
        #expect(klines.weight == 1)
        #expect(klines.params?.first?.values.map(\.value) == ["1m", "3m", "1w"])
        let test = try #require(model.endpoints.last)
        #expect(test.security == "TRADE")
        #expect(test.weight == 1)
        #expect(test.inheritsParams?.description == "POST /api/v1/spot/order")
        #expect(test.params == nil)
    }

    @Test("B2TRADER: plain parameter lines, a wrapper object, run-together values, response-field values")
    func b2trader() throws {
        let model = docModel([
            (
                "place.md",
                """
                Place SPOT order
                POST /frontoffice/api/v3/orders
                Request
                Header parameters
                accountId required
                The trading account identifier.
                Body
                order object
                order.side string
                Possible values:
                BuySell
                order.requestedPrice decimal string | nullable
                Request example
                {
                "order": {"side": "Buy"}
                }
                Response
                order.status string
                Possible values:
                StartedPendingWorking
                Response example β 200: OK
                {"order": {"status": "Pending"}}
                """
            )
        ])
        let endpoint = try #require(model.endpoints.first)
        #expect(endpoint.title == "Place SPOT order")
        #expect(endpoint.wrapper == "order")
        let params = try #require(endpoint.params)
        #expect(params.map(\.name) == ["accountId", "side", "requestedPrice"])
        #expect(params.map(\.mandatory) == [true, false, false])
        #expect(params.map(\.location) == [.header, .body, .body])
        #expect(params[1].runTogetherValues?.value == "BuySell")
        #expect(params[2].type == "decimal string | nullable")
        #expect(endpoint.examples.map(\.kind) == [.request])
        #expect(model.enums.first?.runTogetherValues?.value == "StartedPendingWorking")
        #expect(model.enums.first?.endpoint?.path == "/frontoffice/api/v3/orders")
        #expect(
            DocComparer.split(DocValue(value: "ManualStopOrderFixApi", at: endpoint.location), by: ["Manual", "StopOrder"]).map(\.value)
                == ["Manual", "StopOrder", "Fix", "Api"])
    }

    @Test("Overview tables: a METHOD /path cell with parameter columns, Method and Url columns")
    func overviews() throws {
        let model = docModel([
            (
                "notes.md",
                """
                | call | method and path | header params | body / path params |
                | --- | --- | --- | --- |
                | Cancel order | `DELETE /x/orders/{orderId}` | accountId | path `orderId` (required) |
                | Order data | `POST /x/order-data` | accountId; `Content-Type: application/json` | `order.side` (Buy, Sell), `order.price` (decimal, nullable; omit for Market) |
                | Place | `POST /x/orders` | accountId | see `place.md` |

                | Url | Method | What roles can access |
                | --- | --- | --- |
                |/api/v1/spot/test/order| POST| ALL|
                |/ws/**| GET| ALL|
                """
            )
        ])
        #expect(model.endpoints.map(\.key.description) == ["DELETE /x/orders/{orderId}", "POST /x/order-data", "POST /x/orders", "POST /api/v1/spot/test/order"])
        #expect(model.endpoints.allSatisfy { $0.isMention })
        let cancel = try #require(model.endpoints[0].params)
        #expect(cancel.map(\.name) == ["accountId", "orderId"])
        #expect(cancel.map(\.location) == [.header, .path])
        #expect(cancel[1].mandatory == true)
        let data = try #require(model.endpoints[1].params)
        #expect(data.map(\.name) == ["accountId", "side", "price"])
        #expect(data[1].values.map(\.value) == ["Buy", "Sell"])
        #expect(data[2].type == "decimal")
        #expect(model.endpoints[2].params == nil)
    }

    @Test("Binance: ENUM sections as bullets and tables, error headings with and without names")
    func enumsAndErrors() {
        let model = docModel([
            (
                "b.md",
                """
                Order side (side)[](/docs/enums#side "Direct link to Order side (side)")
                ----------------------------------------------------------------------

                *   `BUY`
                *   `SELL`

                Rate limiters (rateLimitType)
                -----------------------------

                *   REQUEST\\_WEIGHT

                ```
                {"rateLimitType": "REQUEST_WEIGHT"}
                ```

                *   ORDERS

                Symbol filters
                --------------

                *   `minPrice` defines the minimum price.

                ### \\-1121 BAD\\_SYMBOL[](/docs/errors#-1121 "Direct link to -1121 BAD_SYMBOL")

                ### \\-2021 Order cancel-replace partially failed[](/docs/errors#-2021 "x")
                """
            )
        ])
        #expect(model.enums.map(\.title) == ["Order side", "Rate limiters"])
        #expect(model.enums.map(\.names) == [["side"], ["rateLimitType"]])
        #expect(model.enums[1].values.map(\.value) == ["REQUEST_WEIGHT", "ORDERS"])
        #expect(model.errors.map(\.code) == ["-1121", "-2021"])
        #expect(model.errors.map(\.name) == ["BAD_SYMBOL", nil])
        #expect(model.errors[1].message == "Order cancel-replace partially failed")
    }
}
