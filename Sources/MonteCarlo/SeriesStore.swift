/// The per-trial totals: one contiguous buffer of `Double` per series (configuration × view ×
/// state × outcome), each as long as the run.
///
/// This is the only O(trials) storage and exists because exact percentiles need every trial's
/// total. Blocks write disjoint ranges, so workers share the buffers without locks; the class
/// is `@unchecked Sendable` for that reason alone.
final class SeriesStore: @unchecked Sendable {
    private(set) var pointers: [UnsafeMutablePointer<Double>]
    private(set) var capacity: Int

    init(series: Int, trials: Int) {
        capacity = trials
        pointers = (0..<series).map { _ in
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(trials, 1))
            p.initialize(repeating: 0, count: max(trials, 1))
            return p
        }
    }

    /// Grows every series to `trials`, keeping the values written so far.
    func grow(to trials: Int) {
        guard trials > capacity else { return }
        pointers = pointers.map { old in
            let p = UnsafeMutablePointer<Double>.allocate(capacity: trials)
            p.initialize(from: old, count: capacity)
            (p + capacity).initialize(repeating: 0, count: trials - capacity)
            old.deallocate()
            return p
        }
        capacity = trials
    }

    func buffer(_ series: Int, count: Int) -> UnsafeMutableBufferPointer<Double> {
        assert(series >= 0 && series < pointers.count && count >= 0 && count <= capacity,
               "series \(series) of \(pointers.count), \(count) trials of \(capacity)")
        return UnsafeMutableBufferPointer(start: pointers[series], count: count)
    }

    deinit {
        for p in pointers { p.deallocate() }
    }
}
