#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions

/// Every estimate's samplers (flattened by risk: risk r's start at
/// `CompiledPlan.estimateOffset[r]`) in raw, immutable buffers shared by all workers (read-only
/// after construction, so sharing needs no synchronisation).
final class SamplerStore: @unchecked Sendable {
    let count: Int
    let impacts: UnsafeMutablePointer<EngineSampler>
    let benefits: UnsafeMutablePointer<EngineSampler>
    let benefitPerOccurrence: UnsafeMutablePointer<Bool>
    let benefitPresent: UnsafeMutablePointer<Bool>

    init(impacts: [EngineSampler], benefits: [EngineSampler], benefitPerOccurrence: [Bool], benefitPresent: [Bool]) {
        count = impacts.count
        let n = max(1, count)
        self.impacts = .allocate(capacity: n)
        self.impacts.initialize(from: impacts, count: count)
        self.benefits = .allocate(capacity: n)
        self.benefits.initialize(from: benefits, count: count)
        self.benefitPerOccurrence = .allocate(capacity: n)
        self.benefitPerOccurrence.initialize(from: benefitPerOccurrence, count: count)
        self.benefitPresent = .allocate(capacity: n)
        self.benefitPresent.initialize(from: benefitPresent, count: count)
    }

    deinit {
        impacts.deinitialize(count: count)
        impacts.deallocate()
        benefits.deinitialize(count: count)
        benefits.deallocate()
        benefitPerOccurrence.deallocate()
        benefitPresent.deallocate()
    }
}

/// Simulates blocks of trials: one worker per thread, with scratch buffers reused from block
/// to block so the inner loops never allocate.
///
/// For each risk, the block's occurrences are generated once (from the risk's own
/// ``StreamKey``) as a sparse list of candidate events, a chunk of trials at a time; every view
/// then reads the same list,
/// which is what makes views, inherent and residual, and portfolios differ only through their
/// estimates and responses, never through sampling noise. Cost tracks occurrences, not trials,
/// for risks without per-trial benefits or correlations.
final class BlockWorker {
    let compiled: CompiledPlan
    /// The run's series, or nil when they are not kept: each block is then added into
    /// ``blockSeries`` and read by the runner before the next block.
    var store: SeriesStore?
    let rootSeed: UInt64
    /// One block of every series, [series][trial in block], when the series are not kept.
    private(set) var blockSeries: UnsafeMutablePointer<Double>?

    // Sparse candidate events of the current risk's current chunk of trials: trial in block,
    // which estimates it belongs to (bit per estimate), and the seed of its per-event generator.
    var events = EventList(capacity: 1 << 12)
    /// The direct path's chunk of trials and draws.
    private let chunkTrials: UnsafeMutablePointer<Int32>
    private let chunkDraws: UnsafeMutablePointer<Double>
    /// Dense per-trial net losses: [member][view][state][trial].
    var dense: [Double] = []
    /// Where this block starts in each series.
    let bases: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    /// Every risk's impact and benefit samplers, flattened (risk r's start at
    /// `compiled.estimateOffset[r]`), and whether each benefit comes per occurrence.
    private let impacts: UnsafeMutablePointer<EngineSampler>
    private let benefits: UnsafeMutablePointer<EngineSampler>
    private let benefitPerOccurrence: UnsafeMutablePointer<Bool>
    private let benefitPresent: UnsafeMutablePointer<Bool>
    // Iman–Conover scratch.
    private var scoresCacheCount = -1
    private var scores: [Double] = []
    private var scoreMatrix: [Double] = []
    private var targetScores: [Double] = []
    var order: [Int] = []
    var lossOrder: [Int] = []
    var copyBuffer: [Double] = []
    private var ranks: [Double] = []
    private var groupSum: [Double] = []
    /// ``evaluateViews``' draws of a chunk of events: [event][estimate].
    private var drawCache: [Double] = []
    private var benefitCache: [Double] = []

    /// Salt separating an event's survival draw (for a response's likelihood multiplier) from
    /// its impact draws, which use the same event seed.
    static let survivalSalt: UInt64 = 0xD1B5_4A32_D192_ED03
    /// Salt for an event's per-occurrence benefit draw.
    static let benefitSalt: UInt64 = 0x8CB9_2BA7_2F3D_8DD7

    private let samplers: SamplerStore
    /// Shared delivery (allocated only when ``CompiledPlan/sharesDelivery``): each deliverer's
    /// availability per view and final trial position, [view][deliverer][trial]; the final trial
    /// position of each original trial of the risks with a position slot, per view (each view
    /// is reordered by its own losses), [slot][view][trial]; and one risk's
    /// combined availability per view in its original trial order, [view][trial], read by
    /// ``evaluateViews``.
    let availability: UnsafeMutablePointer<UInt8>
    let positions: UnsafeMutablePointer<Int32>
    let combined: UnsafeMutablePointer<UInt8>
    /// Whether ``availability`` holds this block's values (false during the pass that only
    /// finds the final positions).
    var availabilityReady = false

    init(compiled: CompiledPlan, store: SeriesStore?, samplers: SamplerStore, rootSeed: UInt64) {
        self.compiled = compiled
        self.store = store
        self.rootSeed = rootSeed
        self.samplers = samplers
        bases = .allocate(capacity: max(1, compiled.seriesCount))
        chunkTrials = .allocate(capacity: Self.directChunk)
        chunkDraws = .allocate(capacity: Self.directChunk)
        impacts = samplers.impacts
        benefits = samplers.benefits
        benefitPerOccurrence = samplers.benefitPerOccurrence
        benefitPresent = samplers.benefitPresent
        let delivery = compiled.sharesDelivery ? compiled.blockSize : 0
        availability = .allocate(capacity: max(1, delivery * compiled.viewCount * compiled.plan.deliverers.count))
        positions = .allocate(capacity: max(1, delivery * compiled.positionSlots * compiled.viewCount))
        combined = .allocate(capacity: max(1, delivery * compiled.viewCount * compiled.largestFamily))
    }

    deinit {
        events.free()
        bases.deallocate()
        chunkTrials.deallocate()
        chunkDraws.deallocate()
        availability.deallocate()
        positions.deallocate()
        combined.deallocate()
        blockSeries?.deallocate()
    }

    /// Series `s` of the block just run, when the series are not kept.
    func blockSeries(_ s: Int) -> UnsafePointer<Double> {
        UnsafePointer(blockSeries! + compiled.seriesClass[s] * compiled.blockSize)
    }

    /// Simulates `block` (trials `start ..< start + count` of the run) and returns its sums.
    func run(block: Int, start: Int, count n: Int) -> BlockStats {
        let views = compiled.viewCount
        var stats = BlockStats(trials: n, risks: compiled.risks.count, views: views, pairs: compiled.plan.correlations.count)
        if let store {
            // Workers share the series without locks because each block writes only its own
            // trials, start ..< start + n, which must lie within the series.
            assert(start >= 0 && n >= 0 && start + n <= store.capacity, "block \(block) (\(start) + \(n)) overruns \(store.capacity) trials")
            assert(store.pointers.count <= max(1, compiled.seriesCount))
            for (i, p) in store.pointers.enumerated() { bases[i] = p + start }
        } else {
            assert(n <= compiled.blockSize)
            let size = compiled.blockSize
            if blockSeries == nil { blockSeries = .allocate(capacity: max(1, compiled.seriesCount * size)) }
            // A copy (``CompiledPlan/seriesClass``) reads its class's series.
            for i in 0..<compiled.seriesCount {
                bases[i] = blockSeries! + compiled.seriesClass[i] * size
                if compiled.seriesClass[i] == i { bases[i].initialize(repeating: 0, count: n) }
            }
        }
        let states = compiled.stateCount
        if dense.count < views * states * n { dense = Array(repeating: 0, count: views * states * n) }
        if compiled.sharesDelivery { prepareDelivery(block: block, count: n) }
        stats.sums.withUnsafeMutableBufferPointer { sums in
            for family in compiled.ungroupedFamilies {
                let r = family[0]
                let risk = compiled.risks[r]
                if compiled.isDirect[r] {
                    runDirect(risk, targets: compiled.allTargets(risk: r), block: block, count: n, sums: sums.baseAddress!)
                    continue
                }
                guard risk.hasTrialBenefit else {
                    evaluateViews(family, block: block, count: n, sums: sums.baseAddress!, dense: nil)
                    continue
                }
                // (A risk with per-trial benefits is a family of its own: it uses the one
                // dense buffer.)
                if dense.count < views * 2 * n { dense = Array(repeating: 0, count: views * 2 * n) }
                dense.withUnsafeMutableBufferPointer { d in
                    let base = d.baseAddress!
                    evaluateViews([r], block: block, count: n, sums: sums.baseAddress!) { _, v in
                        (base + 2 * v * n, base + (2 * v + 1) * n)
                    }
                    for v in 0..<views {
                        let acc = sums.baseAddress! + (r * views + v) * BlockStats.fieldCount
                        finishDense(risk, view: v, count: n, acc: acc, inherent: base + 2 * v * n,
                                    residual: base + (2 * v + 1) * n, addToSeries: true)
                    }
                }
            }
        }
        for g in compiled.groups.indices {
            runGroup(g, block: block, count: n, stats: &stats, addToSeries: true)
        }
        return stats
    }

    // MARK: Losses

    @inline(__always)
    static func choose(_ choice: CompiledRisk.Choice, base: UInt64, trial: Int) -> Int {
        if choice.single >= 0 { return choice.single }
        let u = unitDouble(StreamKey.word(base: base, index: trial))
        var i = 0
        while u >= choice.cumulative[i] { i += 1 }
        return i
    }

    /// One table-sampled impact `low + width · Beta` from an event's seed: the same words as
    /// ``BetaTable/View/sample(first:using:)`` (the seed picks the cell, then SplitMix64 from
    /// the seed gives the point and the test), written out so that a loop inlining it keeps the
    /// generator state in registers and calls out only for the rare point above the squeeze.
    @inline(__always)
    private static func tableDraw(seed: UInt64, table: BetaTable.View, low: Double, width: Double) -> Double {
        let cell = table.cell(seed)
        let state = seed &+ SplitMix64.gamma
        var (x, test) = table.point(cell, SplitMix64.mix(state))
        if test >= UInt64(table.cells[cell].squeeze) {
            var g = SplitMix64(seed: state)
            x = table.finish(cell: cell, x: x, test: test, using: &g)
        }
        return low + width * x
    }

    // MARK: Direct path

    /// Trials per chunk of the direct path (even, so chunks pair coins as a whole-block scan
    /// does): a chunk's trials and draws (12 KiB) stay in the first-level cache between the
    /// passes over them.
    static let directChunk = 1024

    /// Simulates a risk that needs no event list (see ``CompiledPlan/isDirect``): its
    /// occurrences are found, drawn and added a chunk of trials at a time, while the chunk is
    /// in cache, instead of being written out for the whole block and read back.
    ///
    /// It consumes the occurrence and event-seed lanes exactly as ``EventSource`` does and
    /// adds in the same order as ``evaluateViews``, so its figures are bit-identical to the general
    /// path's (a test checks this).
    private func runDirect(
        _ risk: CompiledRisk, targets: ArraySlice<Int>, block: Int, count n: Int, sums: UnsafeMutablePointer<Double>
    ) {
        var coins = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: UInt64(block), lane: .occurrence).generator()
        var seedRng = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: UInt64(block), lane: .eventSeeds).generator()
        let chunk = Self.directChunk
        let trials = chunkTrials
        var totals = (sum: 0.0, squares: 0.0, occurred: 0.0)
        let sampler = impacts + compiled.estimateOffset[risk.index]
        targets.withUnsafeBufferPointer { targets in
            let pMax = risk.pMax
            if pMax >= CoinScan.densest {
                // The same words for the same trials as EventSource's scan.
                let limit = CoinScan.limit(pMax)
                var start = 0
                while start < n {
                    let end = min(start + chunk, n)
                    let c = CoinScan.scan(&coins, from: start, to: end, limit: limit, into: trials)
                    drawChunk(count: c, sampler: sampler, seedRng: &seedRng, targets: targets, totals: &totals)
                    start = end
                }
            } else {
                let logQ = log1p(-pMax)
                var t = -1, c = 0
                while true {
                    let gap = log(coins.nextOpenUnit()) / logQ
                    if !(gap < Double(n - t - 1)) { break }
                    t += Int(gap) + 1
                    trials[c] = Int32(truncatingIfNeeded: t)
                    c += 1
                    if c == chunk {
                        drawChunk(count: c, sampler: sampler, seedRng: &seedRng, targets: targets, totals: &totals)
                        c = 0
                    }
                }
                drawChunk(count: c, sampler: sampler, seedRng: &seedRng, targets: targets, totals: &totals)
            }
        }
        for v in 0..<compiled.viewCount {
            let acc = sums + (risk.index * compiled.viewCount + v) * BlockStats.fieldCount
            for field in [BlockStats.Field.occurredInherent, .occurredResidual] { acc[field.rawValue] += totals.occurred }
            for field in [BlockStats.Field.harmInherent, .harmResidual] { acc[field.rawValue] += totals.sum }
            for field in [BlockStats.Field.netSquaredInherent, .netSquaredResidual] { acc[field.rawValue] += totals.squares }
        }
    }

    /// Draws the impacts of the `count` occurrences whose trials are in `chunkTrials`, adds
    /// them into every target series and into the running totals: seeds, draws and sums in
    /// event order, as the general path makes them.
    @inline(__always)
    private func drawChunk(
        count c: Int, sampler: UnsafeMutablePointer<EngineSampler>, seedRng: inout Xoshiro256PlusPlus,
        targets: UnsafeBufferPointer<Int>, totals: inout (sum: Double, squares: Double, occurred: Double)
    ) {
        guard c > 0 else { return }
        let trials = chunkTrials
        var sum = totals.sum, squares = totals.squares
        if sampler.pointee.kind == .table && targets.count == 1 {
            Self.addTableDrawsInOrder(
                count: c, seeds: &seedRng, trials: trials, table: sampler.pointee.table.unsafelyUnwrapped,
                low: sampler.pointee.a, width: sampler.pointee.b, into: bases[targets[0]], sum: &sum, squares: &squares)
        } else {
            let draws = chunkDraws
            for j in 0..<c {
                let x = sampler.sample(seed: seedRng.next())
                draws[j] = x
                sum += x
                squares += x * x
            }
            for s in targets {
                let p = bases[s]
                for j in 0..<c { p[Int(trials[j])] += draws[j] }
            }
        }
        totals = (sum, squares, totals.occurred + Double(c))
    }

    /// The hottest loop of a typical register (PERT impacts): `count` events, each with the
    /// next seed of `seeds`, draw a table-sampled impact and add it into `series` at its trial
    /// and into the sums. A separate function with everything in locals, so the generator state
    /// and the table stay in registers.
    @inline(never)
    private static func addTableDrawsInOrder(
        count: Int, seeds: inout Xoshiro256PlusPlus, trials: UnsafeMutablePointer<Int32>, table: BetaTable.View,
        low: Double, width: Double, into series: UnsafeMutablePointer<Double>, sum: inout Double, squares: inout Double
    ) {
        var g = seeds, s = sum, q = squares
        for j in 0..<count {
            let y = tableDraw(seed: g.next(), table: table, low: low, width: width)
            series[Int(trials[j])] += y
            s += y
            q += y * y
        }
        seeds = g
        sum = s
        squares = q
    }

    /// The table-sampled impacts under one estimate of `count` events: for each event whose
    /// mask has `bit`, the draw ``EngineSampler/sample(seed:)`` makes from its seed (salted as
    /// ``evaluateViews`` salts it), into `out[j * stride]`. A loop of its own, whose draws do
    /// not depend on each other, so the processor overlaps their table reads (two cells of 32
    /// bytes a draw, from tables that together outgrow the first-level cache), where the loop
    /// over events and estimates waited on each in turn. The same words, the same draws.
    @inline(never)
    private static func tableDraws(
        count: Int, seeds: UnsafePointer<UInt64>, masks: UnsafePointer<UInt64>, bit: UInt64, salt: UInt64,
        table: BetaTable.View, low: Double, width: Double, into out: UnsafeMutablePointer<Double>, stride: Int
    ) {
        if salt == 0 {
            for j in 0..<count where masks[j] & bit != 0 {
                out[j * stride] = tableDraw(seed: seeds[j], table: table, low: low, width: width)
            }
        } else {
            for j in 0..<count where masks[j] & bit != 0 {
                out[j * stride] = tableDraw(seed: SplitMix64.mix(seeds[j] ^ salt), table: table, low: low, width: width)
            }
        }
    }

    // MARK: All views in one pass

    /// Events per chunk of ``evaluateViews``: a chunk's draws (events × estimates) stay in cache
    /// while every view reads them. A chunk is extended to the end of its last trial.
    static let viewChunk = 2048

    /// What one view has added up so far over a risk's events in a block, kept across chunks so
    /// that every sum is added in event order, whatever the chunks.
    private struct ViewSums {
        var occI = 0.0, occR = 0.0, harmI = 0.0, harmR = 0.0, benefitSum = 0.0
        var sqI = 0.0, sqR = 0.0, diff = 0.0, diffSq = 0.0
        /// The common case's sums (one event per trial at most, no response, no benefit).
        var sum = 0.0, squares = 0.0, occurred = 0.0
    }

    /// Turns the risk's events into per-trial losses for every view: adds them straight into
    /// the series (sparse) or into dense per-trial arrays, and accumulates the risk's sums.
    ///
    /// The events are made a chunk of trials at a time (``EventSource``,
    /// ``CompiledPlan/eventChunk``) and read by every view while they are in cache. Views differ
    /// only in which estimate each trial uses and in which deliverers are available (a response
    /// resting on shared deliverers), and an event's impact (and per-occurrence benefit) under an
    /// estimate is the same draw in every view: so each is drawn once, a chunk of events at a
    /// time, and read by every view, instead of once per view. With four views of three estimates (three perspectives and the pool), that is three
    /// draws per event instead of four, and one instead of four for a risk only one perspective
    /// estimated. Each series is still added to by one view, in event order, so no sum moves.
    ///
    /// A family (``CompiledPlan/families``: copies of one entry that differ only in their
    /// response and series, such as the response levers' always- and never-delivered variants)
    /// shares the events and the draws too: they are made once, and each member reads them with
    /// its own response into its own series and sums, exactly as it would alone. No series
    /// receives more than one member's additions, so each is still added to in event order.
    ///
    /// - Parameters:
    ///   - family: the risks evaluated together (plan indices): one risk, or a family.
    ///   - sums: the block's accumulators (``BlockStats/sums``).
    ///   - dense: for each member (by position in `family`) and view, its dense per-trial
    ///     arrays (inherent, residual), or nil when the risks add into the series directly.
    private func evaluateViews(
        _ family: [Int], block: Int, count n: Int, sums: UnsafeMutablePointer<Double>,
        dense familyDense: ((Int, Int) -> (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>))?
    ) {
        let views = compiled.viewCount
        let b = UInt64(block)
        // The members' events, choices, delivery draws and impacts are the head's.
        let head = compiled.risks[family[0]]
        let choiceBase = StreamKey(rootSeed: rootSeed, itemKey: head.streamKey, block: b, lane: .estimateChoice).seed
        let deliveryBase = StreamKey(rootSeed: rootSeed, itemKey: head.streamKey, block: b, lane: .responseDelivery).seed
        let impactSalt = head.impactSalt
        let residualState = compiled.stateCount > 1
        let offset = compiled.estimateOffset[head.index]
        let impacts = self.impacts + offset
        let benefits = self.benefits + offset
        let hasBenefit = benefitPresent + offset
        let perOccurrence = benefitPerOccurrence + offset
        let estimates = head.estimates.count
        let bases = self.bases
        var memberSums: [[ViewSums]] = []
        var sharedOf: [UnsafePointer<UInt8>?] = [], leaderOf: [[Int]] = []
        var targetsInhOfMember: [[[Int]]] = [], targetsResOfMember: [[[Int]]] = [], commonTargetsOfMember: [[[Int]]] = []
        for (member, r) in family.enumerated() {
            let risk = compiled.risks[r]
            let dense = familyDense.map { f in { (v: Int) in f(member, v) } }
            var viewSums = Array(repeating: ViewSums(), count: views)
            // Each view's shared availability, [view][trial]; nil when the response rests on none.
            let shared = sharedAvailability(risk, count: n, member: member)
            // Views that pick estimates alike (a perspective that did not estimate the risk reads
            // it as the pool does; every view reads a risk of one estimate alike) have the same
            // losses: the first of them is evaluated and adds into the others' series too, in the
            // same order, and the others take its sums. With a response resting on shared
            // deliverers, only views whose availability is the same in every trial of the block
            // (it differs only where a step-back risk's estimates differ between them).
            let leader = (0..<views).map { v in
                let c = risk.choices[v]
                return (0..<v).first { u in
                    let d = risk.choices[u]
                    guard d.single == c.single && (c.single >= 0 || d.cumulative == c.cumulative) else { return false }
                    return shared.map { memcmp($0 + u * compiled.blockSize, $0 + v * compiled.blockSize, n) == 0 } ?? true
                } ?? v
            }
            var targetsInhOf = Array(repeating: [Int](), count: views), targetsResOf = Array(repeating: [Int](), count: views)
            for v in 0..<views {
                targetsInhOf[leader[v]] += compiled.targets(risk: risk.index, view: v, state: 0)
                if residualState { targetsResOf[leader[v]] += compiled.targets(risk: risk.index, view: v, state: 1) }
            }
            let commonTargetsOf = (0..<views).map { targetsInhOf[$0] + targetsResOf[$0] }

            // The dense arrays start from the per-trial benefits.
            if let dense {
                for v in 0..<views where leader[v] == v {
                    let (inh, res) = dense(v)
                    inh.initialize(repeating: 0, count: n)
                    if residualState { res.initialize(repeating: 0, count: n) }
                    guard risk.hasTrialBenefit else { continue }
                    let choice = risk.choices[v]
                    let benefitBase = StreamKey(rootSeed: rootSeed, itemKey: risk.benefitKey, block: b, lane: .benefit).seed
                    var benefitSum = 0.0
                    for t in 0..<n {
                        let e = Self.choose(choice, base: choiceBase, trial: t)
                        if hasBenefit[e] && !perOccurrence[e] {
                            var g = SplitMix64(seed: StreamKey.word(base: benefitBase, index: t))
                            let x = (benefits + e).sample(using: &g)
                            benefitSum += x
                            inh[t] = -x
                            if residualState { res[t] = -x }
                        }
                    }
                    viewSums[v].benefitSum = benefitSum
                }
            }
            memberSums.append(viewSums)
            sharedOf.append(shared)
            leaderOf.append(leader)
            targetsInhOfMember.append(targetsInhOf)
            targetsResOfMember.append(targetsResOf)
            commonTargetsOfMember.append(commonTargetsOf)
        }

        let size = compiled.blockSize
        var anyPerOccurrence = false
        for e in 0..<estimates where perOccurrence[e] { anyPerOccurrence = true }
        var allTables = true
        for e in 0..<estimates where impacts[e].kind != .table { allTables = false }
        var source = EventSource(head, rootSeed: rootSeed, block: block, count: n)
        var chunkStart = 0
        while chunkStart < n {
            let chunkEnd = min(n, chunkStart + compiled.eventChunk)
            source.fill(&events, from: chunkStart, to: chunkEnd)
            chunkStart = chunkEnd
            let count = events.count
            let trials = events.trial, masks = events.mask, seeds = events.seed
            var start = 0
            while start < count {
                var end = min(count, start + Self.viewChunk)
                while end < count && trials[end] == trials[end - 1] { end += 1 }
                let m = end - start
                if drawCache.count < m * estimates { drawCache = Array(repeating: 0, count: m * estimates) }
                if anyPerOccurrence && benefitCache.count < m * estimates { benefitCache = Array(repeating: 0, count: m * estimates) }
                drawCache.withUnsafeMutableBufferPointer { drawBuffer in
                    benefitCache.withUnsafeMutableBufferPointer { benefitBuffer in
                        let draws = drawBuffer.baseAddress!
                        let occurrenceBenefits = benefitBuffer.baseAddress
                        // Each event's draw under each estimate it belongs to: the draws every
                        // view would make, made once. With every impact a beta table (every
                        // PERT) and no benefit per occurrence, an estimate at a time, in a loop
                        // whose draws do not wait on each other (see ``tableDraws``).
                        if allTables && !anyPerOccurrence {
                            for e in 0..<estimates {
                                let sampler = impacts + e
                                Self.tableDraws(
                                    count: end - start, seeds: seeds + start, masks: masks + start, bit: UInt64(1) << UInt64(e),
                                    salt: impactSalt, table: sampler.pointee.table.unsafelyUnwrapped, low: sampler.pointee.a,
                                    width: sampler.pointee.b, into: draws + e, stride: estimates)
                            }
                        } else {
                        for j in start..<end {
                            let mask = masks[j]
                            // An effect sharing its entry's occurrence salts the event seed for its
                            // own impacts; the survival draw keeps the shared seed, so a response
                            // prevents an event for every effect at once.
                            let seed = impactSalt == 0 ? seeds[j] : SplitMix64.mix(seeds[j] ^ impactSalt)
                            let row = (j - start) * estimates
                            for e in 0..<estimates where mask & (UInt64(1) << UInt64(e)) != 0 {
                                draws[row + e] = (impacts + e).sample(seed: seed)
                                if perOccurrence[e] {
                                    occurrenceBenefits![row + e] = (benefits + e).sample(seed: SplitMix64.mix(seed ^ Self.benefitSalt))
                                }
                            }
                        }
                        }
                        for member in family.indices {
                            let risk = compiled.risks[family[member]]
                            let hasResponse = risk.hasResponse
                            let reliability = risk.reliability
                            let keep = risk.likelihoodMultiplier
                            let scale = risk.impactMultiplier
                            let shared = sharedOf[member], leader = leaderOf[member]
                            let targetsInhOf = targetsInhOfMember[member], targetsResOf = targetsResOfMember[member]
                            let commonTargetsOf = commonTargetsOfMember[member]
                            for v in 0..<views where leader[v] == v {
                                let choice = risk.choices[v]
                                let targetsInh = targetsInhOf[v]
                                let targetsRes = targetsResOf[v]
                                let viewDense = familyDense.map { $0(member, v) }
                                var s = memberSums[member][v]
                                defer { memberSums[member][v] = s }
                                if viewDense == nil && choice.single >= 0 && !hasResponse && !hasBenefit[choice.single] && risk.singleEventPerTrial {
                                    // The common case: each event is its own trial, so no per-trial
                                    // aggregation is needed.
                                    let e = choice.single
                                    let bit = UInt64(1) << UInt64(e)
                                    commonTargetsOf[v].withUnsafeBufferPointer { targets in
                                        for j in start..<end where masks[j] & bit != 0 {
                                            let x = draws[(j - start) * estimates + e]
                                            for target in targets { bases[target][Int(trials[j])] += x }
                                            s.sum += x
                                            s.squares += x * x
                                            s.occurred += 1
                                        }
                                    }
                                    continue
                                }
                                var current = -1
                                var e = 0
                                var bit: UInt64 = 0
                                var delivered = false
                                var hI = 0.0, hR = 0.0, bO = 0.0, oI = false, oR = false
                                targetsInh.withUnsafeBufferPointer { targetsInh in
                                    targetsRes.withUnsafeBufferPointer { targetsRes in
                                        @inline(__always) func flush(_ t: Int) {
                                            let netI = hI - bO, netR = hR - bO
                                            s.occI += 1
                                            if oR { s.occR += 1 }
                                            s.harmI += hI
                                            s.harmR += hR
                                            s.benefitSum += bO
                                            let d = hI - hR
                                            s.diff += d
                                            s.diffSq += d * d
                                            if let (inh, res) = viewDense {
                                                inh[t] += netI
                                                if residualState { res[t] += netR }
                                            } else {
                                                s.sqI += netI * netI
                                                s.sqR += netR * netR
                                                for target in targetsInh { bases[target][t] += netI }
                                                for target in targetsRes { bases[target][t] += netR }
                                            }
                                        }
                                        for j in start..<end {
                                            let t = Int(trials[j])
                                            if t != current {
                                                if oI { flush(current) }
                                                current = t
                                                hI = 0; hR = 0; bO = 0; oI = false; oR = false
                                                e = Self.choose(choice, base: choiceBase, trial: t)
                                                bit = UInt64(1) << UInt64(e)
                                                delivered = hasResponse && unitDouble(StreamKey.word(base: deliveryBase, index: t)) < reliability
                                                    && (shared == nil || shared.unsafelyUnwrapped[v * size + t] != 0)
                                            }
                                            if masks[j] & bit == 0 { continue }
                                            let row = (j - start) * estimates
                                            let x = draws[row + e]
                                            if perOccurrence[e] { bO += occurrenceBenefits![row + e] }
                                            hI += x
                                            oI = true
                                            if !delivered {
                                                hR += x
                                                oR = true
                                            } else if keep >= 1 || unitDouble(SplitMix64.mix(seeds[j] ^ Self.survivalSalt)) < keep {
                                                // (A unit double is below 1, so a multiplier of 1
                                                // keeps every event without its survival draw.)
                                                hR += x * scale
                                                oR = true
                                            }
                                        }
                                        // The chunk ends with its last trial, so that trial is complete.
                                        if oI { flush(current) }
                                    }
                                }
                            }
                        }
                    }
                }
                start = end
            }
        }

        for (member, r) in family.enumerated() {
            let risk = compiled.risks[r]
            let hasResponse = risk.hasResponse
            let leader = leaderOf[member]
            let dense = familyDense.map { f in { (v: Int) in f(member, v) } }
            var viewSums = memberSums[member]
            for v in 0..<views where leader[v] != v {
                viewSums[v] = viewSums[leader[v]]
                guard let dense else { continue }
                let (inh, res) = dense(v), (fromInh, fromRes) = dense(leader[v])
                inh.update(from: fromInh, count: n)
                if residualState { res.update(from: fromRes, count: n) }
            }
            for v in 0..<views {
                let acc = sums + (risk.index * views + v) * BlockStats.fieldCount
                let s = viewSums[v]
                let choice = risk.choices[v]
                if dense == nil && choice.single >= 0 && !hasResponse && !hasBenefit[choice.single] && risk.singleEventPerTrial {
                    for field in [BlockStats.Field.occurredInherent, .occurredResidual] { acc[field.rawValue] += s.occurred }
                    for field in [BlockStats.Field.harmInherent, .harmResidual] { acc[field.rawValue] += s.sum }
                    for field in [BlockStats.Field.netSquaredInherent, .netSquaredResidual] { acc[field.rawValue] += s.squares }
                    continue
                }
                acc[BlockStats.Field.occurredInherent.rawValue] += s.occI
                acc[BlockStats.Field.occurredResidual.rawValue] += s.occR
                acc[BlockStats.Field.harmInherent.rawValue] += s.harmI
                acc[BlockStats.Field.harmResidual.rawValue] += s.harmR
                acc[BlockStats.Field.benefit.rawValue] += s.benefitSum
                acc[BlockStats.Field.netSquaredInherent.rawValue] += s.sqI
                acc[BlockStats.Field.netSquaredResidual.rawValue] += s.sqR
                acc[BlockStats.Field.difference.rawValue] += s.diff
                acc[BlockStats.Field.differenceSquared.rawValue] += s.diffSq
            }
        }
    }

    /// Completes a dense evaluation: squared sums and, unless the risk is in a correlation
    /// group (whose members are reordered first), the additions into the series.
    private func finishDense(
        _ risk: CompiledRisk, view v: Int, count n: Int, acc: UnsafeMutablePointer<Double>,
        inherent: UnsafeMutablePointer<Double>, residual: UnsafeMutablePointer<Double>, addToSeries: Bool
    ) {
        let residualState = compiled.stateCount > 1
        var sqI = 0.0, sqR = 0.0
        for t in 0..<n { sqI += inherent[t] * inherent[t] }
        if residualState {
            for t in 0..<n { sqR += residual[t] * residual[t] }
        } else {
            sqR = sqI
        }
        acc[BlockStats.Field.netSquaredInherent.rawValue] += sqI
        acc[BlockStats.Field.netSquaredResidual.rawValue] += sqR
        guard addToSeries else { return }
        for s in compiled.targets(risk: risk.index, view: v, state: 0) {
            let p = bases[s]
            for t in 0..<n { p[t] += inherent[t] }
        }
        if residualState {
            for s in compiled.targets(risk: risk.index, view: v, state: 1) {
                let p = bases[s]
                for t in 0..<n { p[t] += residual[t] }
            }
        }
    }

    // MARK: Correlation groups

    /// Simulates a correlation group densely, induces the target rank correlation by
    /// Iman–Conover, then adds the reordered losses to the series.
    ///
    /// With `addToSeries` false the group is only evaluated and reordered, which records its
    /// members' final trial positions (when the plan keeps them) and changes no series.
    func runGroup(_ g: Int, block: Int, count n: Int, stats: inout BlockStats, addToSeries: Bool) {
        let group = compiled.groups[g]
        let views = compiled.viewCount
        let states = compiled.stateCount
        let k = group.members.count
        let evaluated = group.followers.isEmpty ? group.members : group.evaluated
        let stride = n
        let need = evaluated.count * views * states * stride
        if dense.count < need { dense = Array(repeating: 0, count: need) }
        @inline(__always) func offset(_ m: Int, _ v: Int, _ s: Int) -> Int { ((m * views + v) * states + s) * stride }

        stats.sums.withUnsafeMutableBufferPointer { sums in
            dense.withUnsafeMutableBufferPointer { d in
                let base = d.baseAddress!
                // Each family of the evaluated risks (by position) shares its events and draws.
                for family in compiled.groupFamilies[g] {
                    evaluateViews(family.map { evaluated[$0] }, block: block, count: n, sums: sums.baseAddress!) { i, v in
                        let inh = base + offset(family[i], v, 0)
                        return (inh, states > 1 ? base + offset(family[i], v, 1) : inh)
                    }
                }
                for (m, r) in evaluated.enumerated() {
                    let risk = compiled.risks[r]
                    for v in 0..<views {
                        let acc = sums.baseAddress! + (r * views + v) * BlockStats.fieldCount
                        let inh = base + offset(m, v, 0)
                        let res = states > 1 ? base + offset(m, v, 1) : inh
                        finishDense(risk, view: v, count: n, acc: acc, inherent: inh, residual: res, addToSeries: false)
                    }
                }
            }
        }
        imanConover(group, block: block, count: n)
        guard addToSeries else { return }

        dense.withUnsafeMutableBufferPointer { d in
            let base = d.baseAddress!
            if groupSum.count < n { groupSum = Array(repeating: 0, count: n) }
            // Cross sums with the group's same-outcome total, and additions into the series.
            for v in 0..<views {
                for s in 0..<states {
                    for (m, r) in group.members.enumerated() {
                        let risk = compiled.risks[r]
                        for j in 0..<n { groupSum[j] = 0 }
                        for (m2, r2) in group.members.enumerated() where compiled.risks[r2].outcome == risk.outcome {
                            let p = base + offset(m2, v, s)
                            for j in 0..<n { groupSum[j] += p[j] }
                        }
                        let p = base + offset(m, v, s)
                        var cross = 0.0, total = 0.0
                        for j in 0..<n {
                            cross += p[j] * groupSum[j]
                            total += groupSum[j]
                        }
                        let f = (r * views + v) * BlockStats.fieldCount
                        let crossField: BlockStats.Field = s == 0 ? .crossInherent : .crossResidual
                        let groupField: BlockStats.Field = s == 0 ? .groupInherent : .groupResidual
                        stats.sums[f + crossField.rawValue] += cross
                        stats.sums[f + groupField.rawValue] += total
                        if states == 1 {
                            stats.sums[f + BlockStats.Field.crossResidual.rawValue] += cross
                            stats.sums[f + BlockStats.Field.groupResidual.rawValue] += total
                        }
                        for target in compiled.targets(risk: r, view: v, state: s) {
                            let q = bases[target]
                            for j in 0..<n { q[j] += p[j] }
                        }
                    }
                }
                addFollowers(group, view: v, count: n, dense: base, offset: { offset(k + $0, v, $1) })
                // Achieved Spearman correlation of inherent losses, per requested pair, in the
                // primary view (the only one reported).
                guard v == compiled.plan.primaryView else { continue }
                for pair in group.pairs {
                    let rho = spearman(base + offset(pair.first, v, 0), base + offset(pair.second, v, 0), count: n)
                    stats.spearman[pair.correlation] += rho * Double(n)
                }
            }
        }
    }

    /// Iman–Conover (1982): reorders each member's per-trial losses so their ranks follow a
    /// matrix of normal scores with the target correlation.
    ///
    /// Chosen over a Gaussian copula on the occurrence and impact uniforms because it needs
    /// no quantile functions (PERT and beta have none in closed form), leaves every risk's
    /// marginal distribution exactly as simulated, and acts on the quantity the register's
    /// correlation is about — the per-trial loss. In each view, a member's trial record
    /// (inherent and residual together) is ordered by that view's own inherent loss, onto the
    /// same target ranks in every view: so each perspective's figures are exactly those of a
    /// run of that perspective alone, and do not depend on which other views share the run.
    ///
    /// The reordering is done within each unit of ``CompiledPlan/correlationUnit`` consecutive
    /// trials of the block, never across units: units are then independent replicates, and
    /// batches made of whole units give honest batch-means standard errors (see ``Summariser``).
    /// Reordering within a larger stretch would tie trials of different batches together.
    private func imanConover(_ group: CompiledGroup, block: Int, count n: Int) {
        var rng = StreamKey(rootSeed: rootSeed, itemKey: group.key, block: UInt64(block), lane: .correlationScores).generator()
        let unit = compiled.correlationUnit
        var start = 0
        while start < n {
            let m = min(unit, n - start)
            imanConover(group, start: start, count: m, stride: n, rng: &rng)
            start += m
        }
    }

    /// Iman–Conover on trials `start ..< start + n` of the block's dense arrays (each `stride`
    /// trials long), drawing its shuffles from `rng`.
    private func imanConover(_ group: CompiledGroup, start: Int, count n: Int, stride: Int, rng: inout Xoshiro256PlusPlus) {
        let k = group.members.count
        let views = compiled.viewCount
        let states = compiled.stateCount
        if scoresCacheCount != n {
            scores = (0..<n).map { SpecialFunctions.normalQuantile(Double($0 + 1) / Double(n + 1)) }
            scoresCacheCount = n
        }
        if scoreMatrix.count < k * n { scoreMatrix = Array(repeating: 0, count: k * n) }
        if targetScores.count < k * n { targetScores = Array(repeating: 0, count: k * n) }
        for m in 0..<k {
            for j in 0..<n { scoreMatrix[m * n + j] = scores[j] }
            var i = n - 1
            while i > 0 {
                let j = Int(rng.nextUnit() * Double(i + 1))
                scoreMatrix.swapAt(m * n + i, m * n + j)
                i -= 1
            }
        }
        // Sample correlation of the shuffled scores, and its Cholesky factor.
        var e = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for a in 0..<k {
            for b in a..<k {
                var s = 0.0
                for j in 0..<n { s += scoreMatrix[a * n + j] * scoreMatrix[b * n + j] }
                e[a][b] = s
                e[b][a] = s
            }
        }
        let diag = (0..<k).map { e[$0][$0].squareRoot() }
        for a in 0..<k { for b in 0..<k { e[a][b] /= diag[a] * diag[b] } }
        let q: [[Double]]
        if case let .success(l) = CorrelationMatrix.cholesky(e), (0..<k).allSatisfy({ l[$0][$0] > 0 }) {
            q = l
        } else {
            q = (0..<k).map { i in (0..<k).map { $0 == i ? 1 : 0 } }
        }
        let p = group.scoreFactor
        var z = Array(repeating: 0.0, count: k)
        for j in 0..<n {
            // z = Q⁻¹ s (forward substitution), then y = P z.
            for a in 0..<k {
                var s = scoreMatrix[a * n + j]
                for b in 0..<a { s -= q[a][b] * z[b] }
                z[a] = s / q[a][a]
            }
            for a in 0..<k {
                var y = 0.0
                for b in 0...a { y += p[a][b] * z[b] }
                targetScores[a * n + j] = y
            }
        }
        if copyBuffer.count < n { copyBuffer = Array(repeating: 0, count: n) }
        if order.count < n { order = Array(repeating: 0, count: n) }
        if lossOrder.count < n { lossOrder = Array(repeating: 0, count: n) }
        for m in 0..<k {
            // Both orders as a stable sort by (value, index) gives them, by radix sort.
            targetScores.withUnsafeBufferPointer { t in
                order.withUnsafeMutableBufferPointer { o in
                    StableOrder.indices(of: t.baseAddress! + m * n, count: n, into: o.baseAddress!)
                }
            }
            // Each view's record is ranked by that view's own inherent loss, so a perspective's
            // losses carry the register's correlations as they would in a run of that
            // perspective alone; its inherent and residual move together.
            for v in 0..<views {
                let keyOffset = ((m * views + v) * states) * stride + start
                dense.withUnsafeBufferPointer { d in
                    lossOrder.withUnsafeMutableBufferPointer { o in
                        StableOrder.indices(of: d.baseAddress! + keyOffset, count: n, into: o.baseAddress!)
                    }
                }
                for s in 0..<states {
                    let off = ((m * views + v) * states + s) * stride + start
                    for j in 0..<n { copyBuffer[j] = dense[off + j] }
                    for r in 0..<n { dense[off + order[r]] = copyBuffer[lossOrder[r]] }
                }
                for (f, leader) in group.leaders.enumerated() where leader == m {
                    moveFollower(group.followers[f], position: k + f, view: v, start: start, count: n, stride: stride)
                }
                let slot = compiled.positionSlot[group.members[m]]
                if slot >= 0 {
                    // The trial each original trial of the member ends up in, in this view, for
                    // shared delivery.
                    let p = positions + (slot * views + v) * compiled.blockSize
                    for r in 0..<n { p[start + lossOrder[r]] = Int32(truncatingIfNeeded: start + order[r]) }
                }
            }
        }
    }

    /// Spearman's rank correlation of two vectors, with tied values given their average rank.
    private func spearman(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, count n: Int) -> Double {
        let ra = averageRanks(a, count: n)
        let rb = averageRanks(b, count: n)
        let mean = Double(n + 1) / 2
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for j in 0..<n {
            let x = ra[j] - mean, y = rb[j] - mean
            sab += x * y
            saa += x * x
            sbb += y * y
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }

    private func averageRanks(_ x: UnsafeMutablePointer<Double>, count n: Int) -> [Double] {
        // Any sort gives the same tie groups, so the same average ranks; radix sort is fastest.
        var idx = Array(repeating: 0, count: n)
        idx.withUnsafeMutableBufferPointer { StableOrder.indices(of: x, count: n, into: $0.baseAddress!) }
        var r = Array(repeating: 0.0, count: n)
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && x[idx[j + 1]] == x[idx[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for m in i...j { r[idx[m]] = rank }
            i = j + 1
        }
        return r
    }
}
