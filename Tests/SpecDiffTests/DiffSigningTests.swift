import SpecDiff
import Testing

/// The signing keys the fifth scheme added (`encoding`, `passphraseHeader`, `timestamp.format`) are auth changes.
@Suite struct DiffSigningTests {
    @Test func newSigningKeysAreReported() throws {
        let new =
            baseSpec
            .replacingOccurrences(of: "payload: queryThenBody}", with: "payload: queryThenBody, encoding: base64}")
            .replacingOccurrences(of: "timestamp: {param: timestamp", with: "timestamp: {param: timestamp, format: iso8601")
        #expect(new != baseSpec)
        let messages = try diff(baseSpec, new).filter { $0.rule == .authChanged }.map(\.message)
        #expect(messages.contains("auth signing.encoding is now `base64` (was none)"))
        #expect(messages.contains("auth timestamp.format is now `iso8601` (was `milliseconds`)"))
    }
}
