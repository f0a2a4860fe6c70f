import MonteCarlo
import RegisterModel

extension RegisterScore.AppetiteVerdict {
    /// What one response does to an appetite verdict: the statement's chance if the response
    /// were always delivered, and if it were never delivered, everything else as in the
    /// headline. Each comes from a run of the headline plan with only that response's
    /// reliability changed, on the same random numbers (each risk draws from its own streams,
    /// and delivery is one draw per trial compared with the reliability), so the differences
    /// from the headline are exact, not noise.
    public struct ResponseLever: Sendable, Codable, Hashable {
        /// The entry whose response it is.
        public var risk: String
        /// The response's reliability as the register states it.
        public var reliability: Double
        /// The chance (as ``RegisterScore/AppetiteVerdict/probability``) if it were always delivered.
        public var ifDelivered: Statistic
        public var withinIfDelivered: Bool
        /// The chance if it were never delivered.
        public var ifNotDelivered: Statistic
        public var withinIfNotDelivered: Bool
    }
}

extension RegisterScore.AppetiteVerdict {
    /// Whether the perspectives' own estimates give different verdicts.
    public var dependsOnEstimates: Bool {
        perspectives.contains(where: \.withinAppetite) && perspectives.contains { !$0.withinAppetite }
    }
}

/// Computes ``RegisterScore/AppetiteVerdict/ResponseLever``s for the statements a board must
/// decide on: those outside appetite, too close to call, or depending on whose estimates.
enum ResponseLevers {
    /// Responses examined per statement, largest contributors to the outcome's variance first.
    /// Each costs two runs of the headline view, so the cost is bounded whatever the register's
    /// size.
    static let perStatement = 3

    static func add(to score: inout RegisterScore, register: Register, compiled: CompiledRegister, headline: Int,
                    options: RunOptions) throws(ScoringError) {
        let plan = compiled.plan
        for (index, verdict) in score.appetite.enumerated() where !verdict.withinAppetite || !verdict.decisive || verdict.dependsOnEstimates {
            let source = compiled.appetiteThresholds[index]
            let statement = register.appetite[index]
            // An entry's plan risks: its own, those carrying its effects on further outcomes
            // and its harm-only copies, which share its occurrences (and its response).
            func planRisks(of entry: Int) -> [Int] {
                plan.risks.indices.filter { $0 == entry || plan.risks[$0].occurrenceKey == plan.risks[entry].key }
            }
            let candidates = compiled.risks.indices
                .filter { plan.risks[$0].response != nil && planRisks(of: $0).contains { plan.risks[$0].outcome == source.outcome } }
                .sorted { a, b in
                    let va = score.risks.first { $0.id == compiled.risks[a].id }?.varianceContribution.residual ?? 0
                    let vb = score.risks.first { $0.id == compiled.risks[b].id }?.varianceContribution.residual ?? 0
                    return va != vb ? va > vb : compiled.risks[a].id < compiled.risks[b].id
                }
                .prefix(perStatement)
            var levers: [RegisterScore.AppetiteVerdict.ResponseLever] = []
            for r in candidates {
                func chance(reliability: Double) throws(ScoringError) -> Statistic {
                    var risks = plan.risks
                    for k in planRisks(of: r) { risks[k].response?.reliability = reliability }
                    let variant: SimulationPlan
                    do {
                        variant = try SimulationPlan(
                            outcomeCount: plan.outcomeCount, totalOutcomes: plan.totalOutcomes, risks: risks,
                            views: [plan.views[headline]], portfolios: [], primaryView: 0, correlations: plan.correlations,
                            thresholds: plan.thresholds, totalThresholds: plan.totalThresholds, deliverers: plan.deliverers)
                    } catch {
                        throw .plan(error.description)
                    }
                    let summary = Engine.run(variant, options: options).views[0].outcomes[source.outcome].residual
                    guard let k = source.threshold else { return summary.probabilityNetBenefit }
                    let exceed = summary.exceedances[k].probability
                    if case .netBenefitAbove = statement.limit {
                        return Statistic(value: 1 - exceed.value, standardError: exceed.standardError)
                    }
                    return exceed
                }
                func within(_ s: Statistic) -> Bool {
                    verdict.kind == .netBenefitAbove ? s.value >= verdict.limit : s.value <= verdict.limit
                }
                let delivered = try chance(reliability: 1), notDelivered = try chance(reliability: 0)
                levers.append(.init(risk: compiled.risks[r].id, reliability: plan.risks[r].response!.reliability,
                                    ifDelivered: delivered, withinIfDelivered: within(delivered),
                                    ifNotDelivered: notDelivered, withinIfNotDelivered: within(notDelivered)))
            }
            score.appetite[index].responses = levers
        }
    }
}
