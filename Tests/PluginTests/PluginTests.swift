import ClientRuntime
import Foundation
import Testing

/// The types used here exist only because the build plugin generated them from demo-exchange.yaml.
@Suite struct PluginTests {
    @Test func buildPluginGeneratedAWorkingClient() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: #"{"symbol":"BTCUSDT","side":"HOLD","price":"20000.10"}"#)
        let client = DemoExchangeClient(transport: transport)
        let quote = try await client.quote(QuoteRequest(symbol: "BTCUSDT"))
        #expect(quote.price.text == "20000.10")
        #expect(quote.side == .unknown("HOLD"))
        #expect(transport.lastRequest?.url?.absoluteString == "https://api.demo.example/quote?symbol=BTCUSDT")
    }
}
