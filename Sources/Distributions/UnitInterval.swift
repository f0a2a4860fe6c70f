/// Conversions from random bits to doubles, written out so that they never change.
///
/// `Double.random(in:using:)` is not specified bit-for-bit and may change between Swift
/// versions, which would silently move every published number; these conversions are fixed.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 random bits: `Double(x >> 11) * 0x1p-53`.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1): the midpoint of one of 2^52 equal cells, so it is never
    /// 0 or 1 and `log` and quantile functions of it are always finite. (With 53 bits the
    /// top midpoint, 1 − 2⁻⁵⁴, would round to 1.)
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1p-52
    }
}

/// The [0, 1) double made from the top 53 bits of `bits`.
@inlinable @inline(__always)
package func unitDouble(_ bits: UInt64) -> Double {
    Double(bits >> 11) * 0x1p-53
}

/// The (0, 1) double made from the top 52 bits of `bits` (cell midpoint).
@inlinable @inline(__always)
package func openUnitDouble(_ bits: UInt64) -> Double {
    (Double(bits >> 12) + 0.5) * 0x1p-52
}
