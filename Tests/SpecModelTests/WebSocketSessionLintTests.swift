import Foundation
import SpecModel
import Testing

/// The WebSocket API methods' `session`, `events` and `swiftName`: read into the model, and lint refuses what the
/// generated client could not use.
@Suite struct WebSocketSessionLintTests {
    static let method = "    session.status:\n      security: NONE\n"

    static func diagnostics(adding lines: String, security: String = "NONE", events: String = "") -> [String] {
        WebSocketLintTests.diagnostics([
            (method, "    session.status:\n      security: \(security)\n" + lines),
            ("    event: event\n", "    event: event\n" + events),
        ])
    }

    @Test func rolesAndSwiftNameAreRead() throws {
        let yaml = WebSocketLintTests.spec(replacing: [(Self.method, Self.method + "      swiftName: status\n      session: required\n")])
        let result = SpecLoader.load(yaml: yaml, file: "ws.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let method = try #require(result.spec?.webSocketAPI?.method(named: "session.status"))
        #expect(method.swiftName?.value == "status")
        #expect(method.requiresLogon)
        #expect(result.spec?.webSocketAPI?.method(session: "required")?.name.value == "session.status")
    }

    @Test func theShutdownEventMustBeAVariantOfThePayload() throws {
        let yaml = WebSocketLintTests.spec(replacing: [("    event: event\n", "    event: event\n    shutdown: kline\n")])
        let result = SpecLoader.load(yaml: yaml, file: "ws.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let events = try #require(result.spec?.webSocketAPI?.events)
        #expect(events.shutdown?.value == "kline")
        #expect(try events.typeField(in: #require(result.spec)) == "e")
        let found = Self.diagnostics(adding: "", events: "    shutdown: serverShutdown\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("error: shutdown event 'serverShutdown' is not a variant of 'Event'") == true)
    }

    @Test func anUnknownRoleIsAnError() {
        let found = Self.diagnostics(adding: "      session: login\n      events: listen\n")
        #expect(found.count == 2)
        #expect(found.contains { $0.contains("error: unknown session 'login'; expected one of logon, logout, required") })
        #expect(found.contains { $0.contains("error: unknown events 'listen'; expected one of subscribe, unsubscribe") })
    }

    @Test func theLogonMethodMustBeSigned() {
        let found = Self.diagnostics(adding: "      session: logon\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("error: the logon method 'session.status' must be signed: security level 'NONE' is not") == true)
        #expect(Self.diagnostics(adding: "      session: logon\n", security: "SIGNED").isEmpty)
    }

    @Test func aSubscribeMethodNeedsTheSubscriptionIdInItsAnswer() {
        let missingEnvelope = Self.diagnostics(adding: "      events: subscribe\n")
        #expect(missingEnvelope.first?.contains("'events: subscribe' needs 'webSocketAPI.events' with a 'subscriptionId' field") == true)
        let wrongAnswer = Self.diagnostics(adding: "      events: subscribe\n", events: "    subscriptionId: orderId2\n")
        #expect(wrongAnswer.first?.contains("subscribe method 'session.status' must answer a model with a 'orderId2' field") == true)
        // `Ack` has `orderId`: a subscription id field of that name fits.
        #expect(Self.diagnostics(adding: "      events: subscribe\n", events: "    subscriptionId: orderId\n").isEmpty)
    }

    @Test func anUnsubscribeMethodTakesTheSubscriptionId() {
        let found = Self.diagnostics(adding: "      events: unsubscribe\n", events: "    subscriptionId: orderId\n")
        #expect(found.first?.contains("unsubscribe method 'session.status' must take a 'orderId' parameter") == true)
    }

    @Test func swiftNameMustBeAnIdentifier() {
        let found = Self.diagnostics(adding: "      swiftName: session-status\n")
        #expect(found.first?.contains("swiftName 'session-status' is not a Swift identifier") == true)
    }
}
