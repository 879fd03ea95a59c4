import Foundation
import SpecModel

/// Spells an answer the way the spec's response model types it, so one venue mapping serves venues whose models
/// differ in small ways (Binance JEX sends `Order.orderId` as a string where Binance sends a number).
struct ModelConformance: Sendable {
    let spec: Spec

    /// `document` with every member the model types as STRING but holds a number turned into a string, through
    /// nested models and arrays; members the model does not name are kept as they are.
    func conformed(_ document: JSONDocument, to type: TypeRef) -> JSONDocument {
        switch (type, document) {
        case let (.array(inner), .array(items)):
            return .array(items.map { conformed($0, to: inner) })
        case let (.named(name), .object(members)):
            guard let model = spec.model(named: name) else { return document }
            return .object(
                members.map { member in
                    guard let field = model.fields.first(where: { $0.name.value == member.key }) else { return member }
                    return (member.key, conformed(member.value, to: field.type.value))
                })
        case let (.string, .number(text)):
            return .string(text)
        default:
            return document
        }
    }

    /// A 200 answer's JSON body conformed to `type`; other answers as they are.
    func conformed(_ response: OutgoingResponse, to type: TypeRef?) -> OutgoingResponse {
        guard response.status == 200, let type, let text = String(data: response.body, encoding: .utf8),
            let document = try? JSONDocument.parse(text)
        else { return response }
        var conformed = response
        conformed.body = Data(self.conformed(document, to: type).jsonText.utf8)
        return conformed
    }
}
