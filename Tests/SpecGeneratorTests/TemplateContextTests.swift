import Foundation
import Mustache
import SpecModel
import Testing

@testable import SpecGenerator

/// Contexts carry only what templates read, and the plugin declares exactly the files the generator writes.
@Suite struct TemplateContextTests {
    /// Which context fields exist (`Type.field`) and which a template looked up.
    final class FieldReads {
        var all: Set<String> = []
        var read: Set<String> = []
    }

    /// A context struct as `RenderValue.convert` makes it (here with a `Mirror`), noting each field a template looks up (nil ones too).
    struct TrackedContext: MustacheParent {
        let type: String
        let fields: Set<String>
        let members: [String: Any]
        let reads: FieldReads

        func child(named name: String) -> Any? {
            if fields.contains(name) { reads.read.insert("\(type).\(name)") }
            return members[name]
        }
    }

    static func tracked(_ value: Any, _ reads: FieldReads) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            let type = String(describing: Swift.type(of: value))
            var fields: Set<String> = []
            var members: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields.insert(label)
                reads.all.insert("\(type).\(label)")
                if let member = unwrap(child.value) { members[label] = tracked(member, reads) }
            }
            return TrackedContext(type: type, fields: fields, members: members, reads: reads)
        case .collection? where value is [Any]:
            return mirror.children.map { tracked($0.value, reads) }
        default:
            return value
        }
    }

    /// The value of an optional, nil for `nil`; other values as they are.
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }

    @Test func everyContextFieldIsReadByATemplate() throws {
        let templates = try TemplateSet.load()
        let reads = FieldReads()
        for path in SpecFiles.all(under: repository.appendingPathComponent("specs").path) {
            let spec = try #require(SpecLoader.load(path: path).spec)
            let translator = Translator(spec: spec)
            for file in ModuleFile.allCases {
                let context = try translator.context(for: file)
                let text = templates.render(converted: Self.tracked(context, reads), template: file.rawValue)
                // Tracking must not change what is rendered, or the reads would not be the real ones.
                #expect(text == templates.render(context, template: file.rawValue), "\(path) \(file)")
            }
        }
        #expect(reads.all.count > 100)
        #expect(reads.all.subtracting(reads.read).sorted() == [], "fields no template reads: remove them from Contexts.swift")
    }

    @Test func theTrackerSeesAnUnreadField() throws {
        struct Extra {
            let used = "a"
            let unused = "b"
        }
        var library = MustacheLibrary()
        try library.register("{{used}}", named: "T")
        let reads = FieldReads()
        #expect(library.render(Self.tracked(Extra(), reads), withTemplate: "T") == "a")
        #expect(reads.all.subtracting(reads.read).map { $0.components(separatedBy: ".").last } == ["unused"])
    }

    @Test func pluginDeclaresTheGeneratorsOwnFileList() throws {
        let inPlugin = repository.appendingPathComponent("Plugins/SpecGenPlugin/ModuleFile.swift")
        let attributes = try FileManager.default.attributesOfItem(atPath: inPlugin.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "keep it a symlink, not a copy")
        #expect(inPlugin.resolvingSymlinksInPath().path == repository.appendingPathComponent("Sources/SpecGenerator/ModuleFile.swift").resolvingSymlinksInPath().path)
    }
}

@Suite struct PartialOverrideTests {
    @Test func aPartialIsOverriddenFileByFileLikeATemplate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-partials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("DocComment.mustache")
        try Data("{{% CONTENT_TYPE: TEXT}}\n// documented elsewhere\n".utf8).write(to: file)
        let templates = try TemplateSet.load(overrides: directory.path)
        #expect(templates.sources["DocComment"] == file.path)
        #expect(templates.sources["Enums"] == "built-in")
        let enums = try generated(
            "enums:\n  Side: {values: [BUY, SELL]}\nendpoints:\n  s: {method: GET, path: /s, security: NONE}\n", file: "Enums", templates: templates)
        #expect(enums.contains("// documented elsewhere\npublic enum Side"))
        #expect(enums.contains("// documented elsewhere\n    case buy"))
        #expect(!enums.contains("/// `BUY`"))
    }
}
