import Distributions
import MonteCarlo
import RegisterModel

/// The options (`portfolios`) of a plan: which plan risks each holds, the variants of entries
/// they reshape, and the fixed costs they carry.
///
/// The rules, each documented in docs/results.md:
/// - an entry no option lists (and that is not a `portfolio` entry) is in every option, with
///   the response the option chooses for it if it chooses one; a listed entry is in only the
///   options that list it;
/// - an entry an option splits, or gives another response, is a *variant* in that option: a
///   copy of every plan risk of the entry (its own outcome, its further effects, its harm-only
///   copies) on the entry's occurrence, impact and benefit streams, with impacts and benefits
///   scaled by the share and the chosen response in place of the entry's own. On the same draws
///   as the entry, so options differ by exactly what they change; a variant of a correlated
///   entry follows the entry's reordering, so it keeps the entry's correlations. Options that
///   make the same variant share it;
/// - an option's `cost` is a fixed loss in every trial on its cost outcome (and in that
///   outcome's harm-only series, a cost being a harm), in that option only.
struct OptionPlan {
    let risks: [Risk]
    let riskIndex: [String: Int]
    var planRisks: [SimulationPlan.Risk]
    /// The entry of each plan risk (an index into ``risks``), variants included.
    var planEntry: [Int]
    /// One plan risk per option cost, after every other: no entry, one estimate.
    var costRisks: [SimulationPlan.Risk] = []

    init(risks: [Risk], riskIndex: [String: Int], planRisks: [SimulationPlan.Risk], planEntry: [Int]) {
        self.risks = risks
        self.riskIndex = riskIndex
        self.planRisks = planRisks
        self.planEntry = planEntry
    }

    /// The plan's portfolios, adding the variants and cost risks they need.
    ///
    /// - Parameter correlated: plan risks in some correlation; their variants follow them.
    mutating func portfolios(
        _ portfolios: [Portfolio], correlated: Set<Int>, optional: Set<String>, outcomeIndex: [String: Int],
        harmOutcomes: [Int: Int], deliverers: [String: Int]
    ) throws(ScoringError) -> [SimulationPlan.Portfolio] {
        guard !portfolios.isEmpty else { return [] }
        let sources = planRisks.count
        var byEntry = Array(repeating: [Int](), count: risks.count)
        for j in 0..<sources { byEntry[planEntry[j]].append(j) }
        var variants: [VariantKey: [Int]] = [:]
        var costRisksBefore = 0
        var out: [SimulationPlan.Portfolio] = []
        for portfolio in portfolios {
            var activities: [Int] = []
            for (i, risk) in risks.enumerated() {
                let id = risk.id
                let share = portfolio.share(of: id)
                let inFull = optional.contains(id) ? portfolio.risks.contains(id) : true
                guard inFull || share != nil else { continue }
                let choice = portfolio.responseChoice(for: id)
                if share == nil && choice == nil {
                    activities += byEntry[i].filter { planRisks[$0].isActivity }
                    continue
                }
                let key = VariantKey(entry: i, share: share ?? 1, response: choice)
                if let made = variants[key] {
                    activities += made
                    continue
                }
                var response: SimulationPlan.Response?? = nil
                if let choice {
                    guard let chosen = risk.response(named: choice) else {
                        throw .unknownReference(kind: "response", id: choice, from: "portfolio `\(portfolio.id)`")
                    }
                    response = .some(PlanCompiler.response(chosen, deliverers: deliverers))
                }
                var made: [Int] = []
                for j in byEntry[i] {
                    made.append(planRisks.count)
                    planRisks.append(variant(of: j, key: key, response: response, follows: correlated.contains(j)))
                    planEntry.append(i)
                }
                variants[key] = made
                activities += made
            }
            if let cost = portfolio.cost, cost > 0 {
                guard let costOutcome = portfolio.costOutcome, let o = outcomeIndex[costOutcome] else {
                    throw .unknownReference(kind: "outcome", id: portfolio.costOutcome ?? "", from: "portfolio `\(portfolio.id)`'s cost")
                }
                for risk in try Self.costRisks(of: portfolio, cost: cost, outcome: o, harmOutcomes: harmOutcomes) {
                    activities.append(-1 - costRisksBefore)
                    costRisksBefore += 1
                    costRisks.append(risk)
                }
            }
            out.append(SimulationPlan.Portfolio(name: portfolio.id, activities: activities))
        }
        // Cost risks come after every other plan risk: their indices are known only now.
        let first = planRisks.count
        return out.map { p in
            SimulationPlan.Portfolio(name: p.name, activities: p.activities.map { $0 < 0 ? first + (-1 - $0) : $0 })
        }
    }

    /// Counts the own cost of `option` (the headline's) in the views: its cost risks, made by
    /// ``portfolios(_:correlated:optional:outcomeIndex:harmOutcomes:deliverers:)`` when the
    /// option is compared in this plan, count in the views too; otherwise they are added, in
    /// every trial and every option (no option to choose here), with the same keys, so the
    /// headline run and a merged run hold the same risks.
    mutating func countCost(
        of option: Portfolio?, inViews compared: [Portfolio], outcomeIndex: [String: Int], harmOutcomes: [Int: Int]
    ) throws(ScoringError) {
        guard let option, let cost = option.cost, cost > 0 else { return }
        guard let costOutcome = option.costOutcome, let o = outcomeIndex[costOutcome] else {
            throw .unknownReference(kind: "outcome", id: option.costOutcome ?? "", from: "portfolio `\(option.id)`'s cost")
        }
        let own = try Self.costRisks(of: option, cost: cost, outcome: o, harmOutcomes: harmOutcomes)
        if compared.contains(where: { $0.id == option.id }) {
            let keys = Set(own.map(\.key))
            for k in costRisks.indices where keys.contains(costRisks[k].key) { costRisks[k].inViews = true }
        } else {
            for var risk in own {
                risk.isActivity = false
                risk.inViews = true
                costRisks.append(risk)
            }
        }
    }

    /// An option's cost as plan risks: a fixed loss in every trial on its cost outcome, and one
    /// on that outcome's harm-only series where it has one (a cost being a harm).
    static func costRisks(of portfolio: Portfolio, cost: Double, outcome o: Int, harmOutcomes: [Int: Int]) throws(ScoringError) -> [SimulationPlan.Risk] {
        guard let fixed = try? Distribution.fixed(cost) else {
            throw .plan("portfolio `\(portfolio.id)`'s cost \(cost) is not a finite amount")
        }
        return ([o] + (harmOutcomes[o].map { [$0] } ?? [])).enumerated().map { k, outcome in
            SimulationPlan.Risk(
                key: StableHash.fnv1a64("\(portfolio.id) option cost\(k == 0 ? "" : " harm")"), outcome: outcome,
                estimates: [SimulationPlan.Estimate(occurrence: .probability(1), impact: fixed)],
                isActivity: true, inViews: false)
        }
    }

    /// What makes a variant: the entry, its share and the chosen response (nil: its own).
    struct VariantKey: Hashable {
        var entry: Int
        var share: Double
        var response: String?

        /// Mixed into each source plan risk's key: the variant's own, stable whatever the order
        /// of the register's lists.
        var salt: UInt64 { StableHash.fnv1a64("option variant share \(share) response \(response ?? "-")") }
    }

    /// A copy of plan risk `j` on its streams, scaled and with the chosen response
    /// (`.some(nil)` would be none; nil keeps its own).
    private func variant(of j: Int, key: VariantKey, response: SimulationPlan.Response??, follows: Bool) -> SimulationPlan.Risk {
        let source = planRisks[j]
        var v = source
        v.key = StableHash.combine([source.key, key.salt])
        v.occurrenceKey = source.occurrenceKey ?? source.key
        v.benefitKey = source.benefitKey ?? source.key
        v.isActivity = true
        v.inViews = false
        v.follows = follows ? j : nil
        if key.share != 1 {
            for e in v.estimates.indices {
                v.estimates[e].impact = v.estimates[e].impact.scaled(by: key.share)
                v.estimates[e].benefit = v.estimates[e].benefit?.scaled(by: key.share)
            }
        }
        if let response { v.response = response }
        return v
    }
}
