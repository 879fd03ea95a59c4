import ClientRuntime
import Foundation
import SpecModel
import Yams

/// Reads a scenario's YAML (or JSON) node tree, collecting every problem as a `file:LINE:COL: error:` line instead
/// of stopping at the first.
struct ScenarioReader {
    let file: String
    private(set) var problems: [String] = []

    init(file: String) { self.file = file }

    mutating func read(_ data: Data) -> Scenario? {
        let (root, diagnostics) = YAMLSource.parse(data, file: file)
        problems += diagnostics.map(\.description)
        guard let root, let top = mapping(root, "the scenario", allowed: ["symbols", "exchangeFilters", "balances", "clock", "script", "limits"])
        else { return nil }
        var symbols: [Scenario.Symbol] = []
        if let node = top["symbols"], let list = sequence(node, "symbols") {
            var seen: Set<String> = []
            for item in list {
                guard let symbol = symbol(item) else { continue }
                if seen.insert(symbol.name).inserted { symbols.append(symbol) } else { error("symbol '\(symbol.name)' is listed twice", at: item) }
            }
        } else if top["symbols"] == nil {
            error("the scenario needs `symbols`, a list of the tradable symbols", at: root)
        }
        let names = Set(symbols.map(\.name))
        var balances: [String: ExactDecimal] = [:]
        if let node = top["balances"], let pairs = mapping(node, "balances", allowed: nil) {
            for (asset, value) in pairs.entries {
                guard let amount = decimal(value, "balance of \(asset)") else { continue }
                if amount.isNegative { error("balance of \(asset) is negative", at: value) }
                balances[asset] = amount
            }
        }
        var clockStart: Int64?
        var clockFrozen = false
        if let node = top["clock"], let clock = mapping(node, "clock", allowed: ["start", "frozen"]) {
            if let start = clock["start"] { clockStart = integer(start, "clock.start", min: 0) }
            if let frozen = clock["frozen"] {
                if case let .scalar(scalar) = frozen, ["true", "false"].contains(scalar.string) {
                    clockFrozen = scalar.string == "true"
                } else {
                    error("clock.frozen must be true or false, found \(frozen.described)", at: frozen)
                }
            }
        }
        var script: [Scenario.Step] = []
        if let node = top["script"], let list = sequence(node, "script") {
            for item in list { if let step = step(item, names) { script.append(step) } }
        }
        var limits = Scenario.Limits()
        if let node = top["limits"], let map = mapping(node, "limits", allowed: ["maxOpenOrdersPerSymbol", "maxOpenOrders", "maxHistory"]) {
            let keys: [(String, WritableKeyPath<Scenario.Limits, Int>)] = [
                ("maxOpenOrdersPerSymbol", \.maxOpenOrdersPerSymbol), ("maxOpenOrders", \.maxOpenOrders), ("maxHistory", \.maxHistory),
            ]
            for (key, path) in keys {
                if let value = map[key], let number = integer(value, key, min: 1) { limits[keyPath: path] = Int(clamping: number) }
            }
        }
        var exchangeFilters: [JSONValue] = []
        if let node = top["exchangeFilters"] { exchangeFilters = filters(node, "exchangeFilters") ?? [] }
        return Scenario(
            symbols: symbols, exchangeFilters: exchangeFilters, balances: balances, clockStart: clockStart, clockFrozen: clockFrozen, script: script,
            limits: limits)
    }

    // MARK: - Parts

    private mutating func symbol(_ node: Node) -> Scenario.Symbol? {
        guard let map = mapping(node, "a symbol", allowed: ["symbol", "baseAsset", "quoteAsset", "filters", "bids", "asks"]) else {
            return nil
        }
        let name = required(map, "symbol", in: node)
        let base = required(map, "baseAsset", in: node)
        let quote = required(map, "quoteAsset", in: node)
        var filters: [JSONValue]?
        if let node = map["filters"] { filters = self.filters(node, "filters") }
        let book = self.book(map)
        guard let name, let base, let quote else { return nil }
        return Scenario.Symbol(name: name, baseAsset: base, quoteAsset: quote, filters: filters, book: book)
    }

    private mutating func step(_ node: Node, _ symbols: Set<String>) -> Scenario.Step? {
        guard let map = mapping(node, "a script step", allowed: ["at", "symbol", "bids", "asks"]) else { return nil }
        var at: Int64?
        if let value = map["at"] { at = integer(value, "at", min: 0) } else { error("a script step needs `at` (milliseconds after the clock start)", at: node) }
        let symbol = required(map, "symbol", in: node)
        if let symbol, let symbolNode = map["symbol"], !symbols.contains(symbol) {
            error("script step names symbol '\(symbol)', which `symbols` does not list", at: symbolNode)
        }
        let book = self.book(map)
        guard let at, let symbol else { return nil }
        return Scenario.Step(at: at, symbol: symbol, book: book)
    }

    private mutating func book(_ map: Pairs) -> Scenario.Book {
        Scenario.Book(bids: levels(map["bids"], "bids"), asks: levels(map["asks"], "asks"))
    }

    /// `[[price, quantity], …]` with positive values.
    private mutating func levels(_ node: Node?, _ what: String) -> [Scenario.Level] {
        guard let node, let list = sequence(node, what) else { return [] }
        return list.compactMap { item in
            guard case let .sequence(pair) = item, pair.count == 2 else {
                error("each of \(what) is a [price, quantity] pair, found \(item.described)", at: item)
                return nil
            }
            guard let price = decimal(pair[0], "\(what) price"), let quantity = decimal(pair[1], "\(what) quantity") else { return nil }
            guard !price.isNegative, !price.isZero, !quantity.isNegative, !quantity.isZero else {
                error("\(what) level [\(price), \(quantity)] needs a price and a quantity above zero", at: item)
                return nil
            }
            return Scenario.Level(price: price, quantity: quantity)
        }
    }

    /// Filter objects, each with a `filterType`; read by the client runtime's own filter reader.
    private mutating func filters(_ node: Node, _ what: String) -> [JSONValue]? {
        guard let list = sequence(node, what) else { return nil }
        return list.compactMap { item in
            guard case .object(let object) = json(item) else {
                error("each of \(what) is a filter object, found \(item.described)", at: item)
                return nil
            }
            do {
                guard try ExchangeFilter(binance: object) != nil else {
                    var type = ""
                    if case .string(let name)? = object["filterType"] { type = name }
                    error("unknown filterType '\(type)'", at: item)
                    return nil
                }
            } catch let problem as FilterDataError {
                error(problem.message, at: item)
                return nil
            } catch {
                self.error("\(error)", at: item)
                return nil
            }
            return .object(object)
        }
    }

    // MARK: - Node helpers

    struct Pairs {
        var entries: [(String, Node)]
        subscript(key: String) -> Node? { entries.first { $0.0 == key }?.1 }
    }

    private mutating func mapping(_ node: Node, _ what: String, allowed: Set<String>?) -> Pairs? {
        guard case let .mapping(mapping) = node else {
            error("\(what) must be a mapping, found \(node.described)", at: node)
            return nil
        }
        var entries: [(String, Node)] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if let allowed, !allowed.contains(name) {
                error("unknown key '\(name)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))", at: key)
                continue
            }
            entries.append((name, value))
        }
        return Pairs(entries: entries)
    }

    private mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case let .sequence(list) = node else {
            error("\(what) must be a list, found \(node.described)", at: node)
            return nil
        }
        return Array(list)
    }

    private mutating func required(_ map: Pairs, _ key: String, in node: Node) -> String? {
        guard let value = map[key] else {
            error("missing `\(key)`", at: node)
            return nil
        }
        guard case let .scalar(scalar) = value, !scalar.string.isEmpty else {
            error("`\(key)` must be text, found \(value.described)", at: value)
            return nil
        }
        return scalar.string
    }

    private mutating func decimal(_ node: Node, _ what: String) -> ExactDecimal? {
        guard case let .scalar(scalar) = node, let value = ExactDecimal(scalar.string) else {
            error("\(what) must be a decimal number, found \(node.described)", at: node)
            return nil
        }
        return value
    }

    private mutating func integer(_ node: Node, _ what: String, min: Int64) -> Int64? {
        guard case let .scalar(scalar) = node, let value = Int64(scalar.string), value >= min else {
            error("\(what) must be a whole number of at least \(min), found \(node.described)", at: node)
            return nil
        }
        return value
    }

    /// A YAML node as JSON: scalars that read as numbers or booleans stay numbers and booleans.
    private func json(_ node: Node) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            let text = scalar.string
            if scalar.style == .plain {
                if text == "true" || text == "false" { return .bool(text == "true") }
                if ExactDecimal(text) != nil { return .number(text) }
            }
            return .string(text)
        case let .sequence(list): return .array(list.map(json))
        case let .mapping(map):
            return .object(Dictionary(map.map { ($0.key.scalar?.string ?? "", json($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .alias: return .null
        }
    }

    private mutating func error(_ message: String, at node: Node) {
        guard problems.count < 1000 else { return }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        problems.append(Diagnostic(.error, message, at: location).description)
    }
}

extension Node {
    /// How the node reads in a message: "a mapping", "a list", "'text'".
    fileprivate var described: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string.prefix(40))'"
        case .alias: "an alias"
        }
    }
}
