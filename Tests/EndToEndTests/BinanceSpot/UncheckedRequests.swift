import BinanceSpot
import ClientRuntime
import Foundation

/// A hand-built `POST /api/v3/order` with no rules: sends whatever it is given, so the mock's own checks answer.
struct UncheckedNewOrder: APIRequest {
    typealias Response = OrderAck

    static let endpoint = NewOrderRequest.endpoint

    var symbol: String
    var type: String
    var clientOrderId: String
    var quantity: String = "1"

    var parameters: Parameters {
        var parameters = Parameters()
        parameters.add("symbol", symbol, in: .body)
        parameters.add("side", "BUY", in: .body)
        parameters.add("type", type, in: .body)
        parameters.add("quantity", quantity, in: .body)
        parameters.add("price", "20000", in: .body)
        parameters.add("newClientOrderId", clientOrderId, in: .body)
        parameters.add("newOrderRespType", "ACK", in: .body)
        return parameters
    }
}
