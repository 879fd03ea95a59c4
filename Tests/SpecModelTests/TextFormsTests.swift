import Foundation
import Testing

@testable import SpecModel

/// The hand-written text-form checks accept exactly what the regular expressions they replaced accept, on ASCII
/// text; they differ only where the regular expressions were looser than meant (other scripts' digits, a final line
/// break).
@Suite struct TextFormsTests {
    static let samples = [
        "", "a", "A", "_", "_a1", "a_b", "1a", "a-b", "a b", "Ab9", "AB", "aB", "Z", "9", "-", "+", ".", "e", "E",
        "0", "-0", "+0", "12", "-12", "1.", "1.5", "-1.50", ".5", "-.5", "+.5", "1.2.3", "1e5", "1E-5", "1.5e+10", ".5e1",
        "1e", "1e+", "e5", "--1", "1-", "0.00000001", "12a", " 1", "1 ", "1,5",
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.123456789+01:00",
        "2024-01-02T03:04:05.1234567890Z", "2024-01-02T03:04:05-05:30", "2024-01-02T03:04:05", "2024-01-02 03:04:05Z",
        "20240-01-02T03:04:05Z", "2024-1-02T03:04:05Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05+0100",
        "2024-01-02T03:04:05z", "2024-01-02T03:04:05+01:00Z",
    ]

    func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func sameAnswersAsTheRegularExpressions() {
        for text in Self.samples {
            #expect(TextForms.isIdentifier(text) == matches(text, #"^[A-Za-z_][A-Za-z0-9_]*$"#), "\(text)")
            #expect(TextForms.isTypeName(text) == matches(text, #"^[A-Z][A-Za-z0-9]*$"#), "\(text)")
            #expect(TextForms.isPlainNumber(text, whole: true) == matches(text, #"^-?[0-9]+$"#), "\(text)")
            #expect(TextForms.isPlainNumber(text, whole: false) == matches(text, #"^-?[0-9]+(\.[0-9]+)?$"#), "\(text)")
            #expect(
                TextForms.isDecimalNumber(text) == matches(text, #"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"#),
                "\(text)")
            #expect(
                TextForms.isISO8601DateTime(text)
                    == matches(text, #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$"#), "\(text)")
        }
    }

    @Test func asciiDigitsOnlyAndNothingAfterTheEnd() {
        #expect(!TextForms.isISO8601DateTime("٢٠٢٤-01-02T03:04:05Z"))
        #expect(!TextForms.isPlainNumber("12\n", whole: true))
        #expect(!TextForms.isIdentifier("name\n"))
        #expect(!TextForms.isIdentifier("é"))
    }
}
