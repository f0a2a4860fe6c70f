import Distributions

/// Shared delivery: each deliverer's availability, drawn once per trial and read by every
/// response it delivers (see ``SimulationPlan/Deliverer`` for the dependence model).
///
/// Availability is computed before the block's losses, at each trial's final position: a risk
/// in a correlation group is reordered by Iman–Conover (in each view by that view's own losses),
/// so its occurrence (for a step-back) and its response (for delivery) are looked up where its
/// trial record ends up in that view. The positions come
/// from a first pass over such groups, which evaluates and reorders them without adding to any
/// series; the reordering depends only on inherent losses, so the second pass reorders alike.
extension BlockWorker {
    /// Fills ``availability`` for this block: every deliverer's own draw, then its step-backs.
    func prepareDelivery(block: Int, count n: Int) {
        availabilityReady = false
        let views = compiled.viewCount
        let size = compiled.blockSize
        let deliverers = compiled.plan.deliverers
        if compiled.groupNeedsPositions.contains(true) {
            var scratch = BlockStats(trials: n, risks: compiled.risks.count, views: views, pairs: compiled.plan.correlations.count)
            for g in compiled.groups.indices where compiled.groupNeedsPositions[g] {
                runGroup(g, block: block, count: n, stats: &scratch, addToSeries: false)
            }
        }
        let b = UInt64(block)
        for (d, deliverer) in deliverers.enumerated() {
            let first = availability + d * size
            if deliverer.availability >= 1 {
                first.update(repeating: 1, count: n)
            } else {
                let base = StreamKey(rootSeed: rootSeed, itemKey: deliverer.key, block: b, lane: .delivererAvailability).seed
                for t in 0..<n { first[t] = unitDouble(StreamKey.word(base: base, index: t)) < deliverer.availability ? 1 : 0 }
            }
            // The own draw is the same in every view: common random numbers.
            for v in 1..<max(1, views) { (availability + (v * deliverers.count + d) * size).update(from: first, count: n) }
        }
        // Whether each step-back risk occurs (before any response) in each final trial, per
        // view: [view][trial].
        let occurred = combined
        for r in compiled.stepBackRisks {
            let risk = compiled.risks[r]
            let choiceBase = StreamKey(rootSeed: rootSeed, itemKey: risk.key, block: b, lane: .estimateChoice).seed
            let slot = compiled.positionSlot[r]
            let moved = { (v: Int) in slot >= 0 ? self.positions + (slot * views + v) * size : nil }
            for v in 0..<views { (occurred + v * size).update(repeating: 0, count: n) }
            var source = EventSource(risk, rootSeed: rootSeed, block: block, count: n)
            var start = 0
            while start < n {
                let end = min(n, start + compiled.eventChunk)
                source.fill(&events, from: start, to: end)
                start = end
                for v in 0..<views {
                    let choice = risk.choices[v]
                    let row = occurred + v * size
                    let moved = moved(v)
                    for j in 0..<events.count {
                        let t = Int(events.trial[j])
                        let e = Self.choose(choice, base: choiceBase, trial: t)
                        if events.mask[j] & (UInt64(1) << UInt64(e)) != 0 {
                            row[moved.map { Int($0[t]) } ?? t] = 1
                        }
                    }
                }
            }
            for v in 0..<views {
                let row = occurred + v * size
                for (d, deliverer) in deliverers.enumerated() {
                    for stepBack in deliverer.stepsBack where stepBack.risk == r {
                        let base = StreamKey(
                            rootSeed: rootSeed, itemKey: StableHash.combine([deliverer.key, risk.key]), block: b, lane: .stepBack
                        ).seed
                        let available = availability + (v * deliverers.count + d) * size
                        for t in 0..<n where row[t] != 0 && unitDouble(StreamKey.word(base: base, index: t)) < stepBack.chance {
                            available[t] = 0
                        }
                    }
                }
            }
        }
        availabilityReady = true
    }

    /// Whether all of the risk's deliverers are available in each of its trials, per view, in
    /// the risk's own trial order: [view][trial] in ``combined`` (after `member` × views rows,
    /// so that each member of a family evaluated together has its own); nil when its response rests on
    /// none, or while availability is not yet known.
    func sharedAvailability(_ risk: CompiledRisk, count n: Int, member: Int = 0) -> UnsafePointer<UInt8>? {
        guard availabilityReady, !risk.deliverers.isEmpty else { return nil }
        let size = compiled.blockSize
        let count = compiled.plan.deliverers.count
        let slot = compiled.positionSlot[risk.index]
        for v in 0..<compiled.viewCount {
            let combined = self.combined + (member * compiled.viewCount + v) * size
            combined.update(repeating: 1, count: n)
            for d in risk.deliverers {
                let row = availability + (v * count + d) * size
                if slot >= 0 {
                    let moved = positions + (slot * compiled.viewCount + v) * size
                    for t in 0..<n { combined[t] &= row[Int(moved[t])] }
                } else {
                    for t in 0..<n { combined[t] &= row[t] }
                }
            }
        }
        return UnsafePointer(combined + member * compiled.viewCount * size)
    }
}
