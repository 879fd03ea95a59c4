import SpecGenerator
import SpecModel

/// The Swift names a spec's generated client uses, for phrasing effects; all come from `Naming`.
struct SwiftNames {
    let module: String

    init(_ spec: Spec) { module = spec.module.value }

    /// `DFXSpotClient`.
    var client: String { Naming.clientType(module: module) }

    /// `DFXSpotError`.
    var errorType: String { Naming.errorType(module: module) }

    /// `DFXSpotClient.createOrder`, ready to quote.
    func call(_ endpoint: String) -> String { "`\(client).\(plain(Naming.method(endpoint: endpoint)))`" }

    /// `DFXSpotError.unauthorized`, ready to quote.
    func errorMember(_ name: String) -> String { "`\(errorType).\(plain(Naming.errorMember(name)))`" }

    /// A property name, without keyword escaping.
    static func property(_ wireName: String, swiftName: String?) -> String {
        plain(Naming.property(wireName, swiftName: swiftName))
    }

    /// An enum case name, without keyword escaping.
    static func enumCase(_ value: String, swiftName: String?) -> String {
        plain(Naming.enumCase(value, swiftName: swiftName))
    }

    /// The Swift type of a spec type, as the generator writes it.
    static func type(_ type: TypeRef, optional: Bool = false) -> String {
        Naming.swiftType(type) + (optional ? "?" : "")
    }
}

/// `` `default` `` → `default`: names are quoted in messages, so keyword escapes would only add noise.
func plain(_ name: String) -> String {
    name.hasPrefix("`") && name.hasSuffix("`") && name.count > 2 ? String(name.dropFirst().dropLast()) : name
}
