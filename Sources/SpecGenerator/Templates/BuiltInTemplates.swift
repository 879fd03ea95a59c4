/// The templates compiled into the generator, so `specgen` needs no files beside it (a SwiftPM plugin's tools are
/// built without resources or plugins of their own, so the templates are Swift source).
enum BuiltInTemplates {
    /// Each template by its name in `TemplateSet.names`.
    static let byName: [String: String] = [
        "Enums": enums, "Models": models, "Requests": requests, "Client": client, "Errors": errors, "Schemas": schemas,
    ]
}
