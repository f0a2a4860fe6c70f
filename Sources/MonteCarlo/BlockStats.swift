/// The running sums one block contributes, per (risk, view), plus achieved rank correlations.
///
/// Blocks are summed into the run's totals strictly in block order, so the floating-point
/// result is the same whichever thread computed which block.
struct BlockStats: Sendable {
    /// The fields of one (risk, view) accumulator.
    enum Field: Int, CaseIterable {
        /// Trials with at least one inherent / residual occurrence.
        case occurredInherent, occurredResidual
        /// Σ harm (before benefit) inherent / residual.
        case harmInherent, harmResidual
        /// Σ benefit.
        case benefit
        /// Σ net loss², inherent / residual.
        case netSquaredInherent, netSquaredResidual
        /// Σ (inherent − residual harm) and its square: the response's paired difference.
        case difference, differenceSquared
        /// Σ L·G and Σ G, where G is the summed loss of the risk's correlation group members in
        /// the same outcome (only for correlated risks; for the others G = L).
        case crossInherent, groupInherent, crossResidual, groupResidual
    }

    static let fieldCount = Field.allCases.count

    var trials: Int
    /// [risk][view][field], flattened.
    var sums: [Double]
    /// Per correlation pair, in the primary view: Σ over blocks of (block Spearman × block trials).
    var spearman: [Double]

    init(trials: Int, risks: Int, views: Int, pairs: Int) {
        self.trials = trials
        sums = Array(repeating: 0, count: risks * views * Self.fieldCount)
        spearman = Array(repeating: 0, count: pairs)
    }

    mutating func add(_ other: BlockStats) {
        trials += other.trials
        for i in sums.indices { sums[i] += other.sums[i] }
        for i in spearman.indices { spearman[i] += other.spearman[i] }
    }
}
