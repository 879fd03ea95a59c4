import Foundation
import SpecGenerator
import SpecModel
import Testing

/// The OKX-style fixture (Fixtures/okx-style.yaml): a fifth signing scheme is spec data plus one runtime
/// authenticator. Compiling the generated module is left to the fixture's own check (too slow for CI); here the
/// generated source must select the authenticator, the ISO timestamp and the typed credential initialiser.
@Suite struct FifthSchemeGenerationTests {
    static func client() throws -> String {
        let url = repository.appendingPathComponent("Tests/SpecGeneratorTests/Fixtures/okx-style.yaml")
        let result = SpecLoader.load(yaml: try String(contentsOf: url, encoding: .utf8), file: "okx-style.yaml")
        let problems = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(problems.isEmpty)
        let spec = try #require(result.spec)
        let files = try Generator.files(for: spec, templates: TemplateSet.load())
        return try #require(files.first { $0.path == "OKXStyle/Client.swift" }).contents
    }

    @Test func generatedProfileSelectsTheAuthenticator() throws {
        let source = try Self.client()
        #expect(
            source.contains(
                #"signing: TimestampMethodPathBodyAuthenticator(header: "OK-ACCESS-SIGN", passphraseHeader: "OK-ACCESS-PASSPHRASE")"#))
        #expect(source.contains(#"timestampHeader: "OK-ACCESS-TIMESTAMP""#))
        #expect(source.contains("timestampFormat: .iso8601"))
        #expect(source.contains(#"apiKeyHeader: "OK-ACCESS-KEY""#))
    }

    @Test func generatedClientHasOnlyTheTypedPassphraseInitialiser() throws {
        let source = try Self.client()
        #expect(source.contains("        passphrase: Secret,\n        secret: Secret,\n"))
        #expect(
            source.contains(
                ".passphraseSigned(apiKey: apiKey, passphrase: passphrase, signer: HMACSHA256Signer(secret: secret, encoding: .base64))"))
        #expect(!source.contains("signer: any RequestSigner"))
        #expect(!source.contains("signer: DFXSigner"))
    }

    @Test func existingSchemesSelectTheirAuthenticators() throws {
        let binance = try generated("endpoints:\n  ping: {method: GET, path: /ping, security: NONE}\n", file: "Client")
        #expect(binance.contains(#"signing: SignatureParameterAuthenticator(parameter: "signature")"#))
        #expect(binance.contains("timestampFormat: .milliseconds"))
        #expect(binance.contains("signer: any RequestSigner"))
    }
}
