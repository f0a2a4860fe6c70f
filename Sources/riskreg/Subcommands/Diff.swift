import ArgumentParser
import Foundation
import RegisterDiff
import RegisterLoader
import RegisterModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed in a register since a git revision: its entries and its scores.",
        discussion: """
            Reads the register as it was at --since (and at --to, or the file as it is now) \
            through git itself, without touching the working tree, and compares the two: \
            entries added, removed, re-tagged to another strategy, re-owned, with changed \
            estimates, responses, co-producers or confidentiality, field by field with the \
            line on each side; appetite statements and outcomes that changed; and each outcome's \
            and risk's figures.

            Both revisions are scored with the same seed and trials. Each risk draws its own \
            random numbers, keyed by its id, so a risk that did not change has exactly the same \
            figures on both sides; a change smaller than twice its Monte Carlo standard error is \
            marked ≈. If the file did not exist at --since, every entry counts as new.

            Examples:
              riskreg diff Registers/community-safety-leiden.yaml --since HEAD~1
              riskreg diff Registers/x.yaml --since origin/main --format markdown > diff.md

            Exit codes: 0 compared; 1 the revision or file could not be read from git, or a \
            register is invalid at one of the revisions (its diagnostics are printed, labelled \
            with the revision); 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// For people, at 80 columns.
        case table
        /// For pull request comments and board papers.
        case markdown
        /// Everything, for scripts.
        case json
    }

    @Argument(help: "The register file.")
    var path: String

    @Option(help: ArgumentHelp("The earlier revision: a commit, branch or tag, such as HEAD~1 or main.", valueName: "rev"))
    var since: String

    @Option(help: ArgumentHelp("The later revision (default: the file as it is now, in the working tree).", valueName: "rev"))
    var to: String?

    @OptionGroup var scoring: ScoringArguments

    @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    func run() throws {
        try CommandFailure.refuseFolder(path, command: "diff")
        let options = scoring.options
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        func fail(_ message: String, hint: String? = nil) -> ExitCode { CommandFailure.error(path, message, hint: hint) }

        let file: GitFile
        do {
            file = try GitFile.locate(path)
        } catch {
            throw fail(error.description, hint: error.hint)
        }

        /// Reads and validates one side; prints its errors, labelled with the revision.
        func load(_ bytes: [UInt8]?, label: String, fromDisk: Bool) throws -> Register {
            let loaded = fromDisk ? RegisterFile.read(path: path, asOf: options.asOf)
                : RegisterFile.read(bytes: bytes ?? [], file: label, asOf: options.asOf)
            return try loaded.validRegister(
                printer: printer, refusal: "\(label): the register has errors at this revision, so it cannot be compared")
        }

        let fromSide: RegisterComparison.Side
        let old: Register?
        do {
            let (side, bytes) = try file.side(at: since)
            fromSide = side
            old = try bytes.flatMap { try load($0, label: side.label, fromDisk: false) }
        } catch let error as GitError {
            throw fail(error.description, hint: error.hint)
        }

        let toSide: RegisterComparison.Side
        let new: Register
        if let to {
            do {
                guard let bytes = try file.contents(at: to) else {
                    throw fail("\(file.pathInRepository) does not exist at revision `\(to)`",
                               hint: "give a later revision that has the file, or leave out --to to compare with the working tree")
                }
                toSide = .init(revision: to, label: file.label(at: to), exists: true)
                new = try load(bytes, label: toSide.label, fromDisk: false)
            } catch let error as GitError {
                throw fail(error.description, hint: error.hint)
            }
        } else {
            toSide = .init(revision: nil, label: path, exists: true)
            new = try load(nil, label: path, fromDisk: true)
        }

        let comparison: RegisterComparison
        do {
            comparison = try RegisterComparison.compare(from: fromSide, old, to: toSide, new, options: options)
        } catch {
            throw fail(error.description)
        }

        switch format {
        case .table:
            Output.out(ComparisonTable.render(comparison), terminator: "")
        case .markdown:
            Output.out(ComparisonMarkdown.render(comparison))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.out(try encoder.encode(comparison))
        }
    }
}
