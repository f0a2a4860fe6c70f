extension SimulationPlan {
    /// Checks every ``Risk/follows``: a follower names another risk that follows none, and is
    /// neither correlated itself nor followed by others (it takes its order from its leader and
    /// gives none).
    func validateFollowers() throws(PlanError) {
        let correlated = Set(correlations.flatMap { [$0.first, $0.second] })
        for (r, risk) in risks.enumerated() {
            guard let leader = risk.follows else { continue }
            guard (0..<risks.count).contains(leader) else {
                throw .badFollower(risk: r, reason: "the risk it follows, \(leader), is out of range 0..<\(risks.count)")
            }
            if leader == r { throw .badFollower(risk: r, reason: "it names itself") }
            if risks[leader].follows != nil { throw .badFollower(risk: r, reason: "risk \(leader) follows another in turn") }
            if correlated.contains(r) { throw .badFollower(risk: r, reason: "it has correlations of its own") }
        }
    }

    /// Per correlation group (in the order of ``correlationGroups()``), the followers of its
    /// members: each with the member it follows. A follower of an uncorrelated risk is in no
    /// group: it keeps its trial order, as its leader does.
    func followers(of groups: [CorrelationGroup]) -> [[(risk: Int, leader: Int)]] {
        var groupOf: [Int: Int] = [:]
        for (g, group) in groups.enumerated() { for r in group.members { groupOf[r] = g } }
        var out = Array(repeating: [(risk: Int, leader: Int)](), count: groups.count)
        for (r, risk) in risks.enumerated() {
            if let leader = risk.follows, let g = groupOf[leader] { out[g].append((r, leader)) }
        }
        return out
    }
}
