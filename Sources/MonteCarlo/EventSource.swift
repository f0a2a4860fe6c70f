#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions

/// A risk's candidate events in one block, made a chunk of trials at a time: exactly the events
/// (trials, masks, seeds, in the same order) that finding all of the block's first and sorting
/// them by trial gives, without holding more than a chunk of them.
///
/// A risk's occurrences come from up to three processes, run one after the other on the
/// occurrence lane and numbered one after the other on the event-seed lane: Bernoulli
/// candidates (coins, or geometric gaps for a rare risk), a Poisson process at a fixed rate, and
/// a rate drawn per trial (uncertain frequencies, keyed by trial). Each process here has its own
/// generators, positioned where the whole-block order would have them: the Poisson process
/// starts where the Bernoulli candidates of the whole block leave the occurrence lane, and each
/// process's seeds start after the seeds of the processes before it. When a risk mixes processes
/// those positions are found first by counting the earlier processes' events over the block
/// (without keeping them); a risk of one kind, the usual case, needs no such count.
///
/// Within a chunk the events are put in trial order by a stable counting sort, as the whole
/// block's were: in a trial, a Bernoulli event first, then fixed-rate events, then those of
/// the drawn rates.
struct EventSource {
    private let risk: CompiledRisk
    private let count: Int
    /// The Bernoulli candidates' generator (the occurrence lane from its start) and seeds.
    private var coins: Xoshiro256PlusPlus
    private var coinSeeds: Xoshiro256PlusPlus
    /// Gap skipping: the trial of the next candidate (`Int.max` when none is left), its mask,
    /// and the last trial reached.
    private var gapTrial = Int.max
    private var gapMask: UInt64 = 0
    private var gapAt = -1
    private let logQ: Double
    /// The Poisson process's generator (the occurrence lane after the whole block's Bernoulli
    /// candidates), its seeds, its time, and its next event's trial and mask.
    private var arrivals: Xoshiro256PlusPlus
    private var arrivalSeeds: Xoshiro256PlusPlus
    private var time = 0.0
    private var arrivalTrial = Int.max
    private var arrivalMask: UInt64 = 0
    /// The drawn rates' per-trial stream and seeds.
    private let uncertainBase: UInt64
    private var uncertainSeeds: Xoshiro256PlusPlus
    private var uncertainCounts: [Int]

    /// Positions every process of `risk` at the start of `block` (of `n` trials).
    init(_ risk: CompiledRisk, rootSeed: UInt64, block: Int, count n: Int) {
        self.risk = risk
        count = n
        let b = UInt64(block)
        let occurrence = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .occurrence).generator()
        let seeds = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .eventSeeds).generator()
        uncertainBase = risk.uncertain.isEmpty
            ? 0 : StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .uncertainRate).seed
        uncertainCounts = Array(repeating: 0, count: risk.uncertain.count)
        coins = occurrence
        coinSeeds = seeds
        logQ = risk.pMax > 0 && risk.pMax < CoinScan.densest ? log1p(-risk.pMax) : 0
        arrivals = occurrence
        arrivalSeeds = seeds
        uncertainSeeds = seeds
        let kinds = (risk.pMax > 0 ? 1 : 0) + (risk.rateMax > 0 ? 1 : 0) + (risk.uncertain.isEmpty ? 0 : 1)
        if kinds > 1 {
            // Where the whole-block order leaves the lanes after each process.
            var lane = occurrence
            var before = 0
            if risk.pMax > 0 {
                before += Self.countCandidates(risk, n: n, logQ: logQ, rng: &lane)
                arrivals = lane
                Self.advance(&arrivalSeeds, by: before)
            }
            if risk.rateMax > 0 && !risk.uncertain.isEmpty {
                before += Self.countArrivals(risk, n: n, rng: &lane)
            }
            Self.advance(&uncertainSeeds, by: before)
        }
        if risk.pMax > 0 && risk.pMax < CoinScan.densest { nextGap() }
        if risk.rateMax > 0 { nextArrival() }
    }

    /// Replaces `events` with the candidates of trials `start ..< end`, which must follow the
    /// previous chunk's (`start` even, for the coin scan's pairs).
    mutating func fill(_ events: inout EventList, from start: Int, to end: Int) {
        assert(start % 2 == 0 && start < end && end <= count)
        var ev = events
        ev.count = 0
        defer { events = ev }
        var segments = 0
        let pMax = risk.pMax
        if pMax >= CoinScan.densest {
            // The coins of these trials: the same words as one scan of the whole block.
            ev.reserve(end - start)
            let trials = ev.trial, masks = ev.mask, seeds = ev.seed
            let limit = CoinScan.limit(pMax)
            let all = risk.probabilityAll
            let c: Int
            if all != 0 {
                c = CoinScan.scan(&coins, from: start, to: end, limit: limit, into: trials)
                for j in 0..<c { masks[j] = all }
            } else {
                c = CoinScan.scan(&coins, from: start, to: end, limit: limit, into: trials, coins: seeds)
                let thinning = risk.probabilityThinning
                for j in 0..<c { masks[j] = Self.mask(CoinScan.unit(seeds[j]) / pMax, thinning) }
            }
            for j in 0..<c { seeds[j] = coinSeeds.next() }
            ev.count = c
        } else if pMax > 0 {
            while gapTrial < end {
                ev.append(gapTrial, gapMask, coinSeeds.next())
                nextGap()
            }
        }
        if ev.count > 0 { segments += 1 }
        if risk.rateMax > 0 {
            let before = ev.count
            while arrivalTrial < end {
                ev.append(arrivalTrial, arrivalMask, arrivalSeeds.next())
                nextArrival()
            }
            if ev.count > before { segments += 1 }
        }
        if !risk.uncertain.isEmpty {
            let before = ev.count
            let uncertain = risk.uncertain
            var every: UInt64 = 0
            for entry in uncertain { every |= entry.bit }
            for t in start..<end {
                let first = SplitMix64(seed: StreamKey.word(base: uncertainBase, index: t))
                var most = 0, fewest = Int.max
                for (i, entry) in uncertain.enumerated() {
                    // Every estimate starts from the same per-trial generator: common random
                    // numbers for the rate and the count.
                    var g = first
                    // Negative draws mean no events; the cap keeps a wild tail draw (say from
                    // a very wide lognormal) from exhausting memory instead of failing loudly.
                    let rate = min(max(0, entry.rate.sample(using: &g)), SimulationPlan.maximumRate)
                    let k = Poisson(lambda: rate).sample(using: &g)
                    uncertainCounts[i] = k
                    most = max(most, k)
                    fewest = min(fewest, k)
                }
                // The k-th event belongs to every estimate whose count exceeds k: below the
                // fewest count, to all of them (most of AS-03's hundred events a trial).
                ev.reserve(ev.count + most)
                for _ in 0..<fewest { ev.append(t, every, uncertainSeeds.next()) }
                for k in fewest..<most {
                    var m: UInt64 = 0
                    for (i, entry) in uncertain.enumerated() where uncertainCounts[i] > k { m |= entry.bit }
                    ev.append(t, m, uncertainSeeds.next())
                }
            }
            if ev.count > before { segments += 1 }
        }
        if segments > 1 { ev.sortByTrial(from: start, to: end) }
    }

    /// The estimates a candidate event belongs to, from its thinning uniform `w`.
    @inline(__always)
    static func mask(_ w: Double, _ thinning: [(bit: UInt64, ratio: Double)]) -> UInt64 {
        var m: UInt64 = 0
        for entry in thinning where w < entry.ratio { m |= entry.bit }
        return m
    }

    /// Finds the next gap-skipping candidate (gap = ⌊log u / log(1 − p)⌋) and its mask.
    private mutating func nextGap() {
        let gap = log(coins.nextOpenUnit()) / logQ
        guard gap < Double(count - gapAt - 1) else {
            gapTrial = .max
            return
        }
        gapAt += Int(gap) + 1
        gapTrial = gapAt
        gapMask = risk.probabilityAll != 0 ? risk.probabilityAll : Self.mask(coins.nextUnit(), risk.probabilityThinning)
    }

    /// Finds the Poisson process's next arrival (exponential gaps across the block) and its mask.
    private mutating func nextArrival() {
        time += -log(arrivals.nextOpenUnit()) / risk.rateMax
        guard time < Double(count) else {
            arrivalTrial = .max
            return
        }
        arrivalMask = risk.rateAll != 0 ? risk.rateAll : Self.mask(arrivals.nextUnit(), risk.rateThinning)
        arrivalTrial = Int(time)
    }

    /// The Bernoulli candidates of the whole block, counted, with `rng` left where they leave it.
    private static func countCandidates(_ risk: CompiledRisk, n: Int, logQ: Double, rng: inout Xoshiro256PlusPlus) -> Int {
        var c = 0
        if risk.pMax >= CoinScan.densest {
            let limit = CoinScan.limit(risk.pMax)
            var t = 0
            while t < n {
                let r = rng.next()
                c += (r & 0xFFFF_FFFF) < limit ? 1 : 0
                if t + 1 < n { c += (r >> 32) < limit ? 1 : 0 }
                t += 2
            }
            return c
        }
        var at = -1
        while true {
            let gap = log(rng.nextOpenUnit()) / logQ
            if !(gap < Double(n - at - 1)) { break }
            at += Int(gap) + 1
            if risk.probabilityAll == 0 { _ = rng.nextUnit() }
            c += 1
        }
        return c
    }

    /// The Poisson process's arrivals in the whole block, counted.
    private static func countArrivals(_ risk: CompiledRisk, n: Int, rng: inout Xoshiro256PlusPlus) -> Int {
        var c = 0, time = 0.0
        while true {
            time += -log(rng.nextOpenUnit()) / risk.rateMax
            if !(time < Double(n)) { break }
            if risk.rateAll == 0 { _ = rng.nextUnit() }
            c += 1
        }
        return c
    }

    private static func advance(_ g: inout Xoshiro256PlusPlus, by k: Int) {
        for _ in 0..<k { _ = g.next() }
    }
}
