/// The requests a mock keeps for inspection, bounded by count and by bytes (oldest dropped first), and the true
/// number received.
struct RequestRecord: Sendable {
    let maxEntries: Int
    let maxBytes: Int
    private var entries: [MockRecordedRequest] = []
    /// Index of the oldest kept entry in `entries` (dropped entries are compacted away in batches).
    private var head = 0
    /// Bytes held by the kept entries, as `MockRecordedRequest.footprint` counts them.
    private(set) var bytes = 0
    /// Every request received since the start, kept or not.
    private(set) var received = 0

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = max(0, maxEntries)
        self.maxBytes = max(0, maxBytes)
    }

    /// The kept requests, oldest first.
    var kept: [MockRecordedRequest] { Array(entries[head...]) }

    var count: Int { entries.count - head }

    /// Counts a request and keeps it, dropping the oldest until both bounds hold; a request larger than the whole
    /// byte budget is kept without its body.
    mutating func append(_ request: MockRecordedRequest) {
        received = CheckedArithmetic.add(received, 1)
        var request = request
        if request.footprint > maxBytes { request = request.withoutBody() }
        guard maxEntries > 0, request.footprint <= maxBytes else { return }
        entries.append(request)
        bytes = CheckedArithmetic.add(bytes, request.footprint)
        while count > maxEntries || bytes > maxBytes {
            bytes -= entries[head].footprint
            head += 1
        }
        if head > 1024, head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }

    /// Forgets the kept requests (the received count stays).
    mutating func clear() {
        entries.removeAll()
        head = 0
        bytes = 0
    }
}
