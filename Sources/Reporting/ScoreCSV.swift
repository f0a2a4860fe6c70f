import MonteCarlo
import Scoring

/// `--format csv`: one row per risk, then one per outcome, for spreadsheet users. Figures are
/// raw numbers (no separators) so a spreadsheet reads them as numbers; the `row` column says
/// which kind a row is, so a filter gives either.
public enum ScoreCSV {
    public static let header = [
        "register", "risk", "title", "outcome", "strategy", "confidential", "review", "in_headline",
        "probability_inherent", "probability_residual", "mean_loss_inherent", "mean_loss_residual",
        "mean_loss_residual_se", "mean_benefit", "variance_share", "response_cost", "response_value",
        "response_value_se", "value_for_money", "seed", "trials",
        "from_bands", "gross_rating", "gross_rag", "current_rating", "current_rag", "target_rating", "target_rag",
        "stated_gross_rag", "stated_current_rag", "rating_disagrees",
        "row", "unit", "p50_residual", "p90_residual", "p95_residual", "p99_residual", "p90_inherent",
        "es95_residual", "probability_net_benefit_residual",
    ]

    /// The columns after the risk's own: the row's kind and unit, and the outcome figures
    /// (empty on a risk's row).
    static func outcomeCells(_ kind: String, unit: String, _ outcome: RegisterScore.OutcomeScore?) -> [String] {
        guard let outcome else { return [kind, unit] + Array(repeating: "", count: 7) }
        let residual = outcome.residual
        func p(_ q: Double, _ summary: OutcomeSummary) -> String { summary.percentile(q).map { number($0.value) } ?? "" }
        return [kind, unit, p(0.5, residual), p(0.9, residual), p(0.95, residual), p(0.99, residual), p(0.9, outcome.inherent),
                number(residual.expectedShortfall95.value), number(residual.probabilityNetBenefit.value)]
    }

    public static func render(_ scores: [RegisterScore]) -> String {
        var rows = [header]
        for score in scores {
            for risk in score.risks {
                rows.append([
                    score.register.id, risk.id, risk.title, risk.outcome, risk.strategy.rawValue,
                    String(risk.confidential), risk.review ?? "", String(risk.inHeadline),
                    number(risk.probability.inherent), number(risk.probability.residual),
                    number(risk.meanLoss.inherent.value), number(risk.meanLoss.residual.value),
                    number(risk.meanLoss.residual.standardError), number(risk.meanBenefit),
                    risk.varianceShare.map(number) ?? "",
                    // A placeholder cost (an import's 0, still to be checked) is left blank, as unknown.
                    risk.needsReview.contains("response.cost") ? "" : risk.response.map { number($0.cost) } ?? "",
                    risk.response.map { number($0.value.value) } ?? "",
                    risk.response.map { number($0.value.standardError) } ?? "",
                    risk.response?.valueForMoney.map(number) ?? "",
                    String(score.run.seed), String(score.run.trials),
                ] + ratingCells(risk) + outcomeCells("risk", unit: score.outcomes.first { $0.id == risk.outcome }?.unit ?? "", nil))
            }
            for outcome in score.outcomes {
                rows.append([
                    score.register.id, "", outcome.title, outcome.id, "", "", "", "true", "", "",
                    number(outcome.inherent.mean.value), number(outcome.residual.mean.value),
                    number(outcome.residual.mean.standardError), "", "", "", "", "", "",
                    String(score.run.seed), String(score.run.trials),
                ] + Array(repeating: "", count: 10) + outcomeCells("outcome", unit: outcome.unit, outcome))
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The matrix columns: a rating is written `L×I` (likelihood and impact level); empty
    /// without scales.
    static func ratingCells(_ risk: RegisterScore.RiskScore) -> [String] {
        let bands = risk.fromBands.map { $0.joined(separator: " ") } ?? ""
        guard let r = risk.ratings else { return [bands] + Array(repeating: "", count: 9) }
        func cell(_ m: RegisterScore.MatrixRating?) -> [String] {
            m.map { ["\($0.likelihood)x\($0.impact)", $0.rag.rawValue] } ?? ["", ""]
        }
        return [bands] + cell(r.gross) + cell(r.current) + cell(r.target)
            + [r.statedGross?.rag.rawValue ?? "", r.statedCurrent?.rag.rawValue ?? "", String(!r.disagreements.isEmpty)]
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// RFC 4180 quoting; a field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
    /// at the start of text) is prefixed with `'` so register text cannot execute there.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
