import Foundation
import SpecModel

/// The documented responses of specs/binance-spot.yaml, scaled up.
enum Fixtures {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The first response example of `endpoint`, parsed.
    static func example(_ spec: Spec, _ endpoint: String) throws -> Any {
        guard let text = spec.endpoint(id: endpoint)?.examples.first(where: { $0.response != nil })?.response?.value
        else { throw Failure(description: "no response example for \(endpoint)") }
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// `count` copies of the allOrders example order, with distinct ids.
    static func orders(_ spec: Spec, count: Int) throws -> Data {
        guard let order = (try example(spec, "allOrders") as? [[String: Any]])?.first else {
            throw Failure(description: "allOrders example is not a list of orders")
        }
        let list = (0..<count).map { index -> [String: Any] in
            var copy = order
            copy["orderId"] = index + 1
            copy["clientOrderId"] = "myOrder\(index + 1)"
            return copy
        }
        return try JSONSerialization.data(withJSONObject: list)
    }

    /// The exchangeInfo example with its documented symbol repeated `count` times under distinct names.
    static func exchangeInfo(_ spec: Spec, count: Int) throws -> Data {
        guard var info = try example(spec, "exchangeInfo") as? [String: Any],
            let symbol = (info["symbols"] as? [[String: Any]])?.first
        else { throw Failure(description: "exchangeInfo example has no symbol") }
        info["symbols"] = (0..<count).map { index -> [String: Any] in
            var copy = symbol
            copy["symbol"] = "SYM\(index)BTC"
            copy["baseAsset"] = "SYM\(index)"
            return copy
        }
        return try JSONSerialization.data(withJSONObject: info)
    }
}
