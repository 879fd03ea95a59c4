import Foundation

/// Turns a documented JSON example into JSON: `//` comments removed, also in the docs' one-line JSON where a comment
/// runs up to the next member (`-1, // Unless …  "clientOrderId": …`), and placeholder objects that hold only
/// comments (`"rateLimits": [ { // These are defined … } ]`) dropped.
enum JSONExampleText {
    /// True when the cleaned text starts like JSON.
    static func looksLikeJSON(_ cleaned: String) -> Bool {
        guard let first = cleaned.first(where: { !$0.isWhitespace }) else { return false }
        return first == "{" || first == "["
    }

    private struct Container {
        var outStart: Int
        var isObject: Bool
        var hasContent = false
        var hadComment = false
    }

    static func clean(_ text: String) -> String {
        let chars = Array(text)
        var out: [Character] = []
        var stack: [Container] = []
        var inString = false
        var escaped = false
        var removedPlaceholder = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                i += 1
                continue
            }
            switch c {
            case "/" where i + 1 < chars.count && chars[i + 1] == "/":
                let leading = out.allSatisfy(\.isWhitespace)
                i = commentEnd(chars, from: i + 2, leading: leading)
                if !stack.isEmpty { stack[stack.count - 1].hadComment = true }
                continue
            case "\"":
                inString = true
                markContent(&stack)
                out.append(c)
            case "{", "[":
                markContent(&stack)
                stack.append(Container(outStart: out.count, isObject: c == "{"))
                out.append(c)
            case "}", "]":
                let closed = stack.popLast()
                if let closed, closed.isObject, !closed.hasContent, closed.hadComment {
                    out.removeSubrange(closed.outStart...)
                    removedPlaceholder = true
                } else {
                    out.append(c)
                }
            default:
                if !c.isWhitespace { markContent(&stack) }
                out.append(c)
            }
            i += 1
        }
        var result = String(out)
        if removedPlaceholder {
            result = result.replacingOccurrences(of: #",(\s*[\]}])"#, with: "$1", options: .regularExpression)
            result = result.replacingOccurrences(of: #"([\[{]\s*),"#, with: "$1", options: .regularExpression)
            result = result.replacingOccurrences(of: #",(\s*),"#, with: ",$1", options: .regularExpression)
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func markContent(_ stack: inout [Container]) {
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
    }

    /// Where a comment ends: at the line end; in one-line JSON at a run of two or more spaces before the next
    /// token; a comment before the JSON ends at its first bracket.
    private static func commentEnd(_ chars: [Character], from start: Int, leading: Bool) -> Int {
        var j = start
        while j < chars.count {
            let c = chars[j]
            if c == "\n" { return j }
            if leading, c == "{" || c == "[" { return j }
            if c == " ", j + 1 < chars.count, chars[j + 1] == " " {
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                if k < chars.count, "\"{}[]/".contains(chars[k]) { return k }
            }
            j += 1
        }
        return j
    }
}
