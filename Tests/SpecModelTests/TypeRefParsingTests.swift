import SpecModel
import Testing

/// Type expressions are read with surrounding whitespace (tabs and Unicode spaces included) ignored.
struct TypeRefParsingTests {
    @Test(arguments: [
        ("STRING", TypeRef.string), (" STRING ", .string), ("\tDECIMAL", .decimal), ("LONG\u{3000}", .long),
        ("\u{00A0}BIGDECIMAL", .decimal), ("Order", .named("Order")), (" ARRAY OF  Order ", .array(.named("Order"))),
        ("MAP OF ARRAY OF INT", .map(.array(.int))),
    ])
    func parses(text: String, expected: TypeRef) {
        #expect(TypeRef(parsing: text) == expected)
    }

    @Test(arguments: ["", " ", "\t", "ARRAY OF ", "order", "ORDERS", "Or der", "x STRING"])
    func refuses(text: String) {
        #expect(TypeRef(parsing: text) == nil)
    }
}
