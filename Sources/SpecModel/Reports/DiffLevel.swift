/// How much a change matters to people who use the generated client.
///
/// - `breaking`: after regenerating, existing calling code stops compiling, or calls that worked now fail.
/// - `warning`: the Swift API stays source-compatible, but behaviour a caller can observe changes.
/// - `info`: additive or documentary.
public enum DiffLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info, warning, breaking

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .breaking: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
