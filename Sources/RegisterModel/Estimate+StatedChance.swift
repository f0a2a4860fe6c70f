import Distributions
import Foundation

extension Estimate {
    /// The chance the estimate itself states that the entry happens at least once in a horizon,
    /// before any response: a likelihood's mean (as scoring uses it), or for a frequency the
    /// chance of one event or more, 1 − e^(−rate), averaged over the rate's distribution.
    ///
    /// Reports show a group's chance as the group gave it: the simulated share of years would
    /// differ from it by sampling error, the same way for every group (they share their random
    /// numbers), so that "the groups together" no longer followed from the groups' own figures.
    ///
    /// Complexity: one quantile per point of a 1,024-point midpoint rule for an uncertain
    /// frequency; constant otherwise.
    public var statedChance: Double {
        switch occurrence {
        case .likelihood(let d):
            return min(1, max(0, d.mean))
        case .frequency(let d):
            if case .fixed(let rate) = d.parameters { return 1 - exp(-max(0, rate)) }
            let n = 1_024
            var sum = 0.0
            for i in 0..<n { sum += 1 - exp(-max(0, d.quantile((Double(i) + 0.5) / Double(n)))) }
            return sum / Double(n)
        }
    }
}

extension Risk {
    /// The groups' stated chances pooled as the pooled view pools them: each estimate weighted
    /// by its perspective's weight among the estimates the entry has (equal shares when every
    /// such weight is 0).
    public func pooledStatedChance(weights: [String: Double]) -> Double {
        let raw = estimates.map { weights[$0.perspective] ?? 1 }
        let sum = raw.reduce(0, +)
        guard sum > 0 else { return estimates.map(\.statedChance).reduce(0, +) / Double(max(estimates.count, 1)) }
        return zip(estimates, raw).reduce(0) { $0 + $1.0.statedChance * $1.1 } / sum
    }
}
