import Foundation
import SpecDiff
import SpecModel
import Testing

/// A small spec that uses every part of the format; each line a test edits carries a `# @marker` comment.
/// Enums: `Side` and `RespType` travel in requests only, `Status` in responses only, `OrderType` both ways.
/// Model `Bracket` is sent in requests; `Legacy` and enum `Color` are used nowhere.
let baseSpec = """
    specgen: 1
    api: demo-exchange  # @api
    title: Demo Exchange  # @title
    module: DemoExchange  # @module
    description: A small exchange for diff tests.  # @description
    docs:
      - {file: demo.md, title: Demo docs, date: 2025-01}
    servers:
      - url: https://api.demo.com  # @server1
        description: Main endpoint.  # @server1Description
      - url: https://{host}/api  # @server2
        variables:  # @variables
          host: {description: Broker host., default: demo.broker.com}  # @host
    requestDefaults: {encoding: form}  # @requestDefaults
    auth:
      apiKey: {header: X-KEY}  # @apiKey
      signing: {schemes: [hmacSHA256, ed25519], signatureParam: signature, payload: queryThenBody}  # @signing
      timestamp: {param: timestamp}
      recvWindow: {param: recvWindow, default: 5000, max: 60000}
    security:
      NONE: {description: Open to everyone.}
      KEYED: {apiKey: true}  # @KEYED
      TRADE: {apiKey: true, signed: true}
      SPARE: {timestamp: true}  # @SPARE
    envelope:
      code: code
      message: msg
      data: data  # @envelopeData
      success: "0"
      extraFields:
        - {name: serverTime, type: LONG, optional: true}  # @serverTime
    errorFormat:
      code: {field: errorCode, type: STRING}  # @errorCode
      message: errorMessage  # @errorMessage
    httpStatus:
      - {status: 4XX, meaning: clientError}
      - {status: 429, meaning: rateLimited}  # @429
    rateLimits:
      limiters:
        - {type: REQUEST_WEIGHT, interval: MINUTE, intervalNum: 1, limit: 1200}  # @limiter
      headers: {usedWeight: X-USED-WEIGHT-}
    enums:
      Side: {values: [BUY, SELL]}  # @Side
      RespType: {values: [ACK, RESULT, FULL, MINI]}
      Status:  # @Status
        values:
          - NEW
          - FILLED  # @FILLED
      OrderType:
        values: [LIMIT, MARKET, STOP]  # @OrderType
      Color: {values: [RED, GREEN]}  # @Color
    models:
      OrderAck:
        description: The answer to a new order.
        fields:
          - {name: orderId, type: LONG}  # @orderId
          - {name: status, type: Status}
          - {name: type, type: OrderType}
          - {name: price, type: DECIMAL, optional: true}  # @price
      OrderFull:
        fields:
          - {name: orderId, type: LONG}
          - {name: executedQty, type: DECIMAL}
      Candle:  # @Candle
        positional:  # @positional
          - {name: openTime, type: LONG}  # @openTime
          - {name: open, type: DECIMAL}  # @open
          - {name: close, type: DECIMAL}  # @close
      Filter:
        discriminator: filterType  # @discriminator
        variants:
          PRICE: PriceFilter
          LOT: LotFilter  # @LOT
      PriceFilter:
        fields:
          - {name: filterType, type: STRING}
          - {name: minPrice, type: DECIMAL}
        tradingRules:
          symbol: filterType  # @tradingSymbol
          rules:
            - {name: PRICE_MIN, fields: [price], min: minPrice}  # @PRICE_MIN
      LotFilter:
        fields:
          - {name: filterType, type: STRING}
          - {name: minQty, type: DECIMAL}
      Bracket:
        fields:
          - {name: stopPrice, type: DECIMAL}  # @stopPrice
          - {name: limitPrice, type: DECIMAL, optional: true}  # @limitPrice
      Conflict:
        fields:
          - {name: code, type: INT}
      Legacy:  # @Legacy
        fields:  # @LegacyFields
          - {name: note, type: STRING}  # @LegacyNote
    errors:
      - {code: "-1000", name: UNKNOWN, description: An unknown error.}
      - {code: "-1121", name: BAD_SYMBOL, description: Invalid symbol.}  # @BAD_SYMBOL
    messageCatalogs:
      - name: engine
        codes: ["-1000"]  # @catalogCodes
        messages:
          - {message: Unknown order sent.}
          - {message: Duplicate order sent.}  # @duplicate
    endpoints:
      time:  # @time
        summary: Server time.  # @timeSummary
        method: GET  # @timeMethod
        path: /time  # @timePath
        security: NONE  # @timeSecurity
        weight: 1  # @timeWeight
        response: LONG  # @timeResponse
        examples:
          - {name: now, response: '{"code": "0", "msg": "ok", "data": 1499827319559}'}  # @timeExample
      candles:
        method: GET
        path: /candles
        security: NONE
        weight: 2
        params:
          - {name: symbol, type: STRING, required: true}
        response: ARRAY OF Candle
      filters:
        method: GET
        path: /filters
        security: NONE  # @filtersSecurity
        weight: 1
        response: ARRAY OF Filter  # @filtersResponse
      account:
        method: GET
        path: /account
        security: KEYED  # @accountSecurity
        weight:  # @accountWeight
          byParam: limit  # @byParam
          ranges:  # @ranges
            - {max: 100, weight: 5}  # @range
            - {weight: 10}  # @rangeAbove
        params:
          - {name: limit, type: INT, default: 100}
        response: OrderAck
      newOrder:
        method: POST
        path: /order
        security: TRADE
        weight: 1
        unfilledOrderCount: 1  # @unfilled
        webSocket: order.place  # @newOrderWS
        params:
          - {name: symbol, type: STRING, required: true}  # @symbol
          - {name: side, type: Side, required: true}  # @side
          - {name: type, type: OrderType, required: true}
          - {name: quantity, type: DECIMAL, min: 0.001, max: 1000}  # @quantity
          - {name: price, type: DECIMAL}
          - {name: limit, type: INT, default: 100, deprecated: true}  # @limit
          - {name: ids, type: ARRAY OF LONG, maxItems: 5}  # @ids
          - {name: bracket, type: Bracket}
          - {name: respType, type: RespType}
          - {name: recvWindow, type: LONG}  # @recvWindow
          - {name: timestamp, type: LONG, required: true}
          - {name: signature, type: STRING, required: true}  # @signature
        rules:  # @rules
          - when: {type: LIMIT}
            require: [price, quantity]  # @require
        response:
          selectedBy: respType
          variants:
            ACK: OrderAck
            RESULT: OrderAck  # @RESULT
            FULL: OrderFull  # @FULL
          defaults:
            - {when: {type: MARKET}, variant: FULL}
            - {variant: ACK}  # @default
          errorBodies:
            - {status: 409, type: Conflict}  # @409
      cancelOrder:
        method: DELETE
        path: /order/{orderId}
        security: TRADE
        weight:
          cases:
            - {whenPresent: [symbol], weight: 2}
          default: 5
        request: {encoding: query}  # @cancelRequest
        params:
          - {name: orderId, type: LONG, required: true}
          - {name: symbol, type: STRING}
          - {name: timestamp, type: LONG, required: true}
          - {name: signature, type: STRING, required: true}
        response: EMPTY
    errata:
      - at: endpoints.newOrder.unfilledOrderCount
        docsSay: The docs leave it out.
        specSays: One order.
        why: Every order counts.  # @why
    webSocketAPI:
      servers: [{url: "wss://ws.demo.com"}]  # @wsServers
      request: {id: id, method: method, params: params}
      response: {id: id, status: status, result: result, error: error}
      methods:
        session.status: {security: NONE, weight: 2, response: OrderAck}  # @sessionStatus
    streams:
      servers: [{url: "wss://stream.demo.com"}]
      raw: /ws/<streamName>
      definitions:
        trades: {name: "<symbol>@trade", variables: [{name: symbol, type: STRING, case: lower}], payload: OrderAck}  # @trades
        book: {name: "<symbol>@bookTicker", variables: [{name: symbol, type: STRING, case: lower}], payload: OrderAck}
    """

/// A change to `baseSpec`, addressed by a line's `# @marker`.
struct Edit: Sendable, CustomStringConvertible {
    enum Action: Sendable { case substitute(String, String), replaceLine(String), deleteLine, insertAfter(String) }
    let marker: String
    let action: Action

    /// Replace `old` with `new` within the marked line.
    static func sub(_ marker: String, _ old: String, _ new: String) -> Edit { Edit(marker: marker, action: .substitute(old, new)) }
    /// Replace the marked line (indentation included).
    static func line(_ marker: String, _ text: String) -> Edit { Edit(marker: marker, action: .replaceLine(text)) }
    static func delete(_ marker: String) -> Edit { Edit(marker: marker, action: .deleteLine) }
    /// Insert lines after the marked line.
    static func after(_ marker: String, _ text: String) -> Edit { Edit(marker: marker, action: .insertAfter(text)) }

    var description: String {
        switch action {
        case let .substitute(a, b): "@\(marker): \(a) → \(b)"
        case let .replaceLine(text): "@\(marker) ⇒ \(text.trimmingCharacters(in: .whitespaces))"
        case .deleteLine: "delete @\(marker)"
        case let .insertAfter(text): "after @\(marker): \(text.trimmingCharacters(in: .whitespaces))"
        }
    }

    /// Applies the edit; nil when the marker or the text to substitute is missing.
    func apply(to text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasSuffix("# @\(marker)") }) else { return nil }
        switch action {
        case let .substitute(old, new):
            guard lines[index].contains(old) else { return nil }
            lines[index] = lines[index].replacingOccurrences(of: old, with: new)
        case let .replaceLine(text): lines[index] = text
        case .deleteLine: lines.remove(at: index)
        case let .insertAfter(text): lines.insert(text, at: index + 1)
        }
        return lines.joined(separator: "\n")
    }
}

/// Loads spec text, failing the test with the diagnostics when it has errors.
func loadSpec(_ yaml: String, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Spec {
    let result = SpecLoader.load(yaml: yaml, file: file)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    return try #require(result.spec, sourceLocation: sourceLocation)
}

/// The findings between two spec texts.
func diff(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [DiffFinding] {
    SpecDiff.compare(
        try loadSpec(old, file: "old.yaml", sourceLocation: sourceLocation), try loadSpec(new, file: "new.yaml", sourceLocation: sourceLocation),
        oldText: old, newText: new)
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
