/// Hand-written Codable structs for the same responses: decimals as `String` (exact), enums as `String` raw values.
enum Plain {
    enum OrderStatus: String, Codable { case NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED, EXPIRED, EXPIRED_IN_MATCH }
    enum TimeInForce: String, Codable { case GTC, IOC, FOK }
    enum OrderType: String, Codable { case LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER }
    enum Side: String, Codable { case BUY, SELL }
    enum STPMode: String, Codable { case NONE, EXPIRE_MAKER, EXPIRE_TAKER, EXPIRE_BOTH, DECREMENT }

    struct Order: Codable {
        var symbol: String
        var orderId: Int64
        var orderListId: Int64
        var clientOrderId: String
        var price: String
        var origQty: String
        var executedQty: String
        var cummulativeQuoteQty: String
        var status: OrderStatus
        var timeInForce: TimeInForce
        var type: OrderType
        var side: Side
        var stopPrice: String?
        var icebergQty: String?
        var time: Int64
        var updateTime: Int64
        var isWorking: Bool
        var workingTime: Int64
        var origQuoteOrderQty: String
        var selfTradePreventionMode: STPMode
        var preventedMatchId: Int64?
        var preventedQuantity: String?
        var strategyId: Int64?
        var strategyType: Int?
        var trailingDelta: Int64?
        var trailingTime: Int64?
        var usedSor: Bool?
        var workingFloor: String?
    }

    struct RateLimit: Codable {
        var rateLimitType: String
        var interval: String
        var intervalNum: Int
        var limit: Int
    }

    struct Filter: Codable {
        var filterType: String
    }

    struct Symbol: Codable {
        var symbol: String
        var status: String
        var baseAsset: String
        var baseAssetPrecision: Int
        var quoteAsset: String
        var quotePrecision: Int
        var quoteAssetPrecision: Int
        var baseCommissionPrecision: Int
        var quoteCommissionPrecision: Int
        var orderTypes: [OrderType]
        var icebergAllowed: Bool
        var ocoAllowed: Bool
        var otoAllowed: Bool
        var quoteOrderQtyMarketAllowed: Bool
        var allowTrailingStop: Bool
        var cancelReplaceAllowed: Bool
        var allowAmend: Bool?  // not in the 2026-07 example
        var isSpotTradingAllowed: Bool
        var isMarginTradingAllowed: Bool
        var filters: [Filter]
        var permissions: [String]
        var permissionSets: [[String]]
        var defaultSelfTradePreventionMode: STPMode
        var allowedSelfTradePreventionModes: [STPMode]
    }

    struct Sor: Codable {
        var baseAsset: String
        var symbols: [String]
    }

    struct ExchangeInfo: Codable {
        var timezone: String
        var serverTime: Int64
        var rateLimits: [RateLimit]
        var exchangeFilters: [Filter]
        var symbols: [Symbol]
        var sors: [Sor]?
    }
}
