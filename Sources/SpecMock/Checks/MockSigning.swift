import ClientRuntime
import SpecModel

/// The runtime authenticator the spec's `auth.signing.payload` selects (the generator emits the same choice into
/// each client's profile), so the mock checks the very bytes a client signs.
enum MockSigning {
    /// The authenticator for `signing`; nil when the spec names no payload (lint refuses such a spec).
    static func authenticator(_ signing: Auth.Signing) -> (any SigningAuthenticator)? {
        switch signing.payload {
        case .queryThenBody?:
            SignatureParameterAuthenticator(parameter: signing.signatureParam ?? "signature")
        case .sortedRequestParts?:
            SortedPartsAuthenticator(header: signing.signatureHeader ?? "")
        case .timestampMethodPathBody?:
            TimestampMethodPathBodyAuthenticator(header: signing.signatureHeader ?? "", passphraseHeader: signing.passphraseHeader ?? "")
        case nil:
            nil
        }
    }
}
