/// A fixed 64-bit hash of a string id, used to key a risk's random streams.
///
/// Swift's `Hasher` is seeded per process, so it cannot key anything that must be reproducible.
/// This is FNV-1a 64 over the id's UTF-8 bytes: a published function with known test vectors,
/// fixed for ever. FNV-1a alone mixes its last bytes weakly, which does not matter here because
/// ``StreamKey`` passes the value through SplitMix64's finaliser before use.
public enum StableHash {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a 64 of the UTF-8 encoding of `id`.
    public static func fnv1a64(_ id: String) -> UInt64 {
        var hash = offsetBasis
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// Combines an ordered list of keys into one (used to key a correlation group by its
    /// members, so the group's stream changes only when its membership does).
    public static func combine(_ keys: [UInt64]) -> UInt64 {
        var hash = offsetBasis
        for key in keys {
            hash = SplitMix64.mix(hash ^ key) &+ SplitMix64.gamma
        }
        return hash
    }
}
