import Crypto
import Foundation
import Testing
import _CryptoExtras

@testable import ClientRuntime

/// Fixtures/signing/vectors.json, written once by scripts/make-signing-vectors.py (Python `cryptography`).
private struct Vectors: Decodable {
    struct Case: Decodable { let name, payload, base64, wire: String }
    struct KeyCases: Decodable {
        let pkcs8PEM: String
        let pkcs1PEM: String?
        let publicPEM: String
        let cases: [Case]
    }
    struct DFXCase: Decodable {
        let name, method, path, query, body, payload, signature: String
        let timestamp: Int64
    }
    struct DFX: Decodable { let cases: [DFXCase] }

    let rsa: KeyCases
    let ed25519: KeyCases
    let dfx: DFX

    static func load() throws -> Vectors {
        let url = try #require(Bundle.module.url(forResource: "vectors", withExtension: "json", subdirectory: "Fixtures/signing"))
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Ed25519 is deterministic (RFC 8032) with BoringSSL, which swift-crypto uses off Apple platforms; Apple's CryptoKit
/// randomises Ed25519 signatures, so there only verification can be checked.
private let ed25519IsDeterministic: Bool = {
    #if canImport(CryptoKit)
        false
    #else
        true
    #endif
}()

@Suite struct HMACSignerTests {
    /// Binance, "SIGNED Endpoint Examples for POST /api/v3/order", HMAC Keys.
    private let signer = HMACSHA256Signer(secret: "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")

    @Test func binanceQueryStringAndBodyExample() throws {
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(signer.signature(for: bytes(payload)) == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func binanceMixedQueryAndBodyExample() throws {
        // No "&" between the query string and the body.
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC" + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(signer.signature(for: bytes(payload)) == "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77")
    }

    @Test func keyedCopyIsReusable() {
        let payload = bytes("a=1")
        let first = signer.signature(for: payload)
        #expect(signer.signature(for: payload) == first)
        #expect(signer.signature(for: []) != first)
        #expect(first.count == 64 && first.allSatisfy { "0123456789abcdef".contains($0) })
    }

    /// RFC 4231 test cases 2 and 6: a key shorter than SHA-256's block, and one longer (hashed first).
    @Test func rfc4231Vectors() {
        #expect(
            HMACSHA256Signer(secret: "Jefe").signature(for: bytes("what do ya want for nothing?"))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = Secret(String(repeating: "\u{2A}", count: 131))  // ASCII, so the key is 131 bytes
        #expect(
            HMACSHA256Signer(secret: longKey).signature(for: bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
                == HMACSHA256Signer.reference(key: Array(repeating: 0x2A, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First")))
    }

    /// The same MAC as swift-crypto's `HMAC` for keys around the block size (63, 64, 65 bytes) and payloads of
    /// every length up to three blocks.
    @Test func matchesSwiftCryptoHMAC() {
        for keyLength in [0, 1, 32, 63, 64, 65, 200] {
            let key = (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 33) % 94 + 33 }  // printable ASCII
            let signer = HMACSHA256Signer(secret: Secret(String(decoding: key, as: UTF8.self)))
            for length in 0...192 {
                let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ keyLength) }
                #expect(signer.signature(for: payload) == HMACSHA256Signer.reference(key: key, payload), "key \(keyLength), payload \(length)")
            }
        }
    }
}

extension HMACSHA256Signer {
    /// swift-crypto's own HMAC, as lowercase hex.
    fileprivate static func reference(key: [UInt8], _ payload: [UInt8]) -> String {
        HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
    }
}

@Suite struct RSASignerTests {
    @Test func matchesPythonCryptographyForPKCS8AndPKCS1() throws {
        let vectors = try Vectors.load()
        let pkcs1 = try #require(vectors.rsa.pkcs1PEM)
        for pem in [vectors.rsa.pkcs8PEM, pkcs1, "\n  " + vectors.rsa.pkcs8PEM + "\n\n"] {
            let signer = try RSASigner(privateKeyPEM: Secret(pem))
            for vector in vectors.rsa.cases {
                #expect(try signer.signature(for: bytes(vector.payload)) == vector.wire, "\(vector.name)")
            }
        }
        #expect(vectors.rsa.cases.count == 3)
    }

    @Test func wireFormIsPercentEncodedBase64() throws {
        let vectors = try Vectors.load()
        for vector in vectors.rsa.cases + vectors.ed25519.cases {
            #expect(PercentEncoding.encode(vector.base64) == vector.wire)
            #expect(vector.wire.removingPercentEncoding == vector.base64)
        }
    }

    /// Binance's RSA example publishes the signature but not the private key (`./test-prv-key.pem`), so only the
    /// encoding step of the example can be checked: its base64 signature and its URL-encoded form.
    @Test func binanceRSAExampleEncoding() {
        let base64 =
            "HZ8HOjiJ1s/igS9JA+n7+7Ti/ihtkRF5BIWcPIEluJP6tlbFM/Bf44LfZka/iemtahZAZzcO9TnI5uaXh3++lrqtNonCwp6/245UFWkiW1elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH+XxaCmR0WcvlKjNQnp12/eKXJYO4tDap8UCBLuyxDnR7oJKLHQHJLP0r0EAVOOSIbrFang/1WOq+Jaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT/fNnMRxFc7u+j3qI//5yuGuu14KR0MuQKKCSpViieD+fIti46sxPTsjSemoUKp0oXA=="
        let wire =
            "HZ8HOjiJ1s%2FigS9JA%2Bn7%2B7Ti%2FihtkRF5BIWcPIEluJP6tlbFM%2FBf44LfZka%2FiemtahZAZzcO9TnI5uaXh3%2B%2BlrqtNonCwp6%2F245UFWkiW1elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH%2BXxaCmR0WcvlKjNQnp12%2FeKXJYO4tDap8UCBLuyxDnR7oJKLHQHJLP0r0EAVOOSIbrFang%2F1WOq%2BJaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT%2FfNnMRxFc7u%2Bj3qI%2F%2F5yuGuu14KR0MuQKKCSpViieD%2BfIti46sxPTsjSemoUKp0oXA%3D%3D"
        #expect(PercentEncoding.encode(base64) == wire)
        #expect(PercentEncoding.encode("aZ09-._~ +/=&%é") == "aZ09-._~%20%2B%2F%3D%26%25%C3%A9")
    }
}

@Suite struct Ed25519SignerTests {
    @Test func matchesPythonCryptography() throws {
        let vectors = try Vectors.load()
        let signer = try Ed25519Signer(privateKeyPEM: Secret(vectors.ed25519.pkcs8PEM))
        let publicKey = try Curve25519.Signing.PublicKey(pemRepresentation: vectors.ed25519.publicPEM)
        for vector in vectors.ed25519.cases {
            let wire = try signer.signature(for: bytes(vector.payload))
            let raw = try #require(wire.removingPercentEncoding.flatMap { Data(base64Encoded: $0) })
            #expect(publicKey.isValidSignature(raw, for: bytes(vector.payload)), "\(vector.name)")
            if ed25519IsDeterministic { #expect(wire == vector.wire, "\(vector.name)") }
        }
    }
}

@Suite struct DFXSignerTests {
    @Test func payloadSortsPartsAndSkipsEmptyOnes() {
        #expect(
            DFXSigner.payload(
                method: "GET", path: "/api/v1/symbols", query: "clientType=OP", body: "",
                timestamp: 1_711_351_755_000)
                == "method=GET&param=clientType=OP&path=/api/v1/symbols&timestamp=1711351755000")
        #expect(
            DFXSigner.payload(
                method: "POST", path: "/api/v1/symbols", query: "clientType=OP",
                body: "pageNo=1&pageSize=10", timestamp: 1_711_351_755_000)
                == "body=pageNo=1&pageSize=10&method=POST&param=clientType=OP&path=/api/v1/symbols&timestamp=1711351755000")
        // Values are kept exactly as sent: not sorted, not decoded.
        #expect(
            DFXSigner.payload(method: "DELETE", path: "/p", query: "b=2&a=%2F", body: "", timestamp: 1)
                == "method=DELETE&param=b=2&a=%2F&path=/p&timestamp=1")
    }

    @Test func matchesPythonCryptography() throws {
        let vectors = try Vectors.load()
        let signer = try DFXSigner(privateKeyPEM: Secret(vectors.ed25519.pkcs8PEM))
        let publicKey = try Curve25519.Signing.PublicKey(pemRepresentation: vectors.ed25519.publicPEM)
        #expect(vectors.dfx.cases.count == 4)
        for vector in vectors.dfx.cases {
            let payload = DFXSigner.payload(
                method: vector.method, path: vector.path, query: vector.query,
                body: vector.body, timestamp: vector.timestamp)
            #expect(payload == vector.payload, "\(vector.name)")
            let parts = UnsignedRequest(
                method: vector.method, path: vector.path, query: vector.query, body: vector.body,
                timestamp: String(vector.timestamp))
            let added = try SortedPartsAuthenticator(header: "EXCHANGE-API-SIGN")
                .authenticate(parts, credentials: .partsSigned(apiKey: "k", signer: signer), token: nil)
            #expect(added.headers.map(\.name) == ["EXCHANGE-API-SIGN"])
            let signature = try #require(added.headers.first?.value)
            let raw = try #require(Data(base64Encoded: signature), "standard base64")
            #expect(publicKey.isValidSignature(raw, for: bytes(vector.payload)), "\(vector.name)")
            if ed25519IsDeterministic { #expect(signature == vector.signature, "\(vector.name)") }
        }
    }
}

@Suite struct BadKeyTests {
    private static let keyBody = "MC4CAQAwBQYDK2VwBCIEIHpVZ0l2U2VjcmV0S2V5TWF0ZXJpYWxYWFhYWFhY"

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as SigningError {
            #expect(error.reason == .invalidKey)
            return error.description
        } catch {
            Issue.record("not a SigningError: \(error)")
            return nil
        }
    }

    @Test func badPEMThrowsWithoutKeyMaterial() throws {
        let vectors = try Vectors.load()
        let garbage = "-----BEGIN PRIVATE KEY-----\n\(Self.keyBody)\n-----END PRIVATE KEY-----\n"
        let attempts: [(String, () throws -> Void)] = [
            ("RSA garbage", { _ = try RSASigner(privateKeyPEM: Secret(garbage)) }),
            ("RSA from Ed25519", { _ = try RSASigner(privateKeyPEM: Secret(vectors.ed25519.pkcs8PEM)) }),
            ("RSA public", { _ = try RSASigner(privateKeyPEM: Secret(vectors.rsa.publicPEM)) }),
            ("Ed25519 garbage", { _ = try Ed25519Signer(privateKeyPEM: Secret(garbage)) }),
            ("Ed25519 from RSA", { _ = try Ed25519Signer(privateKeyPEM: Secret(vectors.rsa.pkcs8PEM)) }),
            ("Ed25519 no PEM", { _ = try Ed25519Signer(privateKeyPEM: Secret(Self.keyBody)) }),
            ("DFX public", { _ = try DFXSigner(privateKeyPEM: Secret(vectors.ed25519.publicPEM)) }),
            ("DFX empty", { _ = try DFXSigner(privateKeyPEM: "") }),
        ]
        for (name, attempt) in attempts {
            let text = try #require(message(attempt), "\(name) must throw")
            #expect(text.hasPrefix("invalid PEM for "), "\(name): \(text)")
            for material in [Self.keyBody, vectors.rsa.pkcs8PEM, vectors.ed25519.pkcs8PEM, vectors.rsa.publicPEM] {
                for line in material.split(separator: "\n") where !line.hasPrefix("-----") {
                    #expect(!text.contains(line.prefix(12)), "\(name): \(text)")
                }
            }
        }
        #expect(
            message { _ = try RSASigner(privateKeyPEM: Secret(vectors.rsa.publicPEM)) }
                == "invalid PEM for RSA key: expected an unencrypted PKCS#8 'PRIVATE KEY' or PKCS#1 'RSA PRIVATE KEY' "
                + "of at least 2048 bits, found a 'PUBLIC KEY' block that does not hold one")
        #expect(
            message { _ = try Ed25519Signer(privateKeyPEM: Secret(Self.keyBody)) }
                == "invalid PEM for Ed25519 key: expected an unencrypted PKCS#8 'PRIVATE KEY', found no PEM block")
    }
}
