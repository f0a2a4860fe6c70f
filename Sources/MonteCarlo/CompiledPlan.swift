#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions

/// A ``SimulationPlan`` flattened into the constants the block loop needs: stream bases,
/// dominating occurrence rates, cumulative mixture weights and the per-trial series each risk
/// adds into. Built once per run; immutable and shared by all workers.
struct CompiledPlan: Sendable {
    /// Where the register total lives among the per-trial series.
    enum TotalSlot: Sendable, Equatable {
        /// No register total.
        case none
        /// The total is exactly one outcome, so it shares that outcome's series (no copy).
        case alias(Int)
        /// A series of its own.
        case separate
    }

    let plan: SimulationPlan
    let viewCount: Int
    /// 1 (inherent only) or 2 (inherent and residual): residual series exist only when some
    /// risk has a response, so a plan without responses stores half as much.
    let stateCount: Int
    let outcomeCount: Int
    let totalSlot: TotalSlot
    /// Series per (configuration, view, state): the outcomes, plus the total when separate.
    let slots: Int
    let portfolioCount: Int
    let seriesCount: Int
    let risks: [CompiledRisk]
    /// The correlation groups, ordered by their smallest member key, each with its members
    /// ordered by key: so the order of the plan's lists never reaches the reordering, its
    /// random numbers or the order in which losses are added up.
    let groups: [CompiledGroup]
    /// Risks outside every correlation group, ordered by key (the order their losses are added
    /// into the series, so a reordered register adds in the same order).
    let ungrouped: [Int]
    /// ``ungrouped`` in families evaluated together (most of one risk): consecutive risks that
    /// draw the same events and impacts (``drawsAlike(_:_:)``), take the event path, have no
    /// per-trial benefit and add into no series in common. Their events and draws are made
    /// once (the response levers' variants of an entry each drew them again); since no series
    /// gets two members' additions and the family sits where its members sat in key order,
    /// every series is added to in the same order as when each ran alone.
    private(set) var ungroupedFamilies: [[Int]] = []
    /// Per correlation group, its evaluated risks (positions in members, then followers) in
    /// families that draw the same events and impacts. Each writes its own dense arrays and
    /// sums, so evaluating them together moves nothing.
    private(set) var groupFamilies: [[[Int]]] = []
    /// The most risks of any family (each needs its own row of shared availability).
    private(set) var largestFamily = 1
    /// Trials per Iman–Conover unit: reordering stays within a unit, so whole units are
    /// independent replicates and batch-means standard errors are honest when batches are
    /// made of whole units (``batchGrain``). 1,024 when it divides the block size (as it does
    /// the default 16,384), otherwise the whole block.
    let correlationUnit: Int
    /// The trials a batch for batch-means standard errors must be a whole number of: the
    /// correlation unit when the plan has correlation groups, 1 otherwise (trials are then
    /// independent).
    var batchGrain: Int { groups.isEmpty ? 1 : correlationUnit }

    /// The default size of an Iman–Conover unit.
    static let defaultCorrelationUnit = 1024
    /// Every estimate's impact sampler, benefit sampler and benefit timing, flattened by risk;
    /// risk r's estimates start at `estimateOffset[r]`.
    let samplers: SamplerStore
    let estimateOffset: [Int]
    /// Whether each risk can take the worker's direct path, adding the same single draw to every
    /// series it reaches (``allTargets(risk:)``): one estimate with a probability (so at most one
    /// event per trial and no thinning), no response, no benefit, no correlation. Most entries
    /// of most registers are like this.
    let isDirect: [Bool]
    /// The series each risk adds into, for every risk, view and state in order, in one array
    /// (two arrays for the whole plan rather than three per risk: a register of 10,000 risks
    /// would otherwise hold 30,000 small arrays). Read through ``targets(risk:view:state:)``.
    private let targetList: [Int]
    /// Where each (risk, view, state)'s run of `targetList` starts, and finally its end.
    private let targetStarts: [Int]
    /// ``targetList`` before copies were merged (``seriesClass``): every series each risk
    /// contributes to, for reading who adds into a series. Read through
    /// ``contributions(risk:view:state:)``.
    private let contributionList: [Int]
    private let contributionStarts: [Int]
    /// Per series, the first series that receives the same additions in the same order (itself
    /// when none before it does): the series stored for it. Two series are copies when exactly
    /// the same (risk, view, state) runs of targets list them; every target of a run receives
    /// the same value at the same point of the block, so such series hold the same values bit for
    /// bit whatever the draws (an option that changes nothing on an outcome, a series no risk
    /// reaches). Only the first of each class is written and stored; ``targets(risk:view:state:)``
    /// names it once in place of its copies.
    let seriesClass: [Int]
    /// The series stored: one per class of ``seriesClass``.
    var storedSeriesCount: Int { seriesClass.indices.reduce(0) { $0 + (seriesClass[$1] == $1 ? 1 : 0) } }
    /// The largest number of trials a block holds.
    let blockSize: Int
    /// Trials whose candidate events a worker makes and evaluates at a time (even, so that
    /// coin scans pair trials as a scan of the whole block does): a chunk's events stay in the
    /// cache between being made and being read by every view, and a worker never holds a whole
    /// block of them. Results do not depend on it (a test varies it).
    let eventChunk: Int

    /// The default ``eventChunk``: a few hundred KiB of events for a risk with a hundred
    /// candidate events a trial, and little per-chunk overhead for a rare one.
    static let defaultEventChunk = 256
    /// Whether some response rests on a shared deliverer (``SimulationPlan/Deliverer``): only
    /// then does a block compute deliverer availability, so other plans run as before.
    let sharesDelivery: Bool
    /// The risks some deliverer steps back on, ascending.
    let stepBackRisks: [Int]
    /// Per correlation group, whether its members' final trial positions are needed before the
    /// block's losses are evaluated: because a member is a step-back risk or has a response that
    /// rests on a deliverer.
    let groupNeedsPositions: [Bool]
    /// Per risk, where its final trial positions start in a worker's position buffer (in units
    /// of the block size); −1 when it has none (ungrouped risks keep their trials).
    let positionSlot: [Int]
    /// How many risks have a position slot.
    let positionSlots: Int

    /// A series by configuration (views first, then portfolios), state (0 inherent, 1
    /// residual) and slot.
    struct SeriesID: Hashable {
        var config: Int
        var state: Int
        var slot: Int
    }

    /// - Parameter reading: the series a caller reads, when it reads only some: the others
    ///   (and their copies) are left out of the target lists, so no risk adds into them and they
    ///   hold nothing. The series read receive exactly the additions they would otherwise.
    init(_ plan: SimulationPlan, blockSize: Int = 1 << 14, eventChunk: Int = CompiledPlan.defaultEventChunk,
         reading: [SeriesID]? = nil) {
        self.plan = plan
        self.blockSize = blockSize
        self.eventChunk = max(2, eventChunk / 2 * 2)
        correlationUnit = blockSize % Self.defaultCorrelationUnit == 0 ? Self.defaultCorrelationUnit : blockSize
        viewCount = plan.views.count
        stateCount = plan.hasResponses ? 2 : 1
        outcomeCount = plan.outcomeCount
        let totals = Array(Set(plan.totalOutcomes)).sorted()
        if totals.isEmpty {
            totalSlot = .none
        } else if totals.count == 1 {
            totalSlot = .alias(totals[0])
        } else {
            totalSlot = .separate
        }
        slots = outcomeCount + (totalSlot == .separate ? 1 : 0)
        portfolioCount = plan.portfolios.count
        seriesCount = (viewCount + portfolioCount) * stateCount * slots
        // Members by key, groups by their first member's key: list positions never matter.
        let groupList = plan.correlationGroups().map { group in
            let order = group.members.indices.sorted { plan.risks[group.members[$0]].key < plan.risks[group.members[$1]].key }
            return SimulationPlan.CorrelationGroup(
                members: order.map { group.members[$0] },
                matrix: order.map { i in order.map { j in group.matrix[i][j] } })
        }.sorted { plan.risks[$0.members[0]].key < plan.risks[$1.members[0]].key }
        var groupOf = [Int: (Int, Int)]()
        for (g, group) in groupList.enumerated() {
            for (k, r) in group.members.enumerated() { groupOf[r] = (g, k) }
        }
        // Followers of grouped risks, per group by key: they move with their leaders.
        var followerList = Array(repeating: [(risk: Int, leader: Int)](), count: groupList.count)
        for r in plan.risks.indices.sorted(by: { plan.risks[$0].key < plan.risks[$1].key }) {
            if let leader = plan.risks[r].follows, let (g, k) = groupOf[leader] { followerList[g].append((r, k)) }
        }
        let following = Set(followerList.flatMap { $0.map(\.risk) })
        var risks: [CompiledRisk] = []
        var targetList: [Int] = [], targetStarts: [Int] = []
        let inTotal = Set(totals)
        let shapes = (viewCount, stateCount, slots, outcomeCount)
        for (r, risk) in plan.risks.enumerated() {
            // Which series this risk's losses are added to, per view and state.
            for v in 0..<shapes.0 {
                for s in 0..<shapes.1 {
                    targetStarts.append(targetList.count)
                    var list: [Int] = []
                    if risk.inViews {
                        list.append(Self.index(view: v, state: s, slot: risk.outcome, states: shapes.1, slots: shapes.2))
                        if totalSlotIsSeparate(totals), inTotal.contains(risk.outcome) {
                            list.append(Self.index(view: v, state: s, slot: shapes.3, states: shapes.1, slots: shapes.2))
                        }
                    }
                    if v == plan.primaryView {
                        for (p, portfolio) in plan.portfolios.enumerated()
                        where !risk.isActivity || portfolio.activities.contains(r) {
                            let config = shapes.0 + p
                            list.append(Self.index(view: config, state: s, slot: risk.outcome, states: shapes.1, slots: shapes.2))
                            if totalSlotIsSeparate(totals), inTotal.contains(risk.outcome) {
                                list.append(Self.index(view: config, state: s, slot: shapes.3, states: shapes.1, slots: shapes.2))
                            }
                        }
                    }
                    targetList += list
                }
            }
            risks.append(CompiledRisk(risk, index: r, plan: plan, group: groupOf[r]))
        }
        targetStarts.append(targetList.count)
        self.risks = risks
        let seriesClass = Self.seriesClasses(targetList: targetList, targetStarts: targetStarts, seriesCount: seriesCount)
        self.seriesClass = seriesClass
        self.contributionList = targetList
        self.contributionStarts = targetStarts
        var merged: [Int] = [], mergedStarts: [Int] = []
        var classesRead: Set<Int>?
        if let reading {
            let (states, slotCount) = (stateCount, self.slots)
            classesRead = Set(reading.map {
                seriesClass[Self.index(view: $0.config, state: min($0.state, states - 1), slot: $0.slot, states: states, slots: slotCount)]
            })
        }
        for i in 0..<(targetStarts.count - 1) {
            mergedStarts.append(merged.count)
            let start = merged.count
            for t in targetList[targetStarts[i] ..< targetStarts[i + 1]]
            where classesRead?.contains(seriesClass[t]) ?? true && !merged[start...].contains(seriesClass[t]) {
                merged.append(seriesClass[t])
            }
        }
        mergedStarts.append(merged.count)
        self.targetList = merged
        self.targetStarts = mergedStarts
        let cache = BetaTable.Cache()
        var offsets: [Int] = []
        var impactSamplers: [EngineSampler] = [], benefitSamplers: [EngineSampler] = [], perOccurrence: [Bool] = []
        var present: [Bool] = []
        let none = EngineSampler(try! Distribution.fixed(0), cache: cache)
        for risk in plan.risks {
            offsets.append(impactSamplers.count)
            for e in risk.estimates {
                impactSamplers.append(EngineSampler(e.impact, cache: cache))
                benefitSamplers.append(e.benefit.map { EngineSampler($0, cache: cache) } ?? none)
                present.append(e.benefit != nil)
                perOccurrence.append(e.benefitTiming == .perOccurrence)
            }
        }
        // Straight into the workers' raw buffers: the arrays are not kept beside them.
        samplers = SamplerStore(
            impacts: impactSamplers, benefits: benefitSamplers, benefitPerOccurrence: perOccurrence, benefitPresent: present)
        estimateOffset = offsets
        ungrouped = risks.indices.filter { groupOf[$0] == nil && !following.contains($0) }.sorted { risks[$0].key < risks[$1].key }
        isDirect = risks.map { risk in
            risk.estimates.count == 1 && risk.singleEventPerTrial && risk.pMax > 0 && risk.probabilityAll != 0
                && !risk.hasResponse && risk.group == nil && !present[offsets[risk.index]] && risk.impactSalt == 0
                && risk.choices.allSatisfy { $0.single == 0 }
        }
        let shares = plan.risks.contains { !($0.response?.deliverers.isEmpty ?? true) }
        let tied = shares ? Array(Set(plan.deliverers.flatMap { $0.stepsBack.map(\.risk) })).sorted() : []
        let tiedSet = Set(tied)
        let needs = groupList.indices.map { g in
            shares && (groupList[g].members + followerList[g].map(\.risk)).contains {
                tiedSet.contains($0) || !(plan.risks[$0].response?.deliverers.isEmpty ?? true)
            }
        }
        sharesDelivery = shares
        stepBackRisks = tied
        groupNeedsPositions = needs
        var slots = Array(repeating: -1, count: plan.risks.count), slotCount = 0
        for (g, group) in groupList.enumerated() where needs[g] {
            for r in group.members + followerList[g].map(\.risk) { slots[r] = slotCount; slotCount += 1 }
        }
        positionSlot = slots
        positionSlots = slotCount
        groups = zip(groupList, followerList).map { group, followers in
            let members = group.members
            // Pairs the plan asked for, as member positions (only read per pair).
            var pairs: [CompiledGroup.Pair] = []
            for (i, c) in plan.correlations.enumerated() {
                if let a = members.firstIndex(of: c.first), let b = members.firstIndex(of: c.second) {
                    pairs.append(.init(correlation: i, first: a, second: b))
                }
            }
            return CompiledGroup(
                members: members,
                key: StableHash.combine(members.map { plan.risks[$0].key }),
                scoreFactor: CompiledGroup.scoreTransformTarget(group.matrix),
                pairs: pairs, followers: followers.map(\.risk), leaders: followers.map(\.leader))
        }
        let direct = isDirect, compiledRisks = risks
        let targetSets = compiledRisks.indices.map { Set(allTargets(risk: $0)) }
        ungroupedFamilies = Self.families(ungrouped, consecutive: true) { a, b in
            let alone = { (r: Int) in !direct[r] && !compiledRisks[r].hasTrialBenefit }
            return alone(a) && alone(b) && Self.drawsAlike(a, b, plan: plan) && targetSets[a].isDisjoint(with: targetSets[b])
        }
        groupFamilies = groups.map { group in
            let evaluated = group.evaluated
            return Self.families(Array(evaluated.indices), consecutive: false) { a, b in
                Self.drawsAlike(evaluated[a], evaluated[b], plan: plan)
            }
        }
        largestFamily = max(1, (ungroupedFamilies + groupFamilies.flatMap { $0 }).map(\.count).max() ?? 1)
    }

    /// Whether risks `a` and `b` make the same events, choose the same estimates and draw the
    /// same impacts and per-occurrence benefits in every view: the same occurrence streams
    /// (which also give the choice and delivery draws), impact salt, estimates and view
    /// weights. Their responses, keys, series and per-trial benefit streams (drawn per member)
    /// may differ.
    static func drawsAlike(_ a: Int, _ b: Int, plan: SimulationPlan) -> Bool {
        let x = plan.risks[a], y = plan.risks[b]
        return (x.occurrenceKey ?? x.key) == (y.occurrenceKey ?? y.key) && (x.impactSalt ?? 0) == (y.impactSalt ?? 0)
            && x.estimates == y.estimates && plan.views.allSatisfy { $0.weights[a] == $0.weights[b] }
    }

    /// `items` in families whose members may each be evaluated with every other (`together`):
    /// with `consecutive`, only neighbours join a family, in order; otherwise an item joins the
    /// first family it goes with.
    private static func families(_ items: [Int], consecutive: Bool, together: (Int, Int) -> Bool) -> [[Int]] {
        var out: [[Int]] = []
        for r in items {
            let candidates = consecutive ? Array(out.indices.suffix(1)) : Array(out.indices)
            if let f = candidates.first(where: { out[$0].allSatisfy { together($0, r) } }) {
                out[f].append(r)
            } else {
                out.append([r])
            }
        }
        return out
    }

    /// Per series, the first series listed by exactly the same runs of `targetList` (see
    /// ``seriesClass``).
    private static func seriesClasses(targetList: [Int], targetStarts: [Int], seriesCount: Int) -> [Int] {
        var runs = Array(repeating: [Int](), count: seriesCount)
        for i in 0..<(targetStarts.count - 1) {
            for t in targetList[targetStarts[i] ..< targetStarts[i + 1]] where runs[t].last != i { runs[t].append(i) }
        }
        var first: [[Int]: Int] = [:]
        return (0..<seriesCount).map { s in
            if let f = first[runs[s]] { return f }
            first[runs[s]] = s
            return s
        }
    }

    /// Every series risk `r` contributes to in a view and state, copies included (for reading
    /// who adds into a series; the engine writes through ``targets(risk:view:state:)``).
    func contributions(risk r: Int, view v: Int, state s: Int) -> ArraySlice<Int> {
        let i = (r * viewCount + v) * stateCount + s
        return contributionList[contributionStarts[i] ..< contributionStarts[i + 1]]
    }

    /// The series indices risk `r` adds its per-trial loss to in a view and state: one stored
    /// series per class (``seriesClass``), so a copy is never added to twice.
    func targets(risk r: Int, view v: Int, state s: Int) -> ArraySlice<Int> {
        let i = (r * viewCount + v) * stateCount + s
        return targetList[targetStarts[i] ..< targetStarts[i + 1]]
    }

    /// Every series risk `r` adds into, over all its views and states.
    func allTargets(risk r: Int) -> ArraySlice<Int> {
        let i = r * viewCount * stateCount
        return targetList[targetStarts[i] ..< targetStarts[i + viewCount * stateCount]]
    }

    /// The index of the series for configuration `view` (views first, then portfolios), state
    /// and slot (an outcome, or `outcomeCount` for a separate total).
    static func index(view: Int, state: Int, slot: Int, states: Int, slots: Int) -> Int {
        (view * states + state) * slots + slot
    }

    func series(config: Int, state: Int, slot: Int) -> Int {
        Self.index(view: config, state: min(state, stateCount - 1), slot: slot, states: stateCount, slots: slots)
    }

    /// The series holding the register total for a configuration and state, if any.
    func totalSeries(config: Int, state: Int) -> Int? {
        switch totalSlot {
        case .none: return nil
        case let .alias(o): return series(config: config, state: state, slot: o)
        case .separate: return series(config: config, state: state, slot: outcomeCount)
        }
    }
}

private func totalSlotIsSeparate(_ totals: [Int]) -> Bool { totals.count > 1 }

/// One risk's constants for the block loop.
struct CompiledRisk: Sendable {
    /// How a view picks an estimate in a trial.
    struct Choice: Sendable {
        /// The estimate, when the view uses one estimate only; −1 for a mixture.
        var single: Int
        /// Cumulative weights, for a mixture.
        var cumulative: [Double]
    }

    let index: Int
    let key: UInt64
    /// The key of the occurrence, estimate-choice and delivery streams (see
    /// ``SimulationPlan/Risk/occurrenceKey``).
    let streamKey: UInt64
    /// Mixed into event seeds for impact draws; 0 for none.
    let impactSalt: UInt64
    /// The key of the per-trial benefit stream (see ``SimulationPlan/Risk/benefitKey``).
    let benefitKey: UInt64
    let outcome: Int
    let estimates: [SimulationPlan.Estimate]
    /// The dominating probability among probability estimates, and each one's bit and
    /// thinning ratio p_e / pMax.
    let pMax: Double
    let probabilityThinning: [(bit: UInt64, ratio: Double)]
    /// The mask of every probability (frequency) estimate when all of them share the dominating
    /// rate, so thinning can be skipped; 0 otherwise.
    let probabilityAll: UInt64
    let rateAll: UInt64
    /// Every estimate is a probability, so a trial has at most one event.
    let singleEventPerTrial: Bool
    /// The same for fixed-rate frequency estimates.
    let rateMax: Double
    let rateThinning: [(bit: UInt64, ratio: Double)]
    /// Uncertain-frequency estimates: bit and rate distribution.
    let uncertain: [(bit: UInt64, rate: Distribution)]
    let hasResponse: Bool
    let reliability: Double
    /// The plan's deliverers the response rests on (empty: its own draw only).
    let deliverers: [Int]
    let likelihoodMultiplier: Double
    let impactMultiplier: Double
    let choices: [Choice]
    /// Whether any estimate has a per-trial benefit (those risks take the dense path).
    let hasTrialBenefit: Bool
    /// (group, position in group) when the risk is rank-correlated with others.
    let group: (Int, Int)?
    /// Whether the risk follows another's trial order (``SimulationPlan/Risk/follows``).
    let follows: Bool

    init(_ risk: SimulationPlan.Risk, index: Int, plan: SimulationPlan, group: (Int, Int)?) {
        self.index = index
        key = risk.key
        streamKey = risk.occurrenceKey ?? risk.key
        impactSalt = risk.impactSalt ?? 0
        benefitKey = risk.benefitKey ?? risk.key
        outcome = risk.outcome
        estimates = risk.estimates
        var pMax = 0.0, rateMax = 0.0
        for e in risk.estimates {
            switch e.occurrence {
            case let .probability(p): pMax = max(pMax, p)
            case let .frequency(r): rateMax = max(rateMax, r)
            case .uncertainFrequency: break
            }
        }
        var pt: [(UInt64, Double)] = [], rt: [(UInt64, Double)] = [], un: [(UInt64, Distribution)] = []
        for (i, e) in risk.estimates.enumerated() {
            let bit = UInt64(1) << UInt64(i)
            switch e.occurrence {
            case let .probability(p): pt.append((bit, pMax > 0 ? p / pMax : 0))
            case let .frequency(r): rt.append((bit, rateMax > 0 ? r / rateMax : 0))
            case let .uncertainFrequency(d): un.append((bit, d))
            }
        }
        self.pMax = pMax
        self.rateMax = rateMax
        probabilityThinning = pt.map { (bit: $0.0, ratio: $0.1) }
        rateThinning = rt.map { (bit: $0.0, ratio: $0.1) }
        uncertain = un.map { (bit: $0.0, rate: $0.1) }
        singleEventPerTrial = rt.isEmpty && un.isEmpty
        probabilityAll = pt.allSatisfy { $0.1 == 1 } ? pt.reduce(0) { $0 | $1.0 } : 0
        rateAll = rt.allSatisfy { $0.1 == 1 } ? rt.reduce(0) { $0 | $1.0 } : 0
        hasResponse = risk.response != nil
        reliability = risk.response?.reliability ?? 0
        deliverers = risk.response?.deliverers ?? []
        likelihoodMultiplier = risk.response?.likelihoodMultiplier ?? 1
        impactMultiplier = risk.response?.impactMultiplier ?? 1
        choices = plan.views.map { view in
            let w = view.weights[index]
            if let single = w.firstIndex(where: { $0 == 1 }) {
                return Choice(single: single, cumulative: [])
            }
            var c = 0.0
            var cumulative = w.map { c += $0; return c }
            cumulative[cumulative.count - 1] = .infinity
            return Choice(single: -1, cumulative: cumulative)
        }
        hasTrialBenefit = risk.estimates.contains { $0.benefit != nil && $0.benefitTiming == .perTrial }
        self.group = group
        follows = risk.follows != nil
    }
}

/// A group of rank-correlated risks.
struct CompiledGroup: Sendable {
    struct Pair: Sendable {
        /// Index into ``SimulationPlan/correlations``.
        var correlation: Int
        /// Member positions.
        var first: Int
        var second: Int
    }

    let members: [Int]
    /// Keys the group's score stream by its membership.
    let key: UInt64
    /// The Cholesky factor of the Pearson correlation to give the normal scores.
    let scoreFactor: [[Double]]
    let pairs: [Pair]
    /// Risks that follow members' trial order (``SimulationPlan/Risk/follows``), by key, and
    /// the position of the member each follows. They are evaluated with the group and moved as
    /// their leaders are, after the members, and take no part in choosing the reordering.
    let followers: [Int]
    let leaders: [Int]
    /// The members, then the followers: the risks evaluated densely with the group.
    var evaluated: [Int] { members + followers }

    /// Normal scores with Pearson correlation 2·sin(π·ρ/6) have Spearman correlation ρ, so that
    /// is the target for the scores; if the converted matrix is not PSD (it can lose it by a
    /// hair) the Spearman matrix itself, which the plan validated, is used.
    static func scoreTransformTarget(_ spearman: [[Double]]) -> [[Double]] {
        let pearson = spearman.enumerated().map { i, row in
            row.enumerated().map { j, rho in i == j ? 1 : 2 * sin(Double.pi * rho / 6) }
        }
        if case let .success(l) = CorrelationMatrix.cholesky(pearson) { return l }
        if case let .success(l) = CorrelationMatrix.cholesky(spearman) { return l }
        return spearman.indices.map { i in spearman.indices.map { $0 == i ? 1 : 0 } }
    }
}
