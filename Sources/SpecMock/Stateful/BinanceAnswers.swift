import ClientRuntime
import Foundation
import SpecModel

/// Binance (and Binance JEX, which shares its order endpoints and shapes) in stateful mode: endpoint ids to state
/// calls, answers in the spec's models, refusals with Binance's codes and messages.
struct BinanceAnswers: VenueAnswers {
    let filters: ExchangeFilters
    /// The `exchangeInfo` answer without its clock: the scenario's symbols in the spec's example symbol shape; the
    /// filters above are read from this same document.
    private let exchangeInfo: JSONDocument
    private let examples: ExampleCatalog
    let dialect: VenueDialect
    private let accountTemplate: JSONDocument
    private let conformance: ModelConformance

    init(spec: Spec, scenario: Scenario) throws(MockError) {
        examples = ExampleCatalog(spec: spec)
        dialect = VenueDialect(spec: spec)
        conformance = ModelConformance(spec: spec)
        let exampleInfo = Self.exampleDocuments(of: "exchangeInfo", in: spec)
        let template = exampleInfo.lazy.compactMap { $0["symbols"]?.firstItem }.first ?? .object([])
        let symbols = scenario.symbols.map { symbol -> JSONDocument in
            let filters = symbol.filters.map { $0.map { JSONDocument($0) } } ?? Self.exampleFilters(of: symbol.name, in: exampleInfo)
            return template.setting("symbol", .string(symbol.name)).setting("status", .string("TRADING"))
                .setting("baseAsset", .string(symbol.baseAsset)).setting("quoteAsset", .string(symbol.quoteAsset))
                .setting("filters", .array(filters))
        }
        exchangeInfo = .object([
            ("timezone", .string("UTC")), ("serverTime", .int(0)), ("rateLimits", .array([])),
            ("exchangeFilters", .array(scenario.exchangeFilters.map { JSONDocument($0) })), ("symbols", .array(symbols)),
        ])
        do {
            filters = try ExchangeFilters(binanceExchangeInfoJSON: Data(exchangeInfo.jsonText.utf8))
        } catch {
            throw MockError.invalidScenario("the symbols' filters do not read: \(error)")
        }
        accountTemplate = Self.exampleDocuments(of: "account", in: spec).first ?? .object([])
    }

    func answer(_ endpoint: SpecModel.Endpoint, _ request: ReceivedParameters, _ state: inout TradingState, now: Int64) -> OutgoingResponse? {
        let (type, variant) = examples.responseType(endpoint, request)
        return respond(endpoint, request, variant, &state, now: now).map { conformance.conformed($0, to: type) }
    }

    private func respond(
        _ endpoint: SpecModel.Endpoint, _ request: ReceivedParameters, _ variant: String?, _ state: inout TradingState, now: Int64
    ) -> OutgoingResponse? {
        do {
            switch endpoint.id.value {
            case "exchangeInfo": return ok(exchangeInfo.setting("serverTime", .int(now)))
            case "depth": return ok(depth(request, state))
            case "newOrder":
                let order = try state.place(try Self.order(request), now: now)
                return ok(placed(order, variant, state, now: now))
            case "testNewOrder":
                try state.admit(try Self.order(request))
                return nil  // the documented empty answer (or commission rates)
            case "queryOrder":
                guard let order = state.order(request.text("symbol"), id: request.int("orderId"), clientOrderId: request.text("origClientOrderId"))
                else { return refuse(TradingError.unknownOrder, querying: true) }
                return ok(BinanceShapes.order(order))
            case "openOrders": return ok(.array(state.openOrders(request.text("symbol")).map(BinanceShapes.order)))
            case "allOrders": return ok(.array(state.allOrders(request.text("symbol")).map(BinanceShapes.order)))
            case "myTrades":
                let (symbol, orderID) = (request.text("symbol"), request.int("orderId"))
                let trades = state.trades.filter { trade in trade.symbol == symbol && (orderID == nil || trade.orderID == orderID) }
                return ok(.array(trades.map(BinanceShapes.trade)))
            case "account": return ok(account(state, now: now))
            case "cancelOrder":
                let order = try state.cancel(
                    request.text("symbol") ?? "", id: request.int("orderId"), clientOrderId: request.text("origClientOrderId"), now: now)
                return ok(BinanceShapes.canceled(order, cancelID: request.text("newClientOrderId") ?? "cancel\(order.id)", now: now))
            case "cancelOpenOrders": return ok(try cancelAll(request.text("symbol") ?? "", &state, now: now))
            case "amendOrderKeepPriority": return ok(try amend(request, &state, now: now))
            case "cancelReplace": return try cancelReplace(request, variant, &state, now: now)
            case "newOrderListOco", "newOrderListOto", "newOrderListOtoco":
                let list = try placeList(endpoint.id.value, request, &state, now: now)
                return ok(listAnswer(list, state, variant: variant ?? "RESULT", now: now))
            case "cancelOrderList":
                let list = try state.cancelList(
                    request.text("symbol") ?? "", id: request.int("orderListId"), clientID: request.text("listClientOrderId"), now: now)
                let orders = list.orderIDs.compactMap { state.orders[$0] }
                return ok(BinanceShapes.list(list, orders: orders, reports: orders.map { BinanceShapes.canceled($0, cancelID: "cancel\($0.id)", now: now) }))
            case "queryOrderList":
                guard let list = state.lists[request.int("orderListId") ?? -1] else { return refuse(TradingError.unknownOrder, querying: true) }
                return ok(BinanceShapes.list(list, orders: list.orderIDs.compactMap { state.orders[$0] }, reports: nil))
            case "openOrderLists":
                let lists = state.lists.values.filter(\.isOpen).sorted { $0.id < $1.id }
                return ok(.array(lists.map { BinanceShapes.list($0, orders: $0.orderIDs.compactMap { state.orders[$0] }, reports: nil) }))
            default: return nil
            }
        } catch {
            return refuse(error, querying: false)
        }
    }

    // MARK: - Requests

    /// The order `newOrder` (or `cancelReplace`) parameters place; `prefix` reads a list leg (`above`, `working`…).
    static func order(_ request: ReceivedParameters, prefix: String = "", side: String? = nil, quantity: String? = nil) throws(TradingError) -> PlaceOrder {
        func name(_ base: String) -> String { prefix.isEmpty ? base : prefix + base.prefix(1).uppercased() + base.dropFirst() }
        guard let sideText = side ?? request.text(name("side")), let orderSide = FilterOrder.Side(rawValue: sideText),
            let type = request.text(name("type"))
        else { throw .notSimulated("an order without a side or type") }
        return PlaceOrder(
            symbol: request.text("symbol") ?? "", side: orderSide, type: type, timeInForce: request.text(name("timeInForce")),
            price: request.decimal(name("price")), quantity: request.decimal(quantity ?? name("quantity")),
            quoteQuantity: prefix.isEmpty ? request.decimal("quoteOrderQty") : nil, stopPrice: request.decimal(name("stopPrice")),
            icebergQuantity: request.decimal(name("icebergQty")), trailingDelta: request.int(name("trailingDelta")),
            clientOrderId: request.text(prefix.isEmpty ? "newClientOrderId" : name("clientOrderId")))
    }

    func placeList(_ id: String, _ request: ReceivedParameters, _ state: inout TradingState, now: Int64) throws(TradingError) -> MockOrderList {
        let listID = request.text("listClientOrderId")
        switch id {
        case "newOrderListOco":
            let above = try Self.order(request, prefix: "above", side: request.text("side"), quantity: "quantity")
            let below = try Self.order(request, prefix: "below", side: request.text("side"), quantity: "quantity")
            return try state.placeOCO(above, below, clientID: listID, now: now)
        case "newOrderListOto":
            let working = try Self.order(request, prefix: "working")
            return try state.placeTriggered(working, pending: [try Self.order(request, prefix: "pending")], clientID: listID, now: now)
        default:
            let working = try Self.order(request, prefix: "working")
            let side = request.text("pendingSide")
            let above = try Self.order(request, prefix: "pendingAbove", side: side, quantity: "pendingQuantity")
            let below = try Self.order(request, prefix: "pendingBelow", side: side, quantity: "pendingQuantity")
            return try state.placeTriggered(working, pending: [above, below], clientID: listID, now: now)
        }
    }

    // MARK: - Answers

    func placed(_ order: MockOrder, _ variant: String?, _ state: TradingState, now: Int64) -> JSONDocument {
        switch variant {
        case "ACK": .object(BinanceShapes.ack(order, now: now))
        case "RESULT": BinanceShapes.result(order, now: now)
        default: BinanceShapes.result(order, now: now, fills: state.trades.filter { $0.orderID == order.id && !$0.isMaker })
        }
    }

    func listAnswer(_ list: MockOrderList, _ state: TradingState, variant: String, now: Int64) -> JSONDocument {
        let orders = list.orderIDs.compactMap { state.orders[$0] }
        return BinanceShapes.list(list, orders: orders, reports: orders.map { placed($0, variant, state, now: now) })
    }

    func cancelAll(_ symbol: String, _ state: inout TradingState, now: Int64) throws(TradingError) -> JSONDocument {
        let openLists = Set(state.openOrders(symbol).map(\.listID).filter { $0 >= 0 })
        let canceled = try state.cancelAll(symbol, now: now)
        var items = canceled.filter { $0.listID < 0 }.map { BinanceShapes.canceled($0, cancelID: "cancel\($0.id)", now: now) }
        for id in openLists.sorted() {
            guard let list = state.lists[id] else { continue }
            let orders = list.orderIDs.compactMap { state.orders[$0] }
            items.append(BinanceShapes.list(list, orders: orders, reports: orders.map { BinanceShapes.canceled($0, cancelID: "cancel\($0.id)", now: now) }))
        }
        return .array(items)
    }

    func amend(_ request: ReceivedParameters, _ state: inout TradingState, now: Int64) throws(TradingError) -> JSONDocument {
        let symbol = request.text("symbol") ?? ""
        guard let before = state.order(symbol, id: request.int("orderId"), clientOrderId: request.text("origClientOrderId")) else {
            throw .unknownOrder
        }
        let order = try state.amend(
            symbol, id: before.id, clientOrderId: nil, newQuantity: request.decimal("newQty") ?? 0,
            newClientOrderId: request.text("newClientOrderId"), now: now)
        var members: BinanceShapes.Members = [
            ("transactTime", .int(now)), ("executionId", .int(now)), ("amendedOrder", BinanceShapes.amended(order, originalClientID: before.clientOrderId)),
        ]
        if let list = state.lists[order.listID] {
            members.append(("listStatus", BinanceShapes.list(list, orders: list.orderIDs.compactMap { state.orders[$0] }, reports: nil)))
        }
        return .object(members)
    }

    func cancelReplace(_ request: ReceivedParameters, _ variant: String?, _ state: inout TradingState, now: Int64) throws(TradingError)
        -> OutgoingResponse
    {
        let symbol = request.text("symbol") ?? ""
        let replacement = try Self.order(request)
        try state.admit(replacement)  // filters are evaluated before anything is processed
        let canceled: JSONDocument
        do {
            let order = try state.cancel(symbol, id: request.int("cancelOrderId"), clientOrderId: request.text("cancelOrigClientOrderId"), now: now)
            canceled = BinanceShapes.canceled(order, cancelID: request.text("cancelNewClientOrderId") ?? "cancel\(order.id)", now: now)
        } catch {
            let failed = errorParts(error, querying: false)
            let stop = request.text("cancelReplaceMode") != "ALLOW_FAILURE"
            var outcome = JSONDocument.null
            if !stop { outcome = newOrderOutcome(replacement, variant, &state, now: now) }
            let placedOK = outcome["orderId"] != nil
            return failure(
                placedOK ? 409 : 400, placedOK ? "-2021" : "-2022", placedOK ? "Order cancel-replace partially failed." : "Order cancel-replace failed.",
                cancel: ("FAILURE", errorObject(failed)), new: (stop ? "NOT_ATTEMPTED" : placedOK ? "SUCCESS" : "FAILURE", outcome))
        }
        let outcome = newOrderOutcome(replacement, variant, &state, now: now)
        guard outcome["orderId"] != nil else {
            return failure(409, "-2021", "Order cancel-replace partially failed.", cancel: ("SUCCESS", canceled), new: ("FAILURE", outcome))
        }
        return ok(.object([("cancelResult", .string("SUCCESS")), ("newOrderResult", .string("SUCCESS")), ("cancelResponse", canceled), ("newOrderResponse", outcome)]))
    }

    func newOrderOutcome(_ order: PlaceOrder, _ variant: String?, _ state: inout TradingState, now: Int64) -> JSONDocument {
        do {
            return placed(try state.enter(order, now: now), variant, state, now: now)
        } catch {
            return errorObject(errorParts(error, querying: false))
        }
    }

    func failure(_ status: Int, _ code: String, _ message: String, cancel: (String, JSONDocument), new: (String, JSONDocument)) -> OutgoingResponse {
        let data = JSONDocument.object([
            ("cancelResult", .string(cancel.0)), ("newOrderResult", .string(new.0)), ("cancelResponse", cancel.1), ("newOrderResponse", new.1),
        ])
        return .json(status, JSONDocument.object([("code", .number(code)), ("msg", .string(message)), ("data", data)]).jsonText)
    }

    func depth(_ request: ReceivedParameters, _ state: TradingState) -> JSONDocument {
        let book = state.books[request.text("symbol") ?? ""] ?? OrderBook()
        let limit = Int(clamping: request.int("limit") ?? 100)
        return .object([("lastUpdateId", .int(Int64(state.trades.count))), ("bids", book.document(.buy, limit: limit)), ("asks", book.document(.sell, limit: limit))])
    }

    /// The spec's account example with the state's balances (in its balance list and item shape: `balances` for
    /// Binance, `spotBalances` for JEX), no commission, and the current time.
    private func account(_ state: TradingState, now: Int64) -> JSONDocument {
        let key = accountTemplate["balances"] != nil ? "balances" : "spotBalances"
        let item = accountTemplate[key]?.firstItem ?? .object([])
        let balances = state.balances.keys.sorted().map { asset -> JSONDocument in
            let balance = state.balance(asset)
            return item.setting("asset", .string(asset)).setting("free", .decimal(balance.free)).setting("locked", .decimal(balance.locked))
        }
        var document = accountTemplate.setting(key, .array(balances)).setting("updateTime", .int(now))
        for commission in ["makerCommission", "takerCommission", "buyerCommission", "sellerCommission"] where document[commission] != nil {
            document = document.setting(commission, .int(0))
        }
        if document["commissionRates"] != nil {
            let zero = JSONDocument.decimal("0.00000000")
            document = document.setting("commissionRates", .object([("maker", zero), ("taker", zero), ("buyer", zero), ("seller", zero)]))
        }
        return document
    }
}
