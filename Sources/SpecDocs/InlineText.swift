import Foundation

/// Inline Markdown helpers shared by both readers (the HTML reader writes `<code>` as backticks).
public enum InlineText {
    /// Text without inline formatting: link targets, direct-link anchors, emphasis, backticks and backslash escapes
    /// removed; whitespace trimmed.
    public static func plain(_ text: String) -> String {
        var s = text
        // "[](/docs/… "Direct link to …")" anchors and "[text](url)" links.
        s = s.replacingOccurrences(of: #"\[\]\((?:[^()"]|"[^"]*")*\)"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\[([^\]]*)\]\((?:[^()"]|"[^"]*")*\)"#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        s = unescape(s)
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Removes Markdown backslash escapes (`\_`, `\-`, `\*`, `\[`).
    public static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                if !"\\`*_{}[]()#+-.!|<>\"'".contains(ch) { out.append("\\") }
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// The contents of the code spans of `text`, in order.
    public static func codeSpans(_ text: String) -> [String] {
        var spans: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            spans.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return spans
    }

    /// Lower-case words of a title, for matching names ("Order status (status)" → ["order", "status", "status"]).
    public static func words(_ text: String) -> [String] {
        plain(text).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The UpperCamelCase form of a title or name ("Order side" → "OrderSide", "new_order" → "NewOrder").
    public static func upperCamel(_ text: String) -> String {
        plain(text).split { !$0.isLetter && !$0.isNumber }.map { word in
            let w = String(word)
            return w == w.uppercased() && w.count > 1 ? w.prefix(1) + w.dropFirst().lowercased() : w.prefix(1).uppercased() + w.dropFirst()
        }.joined()
    }

    /// The lowerCamelCase form ("New order" → "newOrder").
    public static func lowerCamel(_ text: String) -> String {
        let upper = upperCamel(text)
        guard let first = upper.first else { return upper }
        return first.lowercased() + upper.dropFirst()
    }
}
