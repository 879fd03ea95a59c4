import Foundation

/// Recognises `METHOD /path` in the forms the venues write it: a heading (`## POST \`/api/v1/spot/order\``), a
/// fenced line, a code-span line with a note (`` `GET /api/v1/spot/order (HMAC SHA256)` ``), a plain line, a cell.
enum EndpointLine {
    static let methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]

    /// The endpoint when the whole text is a method and a path (plus an optional parenthesised note).
    static func parse(_ text: String) -> DocEndpoint.Key? {
        var s = InlineText.plain(text)
        if let paren = s.firstIndex(where: { $0 == "(" || $0 == "（" }), s.hasSuffix(")") || s.hasSuffix("）") {
            s = String(s[..<paren]).trimmingCharacters(in: .whitespaces)
        }
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2 else { return nil }
        return key(method: String(parts[0]), path: String(parts[1]))
    }

    /// The first `METHOD /path` anywhere in the text ("In addition to all parameters of `POST /api/v3/order`").
    static func find(in text: String) -> DocEndpoint.Key? {
        let plain = InlineText.plain(text)
        let pattern = #"\b(GET|POST|PUT|DELETE|PATCH)\s+(/[A-Za-z0-9_\-./{}]+)"#
        guard let match = plain.range(of: pattern, options: .regularExpression) else { return nil }
        return parse(String(plain[match]))
    }

    /// A key from separate method and path texts (a table with Method and Url columns).
    static func key(method: String, path: String) -> DocEndpoint.Key? {
        let m = InlineText.plain(method).uppercased()
        var p = InlineText.unescape(path.replacingOccurrences(of: "`", with: "")).trimmingCharacters(in: .whitespaces)
        if let q = p.firstIndex(of: "?") { p = String(p[..<q]) }
        guard methods.contains(m), p.hasPrefix("/"), p.count > 1, !p.contains("*"), !p.contains(" ") else { return nil }
        return DocEndpoint.Key(method: m, path: p)
    }

    /// The security word at the end of a title: `TRADE` in "New order (TRADE)" or "下单（TRADE）".
    static func securityWord(_ title: String) -> String? {
        let plain = InlineText.plain(title)
        guard let range = plain.range(of: #"[(（]\s*[A-Z][A-Z_]+\s*[)）]\s*$"#, options: .regularExpression) else { return nil }
        return plain[range].trimmingCharacters(in: CharacterSet(charactersIn: "()（） "))
    }
}
