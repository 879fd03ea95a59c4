import ClientRuntime
import Foundation
import SpecModel

/// Checks credentials as the spec's `auth` and the endpoint's security level demand: bearer token, API key,
/// timestamp and receive window, and the signature over the exact bytes received. The signed bytes come from the
/// runtime's authenticator for the spec's `auth.signing` (``MockSigning``), the same code that signs in the client.
struct AuthCheck: Sendable {
    let auth: Auth?
    let credentials: MockCredentials
    let verifier: SignatureVerifier
    /// The runtime's authenticator for the spec's signing scheme; nil when nothing is signed.
    let signing: (any SigningAuthenticator)?
    /// Allowed distance of a header timestamp from the mock's clock, in milliseconds (DFX: 5 s).
    let headerTimestampTolerance: Int64

    /// Throws `MockError.invalidKey` for an unreadable public key.
    init(auth: Auth?, credentials: MockCredentials, headerTimestampTolerance: Int64) throws {
        self.auth = auth
        self.credentials = credentials
        verifier = try SignatureVerifier(credentials, encoding: auth?.signing?.encoding ?? .hex)
        signing = auth?.signing.flatMap(MockSigning.authenticator)
        self.headerTimestampTolerance = headerTimestampTolerance
    }

    /// The first thing wrong with the request's credentials, or nil.
    func check(_ request: IncomingRequest, _ received: ReceivedParameters, level: SecurityLevel?, now: Int64) -> Rejection? {
        guard let level else { return nil }
        if level.bearer, let rejection = checkBearer(request) { return rejection }
        if level.apiKey || level.signed, let header = auth?.apiKeyHeader {
            guard let key = request.header(header), !key.isEmpty else { return .missingAPIKey(header: header) }
            if let expected = credentials.apiKey, !ConstantTime.equal(key, expected) { return .unknownAPIKey }
        }
        guard level.signed || level.timestamp, let auth else { return nil }
        if let header = auth.timestampHeader {
            return checkHeaderSigned(request, auth: auth, timestampHeader: header, signed: level.signed, now: now)
        }
        guard let name = auth.timestampParam else { return nil }
        return checkParameterSigned(request, received, auth: auth, timestampParam: name, signed: level.signed, now: now)
    }

    private func checkBearer(_ request: IncomingRequest) -> Rejection? {
        let header = auth?.bearer?.header ?? "Authorization"
        guard let value = request.header(header), value.hasPrefix("Bearer "), value.count > 7 else { return .missingBearerToken }
        if let expected = credentials.bearerToken, !ConstantTime.equal(String(value.dropFirst(7)), expected) { return .invalidBearerToken }
        return nil
    }

    /// Binance style: `timestamp`, `recvWindow` and `signature` parameters; the signed text is the query string
    /// followed by the body, the signature pair removed.
    private func checkParameterSigned(
        _ request: IncomingRequest, _ received: ReceivedParameters, auth: Auth, timestampParam: String, signed: Bool, now: Int64
    ) -> Rejection? {
        guard let stamp = received[timestampParam]?.text, !stamp.isEmpty else { return .missingTimestamp(name: timestampParam) }
        guard let timestamp = Int64(stamp) else { return .malformedValue(timestampParam, expected: ValueCheck.integerPattern) }
        // Exact microseconds throughout: a decimal recvWindow and a microsecond timestamp are both accepted.
        var window = ReceiveWindowCheck.microseconds(milliseconds: Int64(auth.recvWindow?.defaultValue ?? 5000))
        if let recv = auth.recvWindow, let text = received[recv.param]?.text {
            let digits = recv.fractionDigits ?? 0
            guard let value = ReceiveWindowCheck.microseconds(window: text, fractionDigits: digits) else {
                return .malformedValue(recv.param, expected: ReceiveWindowCheck.pattern(fractionDigits: digits))
            }
            if let max = recv.max, value > ReceiveWindowCheck.microseconds(milliseconds: Int64(max)) {
                return .recvWindowTooLarge(name: recv.param, max: String(max))
            }
            window = value
        }
        let stamped = ReceiveWindowCheck.microseconds(timestamp: timestamp)
        let current = ReceiveWindowCheck.microseconds(milliseconds: now)
        if let stale = ReceiveWindowCheck.rejection(timestamp: stamped, window: window, now: current) { return stale }
        guard signed else { return nil }
        return checkSignature(request, timestamp: stamp)
    }

    /// DFX style: timestamp, key and signature headers; the signed text is the sorted
    /// `body=…&method=…&param=…&path=…&timestamp=…`, empty parts left out.
    private func checkHeaderSigned(
        _ request: IncomingRequest, auth: Auth, timestampHeader: String, signed: Bool, now: Int64
    ) -> Rejection? {
        guard let stamp = request.header(timestampHeader), !stamp.isEmpty else { return .missingTimestamp(name: timestampHeader) }
        guard let timestamp = Int64(stamp) else { return .malformedValue(timestampHeader, expected: ValueCheck.integerPattern) }
        if CheckedArithmetic.distance(timestamp, now) > UInt64(max(0, headerTimestampTolerance)) {
            return .staleTimestamp(ahead: timestamp > now)
        }
        guard signed else { return nil }
        return checkSignature(request, timestamp: stamp)
    }

    /// The signature where the scheme puts it, verified over the scheme's payload of the request as received
    /// (a signature parameter taken out of the query or form body first).
    private func checkSignature(_ request: IncomingRequest, timestamp: String) -> Rejection? {
        guard let signing else { return nil }
        let isJSON = request.header("Content-Type")?.lowercased().hasPrefix("application/json") ?? false
        var unsigned = UnsignedRequest(
            method: request.method, path: request.path, query: request.query, body: request.method == "GET" ? "" : request.bodyText,
            timestamp: timestamp)
        let signature: String
        switch signing.signature {
        case .parameter(let name):
            let query = FormText.removing(name, from: request.query)
            let usesBody = request.method != "GET" && !isJSON
            let body: (rest: String, value: String?) = usesBody ? FormText.removing(name, from: request.bodyText) : ("", nil)
            guard let raw = query.value ?? body.value, !raw.isEmpty else { return .missingSignature(name: name) }
            guard let decoded = FormText.decode(raw.utf8) else { return .invalidSignature }
            (unsigned.query, unsigned.body, signature) = (query.rest, body.rest, decoded)
        case .header(let name):
            guard let value = request.header(name), !value.isEmpty else { return .missingSignature(name: name) }
            signature = value
        }
        return verifier.verify(signature, payload: signing.payload(of: unsigned)) ? nil : .invalidSignature
    }
}
