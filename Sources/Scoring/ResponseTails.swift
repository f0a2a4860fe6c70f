import MonteCarlo
import RegisterModel

extension RegisterScore {
    /// What a response does to its outcome's bad years: how much higher the outcome's 1 in 20
    /// bad year (P95) and the average of its worst 1 in 20 years (ES95) would be if the response
    /// were never delivered, everything else as in the headline. An average hides this; it is
    /// what insurance, a safety check or a duty is for.
    public struct BadYearValue: Sendable, Codable, Hashable {
        /// P95 of the outcome's loss without the response, minus the headline's P95.
        public var p95: Double
        /// ES95 of the outcome's loss without the response, minus the headline's ES95.
        public var es95: Double
    }
}

/// Measures ``RegisterScore/BadYearValue`` for the responses an average judges harshly: money
/// responses in the headline figures that save less on average than they cost. Each takes one
/// run of the headline view with only that response never delivered, on the same random numbers
/// (each risk draws from its own streams), so the difference from the headline is the
/// response's own, not noise between runs. Only those responses are run, so the cost is bounded
/// by the register's responses that look poor value.
enum ResponseTails {
    static func add(to score: inout RegisterScore, register: Register, compiled: CompiledRegister, headline: Int,
                    options: RunOptions) throws(ScoringError) {
        let plan = compiled.plan
        let outcomeIndex = Dictionary(uniqueKeysWithValues: register.outcomes.enumerated().map { ($1.id, $0) })
        for (r, entry) in compiled.risks.enumerated() {
            guard let o = outcomeIndex[entry.outcome], ResultReader.unitName(register.outcomes[o].unit) == "money",
                  let k = score.risks.firstIndex(where: { $0.id == entry.id }), let response = score.risks[k].response,
                  response.cost > 0, response.value.value < response.cost, plan.risks[r].response != nil,
                  let headlineP95 = score.outcomes[o].residual.percentile(0.95)?.value
            else { continue }
            // The entry's plan risks: its own, and those sharing its occurrences (effects,
            // harm-only copies), which share its response.
            var risks = plan.risks
            for q in risks.indices where q == r || risks[q].occurrenceKey == plan.risks[r].key {
                risks[q].response?.reliability = 0
            }
            let variant: SimulationPlan
            do {
                variant = try SimulationPlan(
                    outcomeCount: plan.outcomeCount, totalOutcomes: plan.totalOutcomes, risks: risks,
                    views: [plan.views[headline]], portfolios: [], primaryView: 0, correlations: plan.correlations,
                    thresholds: plan.thresholds, totalThresholds: plan.totalThresholds, deliverers: plan.deliverers)
            } catch {
                throw .plan(error.description)
            }
            let without = Engine.run(variant, options: options).views[0].outcomes[o].residual
            guard let p95 = without.percentile(0.95)?.value else { continue }
            score.risks[k].response?.badYearValue = RegisterScore.BadYearValue(
                p95: p95 - headlineP95,
                es95: without.expectedShortfall95.value - score.outcomes[o].residual.expectedShortfall95.value)
        }
    }
}
