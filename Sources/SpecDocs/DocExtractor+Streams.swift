import Foundation
import SpecModel

/// Stream names and event types of streaming documents.
extension DocExtractor {
    /// "Stream Name: <symbol>@aggTrade" or "Stream Names: <symbol>@depth<levels> OR <symbol>@depth<levels>@100ms".
    static func streamNames(_ plainText: String) -> [String]? {
        let lower = plainText.lowercased()
        guard lower.hasPrefix("stream name"), let colon = plainText.firstIndex(of: ":") else { return nil }
        let rest = plainText[plainText.index(after: colon)...].replacingOccurrences(of: "\\", with: "")
        let names = rest.components(separatedBy: " OR ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    /// An example outside any endpoint section: its event type (`"e"`, also inside an `event` or `data` wrapper) and,
    /// for a combined-stream example, its stream name.
    mutating func streamExample(_ text: String, _ at: SourceLocation) {
        guard let json = try? JSONDocument.parse(JSONExampleText.clean(text)), case .object = json else { return }
        let payload = json["event"] ?? json["data"] ?? json
        if case let .string(type)? = payload["e"], !model.eventTypes.contains(where: { $0.value == type }) {
            model.eventTypes.append(DocValue(value: type, at: at))
        }
        if json["data"] != nil, case let .string(stream)? = json["stream"], !model.streams.contains(where: { $0.value == stream }) {
            model.streams.append(DocValue(value: stream, at: at))
        }
    }
}
