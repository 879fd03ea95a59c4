import Foundation

/// Writes exchanges as JSON Lines, one object per exchange, for `specgen check-traffic`:
/// `{"method","url","path","query","status","requestBody"?,"body"}`, with credentials and signatures masked as
/// in `HTTPRequest.description`. Hand it to a `RecordingTransport` (which can wrap a real transport with its
/// handler) to record a day of testnet traffic.
public final class ExchangeJournal: Sendable {
    private let handle: Locked<FileHandle>

    /// Appends to `handle`.
    public init(fileHandle: FileHandle) {
        handle = Locked(fileHandle)
    }

    /// Appends to the file at `path`, creating it if needed.
    public convenience init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        self.init(fileHandle: handle)
    }

    /// Writes one exchange; a response of nil (a failed exchange) is written with `"status": null`.
    public func record(_ request: WireRequest, _ response: WireResponse?) {
        let line = Data((Self.line(request, response) + "\n").utf8)
        handle.withLock { try? $0.write(contentsOf: line) }
    }

    /// The JSON object for one exchange, on one line.
    public static func line(_ request: WireRequest, _ response: WireResponse?) -> String {
        let redactions = request.redactions
        let url = request.url?.absoluteString ?? request.pathAndQuery
        let base = url.firstIndex(of: "?").map { String(url[..<$0]) } ?? url
        let query = redactions.scrubParameters(request.queryString)
        var members = [
            ("method", JSONText.string(request.method.rawValue)),
            ("url", JSONText.string(redactions.scrub(base) + (query.isEmpty ? "" : "?" + query))),
            ("path", JSONText.string(request.path)),
            ("query", JSONText.string(query)),
            ("status", response.map { String($0.status) } ?? "null"),
        ]
        if let body = request.bodyBytes {
            let text = String(decoding: body, as: UTF8.self)
            members.append(("requestBody", JSONText.string(redactions.redactedBody(text, isForm: request.hasFormBody))))
        }
        if let response { members.append(("body", JSONText.string(String(decoding: response.body, as: UTF8.self)))) }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
