/// The files of a generated module, each rendered by the template of the same name.
///
/// The build plugin compiles this file too (`Plugins/SpecGenPlugin/ModuleFile.swift` is a symlink to it), so the
/// outputs it declares are the files the generator writes: the list exists once.
public enum ModuleFile: String, CaseIterable, Sendable {
    case enums = "Enums", models = "Models", requests = "Requests", client = "Client", errors = "Errors", schemas = "Schemas"
    /// The WebSocket API client and the market streams client: written for a spec with `webSocketAPI` / `streams`,
    /// and as a header-only file otherwise when every Swift source is asked for (the build plugin declares them all).
    case webSocketClient = "WebSocketClient", streams = "Streams"
    /// The library's DocC landing page.
    case overview = "Overview"

    /// The Swift sources: what the build plugin declares as its outputs (a build has no use for the DocC page).
    public static var swiftSources: [Self] { allCases.filter { $0 != .overview } }

    /// The file's path in the module's folder.
    public func path(module: String) -> String {
        self == .overview ? "\(module).docc/\(module).md" : "\(rawValue).swift"
    }
}
