/// The per-trial totals: one contiguous buffer of `Double` per series (configuration × view ×
/// state × outcome), each as long as the run. Series that are copies of an earlier one
/// (``CompiledPlan/seriesClass``) share its buffer: only the first of each class is written.
///
/// This is the only O(trials) storage and exists because exact percentiles need every trial's
/// total. Blocks write disjoint ranges, so workers share the buffers without locks; the class
/// is `@unchecked Sendable` for that reason alone.
final class SeriesStore: @unchecked Sendable {
    private(set) var pointers: [UnsafeMutablePointer<Double>]
    private(set) var capacity: Int

    /// Per series, the series whose buffer it reads (itself for the first of a class).
    private let classes: [Int]

    /// `classes[s]` is the series whose buffer series `s` shares (`classes[s] <= s`).
    init(classes: [Int], trials: Int) {
        self.classes = classes
        capacity = trials
        var pointers: [UnsafeMutablePointer<Double>] = []
        for (s, c) in classes.enumerated() {
            if c == s {
                let p = UnsafeMutablePointer<Double>.allocate(capacity: max(trials, 1))
                p.initialize(repeating: 0, count: max(trials, 1))
                pointers.append(p)
            } else {
                pointers.append(pointers[c])
            }
        }
        self.pointers = pointers
    }

    /// One buffer per series.
    convenience init(series: Int, trials: Int) {
        self.init(classes: Array(0..<series), trials: trials)
    }

    /// Grows every series to `trials`, keeping the values written so far.
    func grow(to trials: Int) {
        guard trials > capacity else { return }
        var grown: [UnsafeMutablePointer<Double>] = []
        for (s, old) in pointers.enumerated() {
            if classes[s] != s {
                grown.append(grown[classes[s]])
                continue
            }
            let p = UnsafeMutablePointer<Double>.allocate(capacity: trials)
            p.initialize(from: old, count: capacity)
            (p + capacity).initialize(repeating: 0, count: trials - capacity)
            old.deallocate()
            grown.append(p)
        }
        pointers = grown
        capacity = trials
    }

    func buffer(_ series: Int, count: Int) -> UnsafeMutableBufferPointer<Double> {
        assert(series >= 0 && series < pointers.count && count >= 0 && count <= capacity,
               "series \(series) of \(pointers.count), \(count) trials of \(capacity)")
        return UnsafeMutableBufferPointer(start: pointers[series], count: count)
    }

    deinit {
        for (s, p) in pointers.enumerated() where classes[s] == s { p.deallocate() }
    }
}
