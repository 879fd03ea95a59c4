import SpecModel
import Testing

/// `auth.signing`: each `payload` names one runtime authenticator, which needs its places and schemes; unknown
/// values are refused where they are written.
@Suite struct SigningLintTests {
    static func yaml(signing: String, timestamp: String = "{header: X-TS}") -> String {
        """
        specgen: 1
        api: demo
        title: Demo
        module: Demo
        servers:
          - url: https://api.example.com
        security:
          NONE: {}
        auth:
          apiKey: {header: X-KEY}
          signing: \(signing)
          timestamp: \(timestamp)
        endpoints:
          ping:
            method: GET
            path: /ping
            security: NONE

        """
    }

    static func errors(_ signing: String, timestamp: String = "{header: X-TS}") -> [String] {
        SpecLoader.load(yaml: yaml(signing: signing, timestamp: timestamp), file: "specs/demo.yaml").lintDiagnostics
            .filter { $0.severity == .error }.map(\.description)
    }

    @Test func okxStyleSigningLoads() throws {
        let signing =
            "{schemes: [hmacSHA256], encoding: base64, payload: timestampMethodPathBody, signatureHeader: X-SIGN, passphraseHeader: X-PASS}"
        let result = SpecLoader.load(yaml: Self.yaml(signing: signing, timestamp: "{header: X-TS, format: iso8601}"), file: "specs/demo.yaml")
        #expect(result.lintDiagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let auth = try #require(result.spec?.auth)
        #expect(auth.signing?.payload == .timestampMethodPathBody)
        #expect(auth.signing?.encoding == .base64)
        #expect(auth.signing?.passphraseHeader == "X-PASS")
        #expect(auth.timestampFormat == .iso8601)
    }

    @Test func unknownValuesAreRefusedWhereWritten() {
        #expect(
            Self.errors("{schemes: [hmacSHA512], payload: queryThenBody, signatureParam: signature}") == [
                "specs/demo.yaml:11:23: error: unknown signing scheme 'hmacSHA512'; expected one of hmacSHA256, rsaPKCS1SHA256, ed25519, dfxEd25519"
            ])
        #expect(
            Self.errors("{schemes: [hmacSHA256], payload: timestampPathBody, signatureHeader: S}") == [
                "specs/demo.yaml:11:45: error: 'payload' in auth.signing must be one of 'queryThenBody', 'sortedRequestParts', "
                    + "'timestampMethodPathBody', found 'timestampPathBody'"
            ])
        #expect(
            Self.errors("{schemes: [hmacSHA256], payload: queryThenBody, signatureParam: s, encoding: base32}") == [
                "specs/demo.yaml:11:89: error: 'encoding' in auth.signing must be one of 'hex', 'base64', found 'base32'"
            ])
        #expect(
            Self.errors("{schemes: [hmacSHA256], payload: queryThenBody, signatureParam: s}", timestamp: "{param: t, format: seconds}") == [
                "specs/demo.yaml:12:33: error: 'format' in auth.timestamp must be one of 'milliseconds', 'iso8601', found 'seconds'"
            ])
    }

    @Test func eachPayloadNeedsItsPlacesAndSchemes() {
        let at = "specs/demo.yaml:11:12: error: "
        #expect(
            Self.errors("{schemes: [hmacSHA256], signatureParam: s}") == [
                at + "auth.signing is missing required key 'payload'"
            ])
        #expect(
            Self.errors("{schemes: [hmacSHA256], payload: queryThenBody, signatureHeader: S}") == [
                at + "auth.signing payload 'queryThenBody' needs 'signatureParam'"
            ])
        #expect(
            Self.errors("{schemes: [ed25519], payload: sortedRequestParts, signatureHeader: S}") == [
                at + "auth.signing payload 'sortedRequestParts' is signed with schemes [dfxEd25519] only"
            ])
        #expect(
            Self.errors("{schemes: [dfxEd25519], payload: queryThenBody, signatureParam: s}") == [
                at + "auth.signing scheme 'dfxEd25519' signs the payload 'sortedRequestParts', not 'queryThenBody'"
            ])
        #expect(
            Self.errors("{schemes: [rsaPKCS1SHA256], payload: timestampMethodPathBody, signatureHeader: S}") == [
                at + "auth.signing payload 'timestampMethodPathBody' needs 'passphraseHeader'",
                at + "auth.signing payload 'timestampMethodPathBody' is signed with schemes [hmacSHA256] only",
            ])
        #expect(
            Self.errors("{schemes: [ed25519], payload: queryThenBody, signatureParam: s, encoding: hex, passphraseHeader: P}") == [
                at + "auth.signing 'passphraseHeader' is only sent with the payload 'timestampMethodPathBody'",
                at + "auth.signing 'encoding' applies to hmacSHA256 only; the schemes here are always base64",
            ])
    }
}
