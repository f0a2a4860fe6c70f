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
/// responses in the headline figures that save less on average than they cost.
///
/// One run serves them all, the response levers' own (``LeverPlan``): each response's entry
/// gets a variant never delivered, on the entry's own streams, and an option holding the
/// headline's risks with the entry replaced by it. An option's series is then exactly the
/// headline series with only that response never delivered, and the run's headline view is
/// the headline itself, so each difference is the response's own, not noise between runs.
enum ResponseTails {
    static func add(to score: inout RegisterScore, register: Register, compiled: CompiledRegister, headline: Int,
                    options: RunOptions) throws(ScoringError) {
        let plan = compiled.plan
        let outcomeIndex = Dictionary(uniqueKeysWithValues: register.outcomes.enumerated().map { ($1.id, $0) })
        func planRisks(of entry: Int) -> [Int] {
            plan.risks.indices.filter { $0 == entry || plan.risks[$0].occurrenceKey == plan.risks[entry].key }
        }
        let asked: [(entry: Int, outcome: Int, score: Int)] = compiled.risks.enumerated().compactMap { r, entry in
            guard let o = outcomeIndex[entry.outcome], ResultReader.unitName(register.outcomes[o].unit) == "money",
                  let k = score.risks.firstIndex(where: { $0.id == entry.id }), let response = score.risks[k].response,
                  response.cost > 0, response.value.value < response.cost, plan.risks[r].response != nil
            else { return nil }
            return (r, o, k)
        }
        guard !asked.isEmpty else { return }
        let outcomes = Array(Set(asked.map(\.outcome))).sorted()
        let levers = try LeverPlan(plan, headline: headline, entries: asked.map { ($0.entry, planRisks(of: $0.entry)) }, outcomes: outcomes)
        let result = Engine.run(levers.plan, options: options)
        let neverDelivered = ResponseLevers.variants.firstIndex(of: 0)!
        for (entry, o, k) in asked {
            let read = levers.outcome[o]!
            let with = result.views[0].outcomes[read].residual
            let without = result.portfolios[levers.option(entry: entry, variant: neverDelivered)].outcomes[read].residual
            guard let p95 = without.percentile(0.95)?.value, let headlineP95 = with.percentile(0.95)?.value else { continue }
            score.risks[k].response?.badYearValue = RegisterScore.BadYearValue(
                p95: p95 - headlineP95, es95: without.expectedShortfall95.value - with.expectedShortfall95.value)
        }
    }
}
