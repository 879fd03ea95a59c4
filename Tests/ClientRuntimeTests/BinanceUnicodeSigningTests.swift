import ClientRuntime
import Foundation
import Testing

/// The 2026-07 docs' HMAC example with a non-ASCII symbol: the payload is percent-encoded before it is signed.
@Suite struct BinanceUnicodeSigningTests {
    @Test func aNonASCIISymbolIsSignedPercentEncoded() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        var parameters = Parameters()
        parameters.add("symbol", "１２３４５６", in: .query)
        parameters.add("side", "BUY", in: .query)
        parameters.add("type", "LIMIT", in: .query)
        parameters.add("timeInForce", "GTC", in: .query)
        parameters.add("quantity", ExactDecimal("1"), in: .query)
        parameters.add("price", ExactDecimal("0.1"), in: .query)
        _ = try await Binance.client(transport: transport).send(Call<EmptyResponse, OrderQuery>(parameters))
        #expect(
            transport.lastRequest?.queryString == "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96"
                + "&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3")
    }
}
