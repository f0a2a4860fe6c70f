/// The order that sorts a run of doubles, found by radix sort instead of a comparison sort.
///
/// Rank correlation sorts every correlated risk's losses several times per block (Iman–Conover
/// orders each unit by target score and by loss; the achieved Spearman correlation ranks whole
/// blocks). A comparison sort through a closure spent about a fifth of a real register's run
/// there; a least-significant-digit radix sort over the values' sort keys, carrying the indices,
/// is stable, so it gives exactly the permutation of a stable sort by `<` with ties in index
/// order — the results do not change.
enum StableOrder {
    /// Bits per radix digit: 256 buckets keep each pass's counts in the first-level cache for
    /// runs as short as one Iman–Conover unit (1,024 values).
    static let digitBits = 8
    static let digits = 64 / digitBits

    /// The sort key of `x` with −0 taken as +0, so that values equal under `<` share a key (the
    /// order then keeps ties in index order, as a stable comparison sort does).
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        sortKey(x == 0 ? 0 : x)
    }

    /// Writes into `order` the indices `0 ..< n` sorted by `values[i]` ascending, ties in index
    /// order: the permutation `(0..<n).sorted { (values[$0], $0) < (values[$1], $1) }` gives.
    /// Values must not be NaN (losses and normal scores never are).
    ///
    /// Complexity: O(n) time (at most eight passes, and a pass is skipped when every key shares
    /// its digit), 24n bytes of scratch.
    static func indices(of values: UnsafePointer<Double>, count n: Int, into order: UnsafeMutablePointer<Int>) {
        guard n > 1 else {
            if n == 1 { order[0] = 0 }
            return
        }
        let radix = 1 << digitBits, mask = UInt64(radix - 1)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        let index = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: radix * digits)
        defer {
            keys.deallocate()
            index.deallocate()
            counts.deallocate()
        }
        counts.initialize(repeating: 0, count: radix * digits)
        for i in 0..<n {
            assert(!values[i].isNaN, "a NaN has no place in a sorted order")
            let k = key(values[i])
            keys[i] = k
            index[i] = Int32(truncatingIfNeeded: i)
            for d in 0..<digits { counts[d * radix + Int((k >> UInt64(d * digitBits)) & mask)] += 1 }
        }
        var sourceKeys = keys, targetKeys = keys + n
        var sourceIndex = index, targetIndex = index + n
        for d in 0..<digits {
            let c = counts + d * radix
            let shift = UInt64(d * digitBits)
            if c[Int((sourceKeys[0] >> shift) & mask)] == n { continue }
            var total = 0
            for b in 0..<radix {
                let t = c[b]
                c[b] = total
                total += t
            }
            for i in 0..<n {
                let k = sourceKeys[i]
                let b = Int((k >> shift) & mask)
                targetKeys[c[b]] = k
                targetIndex[c[b]] = sourceIndex[i]
                c[b] += 1
            }
            swap(&sourceKeys, &targetKeys)
            swap(&sourceIndex, &targetIndex)
        }
        for i in 0..<n { order[i] = Int(sourceIndex[i]) }
    }
}
