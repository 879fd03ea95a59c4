import SpecModel

extension SpecComparer {
    /// Envelope, error format and HTTP status semantics.
    mutating func compareWireFormat() {
        compareEnvelope()
        compareErrorFormat()
        compareHTTPStatus()
    }

    private mutating func compareEnvelope() {
        let before = old.envelope, now = new.envelope
        switch (before, now) {
        case (nil, nil): return
        case let (nil, now?):
            report(.envelopeChanged, at: now.location, "responses are now wrapped in an envelope (payload in `\(now.data)`)")
        case let (before?, nil):
            report(.envelopeChanged, at: oldKeys.location(of: "envelope"), "responses are no longer wrapped in an envelope (payload was in `\(before.data)`)")
        case let (before?, now?):
            let properties = [
                ("code", before.code, now.code), ("message", before.message, now.message), ("data", before.data, now.data), ("success", before.success, now.success),
            ]
            for (name, a, b) in properties where a != b {
                report(.envelopeChanged, at: now.location, "envelope \(name) is now `\(b)` (was `\(a)`)")
            }
        }
        let owner = FieldOwner(label: "envelope", swiftType: nil, directions: [.response], usedBy: "")
        compareFields(before?.extraFields ?? [], now?.extraFields ?? [], owner: owner, positional: false)
    }

    private mutating func compareErrorFormat() {
        let before = old.errorFormat, now = new.errorFormat
        guard before != now else { return }
        let at = now == nil ? oldKeys.location(of: "errorFormat") : newKeys.location(of: "errorFormat")
        if case let .codeMessage(codeA, typeA, messageA) = before, case let .codeMessage(codeB, typeB, messageB) = now {
            if typeA != typeB {
                report(
                    .errorCodeTypeChanged, at: at, "error codes are now \(typeB) (were \(typeA))",
                    swift: "codes of `\(newNames.errorType)` are now `\(SwiftNames.type(typeB))` (were `\(SwiftNames.type(typeA))`)")
            }
            if codeA != codeB { report(.errorFormatChanged, at: at, "error code field is now `\(codeB)` (was `\(codeA)`)") }
            if messageA != messageB { report(.errorFormatChanged, at: at, "error message field is now `\(messageB)` (was `\(messageA)`)") }
            return
        }
        report(.errorFormatChanged, at: at, "error format is now \(errorFormatText(now)) (was \(errorFormatText(before)))")
    }

    private func errorFormatText(_ format: ErrorFormat?) -> String {
        switch format {
        case nil: "unset"
        case .none?: "none (HTTP statuses only)"
        case let .codeMessage(code, type, message)?: "{code: `\(code)` (\(type)), message: `\(message)`}"
        }
    }

    private mutating func compareHTTPStatus() {
        let statuses = Matched(old.httpStatus, new.httpStatus) { $0.status.value.uppercased() }
        for rule in statuses.removed {
            report(.httpStatusRemoved, at: rule.status.location, "HTTP status \(rule.status.value) (\(rule.meaning.rawValue)) was removed")
        }
        for rule in statuses.added {
            report(.httpStatusAdded, at: rule.status.location, "HTTP status \(rule.status.value) now means \(rule.meaning.rawValue)")
        }
        for (a, b) in statuses.common {
            if a.meaning != b.meaning {
                report(.httpStatusChanged, at: b.status.location, "HTTP status \(b.status.value) now means \(b.meaning.rawValue) (was \(a.meaning.rawValue))")
            }
            describe("HTTP status \(b.status.value)", at: b.status.location, [("description", a.description, b.description)])
        }
    }
}
