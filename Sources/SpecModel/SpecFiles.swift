import Foundation

/// Finds spec files on disk.
public enum SpecFiles {
    /// `.yaml`/`.yml` files under `directory`, sorted by path; subdirectories only when `recursive`.
    public static func all(under directory: String, recursive: Bool = false) -> [String] {
        let fm = FileManager.default
        let names: [String]
        if recursive {
            names = (fm.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        } else {
            names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.split(separator: "/").contains("parts") }
            .map { (directory as NSString).appendingPathComponent($0) }
            .sorted()
    }
}
