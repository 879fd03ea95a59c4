import Foundation
import SpecDocs
import SpecModel
import Testing

@Suite("Docs: draft")
struct DocsDraftTests {
    func load(_ paths: [String]) throws -> (SpecLoader.Result, String) {
        let yaml = SpecDrafter.draft(try DocReader.read(paths: paths))
        return (SpecLoader.load(yaml: yaml, file: "draft.yaml"), yaml)
    }

    @Test("A draft from the fixture loads without errors and keeps what the docs show")
    func fixture() throws {
        let (result, yaml) = try load([DocsPaths.fixture("binance-changed.md")])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let spec = try #require(result.spec)
        #expect(spec.endpoints.map(\.id.value) == ["testConnectivity", "checkServerTime", "queryCancelHistory", "cancelOrder"])
        #expect(
            spec.endpoints[3].params.map(\.name.value) == [
                "symbol", "orderId", "originalClientOrderId", "newClientOrderId", "cancelRestrictions", "recvWindow", "timestamp",
            ])
        #expect(spec.endpoints[3].param(named: "cancelRestrictions")?.type.value == .named("CancelRestrictions"))
        #expect(spec.enumDef(named: "OrderSide")?.values.map(\.value.value) == ["BUY", "SELL", "HOLD"])
        #expect(spec.errors.map(\.code.value) == ["-1100", "-1121", "-2013", "-2040"])
        #expect(spec.endpoints[0].response?.type?.value == .empty)
        #expect(spec.endpoints[3].examples.count == 3)
        #expect(yaml.contains("security: TRADE  # TODO: confirm"))
    }

    @Test(
        "A draft from each shared document set loads without YAML or lint errors",
        .enabled(if: DocsPaths.sharedDocsAvailable, "shared/docs is not next to the repository"), arguments: DocsRealDocsTests.cases)
    func shared(_ c: DocsRealDocsTests.Case) throws {
        let (result, _) = try load(DocsPaths.shared(c.docs))
        #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.spec?.endpoints.isEmpty == false)
    }
}
