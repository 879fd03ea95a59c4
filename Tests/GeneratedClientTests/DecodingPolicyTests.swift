import BinanceJEXSpot
import ClientRuntime
import Foundation
import SpecModel
import Testing

/// The decoding policy of docs/decoding.md on the docs' own exchangeInfo example (JEX): a field removed, one
/// added, one renamed, an enum value unknown. Each case checks what decodes and what drift is reported.
@Suite struct DecodingPolicyTests {
    /// The documented example, as the spec transcribes it.
    static func documentedExchangeInfo() throws -> String {
        let spec = try ExampleRoundTripTests.spec("binance-jex-spot")
        let endpoint = try #require(spec.endpoint(id: "exchangeInfo"))
        return try #require(endpoint.examples.first?.response?.value)
    }

    final class Reports: Sendable {
        private let storage = Locked([DriftReport]())
        var findings: [String] { storage.withLock { $0.flatMap { $0.findings.map { "\($0)" } } } }
        var endpoints: Set<String> { storage.withLock { Set($0.map(\.endpoint)) } }
        var handler: @Sendable (DriftReport) -> Void { { report in self.storage.withLock { $0.append(report) } } }
    }

    /// The example with `edit` applied to its text, sent through a client; the result and the drift reported.
    func exchangeInfo(_ edit: (String) -> String) async throws -> (Result<ExchangeInfo, any Error>, Reports) {
        let body = edit(try Self.documentedExchangeInfo())
        let reports = Reports()
        let transport = RecordingTransport()
        transport.enqueue(body: body)
        let client = BinanceJEXSpotClient(transport: transport, options: ClientOptions(driftReporting: .handler(reports.handler)))
        do { return (.success(try await client.exchangeInfo()), reports) } catch { return (.failure(error), reports) }
    }

    @Test func theDocumentedExampleHasNoDrift() async throws {
        let (result, reports) = try await exchangeInfo { $0 }
        #expect(try result.get().spotSymbols.first?.symbol == "DASHUSDT")
        #expect(reports.findings.isEmpty)
    }

    @Test func addedFieldDecodesAndIsReported() async throws {
        let (result, reports) = try await exchangeInfo {
            $0.replacingOccurrences(of: #""icebergAllowed": false,"#, with: #""icebergAllowed": false, "ocoAllowed": true,"#)
        }
        #expect(try result.get().spotSymbols.count == 1)
        #expect(reports.endpoints == ["exchangeInfo"])
        #expect(
            reports.findings == [
                "unknownField at optionSymbols[0].ocoAllowed", "unknownField at contractSymbols[0].ocoAllowed",
                "unknownField at spotSymbols[0].ocoAllowed",
            ])
    }

    @Test func removedFieldTheDocsDoNotGuaranteeIsNil() async throws {
        // The product lists a spot client does not need are optional: removing one costs nothing.
        let (result, reports) = try await exchangeInfo { text in
            guard let start = text.range(of: #""optionSymbols""#), let end = text.range(of: #""contractSymbols""#) else { return text }
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        }
        let info = try result.get()
        #expect(info.optionSymbols == nil)
        #expect(info.spotSymbols.map(\.symbol) == ["DASHUSDT"])
        #expect(reports.findings.isEmpty, "an optional field may be absent")
    }

    @Test func removedIdentityFieldFailsNamingItAndIsReported() async throws {
        // A symbol's name is never defaulted: the decode fails at its path, and the drift says so too.
        let (result, reports) = try await exchangeInfo { $0.replacingOccurrences(of: #""symbol": "DASHUSDT","#, with: "") }
        guard case let .failure(error) = result, let decoding = error as? ResponseDecodingError else {
            Issue.record("expected a ResponseDecodingError")
            return
        }
        #expect(decoding.endpoint == "exchangeInfo")
        #expect(decoding.path == "spotSymbols[0].symbol")
        #expect(reports.findings == ["missingField at spotSymbols[0].symbol: the spec guarantees it"])
    }

    @Test func renamedFlagDecodesTheRestAndIsReportedBothWays() async throws {
        // The issue's case: a renamed boolean must not lose every symbol.
        let (result, reports) = try await exchangeInfo {
            $0.replacingOccurrences(of: #""icebergAllowed""#, with: #""isIcebergAllowed""#)
        }
        let info = try result.get()
        #expect(info.spotSymbols.map(\.symbol) == ["DASHUSDT"])
        #expect(info.spotSymbols.first?.icebergAllowed == nil)
        #expect(
            reports.findings == [
                "unknownField at optionSymbols[0].isIcebergAllowed", "unknownField at contractSymbols[0].isIcebergAllowed",
                "unknownField at spotSymbols[0].isIcebergAllowed",
            ])
    }

    @Test func unknownEnumValueDecodesAsUnknownAndIsReported() async throws {
        let (result, reports) = try await exchangeInfo { text in
            guard let spot = text.range(of: #""spotSymbols""#) else { return text }
            return String(text[..<spot.lowerBound]) + text[spot.lowerBound...].replacingOccurrences(of: #""TRADING""#, with: #""PRE_OPEN""#)
        }
        let info = try result.get()
        #expect(info.spotSymbols.first?.status == .unknown("PRE_OPEN"))
        #expect(reports.findings == [#"unknownEnumValue at spotSymbols[0].status: "PRE_OPEN" is not in SymbolStatus"#])
    }
}
