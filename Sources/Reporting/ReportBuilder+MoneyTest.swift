import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// Beside a money statement the board judges, in one sentence: what its threshold counts
    /// (the entries after responses, and the option's own cost where the register counts it
    /// there) and that the responses' planned cost is not in it, with that amount. A board
    /// member read "spending more than £50,000 above the plan" as every planned pound, and could
    /// not tell whether the £106,000 the responses cost was inside the test. Nil for another
    /// statement, or when the responses cost nothing.
    func moneyTestNote(_ v: RegisterScore.AppetiteVerdict) -> String? {
        guard let responses = plannedSpendLeftOut(v), let o = score.outcomes.first(where: { $0.id == v.outcome }) else { return nil }
        let w = words(o.id, o.unit)
        var own = ""
        if let id = score.run.portfolio, let p = register.portfolios.first(where: { $0.id == id }),
           let cost = p.cost, cost > 0, p.costOutcome == o.id {
            own = phrases("report.verdict.money-test.own", ["cost": w.exactSize(cost)])
        }
        return phrases("report.verdict.money-test", ["amount": w.size(abs(v.threshold)), "own": own, "responses": w.exactSize(responses)])
    }

    /// What the responses of the headline option cost, where money statement `v`'s test leaves
    /// it out; nil for another statement, or when the responses cost nothing.
    func plannedSpendLeftOut(_ v: RegisterScore.AppetiteVerdict) -> Double? {
        guard v.kind != .netBenefitAbove, let o = score.outcomes.first(where: { $0.id == v.outcome }), o.unit == "money" else { return nil }
        let responses = responseCost(inOption: score.run.portfolio)
        return responses > 0 ? responses : nil
    }

    /// A money verdict's label with the planned spend its test leaves out: "Within appetite, not
    /// counting €51,000 of planned spend". The label is what gets quoted: "costs within
    /// appetite" was read as every planned euro within the €50,000 limit, where the responses'
    /// €51,000 alone exceeded it. As a finance report says "excluding planned spend" beside the
    /// figure it qualifies, not only in a note below. `status` unchanged for any other statement.
    func verdictLabel(_ status: String, _ v: RegisterScore.AppetiteVerdict) -> String {
        guard let planned = plannedSpendLeftOut(v), let o = score.outcomes.first(where: { $0.id == v.outcome }) else { return status }
        return phrases("report.status.planned-aside", ["status": status, "amount": words(o.id, o.unit).exactSize(planned)])
    }
}
