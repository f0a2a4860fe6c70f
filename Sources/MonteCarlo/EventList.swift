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

    /// Stable reorder into trial order (needed only when a risk mixes occurrence kinds).
    mutating func sortByTrial() {
        let idx = (0..<count).sorted { (trial[$0], $0) < (trial[$1], $1) }
        let t = idx.map { trial[$0] }, m = idx.map { mask[$0] }, s = idx.map { seed[$0] }
        for i in 0..<count {
            trial[i] = t[i]
            mask[i] = m[i]
            seed[i] = s[i]
        }
    }

    func free() {
        trial.deallocate()
        mask.deallocate()
        seed.deallocate()
    }
}
