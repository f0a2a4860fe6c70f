import ArgumentParser
import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import TextLayer

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate registers and report each outcome's distribution and appetite verdicts.",
        discussion: """
            Each trial simulates one horizon: every risk occurs or not (or occurs several times), \
            draws its impact and benefit from each perspective's estimates, and applies its \
            response when the response is delivered. Figures are given without responses \
            (inherent) and with them (residual), on the same random numbers, so a response's \
            value is an exact difference. Every figure carries its Monte Carlo standard error.

            Loss = harm − benefit: a negative loss is a net benefit.

            The headline view pools the perspectives (a linear opinion pool weighted by each \
            perspective's `weight`); `--format json` also gives each perspective on its own. \
            The seed is always printed; the same register and seed give byte-identical JSON \
            with any --jobs. See docs/results.md for every field.

            Exit codes: 0 scored (and, with --check-appetite, every outcome within appetite); \
            1 a register has errors (run `riskreg validate`) or could not be scored; \
            2 --check-appetite found an outcome outside appetite; 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// For people: a summary that reads at 80 columns.
        case table
        /// Everything, for scripts and reports (docs/results.md).
        case json
        /// One row per risk, for spreadsheets.
        case csv
    }

    @Argument(help: "Register files or folders of them (default: Registers/).")
    var paths: [String] = []

    @OptionGroup var scoring: ScoringArguments

    @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Flag(help: "Exit with status 2 when any outcome is outside the board's appetite, for CI gating.")
    var checkAppetite = false

    func run() throws {
        MemoryRelease.returnLargeBlocksOnFree()
        let options = scoring.options
        let (files, missing) = RegisterFile.expand(paths.isEmpty ? ["Registers/"] : paths)
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        for d in missing { Output.err(printer.render(d)) }
        var scores: [RegisterScore] = []
        var failed = !missing.isEmpty
        for file in files {
            guard let register = RegisterFile.read(path: file, asOf: options.asOf).validRegisterOrReport(
                printer: printer, refusal: "\(file): not scored: the register has errors (`riskreg validate \(file)` shows every problem)")
            else {
                failed = true
                continue
            }
            do {
                let progress = ProgressBar(label: "scoring \(register.metadata.id)")
                let score = try Scorer.score(register, options: options, progress: progress.update)
                progress.finish()
                // Checked per file, so that one result that cannot be written never stops the others'.
                if let path = score.firstNonFiniteFigure {
                    Output.err("\(file): error: the result has a figure that is not a finite number (\(path)), so it is not printed")
                    failed = true
                    continue
                }
                scores.append(score)
            } catch {
                Output.err(UntrustedText.markedLines("\(file): error: \(error)"))
                failed = true
            }
        }

        switch format {
        case .json where scores.isEmpty && failed:
            // Nothing was scored: the errors on stderr and the exit status say so, and an empty
            // document on stdout would read as a result.
            break
        case .json:
            // Streamed: a large register's JSON is never held whole.
            let out = Output.BufferedOut()
            try RegisterScore.writeJSON(scores, asArray: !(scores.count == 1 && files.count == 1), to: out.write)
            out.write("\n")
            out.flush()
        case .csv:
            Output.out(ScoreCSV.render(scores), terminator: "")
        case .table:
            Output.out(scores.map { ScoreTable(score: $0).render() }.joined(separator: "\n"), terminator: "")
        }
        if failed { throw ExitCode.failure }
        if checkAppetite, scores.contains(where: { $0.appetite.contains { !$0.withinAppetite } }) {
            throw ExitCode(2)
        }
    }
}
