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
        guard v.kind != .netBenefitAbove, let o = score.outcomes.first(where: { $0.id == v.outcome }), o.unit == "money" else { return nil }
        let responses = responseCost(inOption: score.run.portfolio)
        guard responses > 0 else { return nil }
        let w = words(o.id, o.unit)
        var own = ""
        if let id = score.run.portfolio, let p = register.portfolios.first(where: { $0.id == id }),
           let cost = p.cost, cost > 0, p.costOutcome == o.id {
            own = phrases("report.verdict.money-test.own", ["cost": w.exactSize(cost)])
        }
        return phrases("report.verdict.money-test", ["amount": w.size(abs(v.threshold)), "own": own, "responses": w.exactSize(responses)])
    }
}
