import Scoring
import TextLayer

extension ReportBuilder {
    /// The register's own matrix, when it has scales and any entry shown could be placed on it.
    func ownMatrix() -> ReportContext.OwnMatrix? {
        guard register.scales != nil else { return nil }
        let rated = score.risks.filter { visible.contains($0.id) && $0.inHeadline && $0.ratings != nil }
        guard !rated.isEmpty else { return nil }
        func cell(_ r: RegisterScore.MatrixRating?) -> ReportContext.MatrixCell {
            guard let r else { return .init(text: "—", rag: "") }
            return .init(text: e(phrases("report.matrix.cell", ["likelihood": r.likelihoodLabel, "impact": r.impactLabel,
                                                                 "l": String(r.likelihood), "i": String(r.impact), "rag": r.rag.rawValue])),
                         rag: r.rag.rawValue)
        }
        let rows = rated.map { risk in
            let r = risk.ratings!
            return ReportContext.MatrixRow(id: e(risk.id), title: e(risk.title), gross: cell(r.gross), current: cell(r.current),
                                           target: cell(r.target), stated: cell(r.statedCurrent ?? r.statedGross),
                                           disagrees: !r.disagreements.isEmpty)
        }
        let disagreements = rated.flatMap { risk in
            risk.ratings!.disagreements.map { ReportContext.MatrixDisagreement(id: e(risk.id), title: e(risk.title), message: e($0.message)) }
        }
        return .init(caption: e(phrases("report.matrix.caption")), rows: rows, disagreements: disagreements,
                     fromBandsNote: rated.contains { $0.fromBands != nil } ? e(phrases("report.matrix.from-bands")) : nil)
    }
}
