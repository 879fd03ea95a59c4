import ClientRuntime
import Foundation
import SpecMock
import Testing

/// Issue 14's hostile battery against a real mock over loopback (short timeouts so it runs in seconds): after every
/// attack the mock still answers a valid request.
@Suite("Mock survives the hostile battery")
struct HostileBatteryTests {
    static let key = "battery-key"
    static let secret = "battery-secret"
    static let maxConnections = 16

    static func start() async throws -> MockExchange {
        try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(
                credentials: MockCredentials(apiKey: key, secret: secret), maxConnections: maxConnections,
                headerReadTimeout: .milliseconds(300), bodyReadTimeout: .milliseconds(300), idleTimeout: .seconds(30)))
    }

    /// A signed request line and headers for `GET /api/v3/account?<query>&signature=…`.
    static func signedAccount(_ query: String) -> String {
        let signature = HMACSHA256Signer(secret: Secret(secret)).signature(for: Array(query.utf8))
        return "GET /api/v3/account?\(query)&signature=\(signature) HTTP/1.1\r\nHost: x\r\nX-MBX-APIKEY: \(key)\r\nConnection: close\r\n\r\n"
    }

    static func signedOrder(_ body: String) -> String {
        let signature = HMACSHA256Signer(secret: Secret(secret)).signature(for: Array(body.utf8))
        let full = body + "&signature=" + signature
        return "POST /api/v3/order HTTP/1.1\r\nHost: x\r\nX-MBX-APIKEY: \(key)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: \(full.utf8.count)\r\nConnection: close\r\n\r\n" + full
    }

    /// One request on its own connection; the whole answer text.
    static func exchange(_ port: Int, _ request: String) async throws -> String {
        let socket = try RawSocket(port: port)
        socket.send(request)
        return await socket.readUntilClosed(timeout: .seconds(10)).text
    }

    static func expectPing(_ port: Int, after attack: String) async throws {
        let answer = try await exchange(port, "GET /api/v3/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(answer.hasPrefix("HTTP/1.1 200"), "no valid answer after \(attack): \(answer.prefix(200))")
    }

    @Test("overflowing timestamps, bad encoding, huge and missing bodies, slowloris, idle floods")
    func battery() async throws {
        let mock = try await Self.start()
        let port = mock.port
        let now = Int64(Date().timeIntervalSince1970 * 1000)

        for stamp in ["-9223372036854775808", "9223372036854775807"] {
            let answer = try await Self.exchange(port, Self.signedAccount("timestamp=\(stamp)"))
            #expect(answer.contains("\"code\":-1021"), "\(answer)")
            try await Self.expectPing(port, after: "timestamp \(stamp)")
        }

        for symbol in ["%ZZ", "%C3%28", "%00"] {
            let answer = try await Self.exchange(port, Self.signedOrder("symbol=\(symbol)&side=BUY&type=MARKET&quantity=1&timestamp=\(now)"))
            #expect(answer.contains("\"code\":-1100"), "\(symbol): \(answer)")
        }
        try await Self.expectPing(port, after: "bad encoding")

        // A declared 10 MB body that never comes: 413 at once, connection closed, nothing kept.
        let huge = try RawSocket(port: port)
        huge.send("POST /api/v3/order HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10485760\r\n\r\nsymbol=")
        let refused = await huge.readUntilClosed(timeout: .seconds(10))
        #expect(refused.text.hasPrefix("HTTP/1.1 413"))
        #expect(refused.closed)
        #expect(mock.requests.last?.status == 413 && mock.requests.last?.body.isEmpty == true)

        // A declared body within the limit that never comes: given up after the body timeout.
        let missing = try RawSocket(port: port)
        missing.send("POST /api/v3/order HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\nsymbol=")
        #expect(await missing.readUntilClosed(timeout: .seconds(10)).closed)

        // A head sent a byte at a time, every 100 ms: cut off by the header timeout.
        let slow = try RawSocket(port: port)
        var cutOff = false
        for byte in "GET /api/v3/ping HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n" {
            guard slow.send(String(byte)) else {
                cutOff = true
                break
            }
            if await slow.readUntilClosed(timeout: .milliseconds(100)).closed {
                cutOff = true
                break
            }
        }
        #expect(cutOff, "a client sending a byte every 100 ms was never cut off")
        try await Self.expectPing(port, after: "slowloris")

        // Twice the connection limit of idle connections: new valid requests are still answered.
        let idle = try (0..<(2 * Self.maxConnections)).map { _ in try RawSocket(port: port) }
        for index in 0..<5 { try await Self.expectPing(port, after: "idle flood, request \(index)") }
        withExtendedLifetime(idle) {}

        #expect(mock.requestCount >= 10)
        await mock.stop()
    }
}
