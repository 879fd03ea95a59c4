import Foundation
import SpecModel

/// Whether the docs' type word for a parameter agrees with the spec: with `docsType` when the spec records the
/// docs' word, else with the spec type (ENUM matches any enum, STRING also an enum, INT/INTEGER/LONG and
/// DECIMAL/BIGDECIMAL as aliases).
enum TypeWords {
    /// Upper case, single spaces, aliases folded (INTEGER → INT, BIGDECIMAL → DECIMAL).
    static func normalize(_ word: String) -> String {
        let upper = word.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return upper.replacingOccurrences(of: "BIGDECIMAL", with: "DECIMAL").replacingOccurrences(of: "INTEGER", with: "INT")
    }

    static func agrees(_ docWord: String, with param: Parameter, in spec: Spec) -> Bool {
        let doc = normalize(docWord)
        if let docsType = param.docsType { return normalize(docsType) == doc }
        return matches(doc, param.type.value, spec)
    }

    static func matches(_ word: String, _ type: TypeRef, _ spec: Spec) -> Bool {
        let w = word.replacingOccurrences(of: "| NULLABLE", with: "").replacingOccurrences(of: "NULLABLE", with: "").trimmingCharacters(in: .whitespaces)
        switch type {
        case .string: return ["STRING", "STR", "TEXT"].contains(w)
        case .decimal: return ["DECIMAL", "DECIMAL STRING", "NUMBER", "FLOAT", "DOUBLE"].contains(w)
        case .int: return ["INT", "INT32", "NUMBER"].contains(w)
        case .long: return ["LONG", "INT64", "NUMBER"].contains(w)
        case .boolean: return ["BOOLEAN", "BOOL"].contains(w)
        case .datetime: return ["STRING", "DATETIME", "DATE", "TIMESTAMP"].contains(w)
        case .json: return true
        case .empty: return ["OBJECT", "EMPTY"].contains(w)
        case let .named(name):
            if spec.enumDef(named: name) != nil { return ["ENUM", "STRING"].contains(w) }
            return ["OBJECT", "JSON"].contains(w)
        case let .array(element):
            if w.hasPrefix("ARRAY OF ") { return matches(String(w.dropFirst("ARRAY OF ".count)), element, spec) }
            if ["ARRAY", "LIST"].contains(w) { return true }
            return matches(w, element, spec)
        case .map:
            return ["OBJECT", "MAP", "JSON"].contains(w)
        }
    }

    /// How the spec's side reads in a message: "LONG" or "OrderSide (docsType ENUM)".
    static func describe(_ param: Parameter) -> String {
        param.docsType.map { "\(param.type.value) (docsType \($0))" } ?? "\(param.type.value)"
    }
}
