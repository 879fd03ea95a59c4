import Foundation
import SpecModel

/// Values a description lists: "Supported values: `A` - …", "e.g. `BUY` or `SELL`", "Available:[5, 10]",
/// `"1m":minute"3m":minute`, "0:pending,1:success", or a description that is only code spans.
enum ParamValues {
    static let trigger = #"(?i)(\b(supported|allowed|valid|possible|available)\s+values?(\s+are)?\s*:?|\bavailable\s*:|\be\.g\.,?|(?<!default )\bvalues?\s*:)"#

    static func extract(_ description: String, at: SourceLocation) -> ([DocValue], DocValue?) {
        let lines = description.components(separatedBy: "\n")
        var values: [DocValue] = []
        func add(_ items: [String], line: Int) {
            for item in items {
                let v = item.trimmingCharacters(in: .whitespaces)
                if !v.isEmpty, !values.contains(where: { $0.value == v }) {
                    values.append(DocValue(value: v, at: SourceLocation(file: at.file, line: at.line + line, column: at.column)))
                }
            }
        }
        if isSpanList(description.replacingOccurrences(of: "\n", with: " ")) {
            add(spans(description), line: 0)
            return (values, nil)
        }
        var triggered = false
        for (n, line) in lines.enumerated() {
            if !triggered, let range = line.range(of: trigger, options: .regularExpression) {
                triggered = true
                let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if isSpanList(rest) {
                    add(spans(rest), line: n)
                } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), rest[close...].dropFirst().first != "(" {
                    add(rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map(String.init), line: n)
                }
            } else if triggered {
                let t = line.trimmingCharacters(in: .whitespaces)
                if isSpanList(t) {
                    add(spans(t), line: n)
                } else if t.range(of: #"^`[^`]+`\s*(\\?-|:|\()"#, options: .regularExpression) != nil {
                    add([InlineText.codeSpans(t)[0]], line: n)
                }
            }
        }
        if values.isEmpty { quotedKeys(description).map { add($0, line: 0) } }
        if values.isEmpty { numberedCodes(description).map { add($0, line: 0) } }
        return (values, nil)
    }

    /// Contents of the code spans, a span with commas giving several values.
    static func spans(_ text: String) -> [String] {
        InlineText.codeSpans(text).flatMap { $0.split(separator: ",").map { String($0) } }
    }

    /// True when the text is code spans joined by commas, "or", "and", slashes.
    static func isSpanList(_ text: String) -> Bool {
        guard text.contains("`") else { return false }
        let rest = text.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        return rest.split(whereSeparator: { ",;/.|".contains($0) || $0.isWhitespace }).allSatisfy { ["or", "and"].contains($0.lowercased()) }
    }

    /// `"1m":minute"3m": minute` → 1m, 3m.
    static func quotedKeys(_ text: String) -> [String]? {
        let keys = matches(#""([^"\s]+)"\s*:"#, in: text)
        return keys.count >= 2 ? keys : nil
    }

    /// `0:pending,1:success` → 0, 1.
    static func numberedCodes(_ text: String) -> [String]? {
        let codes = matches(#"(?:^|[,\s])(\d+)\s*:"#, in: text)
        return codes.count >= 2 ? codes : nil
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// Splits a run-together list (`GtcIocFokGtdDay`) at capitals; the comparison tries the spec's values first.
    static func splitRunTogether(_ text: String) -> [String] {
        var parts: [String] = []
        for ch in text {
            if ch.isUppercase || parts.isEmpty { parts.append(String(ch)) } else { parts[parts.count - 1].append(ch) }
        }
        return parts
    }
}
