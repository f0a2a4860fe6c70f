import MonteCarlo
import RegisterModel

extension RegisterScore.AppetiteVerdict {
    /// The statement under every portfolio option, judged on one perspective's own estimates
    /// (entries it gave no estimate for are taken from the pool): whether the option the
    /// figures favour stays best whoever's estimates are believed.
    public struct PerspectiveOptions: Sendable, Codable, Hashable {
        /// The perspective's id.
        public var perspective: String
        /// One per portfolio option, in register order, as ``RegisterScore/AppetiteVerdict/portfolios``.
        public var portfolios: [Alternative]
    }
}

/// Computes ``RegisterScore/AppetiteVerdict/optionsByPerspective``: every appetite statement
/// under every portfolio option, on each perspective's estimates.
///
/// The pooled comparison (``RegisterScore/AppetiteVerdict/portfolios``) runs the options under
/// the headline view only. Here each perspective gets a run of its own of the same comparison
/// plan with that perspective as its view, on the same random numbers (every risk draws from its
/// own streams, keyed by its id), that counts only the statements' exceedances in the options
/// (``Engine/shares(_:options:requests:)``) instead of keeping and summarising every series.
/// A run per perspective, with the headline run's trials: the figures do not depend on the
/// number of threads, as no run's do.
enum OptionPerspectives {
    /// Adds the figures to `score` when the headline pools several perspectives and the
    /// register compares options; otherwise leaves it as it is.
    ///
    /// - Parameters:
    ///   - register: the register as written (not reshaped by the headline option), as the
    ///     comparison reads it.
    ///   - compared: the options compared.
    static func add(to score: inout RegisterScore, register: Register, compared: [Portfolio], options: RunOptions) throws(ScoringError) {
        guard score.run.view == "pooled", register.perspectives.count > 1, compared.count > 1, !score.appetite.isEmpty else { return }
        for perspective in register.perspectives {
            let plan = try PlanCompiler.compile(register, activities: nil, views: [perspective.id], portfolios: compared)
            let statements = register.appetite.indices.filter { $0 < plan.appetiteThresholds.count }
            var requests: [Engine.ShareRequest] = []
            for index in statements {
                let source = plan.appetiteThresholds[index]
                for p in compared.indices {
                    requests.append(.init(
                        configuration: 1 + p, residual: true, outcome: source.outcome,
                        event: source.threshold.map { .above(plan.plan.thresholds[source.outcome][$0]) } ?? .belowZero))
                }
            }
            let shares = Engine.shares(plan.plan, options: options, requests: requests)
            var k = 0
            for index in statements {
                let verdict = score.appetite[index]
                let flips = plan.appetiteThresholds[index].threshold != nil && verdict.kind == .netBenefitAbove
                let alternatives = compared.map { option -> RegisterScore.AppetiteVerdict.Alternative in
                    let share = shares[k]
                    k += 1
                    // The headline option's chance is the headline run's on this perspective, as
                    // in the pooled comparison: one figure wherever it is shown.
                    if option.id == score.run.portfolio, let own = verdict.perspectives.first(where: { $0.id == perspective.id }) {
                        return .init(id: option.id, probability: own.probability, withinAppetite: own.withinAppetite, decisive: own.decisive)
                    }
                    let p = RegisterScore.AppetiteVerdict.chance(share, trials: options.trials, complement: flips)
                    let within = verdict.kind == .netBenefitAbove ? p.value >= verdict.limit : p.value <= verdict.limit
                    return .init(id: option.id, probability: p, withinAppetite: within,
                                 decisive: RegisterScore.AppetiteVerdict.isDecisive(p, limit: verdict.limit))
                }
                score.appetite[index].optionsByPerspective = (score.appetite[index].optionsByPerspective ?? [])
                    + [.init(perspective: perspective.id, portfolios: alternatives)]
            }
        }
    }
}
