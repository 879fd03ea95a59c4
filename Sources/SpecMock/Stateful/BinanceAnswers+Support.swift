import ClientRuntime
import SpecModel

/// Binance's refusals, and the spec data the stateful answers start from.
extension BinanceAnswers {
    // MARK: - Refusals

    func refuse(_ error: any Error, querying: Bool) -> OutgoingResponse {
        let (status, code, message) = errorParts(error, querying: querying)
        return dialect.answer(status: status, code: code, message: message)
    }

    func errorObject(_ parts: (Int, String, String)) -> JSONDocument {
        .object([("code", .number(parts.1)), ("msg", .string(parts.2))])
    }

    /// Binance's status, code and message for a refusal (errors.md: -1013 filter failures, -2010 new order rejected,
    /// -2011 cancel rejected, -2013 no such order, -2038 amend rejected, -1121 bad symbol, -1015 too many orders).
    func errorParts(_ error: any Error, querying: Bool) -> (Int, String, String) {
        guard let error = error as? TradingError else { return (400, "-1013", "\(error)") }
        switch error {
        case let .filters(failures):
            let first = failures.first
            return (400, first?.code ?? "-1013", first?.message ?? "Filter failure")
        case .unknownSymbol: return (400, "-1121", "Invalid symbol.")
        case .unknownOrder: return querying ? (400, "-2013", "Order does not exist.") : (400, "-2011", "Unknown order sent.")
        case .insufficientBalance: return (400, "-2010", "Account has insufficient balance for requested action.")
        case .wouldTake: return (400, "-2010", "Order would immediately match and take.")
        case .duplicateClientOrderId: return (400, "-2010", "Duplicate order sent.")
        case let .tooManyOpenOrders(limit): return (400, "-1015", "Too many new orders; current limit is \(limit) orders per mock account.")
        case .invalidAmendment: return (400, "-2038", "Order amend (quantity increase) is not supported.")
        case let .notSimulated(reason): return (400, "-1013", "The stateful mock does not simulate \(reason).")
        case let .arithmetic(reason): return (400, "-1013", "Exact arithmetic overflow: \(reason)")
        }
    }

    func ok(_ document: JSONDocument) -> OutgoingResponse { .json(200, document.jsonText) }

    // MARK: - Spec data

    static func exampleDocuments(of endpointID: String, in spec: Spec) -> [JSONDocument] {
        guard let endpoint = spec.endpoints.first(where: { $0.id.value == endpointID }) else { return [] }
        return endpoint.examples.compactMap { $0.response.flatMap { try? JSONDocument.parse($0.value) } }
    }

    /// The filters of `symbol` in the spec's exchangeInfo examples (the example listing the most of them).
    static func exampleFilters(of symbol: String, in examples: [JSONDocument]) -> [JSONDocument] {
        var best: [JSONDocument] = []
        for example in examples {
            guard case let .array(symbols)? = example["symbols"] else { continue }
            for item in symbols where item["symbol"] == .string(symbol) {
                if case let .array(filters)? = item["filters"], filters.count > best.count { best = filters }
            }
        }
        return best
    }
}

extension JSONDocument {
    var firstItem: JSONDocument? {
        if case let .array(items) = self { return items.first }
        return nil
    }
}
