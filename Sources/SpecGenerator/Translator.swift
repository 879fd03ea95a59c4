import Foundation
import SpecModel

/// A spec construct the generator cannot express in Swift, reported like a lint error.
public struct TranslationError: Error, CustomStringConvertible, Sendable {
    public let diagnostic: Diagnostic
    public var description: String { diagnostic.description }
}

/// Turns a validated `Spec` into render contexts. Every naming, typing, escaping and doc-comment decision is
/// made here; templates only lay the contexts out.
struct Translator {
    let spec: Spec
    let header: FileHeader

    init(spec: Spec) {
        self.spec = spec
        let source = URL(fileURLWithPath: spec.file).lastPathComponent
        header = FileHeader(source: source, title: spec.title)
    }

    /// The render context of `file`.
    func context(for file: ModuleFile) throws -> any Encodable {
        switch file {
        case .enums: enums()
        case .models: models()
        case .requests: try requests()
        case .client: client()
        case .errors: errors()
        case .schemas: schemas()
        case .overview: overview()
        case .webSocketClient: try webSocketClient()
        case .streams: streamsClient()
        }
    }

    /// The Swift type for a spec type.
    func swiftType(_ type: TypeRef) -> String { Naming.swiftType(type) }

    // MARK: Enums

    func enums() -> EnumsContext {
        let enums = spec.enums.map { def in
            EnumContext(
                doc: SwiftText.doc([def.description ?? "Values of `\(def.name.value)`."]),
                name: Naming.type(def.name.value),
                cases: def.values.map { value in
                    EnumCaseContext(
                        doc: SwiftText.doc(
                            ["`\(value.value.value)`" + (value.description.map { ": \($0)" } ?? "")], facts: value.deprecated ? [("Deprecated", "yes")] : []),
                        name: Naming.enumCase(value.value.value, swiftName: value.swiftName),
                        raw: SwiftText.literal(value.value.value))
                })
        }
        return EnumsContext(header: header, enums: enums)
    }

    // MARK: Models

    func models() -> ModelsContext {
        var structs: [StructContext] = []
        var positionals: [StructContext] = []
        var polymorphics: [PolymorphicContext] = []
        for model in spec.models {
            let doc = SwiftText.doc([model.description ?? "The `\(model.name.value)` object."])
            switch model.kind {
            case let .object(fields):
                structs.append(StructContext(doc: doc, name: Naming.type(model.name.value), fields: fieldContexts(fields)))
            case let .positional(fields):
                positionals.append(StructContext(doc: doc, name: Naming.type(model.name.value), fields: fieldContexts(fields)))
            case let .polymorphic(discriminator, variants):
                polymorphics.append(
                    PolymorphicContext(
                        doc: doc + ["///", "/// Chosen by `\(discriminator.value)`; a value this spec does not list decodes to `.unknown` with the whole object."],
                        name: Naming.type(model.name.value), discriminator: SwiftText.literal(discriminator.value),
                        variants: variants.map {
                            PolymorphicVariantContext(
                                caseName: Naming.enumCase($0.value.value), wireValue: SwiftText.literal($0.value.value), type: Naming.type($0.model.value))
                        }))
            }
        }
        return ModelsContext(
            header: header, structs: structs, positionals: positionals, polymorphics: polymorphics, tradingRules: tradingRules())
    }

    func fieldContexts(_ fields: [Field]) -> [FieldContext] {
        fields.map { field in
            let base = swiftType(field.type.value)
            let optional = field.optional || field.nullable
            var facts: [(String, String?)] = [("Appears", field.condition)]
            if field.nullable { facts.append(("Nullable", "yes")) }
            if field.deprecated { facts.append(("Deprecated", "yes")) }
            let name = Naming.property(field.name.value, swiftName: field.swiftName)
            return FieldContext(
                doc: SwiftText.doc([field.description ?? "`\(field.name.value)`."], facts: facts),
                name: name, label: Naming.label(name),
                wireName: SwiftText.literal(field.name.value),
                type: optional ? base + "?" : base, baseType: base, isOptional: optional)
        }
    }

    // MARK: Errors

    func errors() -> ErrorsContext {
        let name = Naming.errorType(module: spec.module.value)
        var used = Set<String>()
        let codes = spec.errors.map { error in
            var member = Naming.errorMember(error.name.value)
            if !used.insert(member).inserted { member = Naming.errorMember(error.name.value + "_" + error.code.value.replacingOccurrences(of: "-", with: "minus")) }
            return ErrorCodeContext(
                doc: SwiftText.doc(["`\(error.code.value)` \(error.name.value)" + (error.description.map { ": \($0)" } ?? "")]),
                member: member, code: SwiftText.literal(error.code.value), name: SwiftText.literal(error.name.value))
        }
        let catalogs = spec.messageCatalogs.map { catalog in
            var seen = Set<String>()
            let messages = catalog.messages.map { message in
                var caseName = Naming.enumCase(Naming.words(message.message.value).prefix(8).joined(separator: "_"))
                var n = 2
                while !seen.insert(caseName).inserted {
                    caseName = Naming.enumCase(Naming.words(message.message.value).prefix(8).joined(separator: "_") + "_\(n)")
                    n += 1
                }
                return MessageContext(
                    doc: SwiftText.doc(["\"\(message.message.value)\"" + (message.description.map { ": \($0)" } ?? "")]), caseName: caseName,
                    literal: SwiftText.literal(message.message.value))
            }
            let codes = catalog.codes.map(\.value).joined(separator: ", ")
            return MessageCatalogContext(
                doc: SwiftText.doc([catalog.description ?? "Documented messages of catalog `\(catalog.name.value)`."], facts: [("Codes", codes.isEmpty ? nil : codes)]),
                typeName: Naming.upperCamel(catalog.name.value) + "Message",
                property: Naming.lowerCamel(catalog.name.value) + "Message",
                messages: messages)
        }
        return ErrorsContext(
            header: header,
            doc: SwiftText.doc([
                "An error answered by \(spec.title): the documented code catalog as static members, matchable in `catch`.",
                "Codes the catalog does not list are kept as they came (`name` is nil).",
            ]),
            name: name, codes: codes, catalogs: catalogs)
    }
}
