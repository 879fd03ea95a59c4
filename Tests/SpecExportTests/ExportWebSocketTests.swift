import Foundation
import SpecExport
import SpecModel
import Testing

/// Issue 18: the WebSocket API and the streams travel in the OpenAPI export as `x-` extensions.
@Suite struct ExportWebSocketTests {
    @Test func everyTwinAndMethodAndStreamIsExported() throws {
        let spec = try ExportSupport.spec("binance-spot")
        let document = try ExportSupport.document("binance-spot")
        for endpoint in spec.endpoints {
            let operation = document[path: "paths", endpoint.path.value, endpoint.method.rawValue.lowercased()] as? [String: Any]
            let merged = (operation?["x-merged-operations"] as? [[String: Any]]) ?? []
            let twins = ([operation].compactMap { $0 } + merged).compactMap { ($0["x-websocket-method"] as? [String: Any])?["method"] as? String }
            #expect(twins.contains(endpoint.webSocket?.method.value ?? "-"), "\(endpoint.id.value)")
        }
        let methods = try #require(document[path: "x-websocket-api", "methods"] as? [String: Any])
        #expect(methods.keys.sorted() == spec.webSocketAPI?.methods.map(\.name.value).sorted())
        #expect(document[path: "x-websocket-api", "methods", "session.logon", "x-security-level"] as? String == "USER_DATA")
        #expect(document[path: "x-websocket-api", "response", "rateLimitSchema", "$ref"] as? String == "#/components/schemas/RateLimitReport")
        #expect(document[path: "x-websocket-api", "events", "schema", "$ref"] as? String == "#/components/schemas/WebSocketEvent")
        let streams = try #require(document[path: "x-streams", "definitions"] as? [String: Any])
        #expect(streams.count == 18)
        #expect(document[path: "x-streams", "definitions", "kline", "name"] as? String == "<symbol>@kline_<interval>")
        #expect(document[path: "x-streams", "definitions", "kline", "payload", "$ref"] as? String == "#/components/schemas/KlineEvent")
        #expect(document[path: "x-streams", "raw"] as? String == "/ws/<streamName>")
    }

    @Test func specsWithoutWebSocketPartsExportNone() throws {
        let document = try ExportSupport.document("dfx-spot")
        #expect(document["x-websocket-api"] == nil)
        #expect(document["x-streams"] == nil)
    }
}
