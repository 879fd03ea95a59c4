import Foundation
import SpecModel

extension DocExtractor {
    /// A JSON example outside endpoint sections whose discriminator is the section's heading
    /// (`### PRICE_FILTER` over `{"filterType": "PRICE_FILTER", …}`) defines a filter; its other members are the
    /// filter's fields. The section is then no enum list, whatever its list items look like.
    mutating func filterDefinition(_ text: String, _ at: SourceLocation) {
        guard let heading = model.sections.last, let title = headings.last?.title,
            case let .object(members)? = try? JSONDocument.parse(JSONExampleText.clean(text)),
            let discriminator = members.first(where: { member in
                if case let .string(value) = member.value { Self.isDefinition(heading: title, value) } else { false }
            }),
            case let .string(type) = discriminator.value
        else { return }
        enumSection = nil
        let fields = members.filter { $0.key != discriminator.key }.map { DocValue(value: $0.key, at: Self.memberLocation($0.key, in: text, from: at)) }
        let group = headings.count > 1 ? headings[headings.count - 2].title : nil
        model.filters.append(
            DocFilter(
                key: discriminator.key, type: type, group: group, fields: fields, example: .object(members), at: heading.location, exampleAt: at))
    }

    /// True when the heading is `value`, a single UPPER_SNAKE word (`PRICE_FILTER`).
    static func isDefinition(heading title: String, _ value: String) -> Bool {
        title == value && singleValue(value) == value
    }

    /// Where `"key":` is written in a code block that starts at `start` (the block's start when it cannot be found).
    static func memberLocation(_ key: String, in text: String, from start: SourceLocation) -> SourceLocation {
        let pattern = "\"" + NSRegularExpression.escapedPattern(for: key) + #""\s*:"#
        for (offset, line) in text.components(separatedBy: "\n").enumerated() {
            guard let range = line.range(of: pattern, options: .regularExpression) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            return SourceLocation(file: start.file, line: start.line + offset, column: offset == 0 ? start.column + column - 1 : column)
        }
        return start
    }
}
