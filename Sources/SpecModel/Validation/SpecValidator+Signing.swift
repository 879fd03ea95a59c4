extension SpecValidator {
    /// Each `payload` is one runtime authenticator: it needs the places its signature (and passphrase) travel, and
    /// signs with the schemes that authenticator takes.
    mutating func checkSigning(_ signing: Auth.Signing) {
        let at = signing.location
        guard let payload = signing.payload else { return }  // missing or unknown: the loader reported it
        let usesDFX = signing.schemes.contains(.dfxEd25519)
        switch payload {
        case .queryThenBody:
            if signing.signatureParam == nil { error("auth.signing payload 'queryThenBody' needs 'signatureParam'", at: at) }
            if usesDFX { error("auth.signing scheme 'dfxEd25519' signs the payload 'sortedRequestParts', not 'queryThenBody'", at: at) }
        case .sortedRequestParts:
            if signing.signatureHeader == nil { error("auth.signing payload 'sortedRequestParts' needs 'signatureHeader'", at: at) }
            if signing.schemes != [.dfxEd25519] { error("auth.signing payload 'sortedRequestParts' is signed with schemes [dfxEd25519] only", at: at) }
        case .timestampMethodPathBody:
            if signing.signatureHeader == nil { error("auth.signing payload 'timestampMethodPathBody' needs 'signatureHeader'", at: at) }
            if signing.passphraseHeader == nil { error("auth.signing payload 'timestampMethodPathBody' needs 'passphraseHeader'", at: at) }
            if signing.schemes != [.hmacSHA256] { error("auth.signing payload 'timestampMethodPathBody' is signed with schemes [hmacSHA256] only", at: at) }
        }
        if payload != .timestampMethodPathBody, signing.passphraseHeader != nil {
            error("auth.signing 'passphraseHeader' is only sent with the payload 'timestampMethodPathBody'", at: at)
        }
        if signing.encoding != nil, !signing.schemes.contains(.hmacSHA256) {
            error("auth.signing 'encoding' applies to hmacSHA256 only; the schemes here are always base64", at: at)
        }
    }
}
