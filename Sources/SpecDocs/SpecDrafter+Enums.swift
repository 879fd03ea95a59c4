import Foundation

/// The enums of a draft: the docs' enum sections, and one per ENUM parameter that lists its own values.
struct EnumNames {
    struct Definition {
        var name: String
        var values: [String]
        /// Parameter names the section's title gives ("Order side (side)").
        var paramNames: [String]
        var used = false
    }

    private(set) var definitions: [Definition] = []

    mutating func collect(_ docs: DocModel) {
        for e in docs.enums where e.endpoint == nil {
            let values = e.values.isEmpty ? e.runTogetherValues.map { ParamValues.splitRunTogether($0.value) } ?? [] : e.values.map(\.value)
            _ = add(SpecDrafter.typeName(e.title, fallback: "Enum"), values, paramNames: e.names)
        }
    }

    /// The enum type for a parameter: a section naming the parameter, a section listing all its values, or (when
    /// `create`) a new enum of its values; nil when there is none.
    mutating func type(for param: DocParam, create: Bool) -> String? {
        let values = param.values.isEmpty ? param.runTogetherValues.map { ParamValues.splitRunTogether($0.value) } ?? [] : param.values.map(\.value)
        var index = definitions.firstIndex { $0.paramNames.contains(param.name) }
        if index == nil, !values.isEmpty { index = definitions.firstIndex { Set(values).isSubset(of: $0.values) } }
        if index == nil, create, !values.isEmpty { index = add(SpecDrafter.typeName(param.name, fallback: "Enum"), values, paramNames: []) }
        guard let i = index else { return nil }
        definitions[i].used = true
        return definitions[i].name
    }

    /// Adds a definition (or finds one with the same values) and returns its index.
    private mutating func add(_ name: String, _ values: [String], paramNames: [String]) -> Int {
        var unique: [String] = []
        for v in values where !unique.contains(v) { unique.append(v) }
        if let i = definitions.firstIndex(where: { $0.values == unique }) {
            definitions[i].paramNames += paramNames
            return i
        }
        var candidate = name
        var n = 2
        while definitions.contains(where: { $0.name == candidate }) {
            candidate = "\(name)\(n)"
            n += 1
        }
        definitions.append(Definition(name: candidate, values: unique, paramNames: paramNames))
        return definitions.count - 1
    }
}
