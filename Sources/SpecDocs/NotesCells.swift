import Foundation
import SpecModel

/// Parameters in the cells of an overview row (B2TRADER's notes): a header-parameter column (`accountId; …`) and a
/// body/path column (`` `order.side` (Buy, Sell), `order.requestedPrice` (decimal, nullable) ``, "path `orderId`
/// (required)"). Nil when the row points elsewhere ("see …") or has no such columns.
enum NotesCells {
    static func params(_ words: [String], _ row: [DocTable.Cell]) -> [DocParam]? {
        let columns = words.indices.filter { words[$0].contains("param") && $0 < row.count }
        guard !columns.isEmpty else { return nil }
        var params: [DocParam] = []
        for c in columns {
            let cell = row[c]
            let plain = InlineText.plain(cell.text)
            if plain.lowercased().hasPrefix("see ") { return nil }
            if words[c].contains("header") {
                params += headerParams(cell)
            } else {
                params += bodyParams(cell)
            }
        }
        return params
    }

    static func headerParams(_ cell: DocTable.Cell) -> [DocParam] {
        let withoutCode = cell.text.replacingOccurrences(of: #"`[^`]*`"#, with: "", options: .regularExpression)
        return withoutCode.split(whereSeparator: { ";,".contains($0) }).compactMap { token in
            let name = token.trimmingCharacters(in: .whitespaces)
            guard ParamTable.isIdentifier(name) else { return nil }
            return DocParam(name: name, location: .header, at: cell.at)
        }
    }

    static func bodyParams(_ cell: DocTable.Cell) -> [DocParam] {
        var params: [DocParam] = []
        var rest = Substring(cell.text)
        var before = ""
        while let open = rest.firstIndex(of: "`") {
            before += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            let span = String(after[..<close])
            rest = after[after.index(after: close)...]
            let tail = rest.prefix { $0 != "`" }
            let note = tail.trimmingCharacters(in: .whitespaces).hasPrefix("(") ? parenthesised(String(tail)) : nil
            var name = span
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            guard ParamTable.isIdentifier(name) else { continue }
            var param = DocParam(name: name, at: cell.at)
            if before.lowercased().hasSuffix("path ") { param.location = .path }
            describe(&param, note: note)
            params.append(param)
            before = ""
        }
        return params
    }

    /// "(decimal, nullable; omit for Market)", "(Buy, Sell)", "(required)".
    static func describe(_ param: inout DocParam, note: String?) {
        guard let note else { return }
        let items = note.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        let typeWords: Set = ["string", "decimal", "integer", "int", "long", "number", "boolean", "object", "array", "decimal string"]
        if items.contains(where: { $0.lowercased() == "required" }) { param.mandatory = true }
        if let type = items.first(where: { typeWords.contains($0.lowercased()) }) { param.type = type }
        let values = items.filter { $0.range(of: #"^[A-Z][A-Za-z0-9]*$"#, options: .regularExpression) != nil }
        if values.count >= 2 { param.values = values.map { DocValue(value: $0, at: param.at) } }
    }

    static func parenthesised(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        return String(text[text.index(after: open)..<close])
    }
}
