import B2TraderFrontOffice
import BinanceJEXSpot
import BinanceSpot
import ClientRuntime
import DFXSpot
import Foundation
import Testing

/// The typed credential initialisers, pinned by their function types: each generated client takes only the
/// credential kind its spec's `auth` signs with, so a credential of the wrong kind does not compile (e.g.
/// `DFXSpotClient(apiKey: "k", signer: HMACSHA256Signer(secret: "s"))` is a type error). Changing an initialiser to
/// a looser parameter type breaks these assignments.
@Suite struct TypedCredentialTests {
    typealias Binance = (BinanceSpotClient.Server, String, any RequestSigner, any HTTPTransport, ClientOptions) -> BinanceSpotClient
    typealias JEX = (BinanceJEXSpotClient.Server, String, any RequestSigner, any HTTPTransport, ClientOptions) -> BinanceJEXSpotClient
    typealias DFX = (DFXSpotClient.Server, String, DFXSigner, any HTTPTransport, ClientOptions) -> DFXSpotClient
    typealias B2Trader = (B2TraderFrontOfficeClient.Server, any TokenProvider, any HTTPTransport, ClientOptions) -> B2TraderFrontOfficeClient

    @Test func initialisersTakeOnlyTheirVenuesCredentialKind() {
        let binance: Binance = BinanceSpotClient.init(server:apiKey:signer:transport:options:)
        let jex: JEX = BinanceJEXSpotClient.init(server:apiKey:signer:transport:options:)
        let dfx: DFX = DFXSpotClient.init(server:apiKey:signer:transport:options:)
        let b2trader: B2Trader = B2TraderFrontOfficeClient.init(server:tokens:transport:options:)
        _ = (binance, jex, dfx, b2trader)
        // The DFX signer is not a parameter signer, and no parameter signer signs DFX's parts.
        #expect(!(DFXSigner.self is any RequestSigner.Type))
        #expect(!(HMACSHA256Signer.self is any RequestPartsSigner.Type))
        #expect(!(Ed25519Signer.self is any RequestPartsSigner.Type))
    }

    @Test func profilesSelectTheSpecsAuthenticators() {
        #expect(BinanceSpotClient.profile.auth.signing?.signature == .parameter("signature"))
        #expect(BinanceJEXSpotClient.profile.auth.signing is SignatureParameterAuthenticator)
        #expect(DFXSpotClient.profile.auth.signing?.signature == .header("EXCHANGE-API-SIGN"))
        #expect(DFXSpotClient.profile.auth.signing is SortedPartsAuthenticator)
        #expect(B2TraderFrontOfficeClient.profile.auth.signing == nil)
        #expect(B2TraderFrontOfficeClient.profile.auth.bearer?.headerName == "Authorization")
    }
}
