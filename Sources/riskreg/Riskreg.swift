import ArgumentParser

@main
struct Riskreg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskreg",
        abstract: "Risk registers as YAML in git, scored by Monte Carlo."
    )
}
