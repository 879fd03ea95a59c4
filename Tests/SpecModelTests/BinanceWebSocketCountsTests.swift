import Foundation
import SpecModel
import Testing

/// Binance's 2026-07 docs: web-socket-api.md has 55 methods (48 with a REST twin, 7 of their own: session logon,
/// status, logout and subscriptions, user data stream subscribe, subscribe by signature, unsubscribe);
/// web-socket-streams.md names 17 stream templates plus the `!serverShutdown` stream of its combined example;
/// user-data-stream.md has 6 event types and web-socket-api.md adds `serverShutdown`. Change a number only with the spec.
@Suite struct BinanceWebSocketCountsTests {
    static let spec: Spec? = SpecLoader.load(path: SpecCountsTests.specs.appendingPathComponent("binance-spot.yaml").path).spec

    @Test func everyMethodIsInTheSpec() throws {
        let spec = try #require(Self.spec)
        let twins = spec.endpoints.compactMap(\.webSocket?.method.value)
        let own = try #require(spec.webSocketAPI).methods.map(\.name.value)
        #expect(twins.count == 48)
        #expect(spec.endpoints.allSatisfy { $0.webSocket != nil })
        #expect(
            own == [
                "session.logon", "session.status", "session.logout", "userDataStream.subscribe", "userDataStream.unsubscribe", "session.subscriptions",
                "userDataStream.subscribe.signature",
            ])
        #expect(Set(twins + own).count == 55)
        // The docs' answers kept as examples (each checked by lint against the envelope and the answer type).
        #expect(spec.endpoints.map { $0.webSocket?.examples.count ?? 0 }.reduce(0, +) == 22)
        #expect(own.compactMap { spec.webSocketAPI?.method(named: $0)?.examples.count }.reduce(0, +) == 7)
    }

    @Test func everyStreamAndEventIsInTheSpec() throws {
        let spec = try #require(Self.spec)
        let streams = try #require(spec.streams).definitions
        #expect(streams.count == 18)
        #expect(streams.filter { $0.event != nil }.count == 15)
        let events = try #require(spec.webSocketAPI?.events)
        guard case let .polymorphic(discriminator, variants)? = spec.model(named: "\(events.payload.value)")?.kind else {
            Issue.record("the event payload is not a polymorphic model")
            return
        }
        #expect(discriminator.value == "e")
        #expect(
            variants.map(\.value.value) == [
                "outboundAccountPosition", "balanceUpdate", "executionReport", "listStatus", "eventStreamTerminated", "externalLockUpdate", "serverShutdown",
            ])
        #expect(events.examples.count == 7)
    }
}
