import SpecModel

/// Finds the endpoints a method and path address; `{name}` segments capture path parameters.
struct RouteTable: Sendable {
    private struct Route: Sendable {
        enum Segment: Sendable {
            case literal(String)
            case parameter(String)
        }

        let endpoint: Endpoint
        let segments: [Segment]
    }

    private let routes: [Route]

    init(endpoints: [Endpoint]) {
        routes = endpoints.map { endpoint in
            let segments = Self.split(endpoint.path.value).map { part -> Route.Segment in
                if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
                return .literal(part)
            }
            return Route(endpoint: endpoint, segments: segments)
        }
    }

    /// Every endpoint with this method and a path template matching `path`, with the captured values as sent
    /// (still percent-encoded: `ParameterReader` decodes them).
    func candidates(method: String, path: String) -> [(endpoint: Endpoint, pathValues: [String: String])] {
        let parts = Self.split(path)
        return routes.compactMap { route in
            guard route.endpoint.method.rawValue == method, route.segments.count == parts.count else { return nil }
            var values: [String: String] = [:]
            for (segment, part) in zip(route.segments, parts) {
                switch segment {
                case let .literal(text): guard text == part else { return nil }
                case let .parameter(name):
                    guard !part.isEmpty else { return nil }
                    values[name] = part
                }
            }
            return (route.endpoint, values)
        }
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
