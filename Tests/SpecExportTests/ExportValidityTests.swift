import Foundation
import SpecExport
import Testing

@Suite struct ExportValidityTests {
    @Test(arguments: ExportSupport.specNames)
    func outputIsDeterministic(_ name: String) throws {
        let spec = try ExportSupport.spec(name)
        let first = try OpenAPIExporter(spec: spec).yaml()
        let second = try OpenAPIExporter(spec: ExportSupport.spec(name)).yaml()
        #expect(first == second)
        #expect(first.hasPrefix("openapi: 3.1.0\ninfo:\n"))
    }

    @Test(
        .enabled(
            if: ExportSupport.validatorAvailable,
            "python3 cannot import openapi_spec_validator; install it with `pip install openapi-spec-validator`"),
        arguments: ExportSupport.specNames)
    func passesOpenAPISpecValidator(_ name: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-export-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(ExportSupport.yaml(name).utf8).write(to: file)
        let result = try ExportSupport.run(["python3", "-m", "openapi_spec_validator", file.path])
        #expect(result.status == 0, "openapi-spec-validator rejected \(name): \(result.output)")
    }
}
