import ArgumentParser
import RegisterLoader

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the register format, for editors.",
        discussion: """
            Save it beside your registers and point your editor at it, for completion and \
            checking as you type. With the YAML language server (VS Code, Neovim, ...), put \
            this first line in each register:

              # yaml-language-server: $schema=register.schema.json

            The schema checks shape only; `riskreg validate` checks everything.
            """
    )

    func run() {
        Output.out(RegisterSchema.json)
    }
}
