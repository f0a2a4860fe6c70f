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
    /// What stopping one activity does to an appetite verdict: the statement's chance with the
    /// entry left out altogether (its own outcome, its effects on further outcomes and its
    /// harm), everything else as in the headline, on the same random numbers, so the
    /// difference from the headline is exact.
    public struct ActivityStop: Sendable, Codable, Hashable {
        /// The entry stopped.
        public var risk: String
        /// The chance (as ``RegisterScore/AppetiteVerdict/probability``) without it.
        public var ifStopped: Statistic
        public var withinIfStopped: Bool
        /// Every other appetite statement with the entry stopped, in the register's order:
        /// stopping an activity that brings a gain can put another statement outside appetite,
        /// and a board reading "within appetite without it" must see that before taking it as
        /// a way back.
        public var elsewhere: [Elsewhere]? = nil

        /// Another statement's chance with the entry stopped, on the same random numbers.
        public struct Elsewhere: Sendable, Codable, Hashable {
            /// The statement's index in ``RegisterScore/appetite``.
            public var statement: Int
            public var ifStopped: Statistic
            public var withinIfStopped: Bool
        }
    }
}

extension RegisterScore.AppetiteVerdict {
    /// Whether the perspectives' own estimates give different verdicts.
    public var dependsOnEstimates: Bool {
        perspectives.contains(where: \.withinAppetite) && perspectives.contains { !$0.withinAppetite }
    }

    /// Whether the statement is within appetite only because of the responses: outside without
    /// any of them. Its verdict rests on them, so a board needs to see which.
    public var withinOnlyByResponses: Bool {
        guard withinAppetite else { return false }
        let p = inherentProbability.value
        return kind == .netBenefitAbove ? p < limit : p > limit
    }

    /// Whether a board must decide on the statement, so that the levers are computed for it:
    /// outside appetite, too close to call, depending on whose estimates are believed, or within
    /// only because of the responses.
    public var asksForLevers: Bool {
        !withinAppetite || !decisive || dependsOnEstimates || withinOnlyByResponses
    }
}

/// Computes ``RegisterScore/AppetiteVerdict/ResponseLever``s for the statements a board must
/// decide on (those outside appetite, too close to call, or depending on whose estimates), and
/// the bad-year values of the responses ``ResponseTails`` chooses.
///
/// Every figure comes from one run. Each response examined gets a variant of its entry per
/// reliability it is judged at (1 and 0 for a lever, 0 for a bad-year value): every plan risk of
/// the entry — its own, its effects on further outcomes and its harm-only copies — copied with
/// that reliability, on the entry's own streams, and each variant is an option of the headline
/// plan: the headline's risks with the entry replaced by the variant. An option's series is then
/// exactly the headline series of a run with only that response's reliability changed, which is
/// what the figures are defined as. The run counts the statements' exceedances in the options
/// (``Engine/shares(_:options:requests:summaries:)``) instead of summarising them, and keeps and
/// summarises only the series whose P95 and ES95 the bad-year values need (beyond the series
/// memory limit it summarises every option, streamed).
///
/// Same figures as a run per variant: a variant draws the entry's numbers (its streams are the
/// entry's, its delivery draw the entry's), and its key is next to the entry's, so it adds into
/// the option's series where the entry adds into the headline's, in the same order. A variant of
/// a rank-correlated entry follows the entry's reordering and adds after the group's members,
/// so its sums may differ from a run of their own in the last bit. Entries on no outcome read
/// are left out of the run unless they take part in a correlation or a contributor's step-back
/// that reaches one: their draws are their own, so leaving them out moves no other figure.
enum ResponseLevers {
    /// Responses examined per statement, largest contributors to the outcome's variance first.
    /// Each adds two variants to one run, so the cost is bounded whatever the register's size.
    static let perStatement = 3

    /// The reliabilities of a lever's two variants: always delivered, never delivered.
    static let variants: [Double] = [1, 0]

    /// Entries examined per statement outside appetite for stopping, largest contributors to
    /// the outcome's variance first: each adds one option (and no plan risk) to the run.
    static let stopsPerStatement = 3

    static func add(to score: inout RegisterScore, register: Register, compiled: CompiledRegister, headline: Int,
                    options: RunOptions) throws(ScoringError) {
        let plan = compiled.plan
        // An entry's plan risks: its own, those carrying its effects on further outcomes and its
        // harm-only copies, which share its occurrences (and its response).
        func planRisks(of entry: Int) -> [Int] {
            plan.risks.indices.filter { $0 == entry || plan.risks[$0].occurrenceKey == plan.risks[entry].key }
        }
        // Entries by their share of the residual variance, largest first, then by id.
        let residualShare = Dictionary(score.risks.map { ($0.id, $0.varianceContribution.residual) }, uniquingKeysWith: { first, _ in first })
        func largerContributionFirst(_ a: Int, _ b: Int) -> Bool {
            let va = residualShare[compiled.risks[a].id] ?? 0, vb = residualShare[compiled.risks[b].id] ?? 0
            return va != vb ? va > vb : compiled.risks[a].id < compiled.risks[b].id
        }
        var asked: [(statement: Int, entries: [Int])] = []
        for (index, verdict) in score.appetite.enumerated() where verdict.asksForLevers {
            let source = compiled.appetiteThresholds[index]
            let candidates = compiled.risks.indices
                .filter { plan.risks[$0].response != nil && planRisks(of: $0).contains { plan.risks[$0].outcome == source.outcome } }
                .sorted(by: largerContributionFirst)
                .prefix(perStatement)
            if !candidates.isEmpty { asked.append((index, Array(candidates))) }
        }
        // Stopping an activity, for the statements outside appetite: the activities taken on
        // purpose (`enablement` and `portfolio` entries: a hazard to reduce or absorb is not
        // the board's to stop) that reach the statement's outcome, largest contributors first,
        // each left out of an option.
        var stopsAsked: [(statement: Int, entries: [Int])] = []
        for (index, verdict) in score.appetite.enumerated() where !verdict.withinAppetite {
            let source = compiled.appetiteThresholds[index]
            let entries = compiled.risks.indices
                .filter { [.enablement, .portfolio].contains(compiled.risks[$0].strategy) }
                .filter { planRisks(of: $0).contains { plan.risks[$0].outcome == source.outcome } }
                .sorted(by: largerContributionFirst)
                .prefix(stopsPerStatement)
            if !entries.isEmpty { stopsAsked.append((index, Array(entries))) }
        }
        let tails = ResponseTails.asked(score, register: register, compiled: compiled)
        guard !asked.isEmpty || !stopsAsked.isEmpty || !tails.isEmpty else { return }
        var wanted: [Int: Set<Double>] = [:]
        for (_, levers) in asked { for r in levers { wanted[r, default: []].formUnion(variants) } }
        for (_, entries) in stopsAsked { for r in entries { wanted[r, default: []].insert(LeverPlan.stopped) } }
        for tail in tails { wanted[tail.entry, default: []].insert(0) }
        let entries = wanted.keys.sorted().map { (entry: $0, risks: planRisks(of: $0), reliabilities: wanted[$0]!.sorted(by: >)) }
        // A stop is read on every statement, not only its own: what it does elsewhere.
        let statements = score.appetite.indices.filter { $0 < compiled.appetiteThresholds.count }
        let stopOutcomes = stopsAsked.isEmpty ? [] : statements.map { compiled.appetiteThresholds[$0].outcome }
        let outcomes = Array(Set((asked + stopsAsked).map { compiled.appetiteThresholds[$0.statement].outcome } + tails.map(\.outcome) + stopOutcomes)).sorted()
        let leverPlan = try LeverPlan(plan, headline: headline, entries: entries, outcomes: outcomes)

        // Each lever's chance with its response at `reliability`: counted, or read from the
        // summaries when the bad-year values need them.
        var chances: [Engine.ShareRequest: Statistic] = [:]
        func request(_ entry: Int, _ reliability: Double, statement index: Int) -> Engine.ShareRequest {
            let source = compiled.appetiteThresholds[index]
            return .init(
                configuration: 1 + leverPlan.option(entry: entry, reliability: reliability), residual: true,
                outcome: leverPlan.outcome[source.outcome]!,
                event: source.threshold.map { .above(plan.thresholds[source.outcome][$0]) } ?? .belowZero)
        }
        var requests: [Engine.ShareRequest] = []
        for (index, levers) in asked {
            for r in levers {
                for reliability in variants where !requests.contains(request(r, reliability, statement: index)) {
                    requests.append(request(r, reliability, statement: index))
                }
            }
        }
        for (_, entries) in stopsAsked {
            for r in entries {
                for index in statements where !requests.contains(request(r, LeverPlan.stopped, statement: index)) {
                    requests.append(request(r, LeverPlan.stopped, statement: index))
                }
            }
        }
        // The bad-year values' series, each residual outcome with its response never delivered.
        let tailSeries = tails.map { tail in
            Engine.SeriesRequest(configuration: 1 + leverPlan.option(entry: tail.entry, reliability: 0), residual: true,
                                 outcome: leverPlan.outcome[tail.outcome]!)
        }
        if tailSeries.count * options.trials * 8 <= options.seriesMemoryLimit {
            // Counted, and the few series the bad-year values need kept and summarised.
            let counted = Engine.shares(leverPlan.plan, options: options, requests: requests, summaries: tailSeries)
            chances = Dictionary(uniqueKeysWithValues: zip(requests, counted.shares))
            for (tail, without) in zip(tails, counted.summaries) { ResponseTails.record(tail, without: without, in: &score) }
        } else {
            let result = Engine.run(leverPlan.plan, options: options)
            func residual(_ configuration: Int, _ outcome: Int) -> OutcomeSummary {
                result.portfolios[configuration - 1].outcomes[outcome].residual
            }
            for r in requests {
                let summary = residual(r.configuration, r.outcome)
                switch r.event {
                case .above(let x): chances[r] = summary.exceedances.first { $0.threshold == x }!.probability
                case .belowZero: chances[r] = summary.probabilityNetBenefit
                }
            }
            for tail in tails {
                ResponseTails.record(
                    tail, without: residual(1 + leverPlan.option(entry: tail.entry, reliability: 0), leverPlan.outcome[tail.outcome]!),
                    in: &score)
            }
        }

        // A statement's chance with entry `r` at `reliability` (or stopped), as the verdict reads
        // it (`ResultReader`): for a floor on a net gain at a threshold, the complement of the
        // share counted.
        func leverChance(_ r: Int, _ reliability: Double, statement index: Int) -> Statistic {
            let share = chances[request(r, reliability, statement: index)]!
            let complement = compiled.appetiteThresholds[index].threshold != nil && score.appetite[index].kind == .netBenefitAbove
            return RegisterScore.AppetiteVerdict.chance(share, trials: options.trials, complement: complement)
        }
        func leverWithin(_ s: Statistic, statement index: Int) -> Bool { score.appetite[index].keepsWithin(s.value) }
        for (index, entries) in stopsAsked {
            let stops = entries.map { r in
                let stopped = leverChance(r, LeverPlan.stopped, statement: index)
                let elsewhere = statements.filter { $0 != index }.map { other in
                    let chance = leverChance(r, LeverPlan.stopped, statement: other)
                    return RegisterScore.AppetiteVerdict.ActivityStop.Elsewhere(
                        statement: other, ifStopped: chance, withinIfStopped: leverWithin(chance, statement: other))
                }
                return RegisterScore.AppetiteVerdict.ActivityStop(
                    risk: compiled.risks[r].id, ifStopped: stopped, withinIfStopped: leverWithin(stopped, statement: index),
                    elsewhere: elsewhere)
            }
            score.appetite[index].stops = stops
        }
        for (index, levers) in asked {
            func chance(_ r: Int, _ reliability: Double) -> Statistic { leverChance(r, reliability, statement: index) }
            func within(_ s: Statistic) -> Bool { leverWithin(s, statement: index) }
            let responses = levers.map { r in
                let delivered = chance(r, 1), notDelivered = chance(r, 0)
                return RegisterScore.AppetiteVerdict.ResponseLever(
                    risk: compiled.risks[r].id, reliability: plan.risks[r].response!.reliability,
                    ifDelivered: delivered, withinIfDelivered: within(delivered),
                    ifNotDelivered: notDelivered, withinIfNotDelivered: within(notDelivered))
            }
            score.appetite[index].responses = responses
        }
    }
}

/// The run behind the response levers and bad-year values: the headline view of the headline
/// plan, with a variant of each examined entry per reliability asked and an option per variant
/// (see ``ResponseLevers``).
struct LeverPlan {
    let plan: SimulationPlan
    /// The lever plan's outcome for each headline plan outcome read.
    let outcome: [Int: Int]
    private let options: [VariantKey: Int]

    private struct VariantKey: Hashable {
        var entry: Int
        var reliability: Double
    }

    /// The "reliability" that asks for an entry left out altogether: its option holds every
    /// activity of the headline but the entry's plan risks, and no variant of them.
    static let stopped = -1.0

    /// The option (an index into the plan's portfolios) of entry `entry`'s variant with
    /// `reliability` (or ``stopped``).
    func option(entry: Int, reliability: Double) -> Int { options[VariantKey(entry: entry, reliability: reliability)]! }

    /// - Parameters:
    ///   - entries: each examined entry (a plan risk index) with its plan risks and the
    ///     reliabilities of its variants (each 0 or 1, or ``stopped`` for an option without it).
    ///   - outcomes: the plan outcomes whose series are read.
    init(_ plan: SimulationPlan, headline: Int, entries: [(entry: Int, risks: [Int], reliabilities: [Double])],
         outcomes: [Int]) throws(ScoringError) {
        let correlated = Set(plan.correlations.flatMap { [$0.first, $0.second] })
        let levers = Set(entries.flatMap(\.risks))
        let kept = Self.kept(plan, reading: Set(outcomes), levers: levers)
        var index = [Int: Int]()
        for (k, r) in kept.enumerated() { index[r] = k }
        // Outcomes read keep their own series (and their thresholds); every other kept risk adds
        // into one series that nothing reads. No register total.
        var outcome = [Int: Int]()
        for (k, o) in outcomes.enumerated() { outcome[o] = k }
        let rest = outcomes.count
        let needsRest = kept.contains { outcome[plan.risks[$0].outcome] == nil }
        var risks = kept.map { r in
            var risk = plan.risks[r]
            risk.outcome = outcome[risk.outcome] ?? rest
            risk.follows = risk.follows.flatMap { index[$0] }
            if levers.contains(r) { risk.isActivity = true }
            return risk
        }
        let row = plan.views[headline].weights
        var weights = kept.map { row[$0] }
        var keys = Set(risks.map(\.key))
        // Activities every option holds: the headline's own, and the examined entries.
        let shared = kept.indices.filter { risks[$0].isActivity }
        var portfolios: [SimulationPlan.Portfolio] = []
        var optionOf = [VariantKey: Int]()
        for (entry, own, reliabilities) in entries {
            let ownKept = Set(own.compactMap { index[$0] })
            for reliability in reliabilities {
                var activities = shared.filter { !ownKept.contains($0) }
                for r in own where reliability != Self.stopped {
                    guard let k = index[r] else { continue }
                    var variant = plan.risks[r]
                    variant.key = Self.key(next: variant.key, step: reliability == 1 ? 1 : 2, taken: &keys, salt: reliability)
                    variant.occurrenceKey = plan.risks[r].occurrenceKey ?? plan.risks[r].key
                    variant.benefitKey = plan.risks[r].benefitKey ?? plan.risks[r].key
                    variant.outcome = risks[k].outcome
                    variant.response?.reliability = reliability
                    variant.isActivity = true
                    variant.inViews = false
                    variant.follows = correlated.contains(r) ? k : nil
                    activities.append(risks.count)
                    risks.append(variant)
                    weights.append(row[r])
                }
                optionOf[VariantKey(entry: entry, reliability: reliability)] = portfolios.count
                portfolios.append(.init(name: "\(entry) \(reliability)", activities: activities.sorted()))
            }
        }
        do {
            self.plan = try SimulationPlan(
                outcomeCount: rest + (needsRest ? 1 : 0), totalOutcomes: [], risks: risks,
                views: [.init(name: plan.views[headline].name, weights: weights)], portfolios: portfolios, primaryView: 0,
                correlations: plan.correlations.compactMap { c in
                    guard let a = index[c.first], let b = index[c.second] else { return nil }
                    return .init(a, b, spearman: c.spearman)
                },
                thresholds: outcomes.map { plan.thresholds[$0] },
                deliverers: plan.deliverers.map { d in
                    var d = d
                    d.stepsBack = d.stepsBack.compactMap { s in index[s.risk].map { .init(risk: $0, chance: s.chance) } }
                    return d
                })
        } catch {
            throw .plan(error.description)
        }
        self.outcome = outcome
        options = optionOf
    }

    /// The plan risks the levers' run needs, ascending: those on an outcome read and the
    /// examined entries' own; the step-back entries of every contributor their responses rest
    /// on (whose occurrences decide delivery); and every risk rank-correlated with one of these
    /// (the group's reordering depends on all its members). The others' draws are their own and
    /// reach no series read, so leaving them out moves no figure read.
    static func kept(_ plan: SimulationPlan, reading outcomes: Set<Int>, levers: Set<Int>) -> [Int] {
        var needed = Set(plan.risks.indices.filter { outcomes.contains(plan.risks[$0].outcome) || levers.contains($0) })
        let deliverers = Set(needed.flatMap { plan.risks[$0].response?.deliverers ?? [] })
        for d in deliverers { needed.formUnion(plan.deliverers[d].stepsBack.map(\.risk)) }
        // Grow `needed` along correlations until every group it touches is whole.
        var grew = true
        while grew {
            grew = false
            for c in plan.correlations where needed.contains(c.first) != needed.contains(c.second) {
                needed.formUnion([c.first, c.second])
                grew = true
            }
        }
        return needed.sorted()
    }

    /// A variant's key: `step` after its entry's, so that it adds into its option's series where
    /// the entry adds into the headline's (risks outside correlations add in key order); a
    /// salted hash of it in the unlikely case that key is taken or wraps around.
    private static func key(next key: UInt64, step: Int, taken: inout Set<UInt64>, salt: Double) -> UInt64 {
        let (next, overflow) = key.addingReportingOverflow(UInt64(step))
        var chosen = next
        if overflow || taken.contains(next) {
            chosen = StableHash.combine([key, StableHash.fnv1a64("response lever \(salt)")])
            while taken.contains(chosen) { chosen &+= 1 }
        }
        taken.insert(chosen)
        return chosen
    }
}
