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
        matrix.otherOptionsNote = otherOptionsNote(score.risks.filter { visible.contains($0.id) && !$0.inHeadline }.map { ($0.id, $0.title) },
                                                   key: "report.matrix.other-options")
        if !unplaced.isEmpty {
            matrix.notPlacedNote = e(phrases("report.matrix.not-placed", ["entries": unplaced.joined(separator: phrases("report.list.separator"))]))
        }
        return matrix
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
