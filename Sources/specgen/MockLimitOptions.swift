import ArgumentParser
import SpecMock

/// The mock's limits on the command line; every default is `MockOptions`' own.
struct MockLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-body-bytes"), help: "Largest request body accepted, in bytes (default 1048576); larger ones get 413.")
    var maxBodyBytes: Int?

    @Option(name: .customLong("max-connections"), help: "Most connections open at once (default 256); at the limit the longest-idle one is closed.")
    var maxConnections: Int?

    @Option(name: .customLong("max-recorded-requests"), help: "Most requests kept for inspection (default 10000).")
    var maxRecordedRequests: Int?

    @Option(name: .customLong("max-recorded-bytes"), help: "Most bytes the kept requests may hold (default 67108864).")
    var maxRecordedBytes: Int?

    @Option(name: .customLong("header-timeout"), help: "Seconds a client may take to send a request head once started (default 10).")
    var headerTimeout: Int?

    @Option(name: .customLong("body-timeout"), help: "Seconds a client may take to send a request body after its head (default 30).")
    var bodyTimeout: Int?

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle between requests (default 60).")
    var idleTimeout: Int?

    func validate() throws {
        let counts = [
            ("--max-body-bytes", maxBodyBytes, 0), ("--max-connections", maxConnections, 1),
            ("--max-recorded-requests", maxRecordedRequests, 0), ("--max-recorded-bytes", maxRecordedBytes, 0),
            ("--header-timeout", headerTimeout, 1), ("--body-timeout", bodyTimeout, 1), ("--idle-timeout", idleTimeout, 1),
        ]
        for (name, value, minimum) in counts {
            if let value, value < minimum { throw ValidationError("\(name) must be at least \(minimum)") }
        }
    }

    func apply(to options: inout MockOptions) {
        if let maxBodyBytes { options.maxBodyBytes = maxBodyBytes }
        if let maxConnections { options.maxConnections = maxConnections }
        if let maxRecordedRequests { options.maxRecordedRequests = maxRecordedRequests }
        if let maxRecordedBytes { options.maxRecordedBytes = maxRecordedBytes }
        if let headerTimeout { options.headerReadTimeout = .seconds(headerTimeout) }
        if let bodyTimeout { options.bodyReadTimeout = .seconds(bodyTimeout) }
        if let idleTimeout { options.idleTimeout = .seconds(idleTimeout) }
    }
}
