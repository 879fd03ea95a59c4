import Foundation
import SpecExport
import SpecModel
import Testing

@Suite struct ExportStructureTests {
    @Test(arguments: ExportSupport.specNames)
    func everyEndpointModelAndEnumIsExported(_ name: String) throws {
        let spec = try ExportSupport.spec(name)
        let document = try ExportSupport.document(name)
        #expect(document["openapi"] as? String == "3.1.0")
        #expect(document[path: "info", "title"] as? String == spec.title)
        #expect((document["servers"] as? [Any])?.count == spec.servers.count)
        for endpoint in spec.endpoints {
            let operation = document[path: "paths", endpoint.path.value, endpoint.method.rawValue.lowercased()] as? [String: Any]
            let merged = (operation?["x-merged-operations"] as? [[String: Any]])?.map { $0["operationId"] as? String }
            #expect(operation?["operationId"] as? String == endpoint.id.value || merged?.contains(endpoint.id.value) == true)
        }
        let schemas = try #require(document[path: "components", "schemas"] as? [String: Any])
        for name in spec.enums.map(\.name.value) + spec.models.map(\.name.value) {
            #expect(schemas[name] != nil, "missing schema \(name)")
        }
        // Every reference resolves.
        for ref in ExportSupport.refs(in: document) {
            let target = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
            #expect(schemas[target] != nil, "dangling \(ref)")
        }
        #expect((document["x-errata"] as? [Any])?.count ?? 0 == spec.errata.count)
        #expect((document["x-errors"] as? [Any])?.count ?? 0 == spec.errors.count)
    }

    @Test func binanceNewOrder() throws {
        let document = try ExportSupport.document("binance-spot")
        let newOrder = try #require(document[path: "paths", "/api/v3/order", "post"] as? [String: Any])
        #expect(newOrder["x-weight"] as? Int == 1)
        #expect(newOrder["x-unfilled-order-count"] as? Int == 1)
        #expect(newOrder["x-data-source"] as? String == "Matching Engine")
        #expect(newOrder["x-security-level"] as? String == "TRADE")
        #expect((newOrder["x-rules"] as? [[String: Any]])?.first?["require"] as? [String] == ["timeInForce", "quantity"])
        let form = try #require(newOrder[path: "requestBody", "content", "application/x-www-form-urlencoded", "schema"] as? [String: Any])
        #expect((form["required"] as? [String])?.prefix(3) == ["symbol", "side", "type"])
        #expect(form[path: "properties", "timestamp", "x-filled-by"] as? String == "auth")
        #expect(form[path: "properties", "side", "$ref"] as? String == "#/components/schemas/OrderSide")
        #expect(form[path: "properties", "quantity", "format"] as? String == "decimal")
        let ok = try #require(newOrder[path: "responses", "200", "content", "application/json"] as? [String: Any])
        #expect((ok[path: "schema", "oneOf"] as? [Any])?.count == 3)
        #expect(ok[path: "schema", "x-selected-by"] as? String == "newOrderRespType")
        #expect(ok[path: "examples", "ACK", "value", "orderId"] as? Int == 28)
        #expect(
            newOrder[path: "responses", "default", "content", "application/json", "schema", "$ref"] as? String
                == "#/components/schemas/ErrorBody")
        #expect(newOrder["security"] as? [[String: [String]]] == [["apiKey": [], "signature": []]])
    }

    @Test func binanceSchemasAndExtensions() throws {
        let document = try ExportSupport.document("binance-spot")
        let filter = try #require(document[path: "components", "schemas", "Filter"] as? [String: Any])
        #expect(filter[path: "discriminator", "propertyName"] as? String == "filterType")
        #expect(filter[path: "discriminator", "mapping", "LOT_SIZE"] as? String == "#/components/schemas/LotSize")
        #expect((filter["oneOf"] as? [Any])?.count == 20)
        let side = try #require(document[path: "components", "schemas", "OrderSide"] as? [String: Any])
        #expect(side["enum"] as? [String] == ["BUY", "SELL"])
        let stp = try #require(document[path: "components", "schemas", "SelfTradePreventionMode"] as? [String: Any])
        #expect(stp[path: "x-enum-swift-names", "NONE"] as? String == "noPrevention")
        #expect(document[path: "components", "securitySchemes", "apiKey", "name"] as? String == "X-MBX-APIKEY")
        #expect(document[path: "components", "securitySchemes", "signature", "x-signing", "payload"] as? String == "queryThenBody")
        #expect(document[path: "x-auth", "recvWindow", "max"] as? Int == 60000)
        #expect((document[path: "x-rate-limits", "limiters"] as? [Any])?.count == 3)
        let exchangeInfo = try #require(document[path: "paths", "/api/v3/exchangeInfo", "get"] as? [String: Any])
        let symbols = try #require((exchangeInfo["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "symbols" })
        #expect(symbols[path: "content", "application/json", "schema", "type"] as? String == "array")
        #expect(symbols["in"] as? String == "query")
    }

    @Test func positionalModelsArePrefixItems() throws {
        let spec = try ExportSupport.spec("binance-jex-spot")
        let document = try ExportSupport.document("binance-jex-spot")
        let positional = try #require(spec.models.first { if case .positional = $0.kind { true } else { false } })
        let schema = try #require(document[path: "components", "schemas", positional.name.value] as? [String: Any])
        #expect(schema["type"] as? String == "array")
        #expect((schema["prefixItems"] as? [Any])?.count == positional.fields.count)
        #expect(schema["items"] as? Bool == false)
    }

    @Test(arguments: ExportSupport.specNames)
    func endpointsSharingPathAndMethodAreMerged(_ name: String) throws {
        let spec = try ExportSupport.spec(name)
        let document = try ExportSupport.document(name)
        let groups = Dictionary(grouping: spec.endpoints) { "\($0.method.rawValue) \($0.path.value)" }
        for endpoints in groups.values where endpoints.count > 1 {
            let first = endpoints[0]
            let operation = try #require(
                document[path: "paths", first.path.value, first.method.rawValue.lowercased()] as? [String: Any])
            #expect(operation["operationId"] as? String == first.id.value)
            let merged = try #require(operation["x-merged-operations"] as? [[String: Any]])
            #expect(merged.map { $0["operationId"] as? String } == endpoints.map(\.id.value))
            let schema = operation[path: "responses", "200", "content", "application/json", "schema"] as? [String: Any]
            #expect((schema?["oneOf"] as? [Any])?.count == endpoints.count)
        }
    }

    @Test func envelopeWrapsEveryDFXResponse() throws {
        let document = try ExportSupport.document("dfx-spot")
        let envelope = try #require(document[path: "components", "schemas", "ResponseEnvelope"] as? [String: Any])
        #expect(envelope["x-success-code"] as? String == "0")
        #expect(envelope[path: "properties", "serverTimestamp", "format"] as? String == "int64")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for operation in paths.values.flatMap(\.values) {
            guard let schema = operation[path: "responses", "200", "content", "application/json", "schema"] as? [String: Any]
            else { continue }
            let first = (schema["allOf"] as? [[String: Any]])?.first
            #expect(first?["$ref"] as? String == "#/components/schemas/ResponseEnvelope", "\(operation["operationId"] ?? "")")
        }
    }

    @Test func b2traderWrapperHeadersAndServerVariables() throws {
        let document = try ExportSupport.document("b2trader-frontoffice")
        let server = try #require((document["servers"] as? [[String: Any]])?.first)
        #expect(server["url"] as? String == "https://{host}")
        #expect(server[path: "variables", "host", "x-required"] as? Bool == true)
        #expect(document[path: "components", "securitySchemes", "bearer", "scheme"] as? String == "bearer")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let wrapped = paths.values.flatMap(\.values).compactMap { operation -> [String: Any]? in
            let content = operation[path: "requestBody", "content"] as? [String: [String: Any]]
            return content?.values.first?["schema"] as? [String: Any]
        }.filter { $0["x-wrapper"] != nil }
        #expect(!wrapped.isEmpty)
        for body in wrapped {
            let key = try #require(body["x-wrapper"] as? String)
            #expect(body["required"] as? [String] == [key])
            #expect(body[path: "properties", key, "type"] as? String == "object")
        }
        let headers = paths.values.flatMap(\.values).flatMap { ($0["parameters"] as? [[String: Any]]) ?? [] }
        #expect(headers.contains { $0["name"] as? String == "accountId" && $0["in"] as? String == "header" })
        #expect(headers.contains { $0["in"] as? String == "path" && $0["required"] as? Bool == true })
    }
}
