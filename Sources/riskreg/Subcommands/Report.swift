import ArgumentParser
import Foundation
import RegisterDiff
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import TextLayer

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a register and write a report for the board or the community, in Markdown or HTML.",
        discussion: """
            The board report answers the board's questions first — each outcome against appetite, \
            what drives it, responses ranked by value for money, the strategy mix, co-production, \
            stale estimates and portfolios — then gives every entry in full. The community report \
            is written for residents, in plain language. It is computed from the public entries \
            alone: confidential entries are left out of every figure (the report says how many), \
            with the perspectives only they use and any text that names them, so nothing in it \
            changes when a confidential entry does. Contributors are named only where they agreed \
            to be named.

            The report's language is the register's `language:` (English when it names none), or \
            --language.

            HTML is one self-contained file with charts drawn as SVG, a strict Content Security \
            Policy, and print styles for A4. Markdown renders on GitHub and GitLab, with each \
            chart as a table.

            Reports use the templates built into riskreg, or with --templates those in a folder \
            (named on standard error as they are used); a Templates folder in the current \
            directory is not used unless named. docs/templates.md describes every field a \
            template can use, and what a template cannot change: an HTML report always keeps \
            riskreg's Content Security Policy and never holds a script. The same register and \
            seed give a byte-identical report.

            Exit codes: 0 written; 1 the register has errors, could not be scored, a template is \
            broken or the output could not be written; 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    enum Audience: String, ExpressibleByArgument, CaseIterable {
        case board, community
    }

    @Argument(help: "The register file.")
    var path: String

    @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .markdown

    @Option(help: "Who the report is for: \(Audience.allCases.map(\.rawValue).joined(separator: ", ")) (community leaves out confidential entries).")
    var audience: Audience = .board

    @Option(help: ArgumentHelp("A folder of report templates (default: the copy built into riskreg).", valueName: "folder"))
    var templates: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file, atomically (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Add a \"Since the last review\" section comparing with the register at this git revision, read as `riskreg diff` reads it (for the community: what changed in the public entries).", valueName: "rev"))
    var since: String?

    @Option(help: ArgumentHelp("The report's language: \(Phrasebook.languages.joined(separator: ", ")) (default: the register's `language:`, else en).", valueName: "code"))
    var language: String?

    func validate() throws {
        if let language, !Phrasebook.languages.contains(language) {
            throw ValidationError("--language \(UntrustedText.marked(language)) has no catalogue; use one of \(Phrasebook.languages.joined(separator: ", "))")
        }
    }

    @OptionGroup var scoring: ScoringArguments

    @OptionGroup var selection: SelectionArguments

    func run() throws {
        try CommandFailure.refuseFolder(path, command: "report")
        let options = scoring.options
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        let whole = try RegisterFile.read(path: path, asOf: options.asOf).validRegister(
            printer: printer, refusal: "\(path): no report: the register has errors (`riskreg validate \(path)` shows every problem)")
        let register: Register
        do {
            register = try whole.selecting(selection.selection)
        } catch {
            throw CommandFailure.error(path, "\(error)", hint: "give a tag or owner the register uses")
        }
        let set: ReportTemplates
        do {
            // A folder's templates are used only when asked for, and said so: a Templates folder
            // that a pull request adds must not change what CI publishes.
            if let templates {
                set = try ReportTemplates(folder: templates)
                Output.err("using templates from \(UntrustedText.marked(templates)): \(set.fileNames.map(UntrustedText.marked).joined(separator: ", "))")
            } else {
                set = ReportTemplates.builtIn()
            }
        } catch {
            // A template error quotes the template's text, which may come from anyone.
            Output.err(UntrustedText.markedLines(error.description))
            throw ExitCode.failure
        }
        let reportOptions = ReportOptions(
            format: format == .html ? .html : .markdown, audience: audience == .board ? .board : .community,
            libyamlVersion: RegisterFile.libyamlVersion, command: reproduceCommand(options),
            language: language ?? register.metadata.language ?? "en")
        let score: RegisterScore
        do {
            let progress = ProgressBar(label: "scoring \(register.metadata.id)")
            // A community report is scored from the public entries alone. A board report's
            // decision page says what each large response does to a verdict that needs a decision.
            var headline = options
            headline.responseLevers = audience == .board
            // A community report says what each group's weight changed: every statement judged
            // again with every group counting the same; and what each group's own estimates
            // changed: every statement and average worked out again without them.
            headline.equalWeights = audience == .community
            headline.withoutEachPerspective = audience == .community
            score = try Scorer.score(Reporting.Report.registerToScore(register, options: reportOptions), options: headline, progress: progress.update)
            progress.finish()
        } catch {
            throw CommandFailure.error(path, "\(error)")
        }
        // A board report of a register with confidential entries says where the published
        // page's verdicts read the other way: those come from the public entries alone, scored
        // as the community report scores them.
        var published: RegisterScore?
        if audience == .board, register.risks.contains(where: \.isConfidential) {
            var publicOptions = reportOptions
            publicOptions.audience = .community
            do {
                published = try Scorer.score(Reporting.Report.registerToScore(register, options: publicOptions), options: options)
            } catch {
                throw CommandFailure.error(path, "\(error)")
            }
        }
        let review = try since.map {
            try reviewChanges(since: $0, register: register, options: options, printer: printer, reportOptions: reportOptions)
        }
        let text: String
        do {
            text = try Reporting.Report.render(register: register, score: score, options: reportOptions, templates: set, since: review,
                                                 published: published)
        } catch {
            // A template error quotes the template's text, which may come from anyone.
            Output.err(UntrustedText.markedLines(error.description))
            throw ExitCode.failure
        }
        if let output {
            do {
                try AtomicReplace.write(Data(text.utf8), to: output)
            } catch {
                Output.err("error: \(error.description)")
                throw ExitCode.failure
            }
        } else {
            Output.out(text, terminator: "")
        }
    }

    /// Compares the register with its copy at `revision`, as `riskreg diff --since` does, and
    /// reports errors the same way.
    func reviewChanges(since revision: String, register: Register, options: ScoringOptions,
                       printer: DiagnosticPrinter, reportOptions: ReportOptions) throws -> ReviewChanges {
        func fail(_ message: String, hint: String? = nil) -> ExitCode { CommandFailure.error(path, message, hint: hint) }
        let fromSide: RegisterComparison.Side
        let bytes: [UInt8]?
        do {
            (fromSide, bytes) = try GitFile.locate(path).side(at: revision)
        } catch {
            throw fail(error.description, hint: error.hint)
        }
        var old: Register?
        if let bytes {
            old = try RegisterFile.read(bytes: bytes, file: fromSide.label, asOf: options.asOf).validRegister(
                printer: printer, refusal: "\(fromSide.label): the register has errors at this revision, so it cannot be compared")
            // The same view of the earlier revision; none of its entries selected reads as all new.
            if let whole = old, !selection.selection.isEmpty { old = try? whole.selecting(selection.selection) }
        }
        // The community compares public views: a change to a confidential entry is not a change.
        let oldShown = old.map { Reporting.Report.registerToScore($0, options: reportOptions) }
        let newShown = Reporting.Report.registerToScore(register, options: reportOptions)
        let comparison: RegisterComparison
        do {
            comparison = try RegisterComparison.compare(
                from: fromSide, oldShown, to: .init(revision: nil, label: path, exists: true), newShown, options: options)
        } catch {
            throw fail(error.description)
        }
        return ReviewChanges(revision: revision, comparison: comparison, old: oldShown, new: newShown)
    }

    /// The command that gives the same figures: no wall-clock time, no output path, and the
    /// register's path from the root of its repository, never the path typed (which may be
    /// an absolute path on an officer's machine).
    func reproduceCommand(_ options: ScoringOptions) -> String {
        var words = ["riskreg", "report", Self.publishablePath(path), "--format", format.rawValue, "--audience", audience.rawValue,
                     "--seed", String(options.seed), "--trials", String(options.trials), "--as-of", options.asOf.description]
        if let p = options.precision { words += ["--precision", String(p), "--max-trials", String(options.maxTrials)] }
        if let p = options.perspective { words += ["--perspective", p] }
        if let p = options.portfolio { words += ["--portfolio", p] }
        if let since { words += ["--since", since] }
        words += selection.arguments
        if let language { words += ["--language", language] }
        return words.joined(separator: " ")
    }

    /// The path from the root of the git repository that holds the file; outside a repository,
    /// the path as typed when it is relative and stays below the current folder, else the
    /// file's name.
    static func publishablePath(_ path: String) -> String {
        if let file = try? GitFile.locate(path) { return file.pathInRepository }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if !path.hasPrefix("/") && !path.hasPrefix("~") && !parts.contains("..") { return path }
        return (path as NSString).lastPathComponent
    }
}
