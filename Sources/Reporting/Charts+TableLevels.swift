import MonteCarlo
import Scoring

/// The levels at which an outcome's tables read its distribution, in one place, so that every
/// table of an outcome reads it at the same levels and a sentence beside them can give their
/// figures.
extension Charts {
    /// The chances of the table of how high an outcome could go, one row each: 1 in 2, 1 in 5,
    /// 1 in 10, 1 in 20 and 1 in 100.
    static let exceedanceLevels: [Double] = [0.5, 0.2, 0.1, 0.05, 0.01]

    /// The percentiles of the year rows of an outcome's figures table: a typical year (1 in 2),
    /// a bad year (1 in 10), a very bad year (1 in 20) and the worst year in 100.
    static let yearRowPercentiles: [Double] = [0.5, 0.9, 0.95, 0.99]

    /// The rows the table of how high `outcome` could go shows: ``exceedanceLevels`` down to the
    /// smallest chance its curves reach (a short run's curve stops above 1 in 100).
    static func exceedanceLevels(for outcome: RegisterScore.OutcomeScore) -> [Double] {
        let pMin = max(1e-4, min(outcome.inherent.exceedanceCurve.last?.probability ?? 1e-3, outcome.residual.exceedanceCurve.last?.probability ?? 1e-3))
        return exceedanceLevels.filter { $0 >= pMin }
    }

    /// The loss passed with chance `p`, as the table of how high an outcome could go gives it:
    /// the summary's own percentile where it has one, so the table and the text give the same
    /// figure as the outcome's figures table; otherwise read off its curve.
    static func loss(passedWith p: Double, _ summary: OutcomeSummary) -> Double? {
        summary.percentile(1 - p)?.value ?? lossAt(p, summary.exceedanceCurve)
    }
}
