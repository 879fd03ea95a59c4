import ClientRuntime
import Foundation
import Testing

/// Drift reporting in the client: the hook, the default log, `.off`, and decoding alongside.
@Suite struct DriftReportingTests {
    struct Order: Decodable, Sendable, Equatable {
        let symbol: String
        let price: String
    }

    /// A request whose response schema is given, as generated requests' are.
    struct OrderCall: APIRequest {
        typealias Response = Order
        static var endpoint: Endpoint { OrderGet.endpoint }
        var parameters: Parameters { Binance.orderParameters() }
        func responseSchema(for parameters: Parameters) -> ResponseSchema? {
            .model("Order", [.required("symbol", .string), .required("price", .decimal), .optional("side", .enumeration(EnumSchema(name: "Side", values: ["BUY"])))])
        }
    }

    /// Collects reports, as a test or a metrics counter would.
    final class Reports: Sendable {
        private let storage = Locked([DriftReport]())
        var all: [DriftReport] { storage.withLock { $0 } }
        var handler: @Sendable (DriftReport) -> Void { { report in self.storage.withLock { $0.append(report) } } }
    }

    private func send(_ body: String, _ configure: (inout ClientOptions) -> Void) async throws -> Order {
        let transport = RecordingTransport()
        transport.enqueue(body: body)
        return try await Binance.client(transport: transport, options: configure).send(OrderCall())
    }

    @Test func handlerGetsTheEndpointAndPathsAndDecodingGoesOn() async throws {
        let reports = Reports()
        let order = try await send(#"{"symbol":"BTCUSDT","price":"1.5","side":"SELL","newField":1}"#) {
            $0.driftReporting = .handler(reports.handler)
        }
        #expect(order == Order(symbol: "BTCUSDT", price: "1.5"))
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.endpoint == "getOrder")
        #expect(
            reports.all.first?.findings.map(\.description) == [
                #"unknownEnumValue at side: "SELL" is not in Side"#, "unknownField at newField",
            ])
    }

    @Test func aTestCanFailOnDriftAndMetricsCanCountIt() async throws {
        let reports = Reports()
        _ = try await send(#"{"symbol":"X","price":"1"}"#) { $0.driftReporting = .handler(reports.handler) }
        #expect(reports.all.isEmpty, "a response that matches the spec reports nothing")
        _ = try await send(#"{"symbol":"X","price":"1","a":1,"b":2}"#) { $0.driftReporting = .handler(reports.handler) }
        let counted = reports.all.flatMap(\.findings).reduce(into: [DriftFinding.Kind: Int]()) { $0[$1.kind, default: 0] += 1 }
        #expect(counted == [.unknownField: 2])
    }

    @Test func missingRequiredFieldIsReportedAndTheDecodeFailsNamingIt() async throws {
        let reports = Reports()
        let error = await thrownError { try await send(#"{"symbol":"X"}"#) { $0.driftReporting = .handler(reports.handler) } }
        let decoding = try #require(error as? ResponseDecodingError)
        #expect(decoding.endpoint == "getOrder")
        #expect(decoding.path == "price")
        #expect(reports.all.first?.findings.map(\.description) == ["missingField at price: the spec guarantees it"])
    }

    @Test func defaultLogsEachDistinctDriftOnceAtNotice() async throws {
        let capture = LogCapture()
        let transport = RecordingTransport()
        for _ in 0..<3 { transport.enqueue(body: #"{"symbol":"X","price":"1","extra":true}"#) }
        transport.enqueue(body: #"{"symbol":"X","price":"1","other":true}"#)
        let client = Binance.client(transport: transport) { $0.logger = capture.logger }
        #expect(client.options.driftReporting.isLog)
        for _ in 0..<4 { _ = try await client.send(OrderCall()) }
        let notices = capture.text.split(separator: "\n").filter { $0.hasPrefix("notice") }
        #expect(notices.count == 2)
        #expect(notices.first?.contains("unknownField at extra") == true)
        #expect(notices.first?.contains("endpoint=getOrder") == true)
        #expect(notices.last?.contains("path=other") == true)
    }

    @Test func offChecksNothing() async throws {
        let capture = LogCapture()
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"symbol":"X","price":"1","extra":true}"#)
        let client = Binance.client(transport: transport) {
            $0.logger = capture.logger
            $0.driftReporting = .off
        }
        _ = try await client.send(OrderCall())
        #expect(!capture.text.contains("notice"))
    }
}

extension DriftReporting {
    var isLog: Bool { if case .log = self { true } else { false } }
}
