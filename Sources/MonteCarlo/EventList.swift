/// A growable list of candidate events (trial, estimate mask, per-event seed) in raw buffers.
///
/// Reused for every risk and block by one worker, so generating occurrences allocates only
/// when a block has more events than any before it; raw pointers keep the hot loops free of
/// bounds checks, reference counting and exclusivity checks.
struct EventList {
    private(set) var trial: UnsafeMutablePointer<Int32>
    private(set) var mask: UnsafeMutablePointer<UInt64>
    private(set) var seed: UnsafeMutablePointer<UInt64>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        trial = .allocate(capacity: capacity)
        mask = .allocate(capacity: capacity)
        seed = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ t: Int, _ m: UInt64, _ s: UInt64) {
        if count == capacity { grow() }
        assert(count < capacity)
        trial[count] = Int32(truncatingIfNeeded: t)
        mask[count] = m
        seed[count] = s
        count += 1
    }

    /// Ensures room for `total` events, so a loop can write by index without checks.
    mutating func reserve(_ total: Int) {
        while capacity < total { grow() }
        assert(total <= capacity)
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let t = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let m = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        let s = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        t.update(from: trial, count: count)
        m.update(from: mask, count: count)
        s.update(from: seed, count: count)
        free()
        trial = t
        mask = m
        seed = s
        capacity = newCapacity
    }

    /// Stable reorder into trial order (needed only when a risk mixes occurrence kinds), by
    /// counting sort: every trial lies in `0 ..< trials`, so this is O(count + trials), where a
    /// comparison sort through a closure took a noticeable share of a run.
    mutating func sortByTrial(trials n: Int) {
        guard count > 1 else { return }
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: n + 1)
        let t = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        let m = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        let s = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        defer {
            starts.deallocate()
            t.deallocate()
            m.deallocate()
            s.deallocate()
        }
        starts.initialize(repeating: 0, count: n + 1)
        for i in 0..<count {
            let trial = Int(trial[i])
            precondition(trial >= 0 && trial < n, "event trial \(trial) outside the block's \(n) trials")
            starts[trial + 1] += 1
        }
        for i in 0..<n { starts[i + 1] += starts[i] }
        for i in 0..<count {
            let at = starts[Int(trial[i])]
            starts[Int(trial[i])] = at + 1
            t[at] = trial[i]
            m[at] = mask[i]
            s[at] = seed[i]
        }
        trial.update(from: t, count: count)
        mask.update(from: m, count: count)
        seed.update(from: s, count: count)
    }

    func free() {
        trial.deallocate()
        mask.deallocate()
        seed.deallocate()
    }
}
