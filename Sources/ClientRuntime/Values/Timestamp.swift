import Foundation

/// An ISO-8601 timestamp that keeps its wire text, e.g. `"2025-08-06T13:50:13.9325008Z"`.
///
/// - Accepted text: `YYYY-MM-DDTHH:MM:SS`, then optionally `.` and 1 to 9 fraction digits, then `Z` or a
///   `±HH:MM` offset (`+00:00` is UTC; other offsets are converted to UTC). Nothing else: no lowercase `t`/`z`,
///   no space separator, no leap second `:60`.
/// - The instant is held exactly (whole seconds plus nanoseconds); equality, hashing and ordering compare the
///   instant, so `"…00Z" == "…00.000+00:00"`; ``text`` still tells them apart.
/// - Codable as a JSON string of ``text``.
public struct Timestamp: Sendable {
    /// The exact wire text.
    public let text: String
    /// Seconds since 1970-01-01T00:00:00Z.
    private let seconds: Int64
    /// Nanoseconds within the second, `0 ..< 1_000_000_000`.
    private let nanoseconds: Int64

    /// Parses ISO-8601 text; `nil` if it is not in the accepted form or not a real date.
    public init?(_ text: String) {
        guard let (seconds, nanoseconds) = Self.parse(Array(text.utf8)) else { return nil }
        self.text = text
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The date rounded to the nearest millisecond, formatted `YYYY-MM-DDTHH:MM:SS.mmmZ`
    /// (clamped to years 0000 ... 9999).
    public init(_ date: Date) {
        let bounds = Self.minimumMilliseconds...Self.maximumMilliseconds
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let milliseconds: Int64
        if raw.isNaN {
            milliseconds = 0
        } else {
            milliseconds =
                raw <= TimeInterval(bounds.lowerBound)
                ? bounds.lowerBound
                : raw >= TimeInterval(bounds.upperBound) ? bounds.upperBound : Int64(raw)
        }
        let (seconds, millisecond) = Self.floorDivide(milliseconds, 1000)
        self.seconds = seconds
        self.nanoseconds = millisecond * 1_000_000
        self.text = Self.format(seconds: seconds, millisecond: millisecond)
    }

    /// `milliseconds` since 1970, formatted `YYYY-MM-DDTHH:MM:SS.mmmZ` (clamped to years 0000 ... 9999).
    public init(milliseconds: Int64) {
        let clamped = min(max(milliseconds, Self.minimumMilliseconds), Self.maximumMilliseconds)
        let (seconds, millisecond) = Self.floorDivide(clamped, 1000)
        self.seconds = seconds
        self.nanoseconds = millisecond * 1_000_000
        self.text = Self.format(seconds: seconds, millisecond: millisecond)
    }

    /// The instant as a `Date`; exact to the precision a `Date` holds (about 0.1 µs for present-day dates).
    public var date: Date {
        let sinceReferenceDate = seconds - 978_307_200  // 2001-01-01T00:00:00Z, Date's own epoch
        return Date(
            timeIntervalSinceReferenceDate:
                TimeInterval(sinceReferenceDate) + TimeInterval(nanoseconds) / 1_000_000_000)
    }
}

extension Timestamp: Hashable, Comparable, CustomStringConvertible {
    /// Same instant, whatever the spelling.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds == rhs.seconds && lhs.nanoseconds == rhs.nanoseconds
    }

    /// Hashes the instant, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(seconds)
        hasher.combine(nanoseconds)
    }

    /// Earlier instants first.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// The exact wire text.
    public var description: String { text }
}

extension Timestamp: Codable {
    /// Decodes a JSON string in the accepted form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let value = Timestamp(string) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(string)\" is not an ISO-8601 timestamp")
        }
        self = value
    }

    /// Encodes ``text`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

// MARK: - Calendar arithmetic (proleptic Gregorian, UTC; Howard Hinnant's civil-date algorithms)

extension Timestamp {
    private static let minimumMilliseconds: Int64 = daysFromCivil(year: 0, month: 1, day: 1) * 86_400_000
    private static let maximumMilliseconds: Int64 = daysFromCivil(year: 10_000, month: 1, day: 1) * 86_400_000 - 1

    private static func parse(_ b: [UInt8]) -> (seconds: Int64, nanoseconds: Int64)? {
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var value: Int64 = 0
            for byte in b[start..<start + count] {
                guard byte &- UInt8(ascii: "0") < 10 else { return nil }
                value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is char: Unicode.Scalar) -> Bool { index < b.count && b[index] == UInt8(ascii: char) }

        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
            let day = number(8, 2), byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"),
            let minute = number(14, 2), byte(16, is: ":"), let second = number(17, 2),
            (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }

        var index = 19
        var nanoseconds: Int64 = 0
        if byte(index, is: ".") {
            index += 1
            var digits = 0
            while index < b.count, b[index] &- UInt8(ascii: "0") < 10 {
                guard digits < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + Int64(b[index] &- UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanoseconds *= 10 }
        }

        var offset: Int64 = 0
        if byte(index, is: "Z") {
            index += 1
        } else if byte(index, is: "+") || byte(index, is: "-") {
            guard let offsetHours = number(index + 1, 2), byte(index + 3, is: ":"),
                let offsetMinutes = number(index + 4, 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (byte(index, is: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }

        let days = daysFromCivil(year: year, month: month, day: day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanoseconds)
    }

    private static func format(seconds: Int64, millisecond: Int64) -> String {
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilFromDays(days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(millisecond, 3))Z"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Days since 1970-01-01.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }
}
