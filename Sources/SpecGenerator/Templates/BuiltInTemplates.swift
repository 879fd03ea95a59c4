/// The templates compiled into the generator, so `specgen` needs no files beside it (a SwiftPM plugin's tools are
/// built without resources or plugins of their own, so the templates are Swift source).
enum BuiltInTemplates {
    /// The template that renders `file`.
    static func template(for file: ModuleFile) -> String {
        switch file {
        case .enums: enums
        case .models: models
        case .requests: requests
        case .client: client
        case .errors: errors
        case .schemas: schemas
        case .overview: overview
        case .webSocketClient: webSocketClient
        case .streams: streams
        }
    }

    /// Every template and partial by its name in `TemplateSet.names`.
    static var byName: [String: String] {
        partials.merging(ModuleFile.allCases.map { ($0.rawValue, template(for: $0)) }) { partial, _ in partial }
    }
}
