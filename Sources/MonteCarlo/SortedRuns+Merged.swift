/// Sorted runs read through one fully sorted copy, so that every order statistic of a summary
/// is read in one step instead of by bisection on the sort key (each bisection counts every run
/// about 64 times, and a summary reads about a hundred order statistics: the percentiles, their
/// error bounds and the exceedance curve).
///
/// The copy holds the same values in the same order as the runs would have merged by sort key,
/// so every figure read from it is bit for bit the bisection's: the k-th value by sort key is
/// one value whatever finds it.
extension SortedRuns {
    /// The most trials a summary sorts a copy of (24 bytes each while sorting, 8 until the
    /// summary is done): 6 MB at 2¹⁸ trials, above the default 100,000. Beyond it the runs are
    /// read by bisection, so a long run's summary holds no second copy of its series.
    static let mergeLimit = 1 << 18

    /// Writes the values of the sorted runs of `base` (each `bounds[r] ..< bounds[r + 1]`,
    /// ascending by sort key) into `out` in ascending order of sort key. `out` must hold
    /// `bounds.last!` values.
    ///
    /// A radix sort of a copy: its passes stream through memory, where merging the runs two at
    /// a time waits on a load for every value (measured about three times slower).
    static func merge(base: UnsafePointer<Double>, bounds: [Int], into out: UnsafeMutablePointer<Double>) {
        let n = bounds[bounds.count - 1]
        out.update(from: base, count: n)
        RadixSort.sort(UnsafeMutableBufferPointer(start: out, count: n))
    }
}
