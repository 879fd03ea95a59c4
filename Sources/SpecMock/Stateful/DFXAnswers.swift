import ClientRuntime
import Foundation
import SpecModel

/// DFX in stateful mode: the same `TradingState` as Binance, answered in DFX's envelope and models (`Order`,
/// `CancelResult`, `Balance`, `AccountTrade`, `SymbolInfo`, `Depth`). The mock has one account: any `accountId` is
/// taken to be it.
struct DFXAnswers: VenueAnswers {
    let filters: ExchangeFilters
    private let symbols: [Scenario.Symbol]
    private let examples: ExampleCatalog
    private let dialect: VenueDialect

    init(spec: Spec, scenario: Scenario) throws(MockError) {
        examples = ExampleCatalog(spec: spec)
        dialect = VenueDialect(spec: spec)
        symbols = scenario.symbols
        do {
            let read = try scenario.symbols.map { symbol throws -> ExchangeFilters.Symbol in
                let filters = try (symbol.filters ?? []).compactMap { value -> ExchangeFilter? in
                    guard case .object(let object) = value else { return nil }
                    return try ExchangeFilter(binance: object)
                }
                return ExchangeFilters.Symbol(name: symbol.name, baseAsset: symbol.baseAsset, quoteAsset: symbol.quoteAsset, filters: filters)
            }
            filters = ExchangeFilters(symbols: read)
        } catch {
            throw MockError.invalidScenario("the symbols' filters do not read: \(error)")
        }
    }

    func answer(_ endpoint: SpecModel.Endpoint, _ request: ReceivedParameters, _ state: inout TradingState, now: Int64) -> OutgoingResponse? {
        do {
            switch endpoint.id.value {
            case "symbols":
                let wanted = request.text("symbol")
                return ok(.array(symbols.filter { wanted == nil || $0.name == wanted }.map(symbolInfo)), now)
            case "depth": return ok(depth(request, state, now: now), now)
            case "createOrder":
                guard let side = request.text("side").flatMap(FilterOrder.Side.init(rawValue:)), let type = request.text("type") else {
                    throw TradingError.notSimulated("an order without a side or type")
                }
                let order = PlaceOrder(
                    symbol: request.text("symbol") ?? "", side: side, type: type, timeInForce: nil, price: request.decimal("price"),
                    quantity: request.decimal("quantity"), quoteQuantity: type == "MARKET" ? request.decimal("amount") : nil,
                    clientOrderId: request.text("clientOrderId"))
                return ok(.int(try state.place(order, now: now).id), now)
            case "cancelOrder":
                let order = try state.cancel(nil, id: request.int("orderId"), clientOrderId: request.text("clientOrderId"), now: now)
                return ok(.array([cancelResult(order.id, order.clientOrderId, nil)]), now)
            case "batchCancelOrders": return ok(try batchCancel(request, &state, now: now), now)
            case "getOrder":
                let id = request.int("orderId")
                guard let order = state.order(nil, id: id, clientOrderId: id == nil ? request.text("clientOrderId") : nil) else {
                    throw TradingError.unknownOrder
                }
                return ok(self.order(order, request), now)
            case "openOrders": return ok(.array(orders(state.openOrders(request.text("symbol")), request)), now)
            case "finishedOrders":
                return ok(.array(orders(state.allOrders(request.text("symbol")).filter { !$0.status.isOpen }.reversed(), request)), now)
            case "accountBalance":
                let token = request.text("token")
                let assets = state.balances.keys.sorted().filter { token == nil || $0 == token }
                return ok(.array(assets.enumerated().map { balance($1, index: $0, state) }), now)
            case "accountTrades":
                let trades = state.trades.reversed().filter { trade in
                    (request.text("symbol").map { $0 == trade.symbol } ?? true) && (request.int("orderId").map { $0 == trade.orderID } ?? true)
                        && (request.int("fromId").map { trade.id > $0 } ?? true)
                }
                return ok(.array(trades.prefix(Int(clamping: request.int("limit") ?? 10)).map(trade)), now)
            default: return nil
            }
        } catch {
            return refuse(error)
        }
    }

    private func batchCancel(_ request: ReceivedParameters, _ state: inout TradingState, now: Int64) throws(TradingError) -> JSONDocument {
        guard let ids = request.text("orderIds") else {
            return .array(try state.cancelAll(request.text("symbol") ?? "", now: now).map { cancelResult($0.id, $0.clientOrderId, nil) })
        }
        return .array(
            ids.split(separator: ",").compactMap { Int64($0) }.map { id in
                do {
                    let order = try state.cancel(nil, id: id, clientOrderId: nil, now: now)
                    return cancelResult(order.id, order.clientOrderId, nil)
                } catch {
                    return cancelResult(id, nil, errorParts(error))
                }
            })
    }

    // MARK: - Shapes

    private func order(_ order: MockOrder, _ request: ReceivedParameters) -> JSONDocument {
        let status =
            switch order.status {
            case .partiallyFilled: "PARTIAL_FILLED"
            case .expired: order.executed.isZero ? "CANCELED" : "FILLED"
            default: order.status.rawValue
            }
        let amount = (try? order.quantity.multiplied(by: order.price)) ?? order.quoteQuantity
        return .object([
            ("clientOid", .string(order.clientOrderId)), ("orderId", .int(order.id)), ("accountId", .string(request.text("accountId") ?? "")),
            ("side", .string(order.side.rawValue)), ("symbol", .string(order.symbol)), ("price", .decimal(order.price)),
            ("quantity", .decimal(order.quantity)), ("amount", .decimal(order.price.isZero ? order.quoteQuantity : amount)),
            ("status", .string(status)), ("tradeQty", .decimal(order.executed)), ("tradeAmount", .decimal(order.executedQuote)),
            ("orderType", .string(order.type)),
        ])
    }

    private func orders(_ list: some Sequence<MockOrder>, _ request: ReceivedParameters) -> [JSONDocument] {
        let limit = Int(clamping: request.int("limit") ?? 10)
        return list.filter { order in request.int("orderId").map { $0 == order.id } ?? true }.prefix(limit).map { order($0, request) }
    }

    private func cancelResult(_ id: Int64, _ clientID: String?, _ failure: (Int, String)?) -> JSONDocument {
        .object([
            ("code", .string(failure.map { String($0.0) } ?? "0")), ("orderId", .int(id)), ("clientOrderId", clientID.map(JSONDocument.string) ?? .null),
            ("msg", .string(failure?.1 ?? "success")),
        ])
    }

    private func balance(_ asset: String, index: Int, _ state: TradingState) -> JSONDocument {
        let balance = state.balance(asset)
        return .object([
            ("tokenId", .int(Int64(index + 1))), ("tokenCode", .string(asset)),
            ("total", .decimal((try? balance.free.adding(balance.locked)) ?? balance.free)), ("avaliable", .decimal(balance.free)),
            ("frozen", .decimal(balance.locked)),
        ])
    }

    private func trade(_ trade: MockTrade) -> JSONDocument {
        .object([
            ("tradeId", .string(String(trade.id))), ("symbol", .string(trade.symbol)), ("price", .decimal(trade.price)),
            ("quantity", .decimal(trade.quantity)), ("amount", .decimal(trade.quoteQuantity)), ("type", .string("LIMIT")),
            ("side", .string(trade.side.rawValue)), ("isMaker", .bool(trade.isMaker)), ("feeAsset", .string(trade.commissionAsset)),
            ("fee", .decimal(0)), ("time", .string(String(trade.time))),
        ])
    }

    /// A symbol's rules from its filters: tick (`PRICE_FILTER`), step and minimum (`LOT_SIZE`), minimum value (`NOTIONAL`).
    private func symbolInfo(_ symbol: Scenario.Symbol) -> JSONDocument {
        let rules = filters[symbol.name]
        var minimumQuantity: ExactDecimal = 0
        var minimumValue: ExactDecimal = 0
        for filter in rules?.filters ?? [] {
            switch filter.rule {
            case let .bounds(fields, min?, _, _, false) where fields.contains(.quantity): minimumQuantity = min
            case let .notional(min?, _, _, _): minimumValue = min
            default: break
            }
        }
        let tick = rules?.tickSize ?? "0"
        return .object([
            ("symbol", .string(symbol.name)), ("baseToken", .string(symbol.baseAsset)), ("quoteToken", .string(symbol.quoteAsset)),
            ("quoteIncrement", .decimal(tick)), ("quoteMinSize", .decimal(minimumValue)),
            ("baseIncrement", .decimal(rules?.stepSize() ?? "0")), ("baseMinSize", .decimal(minimumQuantity)),
            ("priceIncrement", .decimal(tick)), ("enableTrading", .bool(true)),
        ])
    }

    private func depth(_ request: ReceivedParameters, _ state: TradingState, now: Int64) -> JSONDocument {
        let book = state.books[request.text("symbol") ?? ""] ?? OrderBook()
        let limit = Int(clamping: request.int("limit") ?? 10)
        return .object([
            ("lastUpdateId", .int(Int64(state.trades.count))), ("lastUpdateTime", .int(now)), ("symbol", .string(request.text("symbol") ?? "")),
            ("asks", book.document(.sell, limit: limit)), ("bids", book.document(.buy, limit: limit)),
        ])
    }

    // MARK: - Envelope and refusals

    private func ok(_ data: JSONDocument, _ now: Int64) -> OutgoingResponse {
        .json(200, JSONDocument.object([("code", .string("0")), ("msg", .string("success")), ("serverTimestamp", .int(now)), ("data", data)]).jsonText)
    }

    private func refuse(_ error: any Error) -> OutgoingResponse {
        let (status, message) = errorParts(error)
        return dialect.answer(status: status, code: String(status), message: message)
    }

    /// DFX documents no trading error codes; refusals are HTTP 400 with a message saying why (filter failures keep
    /// their filter's message).
    private func errorParts(_ error: any Error) -> (Int, String) {
        guard let error = error as? TradingError else { return (400, "\(error)") }
        switch error {
        case let .filters(failures): return (400, failures.map(\.description).joined(separator: "; "))
        case .unknownSymbol: return (400, "Invalid symbol")
        case .unknownOrder: return (400, "Order does not exist")
        case .insufficientBalance: return (400, "Insufficient balance")
        case .wouldTake: return (400, "Order would immediately match and take")
        case .duplicateClientOrderId: return (400, "Duplicate clientOrderId")
        case let .tooManyOpenOrders(limit): return (400, "Too many open orders (the mock allows \(limit))")
        case let .invalidAmendment(reason), let .notSimulated(reason), let .arithmetic(reason): return (400, reason)
        }
    }
}
