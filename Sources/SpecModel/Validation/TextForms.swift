/// The text forms the loader and validators recognise, checked on ASCII bytes. Foundation's
/// `range(of:options: .regularExpression)` compiles an ICU regular expression on every call, and these checks run
/// for every type, bound and example value of a spec. Each is the regular expression in its comment, with `[0-9]` for
/// a digit (an ICU `\d` would also take other scripts' digits) and `$` at the very end (ICU's also before a final
/// line break).
enum TextForms {
    /// `^[A-Za-z_][A-Za-z0-9_]*$`
    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `^[A-Z][A-Za-z0-9]*$` (a module or type name).
    static func isTypeName(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, first &- UInt8(ascii: "A") < 26 else { return false }
        return text.utf8.allSatisfy { isLetter($0) || isDigit($0) }
    }

    /// `^-?[0-9]+$` when `whole`, else `^-?[0-9]+(\.[0-9]+)?$`.
    static func isPlainNumber(_ text: some StringProtocol, whole: Bool) -> Bool {
        var scan = Scanner(text)
        _ = scan.skip(UInt8(ascii: "-"))
        guard scan.digits() > 0 else { return false }
        if !whole, scan.skip(UInt8(ascii: ".")), scan.digits() == 0 { return false }
        return scan.atEnd
    }

    /// `^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$` (a JSON or decimal-string number).
    static func isDecimalNumber(_ text: some StringProtocol) -> Bool {
        var scan = Scanner(text)
        _ = scan.skip(UInt8(ascii: "-")) || scan.skip(UInt8(ascii: "+"))
        let integer = scan.digits()
        let point = scan.skip(UInt8(ascii: "."))
        let fraction = scan.digits()
        guard integer > 0 || (point && fraction > 0) else { return false }
        if scan.skip(UInt8(ascii: "e")) || scan.skip(UInt8(ascii: "E")) {
            _ = scan.skip(UInt8(ascii: "-")) || scan.skip(UInt8(ascii: "+"))
            guard scan.digits() > 0 else { return false }
        }
        return scan.atEnd
    }

    /// `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$`
    static func isISO8601DateTime(_ text: some StringProtocol) -> Bool {
        var scan = Scanner(text)
        for (count, separator) in [(4, "-"), (2, "-"), (2, "T"), (2, ":"), (2, ":")] as [(Int, Unicode.Scalar)] {
            guard scan.digits() == count, scan.skip(UInt8(ascii: separator)) else { return false }
        }
        guard scan.digits() == 2 else { return false }
        if scan.skip(UInt8(ascii: ".")), !(1...9).contains(scan.digits()) { return false }
        if !scan.skip(UInt8(ascii: "Z")) {
            guard scan.skip(UInt8(ascii: "+")) || scan.skip(UInt8(ascii: "-")), scan.digits() == 2, scan.skip(UInt8(ascii: ":")),
                scan.digits() == 2
            else { return false }
        }
        return scan.atEnd
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// A cursor over the bytes of a text.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ text: some StringProtocol) { bytes = Array(text.utf8) }

        var atEnd: Bool { position == bytes.count }

        /// Steps over `byte` if it is next.
        mutating func skip(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Steps over the digits that follow; how many there were.
        mutating func digits() -> Int {
            let start = position
            while position < bytes.count, TextForms.isDigit(bytes[position]) { position += 1 }
            return position - start
        }
    }
}
