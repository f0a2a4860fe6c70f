import MonteCarlo
import Scoring
import TextLayer

/// The `--format table` summary of a scored register, laid out to read at 80 columns.
///
/// Register text is untrusted: every piece is cleaned of control, bidirectional and invisible
/// characters before layout (an `ESC` or `BEL` in a title never reaches the terminal), and the
/// finished text passes the terminal guard once more. Figures never run into each other: a
/// figure too wide for its column is written in scientific notation, and the row grows rather
/// than lose the space between cells.
public struct ScoreTable: Sendable {
    public let score: RegisterScore
    public static let width = 80

    /// Fewer trials than this and the Monte Carlo error is shown as `?`: batch means over a
    /// handful of trials say nothing about the error (two trials that both lost nothing would
    /// read "±0"). 100 trials give each of the engine's 32 batches at least 3.
    public static let fewestTrialsForError = 100

    public init(score: RegisterScore) {
        self.score = score
    }

    public func render() -> String {
        var lines: [String] = []
        let r = score.register
        lines.append(Self.clip("\(t(r.title)) — \(t(r.organisation))", Self.width))
        var view = score.run.view == "pooled" ? "pooled view of \(score.perspectives.count) perspectives" : "view: \(t(score.run.view))"
        if let portfolio = score.run.portfolio { view += " · portfolio \(t(portfolio))" }
        lines.append(Self.clip("Horizon \(t(r.horizon)) · \(view)", Self.width))
        var run = "\(FigureFormat.amount(Double(score.run.trials))) trials · seed \(score.run.seed) · as of \(score.run.asOf)"
        if let met = score.run.precisionMet { run += met ? " · precision reached" : " · precision NOT reached (raise --max-trials)" }
        lines.append(run)
        if !errorsKnown {
            lines += Self.wrap("Too few trials (fewer than \(FigureFormat.amount(Double(Self.fewestTrialsForError)))) to estimate the Monte Carlo error: it is shown as ?", indent: 2)
        }
        lines.append("")

        lines.append(Self.row(["Outcome (loss)", "", "mean", "P50", "P90", "P95", "P99"]))
        lines.append(String(repeating: "-", count: Self.width))
        for outcome in score.outcomes {
            lines.append(Self.clip("\(t(outcome.title)) (\(t(unit(outcome.unit))))", Self.width))
            lines.append(summaryRow("  with responses", outcome.residual))
            lines.append(errorRow(outcome.residual))
            lines.append(summaryRow("  without", outcome.inherent))
        }
        if let total = score.total {
            lines.append(Self.clip("Register total (\(t(unit("money"))))", Self.width))
            lines.append(summaryRow("  with responses", total.residual))
            lines.append(summaryRow("  without", total.inherent))
        }
        lines.append("")

        if !score.appetite.isEmpty {
            lines.append("Appetite (with responses)")
            for verdict in score.appetite {
                let title = t(score.outcomes.first { $0.id == verdict.outcome }?.title ?? verdict.outcome)
                let mark = verdict.withinAppetite ? "within:" : "OUTSIDE:"
                let event = verdict.kind == .lossExceeds
                    ? "P(loss > \(FigureFormat.amount(verdict.threshold)))"
                    : "P(net benefit > \(FigureFormat.amount(verdict.threshold)))"
                let bound = verdict.kind == .lossExceeds ? "at most" : "at least"
                var text = "  \(mark)  \(title): \(event) = \(FigureFormat.percent(verdict.probability.value))"
                text += " ± \(errorsKnown ? FigureFormat.percent(1.96 * verdict.probability.standardError) : "?"); \(bound) \(FigureFormat.percent(verdict.limit))"
                if !verdict.decisive { text += " (too close to call)" }
                lines += Self.wrap(text, indent: 4)
            }
            lines.append("")
        }

        let ranked = score.risks.filter(\.inHeadline).sorted { ($0.varianceShare ?? 0) > ($1.varianceShare ?? 0) }
        if !ranked.isEmpty {
            lines.append("Risks by share of their outcome's variance (with responses); a response's")
            lines.append("value is the mean loss it avoids, also per 1,000 of its cost")
            lines.append(Self.riskRow(["risk", "title", "P(occur)", "mean loss", "share", "avoided", "per 1k"]))
            lines.append(String(repeating: "-", count: Self.width))
            for risk in ranked.prefix(15) {
                lines.append(Self.riskRow([
                    t(risk.id), t(risk.title),
                    FigureFormat.percent(risk.probability.residual),
                    FigureFormat.amount(risk.meanLoss.residual.value, fitting: 10),
                    risk.varianceShare.map { FigureFormat.percent(max(0, $0)) } ?? "-",
                    risk.response.map { FigureFormat.amount($0.value.value, fitting: 10) } ?? "-",
                    risk.response?.valueForMoney.map { FigureFormat.amount($0 * 1000, fitting: 10) } ?? "-",
                ]))
            }
            if ranked.count > 15 { lines.append("  ... and \(ranked.count - 15) more (see --format json or csv)") }
            lines.append("")
        }

        lines += matrixLines()

        if !score.portfolios.isEmpty {
            lines.append("Portfolios compared (mean loss with responses; difference from the first)")
            for portfolio in score.portfolios {
                let means = portfolio.outcomes.map { FigureFormat.amount($0.mean.residual.value) }.joined(separator: " / ")
                let diff = portfolio.differenceFromFirst.map { FigureFormat.amount($0.mean.value) }.joined(separator: " / ")
                lines += Self.wrap("  \(t(portfolio.id)): \(means)  (Δ \(diff))", indent: 4)
            }
            lines.append("")
        }

        let disagreements = score.outcomes.compactMap { o in o.disagreementP90Ratio.map { (t(o.title), $0) } }
        if !disagreements.isEmpty {
            lines.append("Where perspectives disagree (largest / smallest P90)")
            for (title, ratio) in disagreements {
                lines.append(Self.clip("  \(title): \(FigureFormat.ratio(ratio))", Self.width))
            }
            lines.append("")
        }

        if !score.staleEntries.isEmpty {
            lines += Self.wrap("Past their review date: " + score.staleEntries.map { "\(t($0.risk)) (\(t($0.review)))" }.joined(separator: ", "), indent: 2)
            lines.append("")
        }
        return UntrustedText.terminal(lines.joined(separator: "\n") + "\n")
    }

    /// Register text made safe for a terminal line.
    private func t(_ text: String) -> String { UntrustedText.clean(text) }

    /// Whether there are trials enough for the Monte Carlo error to mean something.
    private var errorsKnown: Bool { score.run.trials >= Self.fewestTrialsForError }

    /// The risks on the register's own matrix, and where that disagrees with the stated ratings.
    private func matrixLines() -> [String] {
        let rated = score.risks.filter { $0.ratings != nil }
        guard !rated.isEmpty else { return [] }
        var lines = ["On the register's matrix (likelihood × impact level): gross is without",
                     "responses, current with them; stated is the register's current rating"]
        lines.append(Self.matrixRow(["risk", "title", "gross", "current", "target", "stated", ""]))
        lines.append(String(repeating: "-", count: Self.width))
        func cell(_ r: RegisterScore.MatrixRating?) -> String {
            r.map { "\($0.likelihood)×\($0.impact) \($0.rag.rawValue)" } ?? "-"
        }
        for risk in rated {
            let r = risk.ratings!
            lines.append(Self.matrixRow([t(risk.id), t(risk.title), cell(r.gross), cell(r.current), cell(r.target),
                                         cell(r.statedCurrent ?? r.statedGross), r.disagreements.isEmpty ? "" : "!"]))
        }
        let disagreements = rated.flatMap { risk in risk.ratings!.disagreements.map { (t(risk.id), $0) } }
        if !disagreements.isEmpty {
            lines.append("! where the results and the stated rating differ in colour:")
            for (id, d) in disagreements {
                lines += Self.wrap("  \(id): \(t(d.message))", indent: 4)
            }
        }
        if rated.contains(where: { $0.fromBands != nil }) {
            lines += Self.wrap("Estimates written as levels are read from the scales' bands: coarser than direct estimates (docs/scales.md).", indent: 0)
        }
        lines.append("")
        return lines
    }

    /// id (8), title (20), four ratings (12 each) and a flag: 77 columns.
    static func matrixRow(_ c: [String]) -> String {
        TextLayout.row(c, [.left(8), .left(20), .left(12), .left(12), .left(12), .left(12), .left(2)])
    }

    private func unit(_ unit: String) -> String {
        unit == "money" ? (score.register.currency ?? "money") : unit
    }

    private func summaryRow(_ label: String, _ s: OutcomeSummary) -> String {
        Self.row([label, "", FigureFormat.amount(s.mean.value, fitting: 10)] + [0.5, 0.9, 0.95, 0.99].map {
            FigureFormat.amount(s.percentile($0)?.value ?? .nan, fitting: 10)
        })
    }

    private func errorRow(_ s: OutcomeSummary) -> String {
        func error(_ se: Double?) -> String {
            guard errorsKnown, let se else { return "±?" }
            return "±" + FigureFormat.amount(1.96 * se, fitting: 9)
        }
        return Self.row(["  ± MC error (95%)", "", error(s.mean.standardError)] + [0.5, 0.9, 0.95, 0.99].map {
            error(s.percentile($0)?.standardError)
        })
    }

    /// Label (22), blank (0) and five figures (11 each, right-aligned): 77 columns.
    static func row(_ cells: [String]) -> String {
        TextLayout.row([cells[0]] + cells.dropFirst(2), [.left(22)] + Array(repeating: .right(11), count: 5))
    }

    /// id (8), title (24), then five figures: 80 columns.
    static func riskRow(_ c: [String]) -> String {
        TextLayout.row(c, [.left(8), .left(24), .right(8), .right(11), .right(7), .right(11), .right(11)])
    }

    static func clip(_ s: String, _ width: Int) -> String { TextLayout.clip(s, width) }

    /// Breaks a long line at spaces to fit the width, indenting continuation lines.
    static func wrap(_ text: String, indent: Int) -> [String] {
        TextLayout.wrap(text, width: width, continuation: indent)
    }
}
