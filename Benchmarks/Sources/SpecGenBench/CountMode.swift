import BinanceSpot
import ClientRuntime
import Crypto
import Foundation

/// `SpecGenBench SPEC count OP N`: runs one signing-path operation N times without timing, for `perf record` and
/// callgrind. It runs on one thread (see InlineExecutor); two runs of N and 2N calls give one call's instructions as
/// the difference divided by N, free of process start and set-up (run.sh does this).
enum CountMode {
    static let operations = ["prepare", "send", "raw-hmac", "params-validate", "floor", "floor-validated"]

    static func run(_ operation: String, times: Int) async throws {
        let signer = HMACSHA256Signer(secret: Secret(SignBench.secret))
        let client = BinanceSpotClient(
            credentials: .signed(apiKey: SignBench.apiKey, signer: signer), transport: FixedReplyTransport(),
            options: ClientOptions(clock: { 1_499_827_319_559 }))
        let payload = Array(try await client.runtime.prepare(SignBench.order()).bodyText.utf8)
        let key = SymmetricKey(data: Array(SignBench.secret.utf8))
        try await callgrindBody(operation, times, client, signer, payload, key)
    }

    /// The timed loop alone (`valgrind --tool=callgrind --toggle-collect='*callgrindBody*'`).
    @inline(never)
    static func callgrindBody(
        _ operation: String, _ times: Int, _ client: BinanceSpotClient, _ signer: HMACSHA256Signer, _ payload: [UInt8],
        _ key: SymmetricKey
    ) async throws {
        switch operation {
        case "prepare":
            for _ in 0..<times { blackHole(try await client.runtime.prepare(SignBench.order())) }
        case "send":
            for _ in 0..<times { blackHole(try await client.newOrder(SignBench.order())) }
        case "floor":
            for _ in 0..<times { blackHole(SignBench.floor(SignBench.order(), signer: signer)) }
        case "floor-validated":
            for _ in 0..<times { blackHole(try SignBench.validatedFloor(SignBench.order(), signer: signer)) }
        case "raw-hmac":
            for _ in 0..<times { blackHole(HMAC<SHA256>.authenticationCode(for: payload, using: key)) }
        case "params-validate":
            for _ in 0..<times {
                let request = SignBench.order()
                let parameters = request.parameters
                try request.validate(parameters)
                blackHole(parameters)
            }
        default:
            FileHandle.standardError.write(Data("unknown operation \(operation); one of \(operations)\n".utf8))
            exit(2)
        }
    }
}
