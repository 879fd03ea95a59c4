// The built-in partials: pieces several templates share, each overridable like a template (`DocComment.mustache`, …).
//
// A partial keeps the caller's context but not its list position, so `first()` / `last()` of the caller's list are
// read outside the partial. swift-mustache 2.1 indents only the first line of a standalone partial that is
// itself indented, so an indented doc comment passes its indentation as a block:
// `{{<DocComment}}{{$indent}}    {{/indent}}` on one line and `{{/DocComment}}` on the next.
// After an element of a multi-line literal, `{{^first()}},{{/first()}}{{#first()}}{{^last()}},{{/last()}}{{/first()}}` is
// swift-format's rule: a comma after every element when there are several, none after a single one.

extension BuiltInTemplates {
    /// The partials by name.
    static let partials: [String: String] = [
        "DocComment": docComment, "Initializer": initializer, "Condition": condition, "Conditions": conditions,
        "Equality": equality, "ModelStorage": modelStorage, "WeightCases": weightCases, "WeightRanges": weightRanges, "Servers": servers,
    ]

    /// The `Server` type nested in a client: its fixed URLs (`servers`) and, for REST, the URL templates
    /// (`templatedServers`). The `purpose` block is the type's doc line.
    static let servers = ##"""
        {{% CONTENT_TYPE: TEXT}}
            /// {{$purpose}}Where the client connects.{{/purpose}}
            public struct Server: Sendable, Hashable {
                public var url: URL

                public init(url: URL) {
                    self.url = url
                }
        {{#servers}}

        {{<DocComment}}{{$indent}}        {{/indent}}
        {{/DocComment}}
                public static let {{{name}}} = Server(url: URL(string: {{{url}}})!)
        {{/servers}}
        {{#templatedServers}}

        {{<DocComment}}{{$indent}}        {{/indent}}
        {{/DocComment}}
                public static func {{name}}({{#variables}}{{{name}}}: String{{#defaultValue}} = {{{.}}}{{/defaultValue}}{{^last()}}, {{/last()}}{{/variables}}) -> Server? {
                    var url = {{{template}}}
        {{#variables}}
                    url = url.replacingOccurrences(of: {{{placeholder}}}, with: {{{name}}})
        {{/variables}}
                    return URL(string: url).map(Server.init(url:))
                }
        {{/templatedServers}}
            }

        """##

    /// The `///` lines of `doc`, each behind the `indent` block (empty by default).
    static let docComment = ##"""
        {{% CONTENT_TYPE: TEXT}}
        {{#doc}}
        {{$indent}}{{/indent}}{{{.}}}
        {{/doc}}

        """##

    /// The `==` of a model with `fields`, member by member through `fieldsEqual` (quicker to compile than the
    /// synthesized one).
    static let equality = ##"""
        {{% CONTENT_TYPE: TEXT}}
            public static func == (lhs: Self, rhs: Self) -> Bool {
        {{#fields}}
                guard fieldsEqual(lhs.{{{name}}}, rhs.{{{name}}}) else { return false }
        {{/fields}}
                return true
            }

        """##

    /// A response model's members: read-only properties over one immutable `Storage` object that copies of the model
    /// share (a copy is one reference count, and the compiler writes one class's worth of copy code instead of a
    /// struct's per member), then the memberwise `public init` and `==`.
    static let modelStorage = ##"""
        {{% CONTENT_TYPE: TEXT}}
        {{#fields}}
        {{<DocComment}}{{$indent}}    {{/indent}}
        {{/DocComment}}
            public var {{{name}}}: {{{type}}} { storage.{{{name}}} }
        {{/fields}}

            private let storage: Storage

            private final class Storage: Sendable {
        {{#fields}}
                let {{{name}}}: {{{type}}}
        {{/fields}}

                init(
        {{#fields}}
                    {{{name}}}: {{{type}}}{{^last()}},{{/last()}}
        {{/fields}}
                ) {
        {{#fields}}
                    self.{{{name}}} = {{{name}}}
        {{/fields}}
                }
            }

            public init(
        {{#fields}}
                {{{name}}}: {{{type}}}{{#isOptional}} = nil{{/isOptional}}{{^last()}},{{/last()}}
        {{/fields}}
            ) {
                storage = Storage(
        {{#fields}}
                    {{{label}}}: {{{name}}}{{^last()}},{{/last()}}
        {{/fields}}
                )
            }

        {{> Equality}}
        """##

    /// The memberwise `public init` of a type with `fields`, optional ones defaulting to nil.
    static let initializer = ##"""
        {{% CONTENT_TYPE: TEXT}}
            public init(
        {{#fields}}
                {{{name}}}: {{{type}}}{{#isOptional}} = nil{{/isOptional}}{{^last()}},{{/last()}}
        {{/fields}}
            ) {
        {{#fields}}
                self.{{{name}}} = {{{name}}}
        {{/fields}}
            }

        """##

    /// One `ParameterCondition` literal: `.equals("type", ["LIMIT"])`, `.present("price")`, `.absent("price")`.
    static let condition = ##"""
        {{% CONTENT_TYPE: TEXT}}
        .{{kind}}({{{name}}}{{#isEquals}}, [{{#values}}{{{literal}}}{{^last()}}, {{/last()}}{{/values}}]{{/isEquals}})
        """##

    /// `conditions` as an array literal on one line.
    static let conditions = ##"""
        {{% CONTENT_TYPE: TEXT}}
        [{{#conditions}}{{> Condition}}{{^last()}}, {{/last()}}{{/conditions}}]
        """##

    /// The `RequestWeight.Case` elements of a weight's `cases`.
    static let weightCases = ##"""
        {{% CONTENT_TYPE: TEXT}}
        {{#cases}}
                    RequestWeight.Case(when: {{> Conditions}}, weight: {{weight}}){{^first()}},{{/first()}}{{#first()}}{{^last()}},{{/last()}}{{/first()}}
        {{/cases}}

        """##

    /// The `RequestWeight.Range` elements of a weight's `ranges`.
    static let weightRanges = ##"""
        {{% CONTENT_TYPE: TEXT}}
        {{#ranges}}
                    RequestWeight.Range(max: {{max}}, weight: {{weight}}){{^first()}},{{/first()}}{{#first()}}{{^last()}},{{/last()}}{{/first()}}
        {{/ranges}}

        """##
}
