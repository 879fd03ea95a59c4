import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a hand-built request with a plain URLSession, bypassing the generated client and its `validate()`.
enum RawHTTP {
    struct Answer {
        let status: Int
        let body: Data
        let headers: [String: String]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: String? = nil
    ) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            if headers["Content-Type"] == nil {
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return Answer(status: http.statusCode, body: data, headers: fields)
    }
}
