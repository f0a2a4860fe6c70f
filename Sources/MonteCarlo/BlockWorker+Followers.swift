/// Followers (``SimulationPlan/Risk/follows``): risks evaluated with a correlation group and
/// moved to the trials their leaders are moved to, so that a variant of a correlated entry keeps
/// both the entry's correlations and its pairing with the entry.
extension BlockWorker {
    /// Applies the current member's reordering in view `v` (``order`` and ``lossOrder``, as
    /// Iman–Conover just applied them to the member's record in that view) to the follower at
    /// dense `position`, over trials
    /// `start ..< start + n` of the block's dense arrays (each `stride` trials long).
    func moveFollower(_ risk: Int, position: Int, view v: Int, start: Int, count n: Int, stride: Int) {
        let views = compiled.viewCount
        let states = compiled.stateCount
        for s in 0..<states {
            let off = ((position * views + v) * states + s) * stride + start
            for j in 0..<n { copyBuffer[j] = dense[off + j] }
            for r in 0..<n { dense[off + order[r]] = copyBuffer[lossOrder[r]] }
        }
        let slot = compiled.positionSlot[risk]
        if slot >= 0 {
            let p = positions + (slot * views + v) * compiled.blockSize
            for r in 0..<n { p[start + lossOrder[r]] = Int32(truncatingIfNeeded: start + order[r]) }
        }
    }

    /// Adds the group's followers' reordered losses in view `v` into their series. Followers
    /// keep no cross sums: their figures are read as those of risks of their own.
    func addFollowers(
        _ group: CompiledGroup, view v: Int, count n: Int, dense base: UnsafeMutablePointer<Double>, offset: (Int, Int) -> Int
    ) {
        for (f, r) in group.followers.enumerated() {
            for s in 0..<compiled.stateCount {
                let p = base + offset(f, s)
                for target in compiled.targets(risk: r, view: v, state: s) {
                    let q = bases[target]
                    for j in 0..<n { q[j] += p[j] }
                }
            }
        }
    }
}
