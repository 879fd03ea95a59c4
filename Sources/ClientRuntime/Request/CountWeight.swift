/// How a weight by item count turns the number of items into a weight.
public enum CountScale: Sendable, Hashable {
    /// Looked up in a table of counts (`1-20 → 2, 21-100 → 40, 101 or more → 80`).
    case ranges([RequestWeight.Range])
    /// `perItem` for each item, at most `cap` ("4 for each symbol, capped at 200").
    case perItem(Int, cap: Int?)

    /// The weight of `count` items; an empty array counts as one item. Saturates instead of overflowing.
    public func weight(count: Int) -> Int {
        let items = max(count, 1)
        switch self {
        case let .ranges(ranges):
            return ranges.weight(for: Int64(items))
        case let .perItem(each, cap):
            let (product, overflow) = each.multipliedReportingOverflow(by: items)
            let total = overflow ? Int.max : product
            return cap.map { min(total, $0) } ?? total
        }
    }
}

extension Array where Element == RequestWeight.Range {
    /// The weight of the first range whose bound `value` does not exceed (the open range takes the rest).
    func weight(for value: Int64) -> Int {
        (first { $0.max.map { value <= $0 } ?? true } ?? last)?.weight ?? 1
    }
}

extension ParameterValue {
    /// How many items the value holds: an array's element count, 1 for a single value.
    var itemCount: Int {
        if case let .array(items, _) = self { return items.count }
        return 1
    }
}
