import Foundation
import SpecGenerator

// The SwiftPM plugins' generator: `specgen generate` without the rest of specgen (no docs reader, diff, export or
// mock), so a package using the plugin builds only the spec loader and the generator.

let usage = """
    usage: specgen-generate [--spec FILE]… [--output DIR] [--templates DIR] [--check] [--quiet] [--flat]
    Generates Swift clients from SpecGen specs (the same as `specgen generate`).

    """

/// The value after `option`, or exit 2.
func value(for option: String, from arguments: inout ArraySlice<String>) -> String {
    guard let value = arguments.popFirst(), !value.hasPrefix("--") else {
        FileHandle.standardError.write(Data("error: \(option) needs a value\n\(usage)".utf8))
        exit(2)
    }
    return value
}

var command = GenerateCommand()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--spec": command.specs.append(value(for: argument, from: &arguments))
    case "--output": command.output = value(for: argument, from: &arguments)
    case "--templates": command.templates = value(for: argument, from: &arguments)
    case "--check": command.check = true
    case "--quiet", "-q": command.quiet = true
    case "--flat": command.flat = true
    case "--help", "-h":
        print(usage, terminator: "")
        exit(0)
    default:
        FileHandle.standardError.write(Data("error: unknown argument '\(argument)'\n\(usage)".utf8))
        exit(2)
    }
}
exit(command.run() ? 0 : 1)
