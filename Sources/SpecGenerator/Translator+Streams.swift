import Foundation
import SpecModel

extension Translator {
    func streamsClient() -> StreamsFileContext {
        guard let streams = spec.streams else { return StreamsFileContext(header: header, body: nil) }
        let module = spec.module.value
        let servers = socketServers(streams.servers)
        let enums = streamEnums(streams)
        let combined = streams.combined
        let profile =
            "MarketStreamsProfile(combinedPath: \(SwiftText.literal(combined?.path.value ?? "/stream?streams=<streamNames>")), "
            + "streamField: \(SwiftText.literal(combined?.stream ?? "stream")), dataField: \(SwiftText.literal(combined?.data ?? "data")))"
        let methods = streams.definitions.map { definition in
            let name = Naming.method(endpoint: definition.id.value)
            let variables = definition.templateVariables.compactMap { variable in definition.variables.first { $0.name.value == variable } }
            let parameters = variables.map { "\(Naming.property($0.name.value)): \(streamVariableType($0, in: definition, enums: enums))" }
            let section = definition.source.map { s in s.section.map { "\(s.doc), “\($0)”" } ?? s.doc }
            let facts: [(String, String?)] = [
                ("Stream", "`\(definition.name.value)`"), ("Update speed", definition.updateSpeed), ("Docs", section),
            ]
            return StreamMethodContext(
                doc: SwiftText.doc([definition.summary, definition.description] + definition.notes.map { "Note: \($0)" }, facts: facts),
                name: name, nameFunction: Naming.escaped(Naming.lowerCamel(definition.id.value) + "Name"), parameters: parameters,
                arguments: variables.map { "\(Naming.property($0.name.value)): \(Naming.property($0.name.value))" },
                nameExpression: streamNameExpression(definition), template: definition.name.value, payloadType: swiftType(definition.payload.value))
        }
        return StreamsFileContext(
            header: header,
            body: StreamsContext(
                doc: SwiftText.doc([
                    "Market streams of \(spec.title) on one combined connection: one method per stream, each returning the stream's "
                        + "typed payloads as an `AsyncThrowingStream`. Streams resume by themselves after a reconnection."
                ]),
                name: module + "Streams", servers: servers, defaultServer: servers.first?.name, profile: profile, enums: enums.map(\.context),
                streams: methods))
    }

    /// One enum per restricted variable (`values:`), shared by the streams whose variable has the same name and values.
    func streamEnums(_ streams: Streams) -> [(key: String, context: StreamEnumContext)] {
        var enums: [(key: String, context: StreamEnumContext)] = []
        for definition in streams.definitions {
            for variable in definition.variables where !variable.values.isEmpty {
                let key = streamEnumKey(variable)
                guard !enums.contains(where: { $0.key == key }) else { continue }
                var name = Naming.upperCamel(variable.name.value)
                if enums.contains(where: { $0.context.name == name }) { name = Naming.upperCamel(definition.id.value) + name }
                let isInt = variable.type.value == .int || variable.type.value == .long
                let cases = variable.values.map { value in
                    EnumCaseContext(
                        doc: ["/// `\(value.text)`"], name: Naming.enumCase((isInt ? variable.name.value + "_" : "") + value.text),
                        raw: isInt ? value.text : SwiftText.literal(value.text))
                }
                enums.append(
                    (
                        key,
                        StreamEnumContext(
                            doc: SwiftText.doc([variable.description ?? "Values of `<\(variable.name.value)>` in stream names."]),
                            name: name, rawType: isInt ? "Int" : "String", cases: cases)
                    ))
            }
        }
        return enums
    }

    func streamEnumKey(_ variable: StreamVariable) -> String {
        variable.name.value + "=" + variable.values.map(\.text).joined(separator: ",")
    }

    func streamVariableType(_ variable: StreamVariable, in definition: StreamDefinition, enums: [(key: String, context: StreamEnumContext)]) -> String {
        if let shared = enums.first(where: { $0.key == streamEnumKey(variable) }) { return shared.context.name }
        return swiftType(variable.type.value)
    }

    /// The stream name as a Swift string literal: the template's text with each `<variable>` interpolated, in the
    /// letter case the spec asks for, enums by raw value.
    func streamNameExpression(_ definition: StreamDefinition) -> String {
        var out = "\""
        var rest = Substring(definition.name.value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            out += escapedLiteralText(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            let variable = definition.variables.first { $0.name.value == name }
            var value = Naming.property(name)
            if variable?.values.isEmpty == false {
                value += ".rawValue"
            } else if case .named? = variable?.type.value {
                value += ".rawValue"
            }
            switch variable?.letterCase {
            case .lower?: value += ".lowercased()"
            case .upper?: value += ".uppercased()"
            case nil: break
            }
            out += "\\(\(value))"
            rest = rest[rest.index(after: close)...]
        }
        return out + escapedLiteralText(rest) + "\""
    }

    private func escapedLiteralText(_ text: Substring) -> String {
        let literal = SwiftText.literal(String(text))
        return String(literal.dropFirst().dropLast())
    }
}
