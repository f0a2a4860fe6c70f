/// Where perspectives disagree: for each outcome and each risk, the ratio of the largest to the
/// smallest P90 across the perspective views (1 means agreement).
///
/// Ratios of P90s rather than of means because disagreement about bad years is what a board
/// needs to see; a ratio is nil when the smallest P90 is not positive (a ratio would be
/// meaningless or infinite), in which case the per-view figures tell the story.
public struct Disagreement: Sendable, Codable, Hashable {
    /// The views compared (indices into ``SimulationResult/views``).
    public var views: [Int]
    /// Per outcome: max/min of the inherent P90 across the views.
    public var outcomeP90Ratio: [Double?]
    /// Per risk: max/min of the exact loss P90 across the views (nil where ``RiskResult/lossP90``
    /// is unavailable for some view or the smallest is 0), falling back to nil rather than a
    /// simulated figure so the ratio is never noise.
    public var riskLossP90Ratio: [Double?]
    /// Per risk: max/min of the impact P90 across the views.
    public var riskImpactP90Ratio: [Double?]
}

extension SimulationResult {
    /// The disagreement among `perspectiveViews` (normally every view except pooled ones).
    public func disagreement(perspectiveViews: [Int]) -> Disagreement {
        func ratio(_ values: [Double?]) -> Double? {
            let present = values.compactMap { $0 }
            guard present.count == values.count, let lo = present.min(), let hi = present.max(), lo > 0 else { return nil }
            return hi / lo
        }
        let chosen = perspectiveViews.map { views[$0] }
        let outcomes = chosen.first?.outcomes.indices.map { o in
            ratio(chosen.map { $0.outcomes[o].inherent.percentile(0.9)?.value })
        } ?? []
        let riskCount = chosen.first?.risks.count ?? 0
        return Disagreement(
            views: perspectiveViews,
            outcomeP90Ratio: outcomes,
            riskLossP90Ratio: (0..<riskCount).map { r in ratio(chosen.map { $0.risks[r].lossP90 }) },
            riskImpactP90Ratio: (0..<riskCount).map { r in ratio(chosen.map { $0.risks[r].impactP90 }) })
    }
}
