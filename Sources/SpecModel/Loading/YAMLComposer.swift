import CYaml
import Yams

/// Builds the node tree straight from the events of libyaml (the C parser Yams ships). Yams' own composer was most
/// of a large spec's load, and grew faster than the spec: it hashes every key node of every mapping to look for
/// duplicates, and gives every node a tag object of its own. Here a mapping compares its keys' text (through a
/// dictionary once it has more than 16) and reports every duplicate at its second copy, the four implicit tags are
/// shared, and nesting uses a stack of frames instead of recursion.
struct YAMLComposer {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var stack: [Frame] = []
    private var anchors: [String: Node] = [:]
    private var root: Node?
    private var documents = 0
    // The only implicit tag the loader reads is bool (`Node.bool` refuses a scalar tagged str); see `YAMLSource`.
    private let strTag = Tag(.str, YAMLSource.scalarTags)
    private let boolTag = Tag(.bool, YAMLSource.scalarTags)
    private let mapTag = Tag(.map, YAMLSource.scalarTags)
    private let seqTag = Tag(.seq, YAMLSource.scalarTags)

    /// A mapping or sequence whose end has not been read yet.
    private struct Frame {
        let isMapping: Bool
        let mark: Mark
        let tag: Tag
        let style: UInt32
        let anchor: String?
        /// A sequence's items.
        var items: [Node] = []
        /// A mapping's entries so far, its key waiting for a value, and the text of each scalar key (parallel to
        /// `pairs`; indexed by a dictionary once a mapping is large, the `endpoints` of a big spec).
        var pairs: [(Node, Node)] = []
        var pendingKey: Node?
        var keyTexts: [String?] = []
        var keyIndex: [String: Int]?

        /// The entry whose key has `text`, if one was read already.
        func entry(withKey text: String) -> Int? { keyIndex.map { $0[text] } ?? keyTexts.firstIndex(of: text) }

        /// Notes the next key's text (nil for a key that is not a scalar).
        mutating func addKeyText(_ text: String?) {
            keyTexts.append(text)
            if keyIndex != nil {
                if let text, keyIndex?[text] == nil { keyIndex?[text] = keyTexts.count - 1 }
            } else if keyTexts.count == 16 {
                var index: [String: Int] = [:]
                for (position, text) in keyTexts.enumerated() { if let text, index[text] == nil { index[text] = position } }
                keyIndex = index
            }
        }
    }

    /// The node tree of `text`, or nil with the diagnostics that say why not.
    static func compose(_ text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        var composer = YAMLComposer(file: file)
        var text = text
        let root = text.withUTF8 { composer.run($0) }
        return (composer.diagnostics.isEmpty ? root : nil, composer.diagnostics)
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return failed("cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return failed(parser, bytes) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT: return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return failed("expected a single document in the stream, but found another document", at: event.start_mark) }
            case YAML_SCALAR_EVENT:
                let node = scalar(event)
                if let anchor = Self.text(event.data.scalar.anchor) { anchors[anchor] = node }
                add(node)
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                guard let node = anchors[name] else { return failed("found undefined alias", at: event.start_mark) }
                add(node)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                let tag = start.implicit == 0 ? Self.text(start.tag).map(explicitTag) : nil
                stack.append(
                    Frame(isMapping: false, mark: Self.mark(event.start_mark), tag: tag ?? seqTag, style: start.style.rawValue, anchor: Self.text(start.anchor)))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                let tag = start.implicit == 0 ? Self.text(start.tag).map(explicitTag) : nil
                stack.append(
                    Frame(isMapping: true, mark: Self.mark(event.start_mark), tag: tag ?? mapTag, style: start.style.rawValue, anchor: Self.text(start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node = close(frame)
                if let anchor = frame.anchor { anchors[anchor] = node }
                add(node)
            default: continue
            }
        }
    }

    private func scalar(_ event: yaml_event_t) -> Node {
        let data = event.data.scalar
        let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let style = Node.Scalar.Style(rawValue: data.style.rawValue) ?? .any
        return .scalar(Node.Scalar(value, scalarTag(event, value), style, Self.mark(event.start_mark)))
    }

    /// A quoted scalar is text; a plain one is a boolean when it spells one, else text; an explicit tag wins.
    private func scalarTag(_ event: yaml_event_t, _ value: String) -> Tag {
        let data = event.data.scalar
        if data.quoted_implicit == 1 { return strTag }
        if let explicit = Self.text(data.tag) { return explicitTag(explicit) }
        return Self.boolWords.contains(value) ? boolTag : strTag
    }

    private func explicitTag(_ name: String) -> Tag { Tag(Tag.Name(rawValue: name), YAMLSource.scalarTags) }

    private func close(_ frame: Frame) -> Node {
        guard frame.isMapping else {
            return .sequence(Node.Sequence(frame.items, frame.tag, Node.Sequence.Style(rawValue: frame.style) ?? .any, frame.mark))
        }
        return .mapping(Node.Mapping(frame.pairs, frame.tag, Node.Mapping.Style(rawValue: frame.style) ?? .any, frame.mark))
    }

    /// Appends a finished node to the open mapping or sequence, or makes it the document's root.
    private mutating func add(_ node: Node) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append((key, node))
            stack[top].pendingKey = nil
            return
        }
        stack[top].pendingKey = node
        // Only scalar keys are checked for duplicates (a spec has no other kind; the readers refuse them).
        guard case let .scalar(key) = node else {
            stack[top].addKeyText(nil)
            return
        }
        if let first = stack[top].entry(withKey: key.string) {
            let firstLine = stack[top].pairs[first].0.mark?.line ?? 0
            diagnostics.append(
                Diagnostic(
                    .error, "duplicate key '\(key.string)' in one mapping (first at line \(firstLine))", at: location(key.mark?.line ?? 1, key.mark?.column ?? 1)))
        }
        stack[top].addKeyText(key.string)
    }

    // MARK: Errors

    private mutating func failed(_ message: String, at mark: yaml_mark_t? = nil) -> Node? {
        let place = mark.map { Self.mark($0) }
        diagnostics.append(Diagnostic(.error, "YAML syntax error: \(message)", at: location(place?.line ?? 1, place?.column ?? 1)))
        return nil
    }

    /// libyaml's own message: the problem, what it was reading (its context), and where.
    private mutating func failed(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> Node? {
        let problem = Self.text(parser.problem) ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let offset = min(parser.problem_offset, bytes.count)
            let place = LineIndex(Array(bytes)).location(ofByteOffset: offset, file: file)
            diagnostics.append(Diagnostic(.error, "YAML syntax error: \(problem)", at: place))
            return nil
        case YAML_MEMORY_ERROR:
            return failed("out of memory")
        default:
            let detail = Self.text(parser.context).map { " (\($0))" } ?? ""
            return failed(problem + detail, at: parser.problem_mark)
        }
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    // MARK: libyaml values

    /// YAML 1.1's booleans, what Yams' bool rule matches.
    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? { pointer.map { String(cString: $0) } }

    /// `Mark`'s memberwise initializer is internal to Yams; the struct is two `Int`s, line then column (libyaml
    /// counts from 0, Yams from 1). `YAMLComposerTests` pins that layout.
    static func mark(_ mark: yaml_mark_t) -> Mark {
        unsafeBitCast(MarkLayout(line: Int(clamping: mark.line) &+ 1, column: Int(clamping: mark.column) &+ 1), to: Mark.self)
    }

    private struct MarkLayout {
        let line: Int
        let column: Int
    }
}
