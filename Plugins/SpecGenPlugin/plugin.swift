import Foundation
import PackagePlugin

/// Generates a client at build time from every `*.yaml` spec in the target's folder.
///
/// Exclude the spec from the target (`exclude: ["exchange.yaml"]`) and depend on `ClientRuntime`; the generated
/// `Enums.swift`, `Models.swift`, `Requests.swift`, `Client.swift`, `Errors.swift` and `Schemas.swift` become part of the target.
@main
struct SpecGenPlugin: BuildToolPlugin {
    static let outputs = ["Enums", "Models", "Requests", "Client", "Errors", "Schemas"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let folder = module.directoryURL
        let specs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let tool = try context.tool(named: "specgen-generate").url
        return specs.map { spec in
            let output = context.pluginWorkDirectoryURL.appendingPathComponent(spec.deletingPathExtension().lastPathComponent)
            return .buildCommand(
                displayName: "Generating a client from \(spec.lastPathComponent)",
                executable: tool,
                arguments: ["--spec", spec.path, "--output", output.path, "--flat", "--quiet"],
                inputFiles: [spec],
                outputFiles: Self.outputs.map { output.appendingPathComponent("\($0).swift") })
        }
    }
}
