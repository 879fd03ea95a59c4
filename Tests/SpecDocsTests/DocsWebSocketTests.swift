import Foundation
import SpecDocs
import SpecModel
import Testing

/// Issue 18: check-docs reads Binance's WebSocket API, user data stream and market stream documents and compares
/// their methods, parameter tables, stream names and event types with the spec.
@Suite(.enabled(if: DocsPaths.sharedDocsAvailable, "shared/docs is not next to the repository"))
struct DocsWebSocketTests {
    static let docs = ["web-socket-api.md", "user-data-stream.md", "web-socket-streams.md"].map { "binance-spot-2026-07/" + $0 }

    static func model() throws -> DocModel { try DocReader.read(paths: DocsPaths.shared(docs)) }

    @Test func everyMethodStreamAndEventIsRead() throws {
        let model = try Self.model()
        let methods = model.endpoints.filter(\.key.isWebSocket)
        #expect(methods.count == 55)
        #expect(methods.first?.key.path == "ping")
        let place = try #require(methods.first { $0.key.path == "order.place" })
        #expect(place.security == "TRADE")
        #expect(place.weight == 1)
        #expect(place.params?.count == 22)  // the 22 rows of its parameter table
        // "In addition to all parameters accepted by `order.place`".
        #expect(methods.first { $0.key.path == "order.test" }?.inheritsParams == .webSocket("order.place"))
        #expect(model.streams.count == 18)
        #expect(model.streams.map(\.value).contains("<symbol>@kline_<interval>"))
        #expect(model.streams.map(\.value).contains("!serverShutdown"))
        #expect(model.eventTypes.count == 17)
        #expect(model.eventTypes.map(\.value).contains("executionReport"))
    }

    @Test func aMethodOrStreamMissingFromTheSpecIsReported() throws {
        var spec = DocsPaths.spec("binance-spot.yaml")
        spec.webSocketAPI?.methods.removeAll { $0.name.value == "session.logon" }
        spec.streams?.definitions.removeAll { $0.id.value == "kline" }
        if let i = spec.endpoints.firstIndex(where: { $0.id.value == "depth" }) { spec.endpoints[i].webSocket = nil }
        let result = DocCheck.run(try Self.model(), spec: spec)
        let found = result.findings.map { "\($0.kind.rawValue) \($0.subjects.first ?? "")" }
        #expect(found.sorted() == ["stream-missing <symbol>@kline_<interval>", "ws-method-missing depth", "ws-method-missing session.logon"])
    }

    @Test func aParameterTheWebSocketDocsLackIsReported() throws {
        var spec = DocsPaths.spec("binance-spot.yaml")
        let i = try #require(spec.endpoints.firstIndex { $0.id.value == "depth" })
        let twin = try #require(spec.endpoints[i].webSocket)
        // symbolStatus: no erratum of the REST docs covers it (one on `limit` would explain the finding away).
        spec.endpoints[i].webSocket?.omitParams = [Located("symbolStatus", at: twin.location)]
        let result = DocCheck.run(try Self.model(), spec: spec)
        #expect(result.findings.map(\.message) == ["WS depth: parameter 'symbolStatus' (ENUM, optional) is documented, but endpoint 'depth' does not have it"])
    }

    @Test func draftLeavesTheMethodsToTheAuthor() throws {
        let yaml = SpecDrafter.draft(try DocReader.read(paths: DocsPaths.shared(["binance-spot-2026-07/web-socket-api.md"])))
        #expect(!yaml.contains("method: WS"))
        #expect(yaml.contains("# TODO: WebSocket API methods the docs define (not drafted): ping, time, exchangeInfo"))
    }
}
