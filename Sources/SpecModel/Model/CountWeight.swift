/// A request weight that grows with the number of items of an array parameter (`symbols` of the tickers):
/// a table of item counts, or a weight per item with a cap. `cases` are checked first (`symbol` sent → 2).
/// Data only: ClientRuntime's `RequestWeight` computes weights (generated clients and the mock use it).
public struct CountWeight: Sendable, Hashable {
    /// How the item count becomes a weight.
    public enum Scale: Sendable, Hashable {
        /// Looked up in a table of counts (`1-20 → 2, 21-100 → 40, 101 or more → 80`).
        case ranges([Weight.Range])
        /// `perItem` for each item, at most `cap` ("4 for each symbol, capped at 200").
        case perItem(Int, cap: Int?)
    }

    /// The array parameter whose items are counted.
    public var param: Located<String>
    public var scale: Scale
    /// The first case whose condition holds gives the weight, before the array is looked at.
    public var cases: [Weight.Case]
    /// The weight when no case holds and the array is not sent; nil means the weight of one item.
    public var absent: Int?

    public init(param: Located<String>, scale: Scale, cases: [Weight.Case] = [], absent: Int? = nil) {
        self.param = param
        self.scale = scale
        self.cases = cases
        self.absent = absent
    }
}
