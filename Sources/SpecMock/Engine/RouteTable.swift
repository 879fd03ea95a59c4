import SpecModel

/// Finds the endpoints a request's method and path can mean: templated paths match any non-empty segment.
struct RouteTable: Sendable {
    private struct Route: Sendable {
        enum Segment: Sendable {
            case literal(String)
            case parameter(String)
        }

        let endpoint: Endpoint
        let segments: [Segment]
    }

    /// Endpoints without path parameters, by "METHOD /normalised/path": one lookup for most requests.
    private let fixed: [String: [Endpoint]]
    /// Endpoints with path parameters, matched segment by segment.
    private let templated: [Route]

    init(endpoints: [Endpoint]) {
        var fixed: [String: [Endpoint]] = [:]
        var templated: [Route] = []
        for endpoint in endpoints {
            let parts = Self.split(endpoint.path.value)
            let segments = parts.map { part -> Route.Segment in
                if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
                return .literal(part)
            }
            if segments.contains(where: { if case .parameter = $0 { true } else { false } }) {
                templated.append(Route(endpoint: endpoint, segments: segments))
            } else {
                fixed[Self.key(endpoint.method.rawValue, parts), default: []].append(endpoint)
            }
        }
        self.fixed = fixed
        self.templated = templated
    }

    /// Every endpoint with this method and a path template matching `path`, with the captured values as sent
    /// (still percent-encoded: `ParameterReader` decodes them). Spec order within each kind; fixed paths first.
    func candidates(method: String, path: String) -> [(endpoint: Endpoint, pathValues: [String: String])] {
        let parts = Self.split(path)
        var found = (fixed[Self.key(method, parts)] ?? []).map { (endpoint: $0, pathValues: [String: String]()) }
        for route in templated where route.endpoint.method.rawValue == method && route.segments.count == parts.count {
            if let values = Self.match(route.segments, parts) { found.append((route.endpoint, values)) }
        }
        return found
    }

    private static func match(_ segments: [Route.Segment], _ parts: [String]) -> [String: String]? {
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case let .literal(text): guard text == part else { return nil }
            case let .parameter(name):
                guard !part.isEmpty else { return nil }
                values[name] = part
            }
        }
        return values
    }

    private static func key(_ method: String, _ parts: [String]) -> String { method + " /" + parts.joined(separator: "/") }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
