import MonteCarlo
import RegisterModel
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
    /// Every heading, label and sentence, in the table's language.
    public let phrases: Phrasebook
    public static let width = 80

    /// Fewer trials than this and the Monte Carlo error is shown as `?`.
    public static let fewestTrialsForError = FigureFormat.fewestTrialsForError

    public init(score: RegisterScore, phrases: Phrasebook = .english) {
        self.score = score
        self.phrases = phrases
    }

    public func render() -> String {
        let say = phrases
        var lines: [String] = []
        let r = score.register
        lines.append(Self.clip(say("table.title", ["title": t(r.title), "organisation": t(r.organisation)]), Self.width))
        var view = score.run.view == "pooled"
            ? say.plural("table.view.pooled", count: score.perspectives.count)
            : say("table.view.perspective", ["view": t(score.run.view)])
        if let portfolio = score.run.portfolio { view = say("table.view.portfolio", ["view": view, "portfolio": t(portfolio)]) }
        lines.append(Self.clip(say("table.horizon", ["horizon": t(r.horizon), "view": view]), Self.width))
        var run = say("table.run", ["trials": FigureFormat.amount(Double(score.run.trials)), "seed": String(score.run.seed), "asOf": score.run.asOf])
        if let met = score.run.precisionMet { run = say(met ? "table.run.precision-reached" : "table.run.precision-not-reached", ["run": run]) }
        lines.append(run)
        if !errorsKnown {
            lines += Self.wrap(say("table.errors-unknown", ["trials": FigureFormat.amount(Double(Self.fewestTrialsForError))]), indent: 2)
        }
        lines.append("")

        lines.append(Self.row([say("table.outcomes.heading"), ""] + ["mean", "p50", "p90", "p95", "p99"].map { say("table.column." + $0) }))
        lines.append(String(repeating: "-", count: Self.width))
        let with = "  " + say("table.with-responses"), without = "  " + say("table.without-responses")
        for outcome in score.outcomes {
            lines.append(Self.clip(say("table.outcome", ["outcome": t(outcome.title), "unit": t(unit(outcome.unit))]), Self.width))
            lines.append(summaryRow(with, outcome.residual))
            lines.append(errorRow(outcome.residual))
            lines.append(summaryRow(without, outcome.inherent))
        }
        if let total = score.total {
            lines.append(Self.clip(say("table.total", ["unit": t(unit("money"))]), Self.width))
            lines.append(summaryRow(with, total.residual))
            lines.append(summaryRow(without, total.inherent))
        }
        lines.append("")

        if !score.appetite.isEmpty {
            lines.append(say("table.appetite.heading"))
            for verdict in score.appetite {
                let title = t(score.outcomes.first { $0.id == verdict.outcome }?.title ?? verdict.outcome)
                let key = switch verdict.kind {
                case .lossExceeds: "table.appetite.loss-exceeds"
                case .netBenefitAbove: "table.appetite.net-benefit-above"
                case .harmExceeds: "table.appetite.harm-exceeds"
                }
                let test = say(key, [
                    "threshold": FigureFormat.amount(verdict.threshold),
                    "chance": FigureFormat.percent(verdict.probability.value),
                    "error": errorsKnown ? FigureFormat.percent(1.96 * verdict.probability.standardError) : "?",
                    "limit": FigureFormat.percent(verdict.limit),
                ])
                var text = "  " + say(verdict.withinAppetite ? "table.appetite.within" : "table.appetite.outside", ["outcome": title, "test": test])
                if !verdict.decisive { text = say("table.appetite.too-close", ["verdict": text]) }
                lines += Self.wrap(text, indent: 4)
            }
            lines.append("")
        }

        // The strategy mix against its reference (docs/strategy-mix.md).
        let mix = StrategyMix(score.risks.map(\.strategy))
        if mix.total > 0 {
            lines += Self.strategyMixLines(mix, phrases: say)
            lines.append("")
        }

        let ranked = score.risks.filter(\.inHeadline).sorted { ($0.varianceShare ?? 0) > ($1.varianceShare ?? 0) }
        if !ranked.isEmpty {
            lines.append(say("table.risks.caption.1"))
            lines.append(say("table.risks.caption.2"))
            lines.append(Self.riskRow(["risk", "title", "p-occur", "mean-loss", "share", "avoided", "per-1k"].map { say("table.column." + $0) }))
            lines.append(String(repeating: "-", count: Self.width))
            for risk in ranked.prefix(15) {
                lines.append(Self.riskRow([
                    t(risk.id), t(risk.title),
                    FigureFormat.percent(risk.probability.residual),
                    FigureFormat.amount(risk.meanLoss.residual.value, fitting: 10),
                    risk.varianceShare.map { FigureFormat.percent($0) } ?? "-",
                    risk.response.map { FigureFormat.amount($0.value.value, fitting: 10) } ?? "-",
                    risk.response?.valueForMoney.map { FigureFormat.amount($0 * 1000, fitting: 10) } ?? "-",
                ]))
            }
            if ranked.count > 15 { lines.append("  " + say("table.risks.more", ["count": String(ranked.count - 15)])) }
            lines.append("")
        }

        lines += matrixLines()

        if !score.portfolios.isEmpty {
            lines.append(say("table.portfolios.heading"))
            for portfolio in score.portfolios {
                let means = portfolio.outcomes.map { FigureFormat.amount($0.mean.residual.value) }.joined(separator: " / ")
                let diff = portfolio.differenceFromFirst.map { FigureFormat.amount($0.mean.value) }.joined(separator: " / ")
                lines += Self.wrap("  " + say("table.portfolios.row", ["portfolio": t(portfolio.id), "means": means, "differences": diff]), indent: 4)
                var details: [String] = []
                if let split = portfolio.split {
                    let shares = split.map { say("table.portfolios.share", ["risk": t($0.risk), "share": FigureFormat.percent($0.share)]) }
                    details.append(say("table.portfolios.split", ["shares": shares.joined(separator: ", ")]))
                }
                if let responses = portfolio.responses {
                    let chosen = responses.map { say("table.portfolios.share", ["risk": t($0.risk), "share": t($0.response)]) }
                    details.append(say("table.portfolios.responses", ["responses": chosen.joined(separator: ", ")]))
                }
                if let cost = portfolio.cost {
                    details.append(say("table.portfolios.cost", ["cost": FigureFormat.amount(cost), "outcome": t(portfolio.costOutcome ?? "")]))
                }
                if !details.isEmpty { lines += Self.wrap("    " + details.joined(separator: "; "), indent: 6) }
            }
            lines.append("")
        }

        let disagreements = disagreementLines()
        if !disagreements.isEmpty {
            lines += disagreements
            lines.append("")
        }

        if !score.reliance.isEmpty {
            lines += relianceLines()
            lines.append("")
        }
        let citizenTime = citizenTimeLines()
        if !citizenTime.isEmpty {
            lines += citizenTime
            lines.append("")
        }
        if !score.notConsulted.isEmpty {
            lines += Self.wrap(say("table.not-consulted", ["entries": score.notConsulted.map(t).joined(separator: ", ")]), indent: 2)
            lines.append("")
        }

        if !score.staleEntries.isEmpty {
            let entries = score.staleEntries.map { say("table.stale.entry", ["risk": t($0.risk), "review": t($0.review)]) }
            lines += Self.wrap(say("table.stale", ["entries": entries.joined(separator: ", ")]), indent: 2)
            lines.append("")
        }
        return UntrustedText.terminal(lines.joined(separator: "\n") + "\n")
    }

    /// Register text made safe for a terminal line.
    private func t(_ text: String) -> String { UntrustedText.clean(text) }

    /// Whether there are trials enough for the Monte Carlo error to mean something.
    private var errorsKnown: Bool { score.run.trials >= Self.fewestTrialsForError }

    /// Where the perspectives disagree: each outcome's 1 in 10 bad horizon and the entries'
    /// means before responses, as differences in the outcome's unit with the perspective that
    /// sees it going best and worst (never a ratio, which reads backwards for net benefits),
    /// and after responses the appetite statements whose verdict depends on the perspective.
    private func disagreementLines() -> [String] {
        let say = phrases
        let titles = Dictionary(score.perspectives.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { t(titles[id] ?? id) }
        func amount(_ value: Double, _ outcome: String) -> String {
            FigureFormat.quantity(FigureFormat.rounded(value), unit: score.outcomes.first { $0.id == outcome }?.unit ?? "", currency: score.register.currency)
        }
        var lines: [String] = []
        let outcomes = score.outcomes.compactMap { o in o.inherentP90Disagreement.map { (o, $0) } }
        if !outcomes.isEmpty {
            lines.append(say("table.disagreements.heading"))
            for (o, d) in outcomes {
                lines += Self.wrap("  " + say(d.difference > 0 ? "table.disagreements.outcome" : "table.disagreements.outcome-same", [
                    "outcome": t(o.title), "difference": amount(d.difference, o.id),
                    "best": name(d.best.perspective), "worst": name(d.worst.perspective),
                ]), indent: 4)
            }
        }
        let entries = score.risks.filter(\.inHeadline).compactMap { r in
            r.inherentMeanDisagreement.flatMap { d in d.difference > 0 ? (r, d) : nil }
        }.sorted {
            let a = $0.1.relativeToOutcomeSpread ?? 0, b = $1.1.relativeToOutcomeSpread ?? 0
            return a != b ? a > b : $0.0.id < $1.0.id
        }
        if !entries.isEmpty {
            lines += Self.wrap(say("table.disagreements.entries"), indent: 2)
            for (r, d) in entries.prefix(5) {
                lines += Self.wrap("  " + say("table.disagreements.entry", [
                    "risk": t(r.id), "difference": amount(d.difference, r.outcome),
                    "best": name(d.best.perspective), "worst": name(d.worst.perspective),
                ]), indent: 4)
            }
            if entries.count > 5 { lines.append("  " + say("table.risks.more", ["count": String(entries.count - 5)])) }
        }
        let split = score.appetite.filter { v in v.perspectives.contains { $0.withinAppetite } && v.perspectives.contains { !$0.withinAppetite } }
        if !split.isEmpty {
            lines += Self.wrap(say("table.disagreements.appetite-heading"), indent: 2)
            for v in split {
                func listed(_ within: Bool) -> String {
                    v.perspectives.filter { $0.withinAppetite == within }
                        .map { say("table.disagreements.appetite-chance", ["perspective": name($0.id), "chance": FigureFormat.percent($0.probability.value)]) }
                        .joined(separator: say("table.list.separator"))
                }
                lines += Self.wrap("  " + say("table.disagreements.appetite", [
                    "outcome": t(score.outcomes.first { $0.id == v.outcome }?.title ?? v.outcome),
                    "within": listed(true), "outside": listed(false),
                ]), indent: 4)
            }
        }
        return lines
    }

    /// The risks on the register's own matrix, and where that disagrees with the stated ratings.
    private func matrixLines() -> [String] {
        let say = phrases
        let rated = score.risks.filter { $0.ratings != nil }
        guard !rated.isEmpty else { return [] }
        var lines = [say("table.matrix.caption.1"), say("table.matrix.caption.2")]
        lines.append(Self.matrixRow(["risk", "title", "gross", "current", "target", "stated"].map { say("table.column." + $0) } + [""]))
        lines.append(String(repeating: "-", count: Self.width))
        func cell(_ r: RegisterScore.MatrixRating?) -> String {
            r.map { say("table.matrix.cell", ["likelihood": String($0.likelihood), "impact": String($0.impact), "rag": $0.rag.rawValue]) } ?? "-"
        }
        for risk in rated {
            let r = risk.ratings!
            lines.append(Self.matrixRow([t(risk.id), t(risk.title), cell(r.gross), cell(r.current), cell(r.target),
                                         cell(r.statedCurrent ?? r.statedGross), r.disagreements.isEmpty ? "" : "!"]))
        }
        let disagreements = rated.flatMap { risk in risk.ratings!.disagreements.map { (t(risk.id), $0) } }
        if !disagreements.isEmpty {
            lines.append(say("table.matrix.disagreements"))
            for (id, d) in disagreements {
                lines += Self.wrap("  " + say("table.matrix.disagreement", ["risk": id, "message": t(d.message)]), indent: 4)
            }
        }
        if rated.contains(where: { $0.fromBands != nil }) {
            lines += Self.wrap(say("table.matrix.from-bands"), indent: 0)
        }
        lines.append("")
        return lines
    }

    /// id (8), title (20), four ratings (12 each) and a flag: 77 columns.
    static func matrixRow(_ c: [String]) -> String {
        TextLayout.row(c, [.left(8), .left(20), .left(12), .left(12), .left(12), .left(12), .left(2)])
    }

    /// What each outcome's protection rests on: the share of the loss its responses avoid that
    /// each kind of contributor carries, a flag when most of it is volunteered, and the three
    /// deliverers it rests on most.
    private func relianceLines() -> [String] {
        let say = phrases
        var lines = [say("table.reliance.heading")]
        for reliance in score.reliance {
            guard let outcome = score.outcomes.first(where: { $0.id == reliance.outcome }) else { continue }
            let share = { (kind: String) in FigureFormat.percent(reliance.kinds.first { $0.id == kind }?.share ?? 0) }
            lines += Self.wrap("  " + say("table.reliance.outcome", [
                "outcome": t(outcome.title),
                "avoided": FigureFormat.quantity(reliance.avoided, unit: outcome.unit, currency: score.register.currency),
            ]), indent: 4)
            lines += Self.wrap("    " + say("table.reliance.kinds", [
                "community": share("community"), "user": share("user"), "staff": share("staff"), "partner": share("partner"),
                "organisation": FigureFormat.percent(reliance.organisationOnly),
            ]), indent: 6)
            if reliance.mostlyVolunteered {
                lines += Self.wrap("    " + say("table.reliance.volunteered", ["share": FigureFormat.percent(reliance.volunteered)]), indent: 6)
            }
            for deliverer in reliance.deliverers.prefix(3) {
                lines += Self.wrap("    " + say("table.reliance.deliverer", [
                    "name": t(deliverer.name ?? deliverer.id), "share": FigureFormat.percent(deliverer.share),
                ]), indent: 6)
            }
        }
        return lines
    }

    /// The citizen hours each response takes, next to its cost, and its value per 1,000 with
    /// that time counted at the register's shadow rate when one is stated.
    private func citizenTimeLines() -> [String] {
        let say = phrases
        let rows = score.risks.filter { $0.response?.citizenInput != nil }
        guard !rows.isEmpty else { return [] }
        var lines = [say("table.citizen-time.heading")]
        for risk in rows {
            let response = risk.response!
            let input = response.citizenInput ?? []
            let hours = input.reduce(0) { $0 + $1.hours }
            let by = input.map { say("table.citizen-time.by", ["by": t($0.by), "hours": FigureFormat.amount($0.hours)]) }.joined(separator: ", ")
            lines += Self.wrap("  " + say("table.citizen-time.row", [
                "risk": t(risk.id), "hours": FigureFormat.amount(hours), "by": by,
                "cost": FigureFormat.quantity(response.cost, unit: "money", currency: score.register.currency),
            ]), indent: 4)
            if let value = response.valueForMoneyWithCitizenTime {
                lines += Self.wrap("    " + say("table.citizen-time.value", ["value": FigureFormat.amount(value * 1000)]), indent: 6)
            }
        }
        return lines
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
        return Self.row(["  " + phrases("table.error"), "", error(s.mean.standardError)] + [0.5, 0.9, 0.95, 0.99].map {
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

    /// The strategy mix against its reference (docs/strategy-mix.md), wrapped: a line of counts,
    /// then a note for each way the mix departs from the reference. `score` prints it after the
    /// appetite verdicts, `validate` when the mix departs.
    public static func strategyMixLines(_ mix: StrategyMix, phrases say: Phrasebook) -> [String] {
        var lines = wrap(say("table.strategy.mix", [
            "portfolio": String(mix.count(.portfolio)), "reduction": String(mix.count(.reduction)),
            "resilience": String(mix.count(.resilience)), "enablement": String(mix.count(.enablement)),
            "share": FigureFormat.percent(mix.firstTwoShare), "reference": FigureFormat.percent(StrategyMix.referenceShare),
        ]), indent: 2)
        if mix.leansOnFirstTwo { lines += wrap("  " + say("table.strategy.leans"), indent: 4) }
        if mix.lacksEnablement { lines += wrap("  " + say("table.strategy.no-enablement"), indent: 4) }
        return lines
    }
}
