import CLibXML2
import Foundation
import SpecModel

/// Reads HTML into the same blocks as `MarkdownReader`, through libxml2's forgiving HTML parser: headings, tables
/// (`th`/`td` rows), `pre` code, paragraphs, list items. Inline `code` becomes backticks and `strong`/`b` becomes
/// `**…**`, so the shared extraction sees the same text either way.
public struct HTMLReader {
    let file: String
    let lineOffset: Int
    var blocks: [DocBlock] = []
    var title: String?

    /// Reads a document or fragment; `lineOffset` shifts line numbers (for HTML embedded in Markdown).
    public static func read(_ html: String, file: String, lineOffset: Int = 0) -> (blocks: [DocBlock], title: String?) {
        var reader = HTMLReader(file: file, lineOffset: lineOffset)
        let bytes = Array(html.utf8)
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                htmlReadMemory($0, Int32(buffer.count), file, "UTF-8", options)
            }
        }
        guard let doc else { return ([], nil) }
        defer { xmlFreeDoc(doc) }
        if let root = xmlDocGetRootElement(doc) { reader.walk(root) }
        return (reader.blocks, reader.title)
    }

    func location(_ node: xmlNodePtr) -> SourceLocation {
        SourceLocation(file: file, line: max(1, xmlGetLineNo(node) + lineOffset), column: 1)
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            result.append(c)
            child = c.pointee.next
        }
        return result
    }

    static let containers: Set = [
        "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "blockquote", "details", "aside", "dl", "dd", "dt", "figure",
    ]
    static let blockNames: Set = containers.union(["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "pre", "hr", "head", "title", "script", "style"])

    // MARK: Blocks

    mutating func walk(_ node: xmlNodePtr) {
        var inline: [xmlNodePtr] = []
        for child in Self.children(node) {
            let name = Self.name(child)
            if Self.blockNames.contains(name) {
                flush(&inline)
                block(child, name)
            } else {
                inline.append(child)
            }
        }
        flush(&inline)
    }

    mutating func flush(_ nodes: inout [xmlNodePtr]) {
        defer { nodes = [] }
        guard let first = nodes.first else { return }
        for line in nodes.map(Self.inlineText).joined().split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { blocks.append(DocBlock(.text(text), at: location(first))) }
        }
    }

    mutating func block(_ node: xmlNodePtr, _ name: String) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = Self.inlineText(node).trimmingCharacters(in: .whitespacesAndNewlines)
            blocks.append(DocBlock(.heading(level: Int(String(name.dropFirst()))!, text: text), at: location(node)))
        case "p":
            for (i, line) in Self.inlineText(node).split(separator: "\n").enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                var at = location(node)
                at.line += i
                if !text.isEmpty { blocks.append(DocBlock(.text(text), at: at)) }
            }
        case "ul", "ol":
            for item in Self.children(node) where Self.name(item) == "li" {
                let own = Self.children(item).filter { !["ul", "ol", "pre", "table"].contains(Self.name($0)) }
                let text = own.map(Self.inlineText).joined().trimmingCharacters(in: .whitespacesAndNewlines)
                blocks.append(DocBlock(.listItem(text), at: location(item)))
                for nested in Self.children(item) where ["ul", "ol", "pre", "table"].contains(Self.name(nested)) {
                    block(nested, Self.name(nested))
                }
            }
        case "table":
            table(node)
        case "pre":
            blocks.append(DocBlock(.code(language: Self.codeLanguage(node), text: Self.rawText(node)), at: location(node)))
        case "hr":
            blocks.append(DocBlock(.blank, at: location(node)))
        case "title":
            title = Self.rawText(node).trimmingCharacters(in: .whitespacesAndNewlines)
        case "head":
            for child in Self.children(node) where Self.name(child) == "title" { block(child, "title") }
        case "script", "style":
            break
        default:
            walk(node)
        }
    }

    mutating func table(_ node: xmlNodePtr) {
        var rows: [[DocTable.Cell]] = []
        func collect(_ n: xmlNodePtr) {
            for child in Self.children(n) {
                switch Self.name(child) {
                case "tr":
                    let cells = Self.children(child).filter { ["td", "th"].contains(Self.name($0)) }.map { cell in
                        DocTable.Cell(text: Self.inlineText(cell).trimmingCharacters(in: .whitespacesAndNewlines), at: location(cell))
                    }
                    rows.append(cells)
                case "thead", "tbody", "tfoot":
                    collect(child)
                default:
                    break
                }
            }
        }
        collect(node)
        guard let header = rows.first else { return }
        blocks.append(DocBlock(.table(DocTable(header: header, rows: Array(rows.dropFirst()))), at: location(node)))
    }

    // MARK: Text

    /// Inline text with Markdown conventions: `code`, **strong**, "\n" for `<br>`; whitespace collapsed.
    static func inlineText(_ node: xmlNodePtr) -> String {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return "" }
            return collapse(String(cString: content))
        case XML_ELEMENT_NODE:
            let inner = children(node).map(inlineText).joined()
            switch name(node) {
            case "br": return "\n"
            case "code", "tt", "kbd": return "`" + inner.trimmingCharacters(in: .whitespaces) + "`"
            case "strong", "b": return "**" + inner + "**"
            case "p", "div", "li", "tr": return inner + "\n"
            // Heading permalinks ("#", "¶", a zero-width space) are not text.
            case "a" where ["#", "¶", "\u{200B}", ""].contains(inner.trimmingCharacters(in: .whitespaces)): return ""
            case "script", "style": return ""
            default: return inner
            }
        default:
            return ""
        }
    }

    static func collapse(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for ch in text {
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out
    }

    /// The text content, whitespace kept (for `pre`).
    static func rawText(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(content) }
        return String(cString: content)
    }

    /// The language of a `pre` or its `code` child, from a `language-…` class.
    static func codeLanguage(_ node: xmlNodePtr) -> String? {
        for n in [node] + children(node) where n.pointee.type == XML_ELEMENT_NODE {
            guard let value = xmlGetProp(n, "class") else { continue }
            defer { cxml_free(value) }
            let classes = String(cString: value).split(separator: " ")
            if let lang = classes.first(where: { $0.hasPrefix("language-") }) { return String(lang.dropFirst("language-".count)) }
        }
        return nil
    }
}
