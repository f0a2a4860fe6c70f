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

            With --check-appetite, standard error says what was checked in each register: \
            how many appetite statements, how many within, and each one outside with its \
            figures, or that a register has no appetite statements to check.

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

    @OptionGroup var selection: SelectionArguments

    @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Flag(help: "Exit with status 2 when any outcome is outside the board's appetite, for CI gating.")
    var checkAppetite = false

    func run() throws {
        MemoryRelease.returnLargeBlocksOnFree()
        var options = scoring.options
        // CSV holds the headline's figures only, so the perspectives' own views and the option
        // comparison are not run (a precision target is judged on every view, so not then).
        options.headlineOnly = format == .csv && options.precision == nil
        let (files, missing) = RegisterFile.expand(paths.isEmpty ? ["Registers/"] : paths)
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        for d in missing { Output.err(printer.render(d)) }
        var scores: [RegisterScore] = []
        var failed = !missing.isEmpty
        for file in files {
            guard let whole = RegisterFile.read(path: file, asOf: options.asOf).validRegisterOrReport(
                printer: printer, refusal: "\(file): not scored: the register has errors (`riskreg validate \(file)` shows every problem)")
            else {
                failed = true
                continue
            }
            let register: Register
            do {
                register = try whole.selecting(selection.selection)
            } catch {
                Output.err(UntrustedText.markedLines("\(file): error: \(error)"))
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
                if let note = Self.precisionNote(score) { Output.err(UntrustedText.markedLines(note)) }
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
        if checkAppetite {
            for score in scores { Output.err(UntrustedText.markedLines(Self.appetiteCheck(score))) }
        }
        if failed { throw ExitCode.failure }
        if checkAppetite, scores.contains(where: { $0.appetite.contains { !$0.withinAppetite } }) {
            throw ExitCode(2)
        }
    }

    /// Why `--precision` was not reached, for standard error: each P95 that missed it, and
    /// what it would take — about how many trials, or none at all for a P95 of 0 (a relative
    /// precision of zero cannot be had). Nil when the target was met or not set.
    static func precisionNote(_ score: RegisterScore) -> String? {
        guard let precision = score.run.precision, let short = score.run.precisionShortfalls, !short.isEmpty else { return nil }
        func figure(_ x: Double) -> String { x.formatted(.number.precision(.significantDigits(3))) }
        let cap = score.run.maxTrials ?? .max
        let file = score.register.file, trials = score.run.trials.formatted()
        var lines = [score.run.trials < cap
            ? "\(file): note: --precision \(precision) not reached; stopped after \(trials) trials, before the cap of \(cap.formatted()) (--max-trials), because a P95 marked below would need more trials than the cap:"
            : "\(file): note: --precision \(precision) not reached in \(trials) trials, the cap (--max-trials); these P95s missed it:"]
        for s in short {
            let what = "\(s.outcome) (\(s.view), \(s.treatment)): P95 \(figure(s.p95.value)) ± \(figure(1.96 * s.p95.standardError))"
            if let needed = s.trialsNeeded {
                lines.append("  \(what) would need about \(needed.formatted()) trials\(needed > cap ? " — more than the cap" : "")")
            } else {
                lines.append("  \(what): a fraction of a P95 of 0 is 0, so no number of trials reaches it")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What `--check-appetite` checked in one register, for standard error: how many statements,
    /// how many within, and each one outside with its figures; or that there was nothing to
    /// check, so that exit 0 is never read as "within appetite" for a register with no appetite.
    static func appetiteCheck(_ score: RegisterScore) -> String {
        let file = score.register.file
        let verdicts = score.appetite
        guard !verdicts.isEmpty else {
            return "\(file): appetite: no appetite statements, so nothing was checked; add an `appetite` section for --check-appetite to gate on (docs/register-format.md)"
        }
        let outside = verdicts.filter { !$0.withinAppetite }
        let statements = verdicts.count == 1 ? "1 appetite statement" : "\(verdicts.count) appetite statements"
        var lines = ["\(file): appetite: \(statements) checked, \(verdicts.count - outside.count) within, \(outside.count) outside"]
        for verdict in outside {
            let title = score.outcomes.first { $0.id == verdict.outcome }?.title ?? verdict.outcome
            let test = verdict.kind == .lossExceeds
                ? "P(loss > \(FigureFormat.amount(verdict.threshold))) = \(FigureFormat.percent(verdict.probability.value)); at most \(FigureFormat.percent(verdict.limit))"
                : "P(net benefit > \(FigureFormat.amount(verdict.threshold))) = \(FigureFormat.percent(verdict.probability.value)); at least \(FigureFormat.percent(verdict.limit))"
            lines.append("  outside: \(title): \(test)\(verdict.decisive ? "" : " (too close to call: more trials, or --precision, would settle it)")")
        }
        return lines.joined(separator: "\n")
    }
}
