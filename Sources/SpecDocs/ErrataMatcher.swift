import Foundation
import SpecModel

/// Decides which erratum explains a finding. An erratum explains a finding when its `at` is one of the finding's
/// spec paths, or when its `at` is an ancestor or descendant of one (`endpoints.placeOrder` above
/// `endpoints.placeOrder.params.side`) and its `docsSay`/`specSays` name what the finding is about (a parameter,
/// a value, a `METHOD /path`) and, for a changed property, which property ("required", "type").
struct ErrataMatcher {
    let errata: [Erratum]

    func explanation(for finding: DocFinding) -> Erratum? {
        if let exact = errata.first(where: { finding.specPaths.contains($0.at.value) }) { return exact }
        return errata.first { erratum in
            finding.specPaths.contains { Self.related(erratum.at.value, $0) } && Self.mentions(erratum, finding.subjects)
                && (finding.aspects.isEmpty || Self.mentions(erratum, finding.aspects, caseInsensitive: true))
        }
    }

    /// True when one path is an ancestor of the other.
    static func related(_ a: String, _ b: String) -> Bool {
        a.hasPrefix(b + ".") || b.hasPrefix(a + ".")
    }

    static func mentions(_ erratum: Erratum, _ subjects: [String], caseInsensitive: Bool = false) -> Bool {
        let text = erratum.docsSay + "\n" + erratum.specSays
        let options: String.CompareOptions = caseInsensitive ? [.regularExpression, .caseInsensitive] : .regularExpression
        return subjects.contains { subject in
            guard !subject.isEmpty else { return false }
            if subject.contains(" ") || subject.contains("/") { return text.range(of: subject, options: caseInsensitive ? .caseInsensitive : []) != nil }
            let pattern = #"(?<![A-Za-z0-9_])"# + NSRegularExpression.escapedPattern(for: subject) + #"(?![A-Za-z0-9_])"#
            return text.range(of: pattern, options: options) != nil
        }
    }
}
