import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-clients [specgen generate options]`:
/// rewrites `Generated/` from `specs/` in the package directory.
@main
struct GenerateClients: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "specgen-generate").url
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("specgen-generate failed with exit code \(process.terminationStatus)")
            return
        }
    }
}
