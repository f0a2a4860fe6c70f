/// The dense occurrence scan: one Bernoulli coin per trial, for risks likely enough (see
/// ``densest``) that skipping ahead by geometric gaps would cost more than flipping every coin.
///
/// Each random word gives two 32-bit coins (its low half for an even trial, its high half for
/// the odd trial after it), so a scan costs half a generator step per trial. A coin c, uniform
/// on 0 ..< 2³², comes up when c < ⌈p · 2³²⌉: the probability realised is p rounded up to the
/// next multiple of 2⁻³² (at most 2.3 × 10⁻¹⁰ too high), which no reported figure can show.
///
/// The scan is branch-free: a branch on a coin with p near ½ would be mispredicted half the
/// time. Words pair trials from an even start, so a block scanned in one go and the same block
/// scanned in chunks of an even length use the same words for the same trials.
enum CoinScan {
    /// The probability from which a risk's coins are scanned: below it, its occurrences are
    /// found by geometric gaps (a logarithm each, about ten times the cost of a coin from the
    /// scan), so both ways cost about the same at p = 0.1.
    static let densest = 0.1

    /// The threshold a 32-bit coin must fall below for probability `p` (0 < p ≤ 1).
    static func limit(_ p: Double) -> UInt64 {
        UInt64((min(max(p, 0), 1) * 0x1p32).rounded(.up))
    }

    /// The uniform on [0, 1) a kept coin stands for, for thinning: given c < limit it is uniform
    /// below p, so `unit(c) / p` is uniform on [0, 1).
    @inline(__always)
    static func unit(_ coin: UInt64) -> Double {
        Double(Int64(bitPattern: coin)) * 0x1p-32
    }

    /// Writes the trials of `start ..< end` (start even) whose coin comes up to `trials`, in
    /// order, and returns how many there are.
    @inline(never)
    static func scan(
        _ rng: inout Xoshiro256PlusPlus, from start: Int, to end: Int, limit: UInt64,
        into trials: UnsafeMutablePointer<Int32>
    ) -> Int {
        var g = rng
        defer { rng = g }
        var c = 0, t = start
        while t &+ 1 < end {
            let r = g.next()
            trials[c] = Int32(truncatingIfNeeded: t)
            c &+= (r & 0xFFFF_FFFF) < limit ? 1 : 0
            trials[c] = Int32(truncatingIfNeeded: t &+ 1)
            c &+= (r >> 32) < limit ? 1 : 0
            t &+= 2
        }
        if t < end {
            let r = g.next()
            trials[c] = Int32(truncatingIfNeeded: t)
            c &+= (r & 0xFFFF_FFFF) < limit ? 1 : 0
        }
        return c
    }

    /// ``scan(_:from:to:limit:into:)`` that also keeps each kept trial's coin (for thinning
    /// among several estimates).
    @inline(never)
    static func scan(
        _ rng: inout Xoshiro256PlusPlus, from start: Int, to end: Int, limit: UInt64,
        into trials: UnsafeMutablePointer<Int32>, coins: UnsafeMutablePointer<UInt64>
    ) -> Int {
        var g = rng
        defer { rng = g }
        var c = 0, t = start
        while t < end {
            let r = g.next()
            for half in 0..<min(2, end &- t) {
                let coin = half == 0 ? r & 0xFFFF_FFFF : r >> 32
                trials[c] = Int32(truncatingIfNeeded: t &+ half)
                coins[c] = coin
                c &+= coin < limit ? 1 : 0
            }
            t &+= 2
        }
        return c
    }
}
