import Foundation
import SpecExport
import SpecModel
import Yams

/// Loading specs and exporting them, for the export tests.
enum ExportSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let specNames = ["binance-spot", "binance-jex-spot", "dfx-spot", "b2trader-frontoffice"]

    static func spec(_ name: String) throws -> Spec {
        let result = SpecLoader.load(path: root.appendingPathComponent("specs/\(name).yaml").path)
        guard let spec = result.spec, !result.hasErrors else {
            throw ExportTestError("cannot load specs/\(name).yaml: \(result.diagnostics)")
        }
        return spec
    }

    /// The exported YAML text.
    static func yaml(_ name: String) throws -> String {
        try OpenAPIExporter(spec: spec(name)).yaml()
    }

    /// The exported document read back as plain values.
    static func document(_ name: String) throws -> [String: Any] {
        guard let document = try Yams.load(yaml: yaml(name)) as? [String: Any] else {
            throw ExportTestError("the export of \(name) is not a mapping")
        }
        return document
    }

    /// Every `$ref` string in a value.
    static func refs(in value: Any) -> [String] {
        switch value {
        case let map as [String: Any]:
            ((map["$ref"] as? String).map { [$0] } ?? []) + map.values.flatMap(refs)
        case let list as [Any]: list.flatMap(refs)
        default: []
        }
    }

    /// Whether python3 can import openapi_spec_validator.
    static let validatorAvailable: Bool = (try? run(["python3", "-c", "import openapi_spec_validator"]).status) == 0

    /// Runs a command; returns its exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

struct ExportTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a path of keys, for nested mappings.
    subscript(path keys: String...) -> Any? {
        var current: Any? = self
        for key in keys { current = (current as? [String: Any])?[key] }
        return current
    }
}
