import Foundation

/// `dump()`, `Mirror(reflecting:)` and debuggers show requests with credentials masked, as `description` does:
/// the raw signature, API key and token never appear in a reflection of a request or of its redactions.
extension WireRequest: CustomReflectable {
    public var customMirror: Mirror {
        var children: [(label: String?, value: Any)] = [
            ("method", method.rawValue),
            ("url", redactions.redactedURL(url?.absoluteString ?? pathAndQuery)),
            ("headers", redactions.redactedHeaders(head.headerFields.map { ($0.name.rawName, $0.value) })),
        ]
        if body != nil { children.append(("body", redactions.redactedBody(bodyText, isForm: hasFormBody))) }
        children.append(("timeout", timeout))
        return Mirror(self, children: children, displayStyle: .struct)
    }
}

extension Redactions: CustomReflectable {
    /// The names it masks, and how many literal values (never the values themselves).
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "headerNames": headerNames.sorted(), "parameterNames": parameterNames.sorted(),
                "values": "\(values.count) redacted",
            ],
            displayStyle: .struct)
    }
}

extension Redactions {
    /// A URL with the sensitive query parameters and every literal secret masked.
    public func redactedURL(_ text: String) -> String {
        guard let mark = text.firstIndex(of: "?") else { return scrub(text) }
        return scrub(String(text[...mark]) + scrubParameters(String(text[text.index(after: mark)...])))
    }

    /// `name: value` lines with credential headers masked and every literal secret scrubbed.
    public func redactedHeaders(_ fields: [(name: String, value: String)]) -> [String] {
        fields.map { field in
            let masked = headerNames.contains(field.name.lowercased())
            return "\(field.name): \(masked ? Redaction.mask : scrub(field.value))"
        }
    }

    /// A body with the sensitive parameters (form bodies) and every literal secret masked.
    public func redactedBody(_ text: String, isForm: Bool) -> String {
        isForm ? scrubParameters(text) : scrub(text)
    }
}
