import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// The register's own matrix, when it has scales and any entry shown could be placed on it.
    func ownMatrix() -> ReportContext.OwnMatrix? {
        guard register.scales != nil else { return nil }
        let headline = score.risks.filter { visible.contains($0.id) && $0.inHeadline }
        let rated = headline.filter { $0.ratings != nil }
        guard !rated.isEmpty else { return nil }
        func rag(_ r: RegisterScore.MatrixRating) -> String { phrases("report.matrix.rag." + r.rag.rawValue) }
        func cell(_ r: RegisterScore.MatrixRating?, _ names: LevelNames) -> ReportContext.MatrixCell {
            guard let r else { return .init(text: e(phrases("report.matrix.none")), rag: "") }
            return .init(text: e(phrases("report.matrix.cell", ["likelihood": names.likelihood(r.likelihood), "impact": names.impact(r.impact),
                                                                 "l": String(r.likelihood), "i": String(r.impact), "rag": rag(r)])),
                         rag: r.rag.rawValue)
        }
        let rows = rated.map { risk in
            let r = risk.ratings!, names = levelNames(outcome: risk.outcome)
            // An activity whose gain outweighs its harm is placed by the harm alone, as every
            // entry is: said in its row, so a red reads as the size of the harm taken on, not
            // as a verdict on the activity the figures favour.
            var title = risk.title
            if risk.meanBenefit > 0, risk.meanLoss.residual.value < 0, let o = score.outcomes.first(where: { $0.id == risk.outcome }) {
                title = phrases("report.matrix.harm-alone", ["title": risk.title, "net": words(o.id, o.unit).outcomePhrase(risk.meanLoss.residual.value)])
            }
            return ReportContext.MatrixRow(id: e(risk.id), title: e(title), gross: cell(r.gross, names), current: cell(r.current, names),
                                           target: cell(r.target, names), stated: cell(r.statedCurrent ?? r.statedGross, names),
                                           disagrees: !r.disagreements.isEmpty)
        }
        // Each disagreement in the report's words, with the chance that placed the entry (worked
        // out from the estimates) beside the simulated one shown in the entry's own section, so
        // that two figures for one chance never stand unexplained.
        let disagreements = rated.flatMap { risk -> [ReportContext.MatrixDisagreement] in
            let r = risk.ratings!
            let unit = score.outcomes.first { $0.id == risk.outcome }?.unit ?? ""
            let names = levelNames(outcome: risk.outcome)
            return [("gross", r.statedGross, r.gross, risk.probability.inherent),
                    ("current", r.statedCurrent, r.current, risk.probability.residual)].compactMap { name, stated, placed, simulated in
                guard let stated, stated.rag != placed.rag, let chance = placed.probability, let impact = placed.impactP90 else { return nil }
                let message = phrases("report.matrix.disagreement.named", [
                    "rating": phrases("report.matrix.rating." + name), "stated": rag(stated),
                    "statedLikelihood": String(stated.likelihood), "statedImpact": String(stated.impact),
                    "statedLikelihoodName": names.likelihood(stated.likelihood), "statedImpactName": names.impact(stated.impact),
                    "likelihoodName": names.likelihood(placed.likelihood), "impactName": names.impact(placed.impact),
                    "chance": FigureFormat.percent(chance), "simulated": FigureFormat.percent(simulated),
                    "impactP90": quantity(impact, unit), "likelihood": String(placed.likelihood), "impact": String(placed.impact),
                    "placed": rag(placed),
                ])
                return ReportContext.MatrixDisagreement(id: e(risk.id), title: e(risk.title), message: e(message))
            }
        }
        let unplaced = headline.filter { $0.ratings == nil }.map(\.id)
        var matrix = ReportContext.OwnMatrix(
            caption: e(phrases("report.matrix.caption")), rows: rows, disagreements: disagreements,
            fromBandsNote: rated.contains { $0.fromBands != nil } ? e(phrases("report.matrix.from-bands")) : nil)
        matrix.unmoved = rated.compactMap(unmovedRed)
        matrix.otherOptionsNote = otherOptionsNote(score.risks.filter { visible.contains($0.id) && !$0.inHeadline }.map { ($0.id, $0.title) },
                                                   key: "report.matrix.other-options")
        if !unplaced.isEmpty {
            matrix.notPlacedNote = e(phrases("report.matrix.not-placed", ["entries": unplaced.joined(separator: phrases("report.list.separator"))]))
        }
        return matrix
    }

    /// Why an entry stays red in the same cell with its response as without: its chance and its
    /// 1 in 10 worst harm of one occurrence with the response, each against the edge of the
    /// band that keeps it there, and how far each must fall to reach its target. Worked out
    /// from the placement and the register's scales; nil unless the response leaves a red
    /// where it was. CS-03's reason ("not by enough to cross the matrix's bands") was in its
    /// rationale alone, far below the red the board reads.
    func unmovedRed(_ risk: RegisterScore.RiskScore) -> ReportContext.MatrixDisagreement? {
        guard risk.response != nil, let r = risk.ratings, r.current.rag == .red,
              r.current.likelihood == r.gross.likelihood, r.current.impact == r.gross.impact,
              let chance = r.current.probability, let impact = r.current.impactP90,
              let scales = register.scales, let outcome = register.outcome(risk.outcome),
              let impactLevels = scales.impactScale(for: outcome.unit)?.levels,
              let likelihoodBand = scales.likelihood.first(where: { $0.level == r.current.likelihood }),
              let impactBand = impactLevels.first(where: { $0.level == r.current.impact }) else { return nil }
        let unit = score.outcomes.first { $0.id == risk.outcome }?.unit ?? ""
        let names = levelNames(outcome: risk.outcome)
        var message = phrases("report.matrix.unmoved", [
            "likelihoodName": names.likelihood(r.current.likelihood), "impactName": names.impact(r.current.impact),
            "likelihood": String(r.current.likelihood), "impact": String(r.current.impact), "rag": phrases("report.matrix.rag.red"),
            "chance": FigureFormat.percent(chance), "grossChance": r.gross.probability.map(FigureFormat.percent) ?? "—",
            "simulated": FigureFormat.percent(risk.probability.residual),
            "chanceEdge": FigureFormat.percent(likelihoodBand.from),
            "harm": quantity(impact, unit), "grossHarm": r.gross.impactP90.map { quantity($0, unit) } ?? "—",
            "harmEdge": quantity(impactBand.from, unit)])
        // What reaching the target asks: the upper edge of each of its bands below the current.
        if let target = r.target {
            var needs: [String] = []
            if target.likelihood < r.current.likelihood, let to = scales.likelihood.first(where: { $0.level == target.likelihood })?.to {
                needs.append(phrases("report.matrix.unmoved.chance-below", ["edge": FigureFormat.percent(to)]))
            }
            if target.impact < r.current.impact, let to = impactLevels.first(where: { $0.level == target.impact })?.to {
                needs.append(phrases("report.matrix.unmoved.harm-below", ["edge": quantity(to, unit)]))
            }
            if !needs.isEmpty {
                message += " " + phrases("report.matrix.unmoved.target", [
                    "target": phrases("report.matrix.cell", ["likelihood": names.likelihood(target.likelihood), "impact": names.impact(target.impact),
                                                             "l": String(target.likelihood), "i": String(target.impact),
                                                             "rag": phrases("report.matrix.rag." + target.rag.rawValue)]),
                    "needs": listInWords(needs)])
            }
        }
        return ReportContext.MatrixDisagreement(id: e(risk.id), title: e(risk.title), message: e(message))
    }

    /// The names of the likelihood and impact levels an entry on `outcome` is placed at, in the
    /// report's language (``RegisterModel/ScaleLevel/shownName``), isolated as register text.
    struct LevelNames {
        var likelihood: (Int) -> String
        var impact: (Int) -> String
    }

    func levelNames(outcome id: String) -> LevelNames {
        let scales = register.scales
        let impact = register.outcomes.first { $0.id == id }.flatMap { scales?.impactScale(for: $0.unit) }
        func name(_ levels: [ScaleLevel]?, _ level: Int) -> String {
            levels?.first { $0.level == level }.map { UntrustedText.isolated($0.shownName) } ?? String(level)
        }
        return LevelNames(likelihood: { name(scales?.likelihood, $0) }, impact: { name(impact?.levels, $0) })
    }
}
