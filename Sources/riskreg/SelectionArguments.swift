import ArgumentParser
import RegisterModel

/// `--tag` and `--owner`: a view of the register for one directorate or one owner, shared by
/// `score` and `report`.
struct SelectionArguments: ParsableArguments {
    @Option(name: .customLong("tag"), help: ArgumentHelp(
        "Only the entries with this tag (`tags:` on an entry); repeat it for entries with any of several. Outcomes no selected entry adds into are left out.",
        valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("owner"), help: ArgumentHelp(
        "Only the entries with this owner, ignoring case; repeat it for several. With --tag, entries must match both.",
        valueName: "owner"))
    var owners: [String] = []

    var selection: Register.Selection { Register.Selection(tags: tags, owners: owners) }

    /// The words that make the same selection again, for a report's reproduce command.
    var arguments: [String] {
        tags.flatMap { ["--tag", $0] } + owners.flatMap { ["--owner", $0] }
    }
}
