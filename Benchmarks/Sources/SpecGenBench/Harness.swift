import Foundation

/// Timing of one benchmark: nanoseconds per operation over many samples.
struct Measurement {
    var name: String
    var median: Double
    var p90: Double
    var samples: Int
}

/// A small harness: warm-up, then `samples` timed batches of `batch` calls; per-call median and p90.
enum Harness {
    static func measure(_ name: String, batch: Int, samples: Int, _ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<max(1, batch / 4) { try body() }
        var perCall: [Double] = []
        perCall.reserveCapacity(samples)
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let start = clock.now
            for _ in 0..<batch { try body() }
            perCall.append(nanoseconds(clock.now - start) / Double(batch))
        }
        return summary(name, perCall)
    }

    static func measureAsync(
        _ name: String, batch: Int, samples: Int, _ body: () async throws -> Void
    ) async rethrows -> Measurement {
        for _ in 0..<max(1, batch / 4) { try await body() }
        var perCall: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let start = clock.now
            for _ in 0..<batch { try await body() }
            perCall.append(nanoseconds(clock.now - start) / Double(batch))
        }
        return summary(name, perCall)
    }

    /// The ratio of `body`'s time to `baseline`'s, batch by batch in turn: each sample times a batch of each, so
    /// load that comes and goes on a shared machine weighs on both sides of every ratio alike.
    static func measureRatio(
        _ name: String, batch: Int, samples: Int, _ body: () async throws -> Void, over baseline: () throws -> Void
    ) async rethrows -> Measurement {
        for _ in 0..<max(1, batch / 4) {
            try await body()
            try baseline()
        }
        var ratios: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let start = clock.now
            for _ in 0..<batch { try await body() }
            let middle = clock.now
            for _ in 0..<batch { try baseline() }
            ratios.append(nanoseconds(middle - start) / nanoseconds(clock.now - middle))
        }
        return summary(name, ratios)
    }

    static func summary(_ name: String, _ values: [Double]) -> Measurement {
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        return Measurement(name: name, median: quantile(0.5), p90: quantile(0.9), samples: sorted.count)
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    /// `name<TAB>median_ns<TAB>p90_ns<TAB>samples`, the lines run.sh reads.
    static func report(_ m: Measurement) {
        let digits = m.name.contains(".ratio.") ? "%.2f" : "%.1f"
        print("\(m.name)\t\(String(format: digits, m.median))\t\(String(format: digits, m.p90))\t\(m.samples)")
    }
}

/// Keeps a value alive so the optimizer cannot drop the work that made it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
