import Distributions

extension SimulationPlan {
    func validate() throws(PlanError) {
        if views.isEmpty { throw .noViews }
        if !(0..<views.count).contains(primaryView) {
            throw .indexOutOfRange(what: "primary view", index: primaryView, count: views.count)
        }
        for o in totalOutcomes where !(0..<outcomeCount).contains(o) {
            throw .indexOutOfRange(what: "total outcome", index: o, count: outcomeCount)
        }
        if thresholds.count > outcomeCount {
            throw .indexOutOfRange(what: "threshold outcome", index: thresholds.count - 1, count: outcomeCount)
        }
        for (o, list) in thresholds.enumerated() {
            for v in list where !v.isFinite { throw .badThreshold(outcome: o, value: v) }
        }
        for v in totalThresholds where !v.isFinite { throw .badThreshold(outcome: nil, value: v) }
        var seen: [UInt64: Int] = [:]
        for (r, risk) in risks.enumerated() {
            if let other = seen[risk.key] { throw .duplicateRiskKey(risk.key, risks: [other, r]) }
            seen[risk.key] = r
            if !(0..<outcomeCount).contains(risk.outcome) {
                throw .indexOutOfRange(what: "outcome of risk \(r)", index: risk.outcome, count: outcomeCount)
            }
            if risk.estimates.isEmpty { throw .noEstimates(risk: r) }
            if risk.estimates.count > 64 { throw .tooManyEstimates(risk: r, count: risk.estimates.count) }
            for (e, estimate) in risk.estimates.enumerated() {
                switch estimate.occurrence {
                case let .probability(p):
                    if !(p >= 0 && p <= 1) { throw .badProbability(risk: r, estimate: e, value: p) }
                case let .frequency(rate):
                    if !(rate >= 0 && rate <= SimulationPlan.maximumRate) { throw .badRate(risk: r, estimate: e, value: rate) }
                case let .uncertainFrequency(d):
                    if let v = NumericLimits.violation(d.parameters, kind: .frequency) {
                        throw .outsideLimits(risk: r, estimate: e, what: "frequency", violation: v)
                    }
                }
                for (what, d) in [("impact", estimate.impact), ("benefit", estimate.benefit)] {
                    if let d, let v = NumericLimits.violation(d.parameters, kind: .amount) {
                        throw .outsideLimits(risk: r, estimate: e, what: what, violation: v)
                    }
                }
            }
            if let response = risk.response {
                for (name, value) in [("reliability", response.reliability),
                                      ("likelihood multiplier", response.likelihoodMultiplier),
                                      ("impact multiplier", response.impactMultiplier)]
                where !(value >= 0 && value <= 1) {
                    throw .badResponse(risk: r, field: name, value: value)
                }
                if !(response.cost >= 0 && response.cost <= NumericLimits.maximumAmount) {
                    throw .badResponse(risk: r, field: "cost", value: response.cost)
                }
                for d in response.deliverers where !(0..<deliverers.count).contains(d) {
                    throw .indexOutOfRange(what: "deliverer of risk \(r)'s response", index: d, count: deliverers.count)
                }
            }
        }
        for (v, view) in views.enumerated() {
            if view.weights.count != risks.count {
                throw .badWeights(view: v, risk: view.weights.count, reason: "the view has \(view.weights.count) weight rows for \(risks.count) risks")
            }
            for (r, row) in view.weights.enumerated() {
                if row.count != risks[r].estimates.count {
                    throw .badWeights(view: v, risk: r, reason: "\(row.count) weights for \(risks[r].estimates.count) estimates")
                }
                var sum = 0.0
                for w in row {
                    if !(w >= 0 && w <= 1) { throw .badWeights(view: v, risk: r, reason: "weight \(w) is not in [0, 1]") }
                    sum += w
                }
                if !(abs(sum - 1) <= 1e-9) { throw .badWeights(view: v, risk: r, reason: "weights sum to \(sum), not 1") }
            }
        }
        for (p, portfolio) in portfolios.enumerated() {
            for r in portfolio.activities {
                if !(0..<risks.count).contains(r) {
                    throw .indexOutOfRange(what: "risk in portfolio \(p)", index: r, count: risks.count)
                }
                if !risks[r].isActivity { throw .portfolioEntryNotActivity(portfolio: p, risk: r) }
            }
        }
        var pairs = Set<[Int]>()
        for (i, c) in correlations.enumerated() {
            for r in [c.first, c.second] where !(0..<risks.count).contains(r) {
                throw .indexOutOfRange(what: "risk in correlation \(i)", index: r, count: risks.count)
            }
            if c.first == c.second { throw .badCorrelation(pair: i, reason: "a risk cannot be correlated with itself") }
            if !(c.spearman >= -1 && c.spearman <= 1) {
                throw .badCorrelation(pair: i, reason: "coefficient \(c.spearman) is not in [-1, 1]")
            }
            if !pairs.insert([min(c.first, c.second), max(c.first, c.second)]).inserted {
                throw .badCorrelation(pair: i, reason: "the pair is given twice")
            }
        }
        try validateFollowers()
        var delivererKeys = Set<UInt64>()
        for (d, deliverer) in deliverers.enumerated() {
            if !delivererKeys.insert(deliverer.key).inserted { throw .badDeliverer(deliverer: d, reason: "its stream key is used by another deliverer") }
            if !(deliverer.availability >= 0 && deliverer.availability <= 1) {
                throw .badDeliverer(deliverer: d, reason: "availability \(deliverer.availability) is not in [0, 1]")
            }
            for stepBack in deliverer.stepsBack {
                if !(0..<risks.count).contains(stepBack.risk) {
                    throw .indexOutOfRange(what: "risk a deliverer \(d) steps back on", index: stepBack.risk, count: risks.count)
                }
                if !(stepBack.chance >= 0 && stepBack.chance <= 1) {
                    throw .badDeliverer(deliverer: d, reason: "step-back chance \(stepBack.chance) is not in [0, 1]")
                }
            }
        }
        for group in correlationGroups() {
            if let problem = CorrelationMatrix.problem(group.matrix) {
                throw .invalidCorrelationMatrix(risks: group.members, problem: problem)
            }
        }
    }

    /// A set of risks linked by correlations, with their target Spearman matrix.
    struct CorrelationGroup {
        /// Risk indices, ascending.
        var members: [Int]
        /// Target Spearman correlations, in member order; missing pairs are 0.
        var matrix: [[Double]]
    }

    /// The connected components of the correlation graph.
    func correlationGroups() -> [CorrelationGroup] {
        var parent = Array(0..<risks.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for c in correlations { parent[find(c.first)] = find(c.second) }
        var byRoot: [Int: [Int]] = [:]
        for c in correlations {
            for r in [c.first, c.second] { byRoot[find(r), default: []].append(r) }
        }
        var groups: [CorrelationGroup] = []
        for members in byRoot.values {
            let members = Array(Set(members)).sorted()
            var matrix = Array(repeating: Array(repeating: 0.0, count: members.count), count: members.count)
            for i in members.indices { matrix[i][i] = 1 }
            let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            for c in correlations {
                if let i = position[c.first], let j = position[c.second] {
                    matrix[i][j] = c.spearman
                    matrix[j][i] = c.spearman
                }
            }
            groups.append(CorrelationGroup(members: members, matrix: matrix))
        }
        return groups.sorted { $0.members[0] < $1.members[0] }
    }
}
