import B2TraderFrontOffice
import BinanceJEXSpot
import BinanceSpot
import ClientRuntime
import DFXSpot
import Foundation
import SpecGenerator
import SpecModel
import Testing

/// Every JSON example of every spec decodes into its generated type and re-encodes without losing a digit.
@Suite struct ExampleRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ name: String) throws -> Spec {
        let result = SpecLoader.load(path: repository.appendingPathComponent("specs/\(name).yaml").path)
        return try #require(result.spec)
    }

    /// One documented response example and the spec type it must decode into.
    struct Case: CustomTestStringConvertible, Sendable {
        let module: String
        let endpoint: String
        let type: TypeRef
        let json: JSONDocument
        var testDescription: String { "\(module).\(endpoint) as \(type)" }
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        for name in ["binance-spot", "binance-jex-spot", "dfx-spot", "b2trader-frontoffice"] {
            let spec = try spec(name)
            for endpoint in spec.endpoints {
                for example in endpoint.examples {
                    guard let text = example.response?.value, (example.status ?? 200) < 300, let response = endpoint.response else { continue }
                    let type = example.variant.flatMap { v in response.variants.first { $0.key.value == v.value }?.type.value } ?? response.type?.value
                    guard let type, var json = try? JSONDocument.parse(text) else { continue }
                    if let envelope = spec.envelope {
                        guard json[envelope.code].map(scalarText) == envelope.success else { continue }
                        json = json[envelope.data] ?? .null
                    }
                    cases.append(Case(module: spec.module.value, endpoint: endpoint.id.value, type: type, json: json))
                }
            }
        }
        return cases
    }

    /// Pinned, so an example silently dropped from a spec fails here.
    @Test func everySpecHasItsSuccessExamples() throws {
        let counts = Dictionary(grouping: try Self.cases(), by: \.module).mapValues(\.count)
        #expect(counts == ["BinanceSpot": 67, "BinanceJEXSpot": 27, "B2TraderFrontOffice": 3, "DFXSpot": 1])
    }

    @Test(arguments: try cases()) func decodesAndReencodesExactly(_ c: Case) throws {
        let reencoded = try roundTrip(c.json, as: c.type, module: c.module)
        #expect(normalized(reencoded) == normalized(c.json))
    }

    /// Decodes `json` as the generated type for `type` and encodes it again.
    func roundTrip(_ json: JSONDocument, as type: TypeRef, module: String) throws -> JSONDocument {
        switch type {
        case let .array(element):
            guard case let .array(items) = json else { throw Mismatch("expected an array") }
            return .array(try items.map { try roundTrip($0, as: element, module: module) })
        case let .map(element):
            guard case let .object(members) = json else { throw Mismatch("expected an object") }
            return .object(try members.map { ($0.key, try roundTrip($0.value, as: element, module: module)) })
        case .empty:
            return try reencode(EmptyResponse.self, json)
        case .json:
            return try reencode(JSONValue.self, json)
        case let .named(name):
            // Generated models are structs, polymorphic ones enums: look both up by mangled name.
            let typeName = Naming.type(name)
            let mangled = "\(module.utf8.count)\(module)\(typeName.utf8.count)\(typeName)"
            guard let swiftType = (_typeByName(mangled + "V") ?? _typeByName(mangled + "O")) as? any Codable.Type else {
                throw Mismatch("no generated type \(module).\(typeName)")
            }
            return try reencode(swiftType, json)
        default:
            return json
        }
    }

    func reencode<T: Codable>(_ type: T.Type, _ json: JSONDocument) throws -> JSONDocument {
        let value = try JSONDecoder().decode(T.self, from: Data(json.jsonText.utf8))
        let data = try JSONEncoder().encode(value)
        return try JSONDocument.parse(String(decoding: data, as: UTF8.self))
    }

    /// Compares what a client relies on: nulls and absent members are the same; a decimal may come back as a
    /// string where the docs sent a number, but never with different digits.
    func normalized(_ json: JSONDocument) -> JSONDocument {
        switch json {
        case let .number(n): .string(n)
        case let .array(items): .array(items.map(normalized))
        case let .object(members):
            .object(members.filter { $0.value != .null }.map { ($0.key, normalized($0.value)) }.sorted { $0.key < $1.key })
        default: json
        }
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

func scalarText(_ json: JSONDocument) -> String? {
    switch json {
    case let .string(s), let .number(s): s
    default: nil
    }
}
