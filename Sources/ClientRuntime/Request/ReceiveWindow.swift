/// The receive window of a signed request (`recvWindow`): what is sent, and the venue's limits on it, checked
/// before sending so a bad window fails locally instead of as a venue error.
struct ReceiveWindow {
    let auth: AuthProfile

    /// The numeric value of a window the caller passed as a request parameter.
    static func value(of parameter: ParameterValue) -> ExactDecimal? {
        switch parameter {
        case .int(let value): ExactDecimal(value)
        case .decimal(let value): value
        default: nil
        }
    }

    /// Why `window` is refused, or nil: above the maximum, or more decimal places than the venue takes.
    func problem(with window: ExactDecimal) -> String? {
        if let max = auth.recvWindowMax, window > max {
            return "recvWindow \(window.text) exceeds the maximum \(max.text)"
        }
        let allowed = auth.recvWindowFractionDigits ?? 0
        if window.scale > allowed {
            return allowed == 0
                ? "recvWindow \(window.text) must be a whole number of milliseconds"
                : "recvWindow \(window.text) has more than \(allowed) decimal places"
        }
        return nil
    }
}
