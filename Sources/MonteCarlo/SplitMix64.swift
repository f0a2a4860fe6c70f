/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator with a strong output mix.
///
/// It is used in three roles, each for a reason:
/// - to expand one 64-bit seed into the 256-bit state of ``Xoshiro256PlusPlus``, as the
///   xoshiro authors recommend (a raw seed with few set bits would otherwise start the
///   generator in a poorly mixed state);
/// - as a keyed hash (``mix(_:)``) when deriving stream seeds from work-item keys;
/// - as a short per-event generator seeded from the main stream, so that one occurrence of a
///   risk consumes exactly one word of the main stream however many draws its impact needs
///   (which keeps every estimate and view of a risk on the same random numbers).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The golden-ratio increment of the Weyl sequence.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The current Weyl-sequence state.
    public var state: UInt64

    /// Creates a generator whose first output is `mix(seed &+ gamma)`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The SplitMix64 output function (a variant of MurmurHash3's finaliser): a bijection on
    /// `UInt64` in which every input bit affects every output bit.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.gamma
        return SplitMix64.mix(state)
    }
}
