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
    /// ``sortByTrial(trials:)``'s second set of buffers (nil until a sort needs them).
    private var spareTrial: UnsafeMutablePointer<Int32>?
    private var spareMask: UnsafeMutablePointer<UInt64>?
    private var spareSeed: UnsafeMutablePointer<UInt64>?
    private var spareCapacity = 0

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
        trial.deallocate()
        mask.deallocate()
        seed.deallocate()
        trial = t
        mask = m
        seed = s
        capacity = newCapacity
    }

    /// Stable reorder into trial order (needed only when a risk mixes occurrence kinds), by
    /// counting sort: every trial lies in `0 ..< trials`, so this is O(count + trials), where a
    /// comparison sort through a closure took a noticeable share of a run. The sorted copy is
    /// written into a second set of buffers, kept for the next sort and swapped with the first:
    /// fresh buffers for every risk and block cost more in page faults than the sort itself.
    mutating func sortByTrial(trials n: Int) {
        sortByTrial(from: 0, to: n)
    }

    /// ``sortByTrial(trials:)`` for events whose trials all lie in `first ..< end`.
    mutating func sortByTrial(from first: Int, to end: Int) {
        let n = end - first
        guard count > 1 else { return }
        if spareCapacity < capacity {
            freeSpare()
            spareTrial = .allocate(capacity: capacity)
            spareMask = .allocate(capacity: capacity)
            spareSeed = .allocate(capacity: capacity)
            spareCapacity = capacity
        }
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: n + 1)
        defer { starts.deallocate() }
        starts.initialize(repeating: 0, count: n + 1)
        for i in 0..<count {
            let trial = Int(trial[i]) - first
            precondition(trial >= 0 && trial < n, "event trial \(trial + first) outside trials \(first) ..< \(end)")
            starts[trial + 1] += 1
        }
        for i in 0..<n { starts[i + 1] += starts[i] }
        let t = spareTrial!, m = spareMask!, s = spareSeed!
        for i in 0..<count {
            let at = starts[Int(trial[i]) - first]
            starts[Int(trial[i]) - first] = at + 1
            t[at] = trial[i]
            m[at] = mask[i]
            s[at] = seed[i]
        }
        (trial, spareTrial) = (t, trial)
        (mask, spareMask) = (m, mask)
        (seed, spareSeed) = (s, seed)
        swap(&capacity, &spareCapacity)
    }

    private mutating func freeSpare() {
        spareTrial?.deallocate()
        spareMask?.deallocate()
        spareSeed?.deallocate()
        spareTrial = nil
        spareMask = nil
        spareSeed = nil
        spareCapacity = 0
    }

    func free() {
        trial.deallocate()
        mask.deallocate()
        seed.deallocate()
        spareTrial?.deallocate()
        spareMask?.deallocate()
        spareSeed?.deallocate()
    }
}
