/// xoshiro256++ 1.0 (Blackman and Vigna 2019), the generator behind every simulation stream.
///
/// Chosen because it is fast (a handful of shifts and adds), has a 2^256 − 1 period, passes
/// BigCrush, and is fully specified by a published reference implementation, so the numbers
/// it produces will never change with a Swift release (unlike `SystemRandomNumberGenerator`
/// or the standard library's conversions). The state is 32 bytes, so copying a generator is
/// cheap and allocation free.
public struct Xoshiro256PlusPlus: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the state from four consecutive outputs of ``SplitMix64`` started at `seed`,
    /// as the reference implementation recommends. The state is never all zero because
    /// SplitMix64's output function is a bijection over a Weyl sequence.
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    /// Creates a generator from an explicit state. At least one word must be non-zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256++ state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s0 &+ s3).rotatedLeft(by: 23) &+ s0
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(by k: UInt64) -> UInt64 {
        (self << k) | (self >> (64 &- k))
    }
}
