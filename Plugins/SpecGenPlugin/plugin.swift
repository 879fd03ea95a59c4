import Foundation
import PackagePlugin

/// Generates a client at build time from every `*.yaml` spec in the target's folder.
///
/// Exclude the spec from the target (`exclude: ["exchange.yaml"]`) and depend on `ClientRuntime`; the generated
/// Swift sources (`ModuleFile.swiftSources`: `Enums.swift`, `Models.swift`, …) become part of the target.
/// `ModuleFile.swift` here is a symlink to the generator's own, so the declared outputs cannot drift from what it writes.
@main
struct SpecGenPlugin: BuildToolPlugin {
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
                outputFiles: ModuleFile.swiftSources.map { output.appendingPathComponent($0.path(module: module.name)) })
        }
    }
}
