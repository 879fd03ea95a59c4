/// A secret: an API secret, a private-key PEM, a bearer token.
///
/// `description`, `debugDescription`, `dump()`, `print`, string interpolation and `String(reflecting:)` all show
/// `Secret(redacted)`; the value is reachable only through ``withValue(_:)``. Deliberately not `Codable`.
public struct Secret: Sendable, Hashable {
    private let value: String

    /// Wraps a secret value.
    public init(_ value: String) {
        self.value = value
    }

    /// Runs `body` with the secret value. Don't let the value escape the closure.
    public func withValue<R>(_ body: (String) throws -> R) rethrows -> R {
        try body(value)
    }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private static let redacted = "Secret(redacted)"

    /// Always `Secret(redacted)`.
    public var description: String { Self.redacted }

    /// Always `Secret(redacted)`.
    public var debugDescription: String { Self.redacted }

    /// A mirror without children, so `dump()` and reflection show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [:], displayStyle: .struct) }
}

extension Secret: ExpressibleByStringLiteral {
    /// A secret written in code (tests, examples); real secrets come from the environment or a keychain.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
