import Foundation

/// One recorded request and its response, from a JSON Lines journal or a HAR file.
public struct RecordedExchange: Sendable, Hashable {
    /// Where it was read: `day.jsonl:12` or `session.har:entry 3`.
    public var source: String
    public var method: String
    /// The URL path (percent-decoded).
    public var path: String
    /// Query and form parameters, in order.
    public var parameters: [(name: String, value: String)]
    /// The HTTP status; nil when the exchange failed.
    public var status: Int?
    /// The response body.
    public var body: Data?

    public init(source: String, method: String, path: String, parameters: [(name: String, value: String)], status: Int?, body: Data?) {
        self.source = source
        self.method = method
        self.path = path
        self.parameters = parameters
        self.status = status
        self.body = body
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.source == rhs.source && lhs.method == rhs.method && lhs.path == rhs.path && lhs.status == rhs.status
            && lhs.body == rhs.body && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(path)
    }
}

/// Reads recorded traffic: JSON Lines as `ExchangeJournal` writes them, or a HAR file (browser and proxy export).
public enum TrafficReader {
    /// A file that cannot be read, with the place and the reason.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The exchanges in the file at `path`; HAR when it is one JSON document with `log.entries`, else JSON Lines.
    public static func read(path: String) throws -> [RecordedExchange] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(description: "\(path): error: cannot read the file") }
        return try parse(data, file: (path as NSString).lastPathComponent)
    }

    /// The exchanges in `data`, read from a file named `file` (for messages).
    public static func parse(_ data: Data, file: String) throws -> [RecordedExchange] {
        let name = file
        if let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any], document["log"] != nil {
            return try har(document, file: name)
        }
        return try jsonLines(data, file: name)
    }

    static func jsonLines(_ data: Data, file: String) throws -> [RecordedExchange] {
        var exchanges: [RecordedExchange] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            let source = "\(file):\(number + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw ReadError(description: "\(source): error: not a JSON object (expected one exchange per line, or a HAR file)")
            }
            guard let method = object["method"] as? String, let target = (object["url"] ?? object["path"]) as? String else {
                throw ReadError(description: "\(source): error: an exchange needs \"method\" and \"url\" (or \"path\")")
            }
            let url = Self.split(target)
            var parameters = url.parameters
            if let form = object["requestBody"] as? String, !form.hasPrefix("{"), !form.hasPrefix("[") {
                parameters += formPairs(form)
            }
            exchanges.append(
                RecordedExchange(
                    source: source, method: method.uppercased(), path: url.path, parameters: parameters,
                    status: object["status"] as? Int, body: (object["body"] as? String).map { Data($0.utf8) }))
        }
        return exchanges
    }

    static func har(_ document: [String: Any], file: String) throws -> [RecordedExchange] {
        guard let log = document["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]] else {
            throw ReadError(description: "\(file): error: a HAR file needs log.entries")
        }
        return try entries.enumerated().map { index, entry in
            let source = "\(file):entry \(index + 1)"
            guard let request = entry["request"] as? [String: Any], let method = request["method"] as? String,
                let target = request["url"] as? String
            else { throw ReadError(description: "\(source): error: an entry needs request.method and request.url") }
            let url = Self.split(target)
            var parameters = url.parameters
            if let post = request["postData"] as? [String: Any], let text = post["text"] as? String,
                (post["mimeType"] as? String)?.hasPrefix("application/x-www-form-urlencoded") ?? false
            {
                parameters += formPairs(text)
            }
            let response = entry["response"] as? [String: Any]
            let content = response?["content"] as? [String: Any]
            var body = (content?["text"] as? String).map { Data($0.utf8) }
            if let text = content?["text"] as? String, content?["encoding"] as? String == "base64" {
                guard let decoded = Data(base64Encoded: text) else {
                    throw ReadError(description: "\(source): error: response.content.text is not valid base64")
                }
                body = decoded
            }
            let status = (response?["status"] as? Int).flatMap { $0 > 0 ? $0 : nil }
            return RecordedExchange(source: source, method: method.uppercased(), path: url.path, parameters: parameters, status: status, body: body)
        }
    }

    /// The path and query parameters of a URL or of a path with a query; tolerant of masked values (`<redacted>`).
    static func split(_ target: String) -> (path: String, parameters: [(name: String, value: String)]) {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let mark = rest.firstIndex(of: "?") else { return (decoded(rest), []) }
        return (decoded(rest[..<mark]), formPairs(String(rest[rest.index(after: mark)...])))
    }

    /// `a=1&b=x%20y` → pairs; `+` is a space, as in forms.
    static func formPairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decoded(parts[0], plus: true), parts.count > 1 ? decoded(parts[1], plus: true) : "")
        }
    }

    private static func decoded(_ text: Substring, plus: Bool = false) -> String {
        let spaced = plus ? text.replacingOccurrences(of: "+", with: " ") : String(text)
        return spaced.removingPercentEncoding ?? spaced
    }
}
