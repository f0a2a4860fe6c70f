import MonteCarlo
import RegisterModel

/// A register compiled into a simulation plan, with the ids needed to read the results back.
struct CompiledRegister {
    let plan: SimulationPlan
    /// The register's risks in plan order — by id, whatever their order in the file — each with
    /// its estimates by perspective id (a subset of the risks when a portfolio leaves
    /// activities out).
    let risks: [Risk]
    /// For each correlation of the register, in register order, its index in the plan's
    /// correlations (nil when one of its risks is left out).
    let correlationIndex: [Int?]
    /// The perspective of each plan view; nil for the pooled view.
    let viewPerspectives: [String?]
    /// Where each appetite statement's probability comes from: the outcome and the index of its
    /// threshold in the plan (nil when it is read from the summary's net-benefit probability).
    let appetiteThresholds: [(outcome: Int, threshold: Int?)]
    /// The outcomes the register total adds up (the money outcomes, when there are two or more).
    let totalOutcomes: [Int]
    /// The further effects of entries with `effects`: the entry (an index into ``risks``), the
    /// outcome, and the plan risk that carries the effect (after the entries themselves).
    var effects: [(risk: Int, outcome: String, plan: Int)] = []
    /// For outcomes with a `harm-exceeds` statement, the plan outcome whose series holds their
    /// harm alone (after the register's outcomes).
    var harmOutcomes: [Int: Int] = [:]
}

/// Turns a validated register into the engine's flat plan.
///
/// The rules it applies, each documented in docs/results.md:
/// - a likelihood given as a distribution acts through its mean (one event per horizon);
///   a frequency given as a distribution is a mixed Poisson;
/// - a response reduces likelihood by thinning and impact by scaling, only when delivered;
/// - a contributor with a stated `availability` or `steps-back-when` is a shared deliverer: drawn
///   once per trial, and every response it delivers is delivered only when it is available;
/// - a perspective's view uses its own estimate of each risk, and where it gave none, the
///   pooled estimate of the perspectives that did;
/// - the pooled view is a linear opinion pool weighted by the perspectives' weights (equal
///   weights when every estimating perspective has weight 0);
/// - each risk's random streams are keyed by a fixed hash of its id, so editing one risk never
///   moves another's figures;
/// - nothing depends on the order of the register's lists: risks are put in id order, each
///   risk's estimates in perspective-id order, correlations in the order of their risks, and an
///   outcome's appetite thresholds ascending without repeats.
enum PlanCompiler {
    /// - Parameters:
    ///   - activities: the portfolio entries to include; nil includes all of them.
    ///   - views: the perspectives to view the register from, by id; nil is the pooled view.
    ///   - portfolios: the portfolios to compare in this plan.
    ///   - viewActivities: the activities whose losses count in the views (the headline
    ///     portfolio's), when the plan holds others for the portfolio comparison only; nil
    ///     counts every included risk in the views.
    ///   - headlineOption: the option whose own `cost` counts in the views, as it counts in
    ///     that option's figures in the comparison: an option's cost is part of its money
    ///     outcome wherever its chances are judged, headline included. Nil counts none.
    static func compile(
        _ register: Register, activities: Set<String>?, views viewPerspectives: [String?], portfolios: [Portfolio],
        viewActivities: Set<String>? = nil, headlineOption: Portfolio? = nil
    ) throws(ScoringError) -> CompiledRegister {
        // Entries some option lists (and every portfolio entry) are in only those options'
        // scores; an entry an option reshapes (a share of it, or another response) is simulated
        // as is for the options that keep it and as a variant for that option.
        let optional = register.optionalEntries
        let reshaped = Set(portfolios.flatMap { $0.split.map(\.risk) + $0.responses.map(\.risk) })
        let included = { (risk: Risk) in !optional.contains(risk.id) || activities?.contains(risk.id) ?? true }
        // Usually every entry is included: then the register's own array is shared, not copied
        // (a register of 10,000 risks holds about 6 MB of them).
        var risks = register.risks.allSatisfy(included) ? register.risks : register.risks.filter(included)
        // List order must not matter: the plan holds the risks by id and each risk's estimates
        // by perspective (the pooled view picks an estimate by walking its cumulative weights).
        if !zip(risks, risks.dropFirst()).allSatisfy({ $0.id < $1.id }) { risks.sort { $0.id < $1.id } }
        for i in risks.indices where !zip(risks[i].estimates, risks[i].estimates.dropFirst()).allSatisfy({ $0.perspective < $1.perspective }) {
            risks[i].estimates.sort { $0.perspective < $1.perspective }
        }
        // Ids are unique and references resolve in any register the loader returns, and
        // `Scorer.check` refuses one built in code where they do not; still, nothing here traps.
        let outcomeIndex = Dictionary(register.outcomes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let riskIndex = Dictionary(risks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let weights = Dictionary(register.perspectives.map { ($0.id, $0.weight) }, uniquingKeysWith: { first, _ in first })

        // Contributors with a stated availability or step-back are shared deliverers, in id
        // order; their responses are delivered only when they are available.
        let shared = register.contributors.filter(\.isSharedDeliverer).sorted { $0.id < $1.id }
        let delivererIndex = Dictionary(shared.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let deliverers = shared.map { contributor in
            SimulationPlan.Deliverer(
                key: StableHash.fnv1a64(contributor.id), availability: contributor.availability ?? 1,
                stepsBack: contributor.stepsBack.compactMap { stepBack in
                    riskIndex[stepBack.risk].map { SimulationPlan.StepBack(risk: $0, chance: stepBack.chance) }
                })
        }

        var planRisks: [SimulationPlan.Risk] = []
        planRisks.reserveCapacity(risks.count)
        for risk in risks {
            guard let outcome = outcomeIndex[risk.outcome] else {
                throw .unknownReference(kind: "outcome", id: risk.outcome, from: "risk `\(risk.id)`")
            }
            planRisks.append(SimulationPlan.Risk(
                key: StableHash.fnv1a64(risk.id),
                outcome: outcome,
                estimates: risk.estimates.map(estimate),
                response: risk.response.map { response($0, deliverers: delivererIndex) },
                isActivity: optional.contains(risk.id) || reshaped.contains(risk.id),
                inViews: !optional.contains(risk.id) || viewActivities?.contains(risk.id) ?? true))
        }
        // Plan risks beyond the entries themselves (effects on further outcomes, then harm-only
        // copies): the entry each belongs to, by index into `risks`.
        var planEntry = Array(risks.indices)
        var effects: [(risk: Int, outcome: String, plan: Int)] = []
        for (i, risk) in risks.enumerated() where risk.hasEffects {
            let entryKey = StableHash.fnv1a64(risk.id)
            for (k, id) in risk.outcomes.dropFirst().enumerated() {
                guard let outcome = outcomeIndex[id] else {
                    throw .unknownReference(kind: "outcome", id: id, from: "risk `\(risk.id)`")
                }
                effects.append((i, id, planRisks.count))
                planEntry.append(i)
                var effect = effectRisk(risk, effect: k, outcome: outcome, entryKey: entryKey, deliverers: delivererIndex)
                effect.inViews = planRisks[i].inViews
                effect.isActivity = planRisks[i].isActivity
                planRisks.append(effect)
            }
        }
        // Harm alone, for outcomes that an appetite limits on harm: a copy of each plan risk on
        // the outcome without its benefit, on the same events and impact draws, adding into a
        // series of its own. Registers without `harm-exceeds` get none, so they run as before.
        let harmLimited = Array(Set(register.appetite.compactMap { statement in
            statement.limit.isOnHarm ? outcomeIndex[statement.outcome] : nil
        })).sorted()
        var harmOutcomes: [Int: Int] = [:]
        var harmCopy: [Int: Int] = [:]
        let carriers = planRisks.count
        for (k, o) in harmLimited.enumerated() {
            harmOutcomes[o] = register.outcomes.count + k
            for j in 0..<carriers where planRisks[j].outcome == o {
                var copy = planRisks[j]
                copy.key = StableHash.fnv1a64("\(risks[planEntry[j]].id) harm \(register.outcomes[o].id)")
                copy.occurrenceKey = planRisks[j].occurrenceKey ?? planRisks[j].key
                copy.outcome = register.outcomes.count + k
                for e in copy.estimates.indices { copy.estimates[e].benefit = nil }
                harmCopy[j] = planRisks.count
                planEntry.append(planEntry[j])
                planRisks.append(copy)
            }
        }


        // Each outcome's loss thresholds, ascending and without repeats (two statements on the
        // same threshold share one exceedance).
        func lossThreshold(_ statement: AppetiteStatement) -> Double? {
            switch statement.limit {
            case .lossExceeds(let threshold, _): return threshold
            case .netBenefitAbove(let threshold, _) where threshold == 0: return nil
            // P(net benefit > t) = P(loss < −t) = 1 − P(loss ≥ −t), read as 1 − P(loss > −t):
            // the two differ only by an atom at exactly −t.
            case .netBenefitAbove(let threshold, _): return -threshold
            case .harmExceeds(let threshold, _): return threshold
            }
        }
        let outcomeCount = register.outcomes.count + harmLimited.count
        var thresholds = [[Double]](repeating: [], count: outcomeCount)
        var statementOutcomes: [Int] = []
        for statement in register.appetite {
            guard var o = outcomeIndex[statement.outcome] else {
                throw .unknownReference(kind: "outcome", id: statement.outcome, from: "an appetite statement")
            }
            if statement.limit.isOnHarm, let harm = harmOutcomes[o] { o = harm }
            statementOutcomes.append(o)
            if let t = lossThreshold(statement) { thresholds[o].append(t) }
        }
        thresholds = thresholds.map { Array(Set($0)).sorted() }
        let appetiteThresholds: [(outcome: Int, threshold: Int?)] = zip(register.appetite, statementOutcomes).map { statement, o in
            (o, lossThreshold(statement).flatMap { t in thresholds[o].firstIndex(of: t) })
        }

        let money = register.outcomes.indices.filter { register.outcomes[$0].unit == .money }
        let totalOutcomes = money.count >= 2 ? money : []

        // In the order of their risks (the lower index first), whatever their order in the file.
        let pairs = register.correlations.map { c -> (Int, Int, Double)? in
            guard let i = riskIndex[c.first], let j = riskIndex[c.second] else { return nil }
            return (min(i, j), max(i, j), c.rank)
        }
        // Harm-only copies are correlated as their originals are.
        let copies = pairs.compactMap { $0 }.compactMap { p -> (Int, Int, Double)? in
            guard let a = harmCopy[p.0], let b = harmCopy[p.1] else { return nil }
            return (min(a, b), max(a, b), p.2)
        }
        let correlations = (pairs.compactMap { $0 } + copies).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { SimulationPlan.Correlation($0.0, $0.1, spearman: $0.2) }
        let correlationIndex = pairs.map { pair in
            pair.flatMap { p in correlations.firstIndex { $0.first == p.0 && $0.second == p.1 } }
        }
        var options = OptionPlan(risks: risks, riskIndex: riskIndex, planRisks: planRisks, planEntry: planEntry)
        let planPortfolios = try options.portfolios(
            portfolios, correlated: Set(correlations.flatMap { [$0.first, $0.second] }), optional: optional,
            outcomeIndex: outcomeIndex, harmOutcomes: harmOutcomes, deliverers: delivererIndex)
        try options.countCost(of: headlineOption, inViews: portfolios, outcomeIndex: outcomeIndex, harmOutcomes: harmOutcomes)
        planRisks = options.planRisks
        planEntry = options.planEntry

        let views = viewPerspectives.map { id in
            let rows = risks.map { risk in mixture(of: risk, for: id, weights: weights) }
            return SimulationPlan.View(
                name: id ?? "pooled", weights: planEntry.map { rows[$0] } + options.costRisks.map { _ in [1.0] })
        }
        planRisks += options.costRisks
        do {
            let plan = try SimulationPlan(
                outcomeCount: outcomeCount, totalOutcomes: totalOutcomes, risks: planRisks,
                views: views, portfolios: planPortfolios, correlations: correlations, thresholds: thresholds,
                deliverers: deliverers)
            return CompiledRegister(
                plan: plan, risks: risks, correlationIndex: correlationIndex, viewPerspectives: viewPerspectives,
                appetiteThresholds: appetiteThresholds, totalOutcomes: totalOutcomes, effects: effects, harmOutcomes: harmOutcomes)
        } catch {
            throw .plan(error.description)
        }
    }

    /// The plan risk of an entry's further effect `k`: the entry's occurrence model (its
    /// occurrence key, so the same events, estimate choice and response delivery) with the
    /// effect's impact and benefit, whose draws are salted by the outcome's id so they are the
    /// effect's own. Its key, `<entry id> effect <outcome id>`, cannot be a risk id (ids have no
    /// spaces).
    private static func effectRisk(
        _ risk: Risk, effect k: Int, outcome: Int, entryKey: UInt64, deliverers: [String: Int]
    ) -> SimulationPlan.Risk {
        let id = risk.outcomes[k + 1]
        return SimulationPlan.Risk(
            key: StableHash.fnv1a64("\(risk.id) effect \(id)"),
            outcome: outcome,
            estimates: risk.estimates.map { e in
                var planned = estimate(e)
                planned.impact = e.effects[k].impact
                planned.benefit = e.effects[k].benefit
                return planned
            },
            response: risk.response.map { response($0, deliverers: deliverers) },
            isActivity: risk.strategy == .portfolio,
            occurrenceKey: entryKey, impactSalt: StableHash.fnv1a64(id))
    }

    private static func estimate(_ e: Estimate) -> SimulationPlan.Estimate {
        let occurrence: SimulationPlan.Occurrence
        switch e.occurrence {
        case .likelihood(let d):
            occurrence = .probability(min(1, max(0, d.mean)))
        case .frequency(let d):
            if case .fixed(let rate) = d.parameters {
                occurrence = .frequency(rate)
            } else {
                occurrence = .uncertainFrequency(d)
            }
        }
        return SimulationPlan.Estimate(occurrence: occurrence, impact: e.impact, benefit: e.benefit)
    }

    static func response(_ r: Response, deliverers: [String: Int]) -> SimulationPlan.Response {
        SimulationPlan.Response(
            reliability: r.reliability, likelihoodMultiplier: 1 - r.likelihoodReduction,
            impactMultiplier: 1 - r.impactReduction, cost: r.cost,
            deliverers: Array(Set(r.deliveredBy.compactMap { deliverers[$0] })).sorted())
    }

    /// The weights a view puts on a risk's estimates.
    static func mixture(of risk: Risk, for perspective: String?, weights: [String: Double]) -> [Double] {
        if let perspective, let own = risk.estimates.firstIndex(where: { $0.perspective == perspective }) {
            return risk.estimates.indices.map { $0 == own ? 1 : 0 }
        }
        let raw = risk.estimates.map { weights[$0.perspective] ?? 1 }
        let sum = raw.reduce(0, +)
        guard sum > 0 else { return risk.estimates.map { _ in 1 / Double(risk.estimates.count) } }
        return raw.map { $0 / sum }
    }
}
