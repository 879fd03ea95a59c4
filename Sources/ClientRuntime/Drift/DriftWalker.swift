import Foundation

/// Compares a JSON body with a ``ResponseSchema`` in one pass over its bytes, building no values: the one
/// implementation of "does this response still match the spec", used by clients on every decode and by
/// `specgen check-traffic` on recorded traffic.
public struct DriftWalker {
    private enum Step {
        case key(Range<Int>)
        case mapKey(Range<Int>)
        case index(Int)
    }

    /// At most this many distinct findings per body; deeper than `maxDepth` nothing is checked.
    static let maxFindings = 200
    static let maxDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private let prefix: String
    private var steps: [Step] = []
    private var found: [DriftFinding] = []
    private var slots: [String: Int] = [:]

    private init(bytes: UnsafeRawBufferPointer, prefix: String) {
        self.bytes = bytes
        self.prefix = prefix
        steps.reserveCapacity(16)
    }

    /// The differences between `body` and `schema`. Paths start with `prefix` (an envelope's data field).
    /// Malformed JSON ends the walk; what was found up to there is returned (the decoder reports the rest).
    public static func findings(in body: Data, schema: ResponseSchema, prefix: String = "") -> [DriftFinding] {
        body.withUnsafeBytes { buffer in
            var walker = DriftWalker(bytes: buffer, prefix: prefix)
            var cursor = JSONCursor(buffer)
            _ = walker.walk(schema, nullable: false, &cursor)
            return walker.found
        }
    }

    // MARK: Values

    private mutating func walk(_ schema: ResponseSchema, nullable: Bool, _ c: inout JSONCursor) -> Bool {
        c.skipWhitespace()
        guard let first = c.peek() else { return false }
        guard steps.count < Self.maxDepth else { return c.skipValue() }
        if first == UInt8(ascii: "n") {
            if !nullable, schema != .anything { report(.typeMismatch, expected: schema.description, found: "null") }
            return c.skipToken() != nil
        }
        switch schema {
        case .anything:
            return c.skipValue()
        case .string, .datetime, .decimal:
            return first == UInt8(ascii: "\"") ? c.skipString() != nil : mismatch(schema, first, &c)
        case .decimalNumber:
            return Self.isNumber(first) ? c.skipToken() != nil : mismatch(schema, first, &c)
        case .integer:
            guard Self.isNumber(first), let token = c.skipToken() else { return mismatch(schema, first, &c) }
            if bytes[token].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                report(.typeMismatch, expected: schema.description, found: "a fractional number")
            }
            return true
        case .boolean:
            return first == UInt8(ascii: "t") || first == UInt8(ascii: "f") ? c.skipToken() != nil : mismatch(schema, first, &c)
        case let .enumeration(known):
            guard first == UInt8(ascii: "\""), let string = c.skipString() else { return mismatch(schema, first, &c) }
            // Known values are compared as bytes; a string is made only for an escaped or unknown value.
            if !string.escaped, known.utf8Values.contains(where: { equal(string.content, $0) }) { return true }
            if let value = c.string(in: string.content), !known.values.contains(value) {
                report(.unknownEnumValue, expected: known.name, found: value)
            }
            return true
        case let .object(object):
            return first == UInt8(ascii: "{") ? walkObject(object, &c) : mismatch(schema, first, &c)
        case let .positional(object):
            return first == UInt8(ascii: "[") ? walkPositional(object, &c) : mismatch(schema, first, &c)
        case let .array(element):
            guard first == UInt8(ascii: "[") else { return mismatch(schema, first, &c) }
            return c.forEachElement { c, position in
                steps.append(.index(position))
                defer { steps.removeLast() }
                return walk(element, nullable: false, &c)
            }
        case let .map(element):
            guard first == UInt8(ascii: "{") else { return mismatch(schema, first, &c) }
            return c.forEachMember { c, key in
                steps.append(.mapKey(key))
                defer { steps.removeLast() }
                return walk(element, nullable: false, &c)
            }
        case let .polymorphic(poly):
            guard first == UInt8(ascii: "{") else { return mismatch(schema, first, &c) }
            return walkPolymorphic(poly, &c)
        case let .oneOf(options):
            return walkBestFit(options, &c)
        }
    }

    private mutating func walkObject(_ object: ObjectSchema, _ c: inout JSONCursor) -> Bool {
        var seen: UInt64 = 0
        var seenBeyond = Set<Int>()  // fields past the 64th; allocated only for such models
        var next = 0
        let complete = c.forEachMember { c, key in
            let position: Int?
            if next < object.names.count, equal(key, object.names[next]) {
                position = next
            } else {
                position = c.string(in: key).flatMap { object.positions[$0] }
            }
            steps.append(.key(key))
            defer { steps.removeLast() }
            guard let position else {
                report(.unknownField)
                return c.skipValue()
            }
            next = position + 1
            if position < 64 { seen |= 1 << UInt64(position) } else { seenBeyond.insert(position) }
            let field = object.fields[position]
            return walk(field.schema, nullable: field.nullable, &c)
        }
        guard complete else { return false }
        for (position, field) in object.fields.enumerated() where !field.optional {
            let present = position < 64 ? seen & (1 << UInt64(position)) != 0 : seenBeyond.contains(position)
            if !present { report(.missingField, at: field.name, expected: field.schema.description) }
        }
        return true
    }

    private mutating func walkPositional(_ object: ObjectSchema, _ c: inout JSONCursor) -> Bool {
        var count = 0
        let complete = c.forEachElement { c, position in
            count = position + 1
            steps.append(.index(position))
            defer { steps.removeLast() }
            guard position < object.fields.count else {
                report(.unknownField)
                return c.skipValue()
            }
            let field = object.fields[position]
            return walk(field.schema, nullable: field.nullable, &c)
        }
        guard complete else { return false }
        for position in count..<max(count, object.fields.count) where !object.fields[position].optional {
            steps.append(.index(position))
            report(.missingField, expected: "\(object.fields[position].name): \(object.fields[position].schema)")
            steps.removeLast()
        }
        return true
    }

    private mutating func walkPolymorphic(_ poly: PolymorphicSchema, _ c: inout JSONCursor) -> Bool {
        var probe = c
        var kind: String?
        let discriminator = Array(poly.discriminator.utf8)
        guard
            probe.forEachMember({ probe, key in
                if kind == nil, equal(key, discriminator), probe.peek() == UInt8(ascii: "\""), let value = probe.skipString() {
                    kind = probe.string(in: value.content)
                    return true
                }
                return probe.skipValue()
            })
        else { return false }
        if let kind, let variant = poly.lookup[kind] { return walk(variant, nullable: false, &c) }
        report(.unknownEnumValue, at: poly.discriminator, expected: "\(poly.name) kinds", found: kind ?? "nothing")
        return c.skipValue()
    }

    /// Walks each option over the same bytes and keeps the findings of the one with the fewest.
    private mutating func walkBestFit(_ options: [ResponseSchema], _ c: inout JSONCursor) -> Bool {
        var best: (walker: DriftWalker, cursor: JSONCursor, complete: Bool)?
        for option in options {
            var trial = DriftWalker(bytes: bytes, prefix: prefix)
            trial.steps = steps
            var cursor = c
            let complete = trial.walk(option, nullable: false, &cursor)
            if best == nil || trial.found.count < best?.walker.found.count ?? 0 { best = (trial, cursor, complete) }
            if trial.found.isEmpty { break }
        }
        guard let best else { return c.skipValue() }
        for finding in best.walker.found { record(finding) }
        c = best.cursor
        return best.complete
    }

    // MARK: Findings

    private mutating func mismatch(_ schema: ResponseSchema, _ first: UInt8, _ c: inout JSONCursor) -> Bool {
        report(.typeMismatch, expected: schema.description, found: Self.jsonType(first))
        return c.skipValue()
    }

    private mutating func report(_ kind: DriftFinding.Kind, at field: String? = nil, expected: String? = nil, found: String? = nil) {
        var path = prefix
        var pattern = prefix
        for step in steps {
            switch step {
            case let .key(range):
                let name = JSONCursor(bytes).string(in: range) ?? ""
                path += path.isEmpty ? name : "." + name
                pattern += pattern.isEmpty ? name : "." + name
            case let .mapKey(range):
                let name = JSONCursor(bytes).string(in: range) ?? ""
                path += path.isEmpty ? name : "." + name
                pattern += pattern.isEmpty ? "*" : ".*"
            case let .index(position):
                path += "[\(position)]"
                pattern += "[]"
            }
        }
        if let field {
            path += path.isEmpty ? field : "." + field
            pattern += pattern.isEmpty ? field : "." + field
        }
        record(DriftFinding(kind: kind, path: path, pattern: pattern, expected: expected, found: found))
    }

    private mutating func record(_ finding: DriftFinding) {
        let key = finding.kind.rawValue + " " + finding.pattern + " " + (finding.found ?? "")
        if let slot = slots[key] {
            found[slot].occurrences += finding.occurrences
        } else if found.count < Self.maxFindings {
            slots[key] = found.count
            found.append(finding)
        }
    }

    private func equal(_ key: Range<Int>, _ name: [UInt8]) -> Bool {
        guard key.count == name.count else { return false }
        var i = key.lowerBound
        for byte in name {
            if bytes[i] != byte { return false }
            i += 1
        }
        return true
    }

    private static func isNumber(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func jsonType(_ first: UInt8) -> String {
        switch first {
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }
}
