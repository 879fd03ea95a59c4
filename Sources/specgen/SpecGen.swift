import ArgumentParser

@main
struct SpecGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specgen",
        abstract: "Generate typed Swift clients for exchange REST APIs from YAML specs.",
        subcommands: [
            Generate.self, Lint.self, Diff.self, CheckDocs.self, CheckTraffic.self, Draft.self, Mock.self, Export.self,
            Templates.self,
        ]
    )
}
