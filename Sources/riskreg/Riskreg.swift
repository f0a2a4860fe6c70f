import ArgumentParser
import RegisterModel

@main
struct Riskreg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskreg",
        abstract: "Risk registers as YAML in git, scored by Monte Carlo.",
        discussion: """
            riskreg reads public-service risk registers written in YAML — who co-produced each \
            entry, which of the four strategies it follows (portfolio, reduction, resilience, \
            enablement), and each perspective's estimates — checks them, and scores them.

            Start with `riskreg validate Registers/`, then `riskreg score Registers/`. The register format is described in \
            docs/register-format.md; `riskreg schema` prints a JSON Schema for editors.

            Exit codes: 0 success, 1 problems found (see each subcommand), 64 usage error.
            """,
        version: RiskregVersion.current,
        subcommands: [Validate.self, Score.self, Report.self, Diff.self, Init.self, Import.self, ExportCommand.self, Schema.self]
    )
}
