import Foundation
import SpecExport
import SpecModel
import Testing
import Yams

/// The OKX-style fixture's auth in the export: a passphrase scheme beside the signature, the new signing keys.
@Suite struct ExportSigningTests {
    @Test func okxStyleAuthIsExported() throws {
        let path = ExportSupport.root.appendingPathComponent("Tests/SpecGeneratorTests/Fixtures/okx-style.yaml").path
        let spec = try #require(SpecLoader.load(path: path).spec)
        let document = try #require(try Yams.load(yaml: OpenAPIExporter(spec: spec).yaml()) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        let passphrase = try #require(schemes["passphrase"] as? [String: Any])
        #expect(passphrase["in"] as? String == "header")
        #expect(passphrase["name"] as? String == "OK-ACCESS-PASSPHRASE")
        let signature = try #require(schemes["signature"] as? [String: Any])
        #expect(signature["name"] as? String == "OK-ACCESS-SIGN")
        let signing = try #require(signature["x-signing"] as? [String: Any])
        #expect(signing["payload"] as? String == "timestampMethodPathBody")
        #expect(signing["encoding"] as? String == "base64")
        #expect(signing["passphraseHeader"] as? String == "OK-ACCESS-PASSPHRASE")
        let auth = try #require(document["x-auth"] as? [String: Any])
        #expect(auth["timestampFormat"] as? String == "iso8601")
    }
}
