import Foundation
import SpecModel

/// Parameter tables: Name/PARAMETER, Type, Mandatory/**Mandatory** (or Required), Description, in any order.
enum ParamTable {
    struct Columns {
        var name: Int
        var type: Int?
        var mandatory: Int?
        var description: Int?
    }

    /// The columns of a parameter table, or nil when the table is something else.
    static func columns(_ table: DocTable) -> Columns? {
        let words = table.headerWords
        guard let name = words.firstIndex(where: { ["name", "parameter", "parameters", "param", "field", "parameter name"].contains($0) }),
            let type = words.firstIndex(where: { $0 == "type" || $0 == "data type" })
        else { return nil }
        return Columns(
            name: name, type: type,
            mandatory: words.firstIndex(where: { ["mandatory", "required", "is required", "optional"].contains($0) }),
            description: words.firstIndex(where: { ["description", "describe", "remarks", "comment"].contains($0) }))
    }

    static func params(_ table: DocTable, _ columns: Columns) -> [DocParam] {
        table.rows.compactMap { row in
            guard columns.name < row.count else { return nil }
            let name = InlineText.plain(row[columns.name].text)
            guard isIdentifier(name) else { return nil }
            let cell = { (i: Int?) -> DocTable.Cell? in i.flatMap { $0 < row.count ? row[$0] : nil } }
            let description = cell(columns.description)?.text
            var param = DocParam(
                name: name, type: cell(columns.type).map { InlineText.plain($0.text) }.flatMap { $0.isEmpty ? nil : $0 },
                mandatory: cell(columns.mandatory).flatMap { mandatory(InlineText.plain($0.text)) },
                description: description, at: row[columns.name].at)
            if let d = cell(columns.description) {
                (param.values, param.runTogetherValues) = ParamValues.extract(d.text, at: d.at)
            }
            return param
        }
    }

    /// YES / NO / Required / Optional / "NO (required for LIMIT order)".
    static func mandatory(_ text: String) -> Bool? {
        let word = text.lowercased().prefix { $0.isLetter }
        switch word {
        case "yes", "y", "true", "required", "mandatory": return true
        case "no", "n", "false", "optional": return false
        default: return nil
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || "_.[]-".contains($0) }
    }
}
