/// The identity of one random stream: which run, which risk, which block of trials, which use.
///
/// Every stream is derived from its key alone, never from a thread or from the position of the
/// risk in the register, so (a) results are identical on any number of threads and (b) editing,
/// adding or removing one risk never changes another risk's draws. The key's words are folded
/// in one at a time through SplitMix64's finaliser (a seed-sequence in the sense of numpy's
/// `SeedSequence`): never `seed + item`, which would make neighbouring streams overlap.
public struct StreamKey: Sendable, Hashable {
    /// What a stream is used for. Separate lanes keep, for example, the choice of estimate in
    /// a pooled view independent of whether the risk occurs.
    public enum Lane: UInt64, Sendable, CaseIterable {
        /// Occurrence candidates: coins, gaps, arrival times and thinning uniforms.
        case occurrence = 1
        /// Which estimate a mixture (pooled) view uses in each trial.
        case estimateChoice = 2
        /// Whether a response was delivered in each trial.
        case responseDelivery = 3
        /// Per-trial benefit draws.
        case benefit = 4
        /// Per-trial rate draws of an uncertain frequency.
        case uncertainRate = 5
        /// Score matrices for inducing rank correlation in a group of risks.
        case correlationScores = 6
        /// The seed of each occurrence's own generator (its impact and benefit draws), in event
        /// order. Apart from the occurrence lane, so a block's occurrences can be found and
        /// drawn a chunk at a time with the same numbers as when all are found first.
        case eventSeeds = 7
        /// Whether a shared deliverer is available in each trial (keyed by the deliverer).
        case delivererAvailability = 8
        /// Whether a deliverer steps back in a trial where its entry occurs (keyed by the
        /// deliverer and the entry together).
        case stepBack = 9
    }

    /// The run's seed (the user's `--seed`).
    public var rootSeed: UInt64
    /// The work item: a risk's ``StableHash`` or a correlation group's combined key.
    public var itemKey: UInt64
    /// The block of trials.
    public var block: UInt64
    /// The use of the stream.
    public var lane: Lane

    public init(rootSeed: UInt64, itemKey: UInt64, block: UInt64, lane: Lane) {
        self.rootSeed = rootSeed
        self.itemKey = itemKey
        self.block = block
        self.lane = lane
    }

    /// A 64-bit seed that depends on every word of the key.
    public var seed: UInt64 {
        var h = SplitMix64.mix(rootSeed ^ 0x6A09_E667_F3BC_C908)
        h = SplitMix64.mix((h ^ itemKey) &+ SplitMix64.gamma)
        h = SplitMix64.mix((h ^ block) &+ SplitMix64.gamma)
        h = SplitMix64.mix((h ^ lane.rawValue) &+ SplitMix64.gamma)
        return h
    }

    /// The xoshiro256++ generator of this stream, for sequential draws.
    public func generator() -> Xoshiro256PlusPlus {
        Xoshiro256PlusPlus(seed: seed)
    }

    /// A random-access view of this stream: the `index`-th word of a SplitMix64 sequence
    /// started at ``seed``. Used for per-trial draws (estimate choice, response delivery,
    /// benefit) that must agree between the separate occurrence processes of one risk and
    /// must cost nothing in trials where the risk does not occur.
    @inlinable @inline(__always)
    public static func word(base: UInt64, index: Int) -> UInt64 {
        SplitMix64.mix(base &+ UInt64(truncatingIfNeeded: index &+ 1) &* SplitMix64.gamma)
    }
}
