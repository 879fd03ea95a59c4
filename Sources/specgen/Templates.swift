import ArgumentParser
import Foundation
import SpecGenerator

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the built-in templates to a directory, as a starting point for --templates.",
        discussion:
            "Edit the copies you want to change and delete the rest; `generate --templates DIR` uses a file of DIR where there is one and the built-in template otherwise."
    )

    @Option(help: "Directory to write into (created if needed).")
    var output = "templates"

    @Flag(help: "Replace files that already exist.")
    var force = false

    func run() throws {
        let directory = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in TemplateSet.names {
            let file = directory.appendingPathComponent("\(name).mustache")
            if FileManager.default.fileExists(atPath: file.path), !force {
                throw ValidationError("\(file.path) exists; pass --force to replace it")
            }
            try Data((TemplateSet.builtIn[name] ?? "").utf8).write(to: file)
            print("wrote \(file.path)")
        }
    }
}
