import Foundation
import SpecModel

extension DocExtractor {
    /// A table is a parameter table (of the current endpoint), an enum value table, or an overview that lists
    /// endpoints (a `METHOD /path` cell, or Method and Url columns).
    mutating func table(_ table: DocTable) {
        awaitingWeight = false
        if let columns = ParamTable.columns(table) {
            guard let i = current else { return }
            model.endpoints[i].params = (model.endpoints[i].params ?? []) + ParamTable.params(table, columns)
            return
        }
        if enumTable(table) { return }
        overview(table)
    }

    /// `| VALUE | DESCRIPTION |` or `| Status | Description |` rows of single values.
    mutating func enumTable(_ table: DocTable) -> Bool {
        guard let first = table.headerWords.first, ["value", "values", "status", "enum"].contains(first), !table.rows.isEmpty else { return false }
        let values = table.rows.compactMap { row in row.first.flatMap { cell in Self.singleValue(cell.text).map { DocValue(value: $0, at: cell.at) } } }
        guard values.count == table.rows.count else { return false }
        let title = enumSection?.title ?? headings.last?.title ?? "values"
        model.enums.append(DocEnum(title: Self.enumTitle(title), names: Self.parenNames(title), values: values, at: enumSection?.at ?? table.header[0].at))
        enumSection?.isEnum = false
        return true
    }

    mutating func overview(_ table: DocTable) {
        let words = table.headerWords
        let methodColumn = words.firstIndex(of: "method")
        let pathColumn = words.firstIndex { ["url", "path", "endpoint", "uri"].contains($0) }
        for row in table.rows {
            var key: DocEndpoint.Key?
            var at = row.first?.at
            if let m = methodColumn, let p = pathColumn, m < row.count, p < row.count {
                key = EndpointLine.key(method: row[m].text, path: row[p].text)
                at = row[p].at
            }
            if key == nil, let cell = row.first(where: { EndpointLine.parse($0.text) != nil }) {
                key = EndpointLine.parse(cell.text)
                at = cell.at
            }
            guard let key, let at else { continue }
            let title = words.firstIndex { ["call", "name", "describe", "description"].contains($0) }.flatMap { $0 < row.count ? InlineText.plain(row[$0].text) : nil }
            mention(key, title: title?.isEmpty == false ? title : nil, params: NotesCells.params(words, row), at: at)
        }
    }
}

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
