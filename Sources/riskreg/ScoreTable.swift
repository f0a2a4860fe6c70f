import MonteCarlo
import Scoring

/// The `--format table` summary of a scored register, laid out to read at 80 columns.
struct ScoreTable {
    let score: RegisterScore
    static let width = 80

    func render() -> String {
        var lines: [String] = []
        let r = score.register
        lines.append(Self.clip("\(r.title) — \(r.organisation)", Self.width))
        var view = score.run.view == "pooled" ? "pooled view of \(score.perspectives.count) perspectives" : "view: \(score.run.view)"
        if let portfolio = score.run.portfolio { view += " · portfolio \(portfolio)" }
        lines.append(Self.clip("Horizon \(r.horizon) · \(view)", Self.width))
        var run = "\(FigureFormat.amount(Double(score.run.trials))) trials · seed \(score.run.seed) · as of \(score.run.asOf)"
        if let met = score.run.precisionMet { run += met ? " · precision reached" : " · precision NOT reached (raise --max-trials)" }
        lines.append(run)
        lines.append("")

        lines.append(Self.row(["Outcome (loss)", "", "mean", "P50", "P90", "P95", "P99"]))
        lines.append(String(repeating: "-", count: Self.width))
        for outcome in score.outcomes {
            lines.append(Self.clip("\(outcome.title) (\(unit(outcome.unit)))", Self.width))
            lines.append(summaryRow("  with responses", outcome.residual))
            lines.append(errorRow(outcome.residual))
            lines.append(summaryRow("  without", outcome.inherent))
        }
        if let total = score.total {
            lines.append(Self.clip("Register total (\(unit("money")))", Self.width))
            lines.append(summaryRow("  with responses", total.residual))
            lines.append(summaryRow("  without", total.inherent))
        }
        lines.append("")

        if !score.appetite.isEmpty {
            lines.append("Appetite (with responses)")
            for verdict in score.appetite {
                let title = score.outcomes.first { $0.id == verdict.outcome }?.title ?? verdict.outcome
                let mark = verdict.withinAppetite ? "within:" : "OUTSIDE:"
                let event = verdict.kind == .lossExceeds
                    ? "P(loss > \(FigureFormat.amount(verdict.threshold)))"
                    : "P(net benefit > \(FigureFormat.amount(verdict.threshold)))"
                let bound = verdict.kind == .lossExceeds ? "at most" : "at least"
                var text = "  \(mark)  \(title): \(event) = \(FigureFormat.percent(verdict.probability.value))"
                text += " ± \(FigureFormat.percent(1.96 * verdict.probability.standardError)); \(bound) \(FigureFormat.percent(verdict.limit))"
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
                    risk.id, risk.title,
                    FigureFormat.percent(risk.probability.residual),
                    FigureFormat.amount(risk.meanLoss.residual.value),
                    risk.varianceShare.map { FigureFormat.percent(max(0, $0)) } ?? "-",
                    risk.response.map { FigureFormat.amount($0.value.value) } ?? "-",
                    risk.response?.valueForMoney.map { FigureFormat.amount($0 * 1000) } ?? "-",
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
                lines += Self.wrap("  \(portfolio.id): \(means)  (Δ \(diff))", indent: 4)
            }
            lines.append("")
        }

        let disagreements = score.outcomes.compactMap { o in o.disagreementP90Ratio.map { (o.title, $0) } }
        if !disagreements.isEmpty {
            lines.append("Where perspectives disagree (largest / smallest P90)")
            for (title, ratio) in disagreements {
                lines.append(Self.clip("  \(title): \(String(format: "%.1f", ratio))×", Self.width))
            }
            lines.append("")
        }

        if !score.staleEntries.isEmpty {
            lines += Self.wrap("Past their review date: " + score.staleEntries.map { "\($0.risk) (\($0.review))" }.joined(separator: ", "), indent: 2)
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

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
            lines.append(Self.matrixRow([risk.id, risk.title, cell(r.gross), cell(r.current), cell(r.target),
                                         cell(r.statedCurrent ?? r.statedGross), r.disagreements.isEmpty ? "" : "!"]))
        }
        let disagreements = rated.flatMap { risk in risk.ratings!.disagreements.map { (risk.id, $0) } }
        if !disagreements.isEmpty {
            lines.append("! where the results and the stated rating differ in colour:")
            for (id, d) in disagreements {
                lines += Self.wrap("  \(id): \(d.message)", indent: 4)
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
        let line = pad(clip(c[0], 7), 8) + pad(clip(c[1], 19), 20) + c[2...5].map { pad(clip($0, 11), 12) }.joined() + c[6]
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    private func unit(_ unit: String) -> String {
        unit == "money" ? (score.register.currency ?? "money") : unit
    }

    private func summaryRow(_ label: String, _ s: OutcomeSummary) -> String {
        Self.row([label, "", FigureFormat.amount(s.mean.value)] + [0.5, 0.9, 0.95, 0.99].map {
            FigureFormat.amount(s.percentile($0)?.value ?? .nan)
        })
    }

    private func errorRow(_ s: OutcomeSummary) -> String {
        Self.row(["  ± MC error (95%)", "", "±" + FigureFormat.amount(1.96 * s.mean.standardError)] + [0.5, 0.9, 0.95, 0.99].map {
            "±" + FigureFormat.amount(1.96 * (s.percentile($0)?.standardError ?? .nan))
        })
    }

    /// Label (22), blank (0) and five figures (11 each, right-aligned): 77 columns.
    static func row(_ cells: [String]) -> String {
        pad(clip(cells[0], 22), 22) + cells.dropFirst(2).map { leftPad(clip($0, 11), 11) }.joined()
    }

    /// id (8), title (24), then five figures: 80 columns.
    static func riskRow(_ c: [String]) -> String {
        pad(clip(c[0], 7), 8) + pad(clip(c[1], 23), 24) + leftPad(c[2], 8) + leftPad(c[3], 11) + leftPad(c[4], 7)
            + leftPad(c[5], 11) + leftPad(c[6], 11)
    }

    static func clip(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }

    static func leftPad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    /// Breaks a long line at spaces to fit the width, indenting continuation lines.
    static func wrap(_ text: String, indent: Int) -> [String] {
        var lines: [String] = []
        let leading = text.prefix { $0 == " " }
        var current = String(leading)
        for word in text.dropFirst(leading.count).split(separator: " ") {
            if current.count > leading.count, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            } else {
                current += (current.count == leading.count ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
