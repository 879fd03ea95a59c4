import SpecModel

/// Finds the spec endpoint of a recorded request by method and path template. The recorded path may carry a
/// server's base path in front (`/frontoffice/api/v1/…`); the most specific template wins (fewest `{…}`).
struct EndpointMatcher {
    private let templates: [(endpoint: Endpoint, segments: [Substring])]

    init(spec: Spec) {
        templates = spec.endpoints.map { ($0, $0.path.value.split(separator: "/")) }
    }

    func match(method: String, path: String) -> Endpoint? {
        let segments = path.split(separator: "/")
        let candidates = templates.filter { $0.endpoint.method.rawValue == method && Self.fits($0.segments, segments) }
        return candidates.min { placeholders($0.segments) < placeholders($1.segments) }?.endpoint
    }

    /// Whether `segments` ends with the template, a `{name}` segment standing for any one segment.
    private static func fits(_ template: [Substring], _ segments: [Substring]) -> Bool {
        guard segments.count >= template.count else { return false }
        return zip(template, segments.suffix(template.count)).allSatisfy { t, s in
            (t.hasPrefix("{") && t.hasSuffix("}")) || t == s
        }
    }

    private func placeholders(_ segments: [Substring]) -> Int { segments.count { $0.hasPrefix("{") } }
}
