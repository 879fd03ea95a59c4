import ClientRuntime
import Foundation
import Testing

/// A model with the compiler's synthesized `init(from:)`.
private struct Synthesized: Decodable, Equatable {
    var name: String
    var count: Int64
    var size: Int
    var price: ExactDecimal
    var active: Bool
    var tags: [String]
    var note: String?
    var limit: ExactDecimal?
    var flag: Bool?
}

/// The same members read as the generator writes `init(from:)`: through `FieldReader`.
private struct Written: Decodable, Equatable {
    var value: Synthesized

    init(from decoder: any Decoder) throws {
        var container = try FieldReader(decoder)
        let name = container.required(String.self, "name")
        let count = container.required(Int64.self, "count")
        let size = container.required(Int.self, "size")
        let price = container.required(ExactDecimal.self, "price")
        let active = container.required(Bool.self, "active")
        let tags = container.required([String].self, "tags")
        let note = container.optional(String.self, "note")
        let limit = container.optional(ExactDecimal.self, "limit")
        let flag = container.optional(Bool.self, "flag")
        try container.finish()
        value = Synthesized(
            name: name!, count: count!, size: size!, price: price!, active: active!, tags: tags!, note: note,
            limit: limit, flag: flag)
    }
}

/// A decoding error's case and coding path (for `dataCorrupted` the message too).
private func describe(_ result: Result<some Any, any Error>) -> String {
    switch result {
    case .success: return "success"
    case let .failure(error as DecodingError):
        func path(_ c: DecodingError.Context) -> String { c.codingPath.map(\.stringValue).joined(separator: ".") }
        switch error {
        case let .typeMismatch(type, c): return "typeMismatch \(type) at \(path(c))"
        case let .valueNotFound(type, c): return "valueNotFound \(type) at \(path(c))"
        case let .keyNotFound(key, c): return "keyNotFound \(key.stringValue) at \(path(c))"
        case let .dataCorrupted(c): return "dataCorrupted at \(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    case let .failure(error): return "\(error)"
    }
}

/// `FieldReader` decodes what synthesized `Decodable` decodes and throws the error it throws (the first member's that
/// fails, in declaration order), with both `JSONDecoder` and the client's `JSONResponseDecoder`.
@Suite struct FieldReaderTests {
    static let valid = #"""
        {"name":"a","count":9007199254740993,"size":-3,"price":"0.10","active":true,"tags":["x","y"],"note":"n",
         "limit":"5","flag":false}
        """#

    @Test(arguments: [
        ("", ""),  // unchanged: decodes
        (#""note":"n","#, ""),  // optional members absent
        (#""note":"n","#, #""note":null,"#),  // an optional null
        (#""name":"a","#, ""),  // a required member missing
        (#""name":"a","#, #""name":null,"#),  // a required null
        (#""name":"a","#, #""name":1,"#),  // the wrong type
        (#""count":9007199254740993"#, #""count":"9""#),
        (#""size":-3"#, #""size":1.5"#),
        (#""price":"0.10""#, #""price":"ten""#),  // a malformed decimal
        (#""active":true"#, #""active":"true""#),
        (#""tags":["x","y"]"#, #""tags":["x",2]"#),  // inside an array
        (#""note":"n""#, #""note":5"#),  // an optional of the wrong type
        (#""limit":"5""#, #""limit":"5.5.5""#),
        (#""flag":false"#, #""flag":0"#),
        (#""name":"a","count":9007199254740993"#, #""count":"x""#),  // two failures: the first member's error
    ])
    func decodesAndFailsLikeSynthesizedDecoding(_ change: (String, String)) {
        let text = change.0.isEmpty ? Self.valid : Self.valid.replacingOccurrences(of: change.0, with: change.1)
        #expect(change.0.isEmpty || text != Self.valid)
        let data = Data(text.utf8)
        func check(_ decoder: (Data) -> (written: Result<Written, any Error>, synthesized: Result<Synthesized, any Error>)) {
            let (written, synthesized) = decoder(data)
            #expect(describe(written) == describe(synthesized), "\(text)")
            if case let (.success(lhs), .success(rhs)) = (written, synthesized) { #expect(lhs.value == rhs) }
        }
        check { data in
            (Result { try JSONDecoder().decode(Written.self, from: data) }, Result { try JSONDecoder().decode(Synthesized.self, from: data) })
        }
        check { data in
            (
                Result { try JSONResponseDecoder().decode(Written.self, from: data) },
                Result { try JSONResponseDecoder().decode(Synthesized.self, from: data) }
            )
        }
    }

    @Test func aValueThatIsNotAnObjectFailsAsSynthesizedDecodingDoes() {
        let data = Data("[1]".utf8)
        #expect(
            describe(Result { try JSONDecoder().decode(Written.self, from: data) })
                == describe(Result { try JSONDecoder().decode(Synthesized.self, from: data) }))
        #expect(
            describe(Result { try JSONResponseDecoder().decode(Written.self, from: data) })
                == describe(Result { try JSONResponseDecoder().decode(Synthesized.self, from: data) }))
    }
}
