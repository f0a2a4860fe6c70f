#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions
import Synchronization

/// An exact, table-driven beta sampler for shapes α ≥ 1 and β ≥ 1 (every PERT, most betas).
///
/// The unit interval is cut into 1,024 equal-width cells. A cell is picked with its exact
/// probability (incomplete-beta differences, computed once) by Walker's alias method, then a
/// point is drawn within it by rejection from a flat envelope at the cell's largest density
/// (a rejected point is redrawn in the same cell, so each cell keeps its exact probability).
/// One 64-bit word gives both the point (its top 32 bits: a grid of 2⁻⁴² of the range, far
/// finer than any figure reported) and the rejection test (its low 32 bits, so an acceptance
/// probability is off by at most 2⁻³², about 2 × 10⁻¹⁰).
/// For α, β ≥ 1 the density is bounded and unimodal, so the cell's extreme densities sit at its
/// ends or at the mode: the envelope is a true bound and a squeeze at the smallest density
/// accepts almost every point without evaluating the density. The result is an exact beta
/// draw for about three cheap words of randomness, against two gamma draws (with logs and
/// normal quantiles) for the general method — and PERT impacts are the bulk of a register's
/// draws.
///
/// Tables depend only on (α, β) and are shared through ``BetaTable/Cache``.
final class BetaTable: @unchecked Sendable {
    static let cellBits = 10
    static let cellCount = 1 << cellBits

    let alpha: Double
    let beta: Double
    private let logNorm: Double
    /// What a draw reads of one cell, together so that a draw touches two cache lines (the
    /// slot's alias entry and the chosen cell's envelope), not four.
    ///
    /// The alias coin and the squeeze test are compared as integers, with no conversion to
    /// floating point on the common path.
    struct Cell {
        /// Alias method: the slot keeps its own cell when its 53-bit coin is below this
        /// (⌈threshold · 2⁵³⌉ for the slot's threshold probability)...
        var keep: UInt64
        /// ...and passes to this cell otherwise. 32 bits: widening it on load keeps the choice a
        /// conditional move (a 64-bit field would be folded into the move as a memory operand,
        /// which the compiler turns back into a branch that the random coin mispredicts).
        var alias: Int32
        /// Test words (32 bits) below this fall under the squeeze, so the point is accepted
        /// without a look at the envelope or the density.
        var squeeze: UInt32
        /// The squeeze (smallest density in the cell) and the envelope (largest).
        var low: Double
        var high: Double
    }

    // Immutable after init; a raw pointer keeps the sampling loop free of bounds and
    // exclusivity checks.
    private let cells: UnsafeMutablePointer<Cell>

    /// Builds the table, or returns nil when α < 1 or β < 1 (unbounded density).
    init?(alpha: Double, beta: Double) {
        guard alpha >= 1, beta >= 1 else { return nil }
        self.alpha = alpha
        self.beta = beta
        logNorm = lgamma(alpha) + lgamma(beta) - lgamma(alpha + beta)
        let n = Self.cellCount
        cells = .allocate(capacity: n)
        cells.initialize(repeating: Cell(keep: 0, alias: 0, squeeze: 0, low: 0, high: 0), count: n)
        let h = 1 / Double(n)
        var cdf = [Double](repeating: 0, count: n + 1)
        for j in 0...n { cdf[j] = SpecialFunctions.incompleteBeta(Double(j) * h, alpha, beta) }
        cdf[0] = 0
        cdf[n] = 1
        let mode = alpha + beta > 2 ? (alpha - 1) / (alpha + beta - 2) : -1
        var density = [Double](repeating: 0, count: n + 1)
        for j in 0...n { density[j] = self.density(Double(j) * h) }
        for j in 0..<n {
            var top = max(density[j], density[j + 1])
            if mode >= Double(j) * h && mode <= Double(j + 1) * h { top = max(top, self.density(mode)) }
            cells[j].high = top * (1 + 1e-9) + 1e-300
            cells[j].low = min(density[j], density[j + 1]) * (1 - 1e-9)
            cells[j].squeeze = Self.squeeze(low: cells[j].low, high: cells[j].high)
        }
        // Vose's alias method over the cell probabilities.
        var scaled = (0..<n).map { max(0, cdf[$0 + 1] - cdf[$0]) * Double(n) }
        let total = scaled.reduce(0, +) / Double(n)
        scaled = scaled.map { $0 / total }
        var small: [Int] = [], large: [Int] = []
        for j in 0..<n { if scaled[j] < 1 { small.append(j) } else { large.append(j) } }
        var threshold = [Double](repeating: 1, count: n)
        for j in 0..<n { cells[j].alias = Int32(j) }
        while let s = small.popLast() {
            guard let l = large.popLast() else { break }
            threshold[s] = scaled[s]
            cells[s].alias = Int32(l)
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        for j in 0..<n { cells[j].keep = UInt64(min(max((threshold[j] * 0x1p53).rounded(.up), 0), 0x1p53)) }
        // What the sampling loop reads without checks: every alias names a cell, every coin
        // threshold is at most 2⁵³, and the squeeze never exceeds the envelope.
        assert((0..<n).allSatisfy { j in
            cells[j].alias >= 0 && Int(cells[j].alias) < n && cells[j].keep <= 1 << 53 && cells[j].low <= cells[j].high
        }, "beta table for α = \(alpha), β = \(beta) is malformed")
    }

    deinit {
        cells.deallocate()
    }

    /// The largest count of 32-bit test words that all fall under the squeeze: every t below
    /// it has t · 2⁻³² · high ≤ low, exactly as the floating-point test computes it.
    static func squeeze(low: Double, high: Double) -> UInt32 {
        var k = UInt64(min(max((low / high * 0x1p32).rounded(.down), 0), 0x1p32))
        while k > 0 && !(Double(k - 1) * 0x1p-32 * high <= low) { k -= 1 }
        return UInt32(min(k, UInt64(UInt32.max)))
    }

    /// The beta density at x ∈ [0, 1].
    @inline(__always)
    func density(_ x: Double) -> Double {
        let a = alpha == 1 ? 0 : (alpha - 1) * log(x)
        let b = beta == 1 ? 0 : (beta - 1) * log1p(-x)
        return exp(a + b - logNorm)
    }

    /// A non-owning view of the table for the sampling loop: all trivially copyable fields,
    /// so passing it around costs no reference counting. Valid while the table is alive (the
    /// compiled plan keeps its tables).
    var view: View {
        View(alpha: alpha, beta: beta, logNorm: logNorm, cells: cells)
    }

    struct View {
        let alpha: Double
        let beta: Double
        let logNorm: Double
        let cells: UnsafeMutablePointer<Cell>

        @inline(__always)
        func density(_ x: Double) -> Double {
            let a = alpha == 1 ? 0 : (alpha - 1) * log(x)
            let b = beta == 1 ? 0 : (beta - 1) * log1p(-x)
            return exp(a + b - logNorm)
        }

        /// One exact Beta(α, β) draw on [0, 1).
        @inline(__always)
        func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
            sample(first: g.next(), using: &g)
        }

        /// One exact draw whose first random word is `first` (the engine passes an event's
        /// seed, itself a uniform 64-bit word, saving one generator step per draw).
        ///
        /// The cell is chosen once, from `first`, and a rejected point is redrawn within the
        /// same cell. Choosing the cell afresh after a rejection would weight each cell by its
        /// acceptance rate (its mean density over its largest), which varies from cell to cell:
        /// a bias of about 1.2 × 10⁻⁴ of the mean of a standard PERT, and far more for
        /// concentrated shapes.
        @inline(__always)
        func sample<G: RandomNumberGenerator>(first: UInt64, using g: inout G) -> Double {
            let cell = self.cell(first)
            while true {
                let (x, test) = point(cell, g.next())
                if test < UInt64(cells[cell].squeeze) || accepts(cell, x: x, test: test) { return x }
            }
        }

        /// The cell a draw whose first word is `r` falls in: the top bits pick a slot, and the
        /// low 53 bits (independent of them) are the alias coin.
        @inline(__always)
        func cell(_ r: UInt64) -> Int {
            let slot = Int(truncatingIfNeeded: r >> UInt64(64 - BetaTable.cellBits))
            assert(slot >= 0 && slot < BetaTable.cellCount)
            // A select, not a branch: the coin is random, so a branch would be mispredicted
            // often, and every misprediction flushes the work of neighbouring draws.
            let other = Int(cells[slot].alias)
            return r & ((1 << 53) - 1) < cells[slot].keep ? slot : other
        }

        /// A candidate point in `cell` from one word (its top half), and the word's low half:
        /// the test word, uniform on 0 ..< 2³², for the rejection step.
        @inline(__always)
        func point(_ cell: Int, _ r: UInt64) -> (x: Double, test: UInt64) {
            assert(cell >= 0 && cell < BetaTable.cellCount, "cell \(cell) is outside the table")
            let u = Double(Int64(bitPattern: r >> 32)) * 0x1p-32
            return ((Double(cell) + u) * (1 / Double(BetaTable.cellCount)), r & 0xFFFF_FFFF)
        }

        /// The rejection test of a point above the integer squeeze: w = t · 2⁻³² · envelope,
        /// accepted under the squeeze's own value or under the density.
        @inline(__always)
        func accepts(_ cell: Int, x: Double, test: UInt64) -> Bool {
            let w = Double(Int64(bitPattern: test)) * 0x1p-32 * cells[cell].high
            return w <= cells[cell].low || w <= density(x)
        }

        /// Completes a draw in `cell` whose first point `x` had a test word at or above the
        /// squeeze: accepts it under the density, else redraws in the same cell from `g`, as
        /// ``sample(first:using:)`` does.
        @inline(never)
        func finish(cell: Int, x: Double, test: UInt64, using g: inout SplitMix64) -> Double {
            if accepts(cell, x: x, test: test) { return x }
            while true {
                let (x, test) = point(cell, g.next())
                if test < UInt64(cells[cell].squeeze) || accepts(cell, x: x, test: test) { return x }
            }
        }
    }

    /// One exact Beta(α, β) draw on [0, 1).
    func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
        view.sample(using: &g)
    }

    /// Each cell's probability as the sampler realises it, computed exactly from the alias
    /// table: cell j keeps its own slot for `keep` of the 2⁵³ coins and passes the rest of the
    /// slot to its alias.
    /// For tests: it should match ``cellProbabilities()`` to rounding.
    func realisedCellProbabilities() -> [Double] {
        let n = Self.cellCount
        var p = [Double](repeating: 0, count: n)
        for j in 0..<n {
            let keep = Double(cells[j].keep) * 0x1p-53
            p[j] += keep / Double(n)
            p[Int(cells[j].alias)] += (1 - keep) / Double(n)
        }
        return p
    }

    /// Each cell's exact probability, I(x_{j+1}; α, β) − I(x_j; α, β).
    func cellProbabilities() -> [Double] {
        let n = Self.cellCount
        let cdf = (0...n).map { SpecialFunctions.incompleteBeta(Double($0) / Double(n), alpha, beta) }
        return (0..<n).map { max(0, cdf[$0 + 1] - cdf[$0]) }
    }

    /// The envelope of cell j: (smallest, largest) density bound used by the rejection step.
    func envelope(_ j: Int) -> (low: Double, high: Double) { (cells[j].low, cells[j].high) }

    /// Tables by shape, so a register that repeats a PERT shape builds it once.
    final class Cache: Sendable {
        private let tables = Mutex<[[Double]: BetaTable]>([:])

        func table(alpha: Double, beta: Double) -> BetaTable? {
            tables.withLock { tables in
                if let t = tables[[alpha, beta]] { return t }
                guard let t = BetaTable(alpha: alpha, beta: beta) else { return nil }
                tables[[alpha, beta]] = t
                return t
            }
        }
    }
}

/// How the engine draws from a distribution: through a beta table when one applies, else
/// through the distribution's own sampler (a switch over a closed enum, never a dynamic
/// dispatch). The table path touches only trivially copyable fields, so reading a sampler out
/// of a buffer costs no reference counting.
struct EngineSampler: @unchecked Sendable {
    /// The closed-form cases, held as plain numbers.
    enum Kind: UInt8 { case table, fixed, uniform, triangular, normal, lognormal, general }

    let kind: Kind
    let table: BetaTable.View?
    /// Parameters by kind: table (min, width); fixed (value); uniform (min, width);
    /// triangular (min, mode, max, split); normal (mean, sd); lognormal (mu, sigma).
    let a: Double, b: Double, c: Double, d: Double
    /// The distribution, kept only for the kinds its own sampler draws, and behind a reference:
    /// a `Distribution` is large, and every estimate has two samplers (impact and benefit).
    let general: General?
    /// Keeps the table alive as long as any sampler uses it.
    let owner: BetaTable?

    /// A distribution drawn by its own sampler.
    final class General: Sendable {
        let distribution: Distribution
        init(_ distribution: Distribution) { self.distribution = distribution }
    }

    init(_ dist: Distribution, cache: BetaTable.Cache) {
        var table: BetaTableView? = nil
        var owner: BetaTable? = nil
        var kind = Kind.general
        var p = (0.0, 0.0, 0.0, 0.0)
        switch dist.sampler {
        case let .beta(s):
            if let t = cache.table(alpha: s.alpha, beta: s.beta) {
                owner = t
                table = t.view
                kind = .table
                p = (s.min, s.width, 0, 0)
            }
        case let .fixed(v): kind = .fixed; p = (v, 0, 0, 0)
        case let .uniform(m, w): kind = .uniform; p = (m, w, 0, 0)
        case let .triangular(lo, mode, hi, split): kind = .triangular; p = (lo, mode, hi, split)
        case let .normal(m, sd): kind = .normal; p = (m, sd, 0, 0)
        case let .lognormal(mu, sigma): kind = .lognormal; p = (mu, sigma, 0, 0)
        case .choice: break
        }
        self.kind = kind
        self.table = table
        self.owner = owner
        general = kind == .general ? General(dist) : nil
        (a, b, c, d) = p
    }
}

typealias BetaTableView = BetaTable.View

extension UnsafeMutablePointer where Pointee == EngineSampler {
    /// A draw from the sampler at `self`, read in place (no copy of the sampler), using the
    /// per-event generator `SplitMix64(seed: seed)`.
    @inline(__always)
    func sample(seed: UInt64) -> Double {
        var g = SplitMix64(seed: seed)
        if pointee.kind == .table {
            return pointee.a + pointee.b * pointee.table.unsafelyUnwrapped.sample(first: seed, using: &g)
        }
        return sample(using: &g)
    }

    /// A draw from the sampler at `self`, read in place (no copy of the sampler).
    @inline(__always)
    func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
        // Mirrors Distribution.sample for the closed forms (same uniforms, same formulas).
        switch pointee.kind {
        case .table:
            return pointee.a + pointee.b * pointee.table.unsafelyUnwrapped.sample(using: &g)
        case .fixed:
            return pointee.a
        case .uniform:
            return pointee.a + pointee.b * g.nextUnit()
        case .triangular:
            let lo = pointee.a, mode = pointee.b, hi = pointee.c
            let u = g.nextUnit()
            return u < pointee.d
                ? lo + (u * (hi - lo) * (mode - lo)).squareRoot()
                : hi - ((1 - u) * (hi - lo) * (hi - mode)).squareRoot()
        case .normal:
            return pointee.a + pointee.b * SpecialFunctions.normalQuantile(g.nextOpenUnit())
        case .lognormal:
            return exp(pointee.a + pointee.b * SpecialFunctions.normalQuantile(g.nextOpenUnit()))
        case .general:
            return pointee.general.unsafelyUnwrapped.distribution.sample(using: &g)
        }
    }
}
