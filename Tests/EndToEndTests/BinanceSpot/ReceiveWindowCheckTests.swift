import Testing

@testable import SpecMock

/// The mock's exact receive-window arithmetic (microseconds), without a clock race.
@Suite struct ReceiveWindowCheckTests {
    @Test func windowsAreExactMicroseconds() {
        #expect(ReceiveWindowCheck.microseconds(window: "5000", fractionDigits: 3) == 5_000_000)
        #expect(ReceiveWindowCheck.microseconds(window: "5000.125", fractionDigits: 3) == 5_000_125)
        #expect(ReceiveWindowCheck.microseconds(window: "6000.3", fractionDigits: 3) == 6_000_300)
        #expect(ReceiveWindowCheck.microseconds(window: "5000.1234", fractionDigits: 3) == nil)
        #expect(ReceiveWindowCheck.microseconds(window: "5000.5", fractionDigits: 0) == nil)
        #expect(ReceiveWindowCheck.microseconds(window: "-5", fractionDigits: 3) == nil)
        #expect(ReceiveWindowCheck.microseconds(window: "5e3", fractionDigits: 3) == nil)
        // Too long to count: saturates, so the maximum refuses it rather than the syntax.
        #expect(ReceiveWindowCheck.microseconds(window: "9223372036854775807", fractionDigits: 3) == .max)
        #expect(ReceiveWindowCheck.microseconds(window: "99999999999999999999999", fractionDigits: 3) == .max)
    }

    @Test func timestampsInEitherUnit() {
        #expect(ReceiveWindowCheck.microseconds(timestamp: 1_499_827_319_559) == 1_499_827_319_559_000)
        #expect(ReceiveWindowCheck.microseconds(timestamp: 1_499_827_319_559_123) == 1_499_827_319_559_123)
        #expect(ReceiveWindowCheck.microseconds(timestamp: .min) == .min)
    }

    @Test func theWindowHoldsToTheMicrosecond() {
        let now: Int64 = 1_800_000_000_000_000
        #expect(ReceiveWindowCheck.rejection(timestamp: now - 5_000_125, window: 5_000_125, now: now) == nil)
        #expect(ReceiveWindowCheck.rejection(timestamp: now - 5_000_126, window: 5_000_125, now: now) != nil)
        #expect(ReceiveWindowCheck.rejection(timestamp: now + 999_999, window: 5_000_000, now: now) == nil)
        #expect(ReceiveWindowCheck.rejection(timestamp: now + 1_000_000, window: 5_000_000, now: now) != nil)
        #expect(ReceiveWindowCheck.rejection(timestamp: .min, window: 5_000_000, now: now) != nil)
    }
}
