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
