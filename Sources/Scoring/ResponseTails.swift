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

/// Chooses the responses whose ``RegisterScore/BadYearValue`` is measured: those an average
/// judges harshly, money responses in the headline figures that save less on average than they
/// cost. Each is measured on a variant of its entry with the response never delivered,
/// everything else as in the headline, on the same random numbers (each risk draws from its own
/// streams), so the difference from the headline is the response's own, not noise between runs.
/// The variants run with the response levers' (see ``ResponseLevers``), in one run. Only these
/// responses are measured, so the cost is bounded by the register's responses that look poor
/// value.
enum ResponseTails {
    /// A response to measure: its entry (a plan risk index), its outcome (an index into the
    /// register's outcomes, which are the plan's first outcomes) and its index in the score's
    /// risks.
    struct Asked {
        var entry: Int
        var outcome: Int
        var scored: Int
    }

    static func asked(_ score: RegisterScore, register: Register, compiled: CompiledRegister) -> [Asked] {
        let plan = compiled.plan
        let outcomeIndex = Dictionary(uniqueKeysWithValues: register.outcomes.enumerated().map { ($1.id, $0) })
        return compiled.risks.enumerated().compactMap { r, entry in
            guard let o = outcomeIndex[entry.outcome], ResultReader.unitName(register.outcomes[o].unit) == "money",
                  let k = score.risks.firstIndex(where: { $0.id == entry.id }), let response = score.risks[k].response,
                  response.cost > 0, response.value.value < response.cost, plan.risks[r].response != nil,
                  score.outcomes[o].residual.percentile(0.95) != nil
            else { return nil }
            return Asked(entry: r, outcome: o, scored: k)
        }
    }

    /// Records each asked response's bad-year value from `without`, the outcome's residual
    /// summary with the response never delivered.
    static func record(_ asked: Asked, without: OutcomeSummary, in score: inout RegisterScore) {
        guard let headlineP95 = score.outcomes[asked.outcome].residual.percentile(0.95)?.value,
              let p95 = without.percentile(0.95)?.value else { return }
        score.risks[asked.scored].response?.badYearValue = RegisterScore.BadYearValue(
            p95: p95 - headlineP95,
            es95: without.expectedShortfall95.value - score.outcomes[asked.outcome].residual.expectedShortfall95.value)
    }
}
