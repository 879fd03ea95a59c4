import Foundation
import SpecDocs
import SpecModel
import Testing

/// Each document in shared/docs against its spec. The expected findings are the known spec gaps, listed exactly, so
/// anything new fails. Skipped when shared/docs is not beside the repository.
@Suite(
    "Docs: the shared docs against the specs",
    .enabled(if: DocsPaths.sharedDocsAvailable, "shared/docs is not next to the repository (\(DocsPaths.sharedDocs.path)); these tests need it"))
struct DocsRealDocsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var spec: String
        var docs: [String]
        /// Known gaps: finding id, document, line.
        var known: [String]
        var testDescription: String { spec }
    }

    static let cases: [Case] = [
        Case(
            spec: "binance-spot.yaml",
            docs: [
                "binance-spot-2026-07/rest-api.md", "binance-spot-2026-07/errors.md", "binance-spot-2026-07/enums.md",
                "binance-spot-2026-07/filters.md", "binance-spot-2026-07/web-socket-api.md", "binance-spot-2026-07/user-data-stream.md",
                "binance-spot-2026-07/web-socket-streams.md",
            ],
            known: []),
        Case(spec: "history/binance-spot-2025-06.yaml", docs: ["binance-spot-rest-api.md", "binance-spot-orders-guide.md"], known: []),
        Case(spec: "binance-jex-spot.yaml", docs: ["binance-jex-spot-api.md"], known: []),
        Case(
            spec: "dfx-spot.yaml",
            docs: [
                "dfx/1-getting-started.md", "dfx/2-api-key.md", "dfx/3-authentication.md", "dfx/4-market-endpoints.md",
                "dfx/5-account-endpoints.md", "dfx/6-order-endpoints.md", "dfx/8-error-codes.md", "dfx/9-changelog.md",
            ],
            known: []),
        Case(spec: "history/dfx-spot-2024-11.yaml", docs: ["dfx-spot-order-endpoints.md"], known: []),
        Case(spec: "b2trader-frontoffice.yaml", docs: ["b2trader-place-spot-order.md", "b2trader-front-office-notes.md"], known: []),
    ]

    @Test("No unexplained finding but the known gaps", arguments: cases)
    func check(_ c: Case) throws {
        let spec = DocsPaths.spec(c.spec)
        let result = DocCheck.run(try DocReader.read(paths: DocsPaths.shared(c.docs)), spec: spec)
        let root = DocsPaths.sharedDocs.path + "/"
        let found = result.findings.map { "\($0.kind.rawValue) \($0.doc.file.replacingOccurrences(of: root, with: "")):\($0.doc.line)" }
        #expect(found == c.known, "\(result.findings.map(\.message))")
    }

    @Test("Each document on its own against its spec adds nothing new", arguments: cases)
    func eachDocument(_ c: Case) throws {
        let spec = DocsPaths.spec(c.spec)
        for doc in c.docs {
            let result = DocCheck.run(try DocReader.read(paths: DocsPaths.shared([doc])), spec: spec)
            let found = result.findings.map { "\($0.kind.rawValue) \(doc):\($0.doc.line)" }
            #expect(found == c.known.filter { $0.contains(" \(doc):") }, "\(result.findings.map(\.message))")
        }
    }

    @Test("The docs are read, not skipped: endpoints, parameters, examples, enums and errors are found")
    func coverage() throws {
        let binance = try DocReader.read(paths: DocsPaths.shared(["binance-spot-rest-api.md"]))
        #expect(binance.endpoints.count == 29)
        #expect(binance.errors.count == 92)
        #expect(binance.enums.count == 15)
        #expect(binance.endpoints.filter { $0.params != nil }.count == 29)
        #expect(binance.endpoints.first?.params?.isEmpty == true)
        #expect(binance.endpoints.flatMap(\.examples).filter { $0.json != nil }.count >= 40)
        let jex = try DocReader.read(paths: DocsPaths.shared(["binance-jex-spot-api.md"]))
        #expect(jex.endpoints.count == 23)
        #expect(jex.endpoints.flatMap(\.examples).filter { $0.json == nil }.count == 1)
    }
}
