import Scoring

/// The figures a residents' bad year in words is read beside.
extension ReportBuilder {
    /// An outcome's limits and the figures of its table of how high it could go, with the
    /// planned actions and without: a bad year rounded to one of these while the table's own
    /// figure for it is another ("a saving of £50,000 or less" beside the £50,000 limit) keeps
    /// the finer figure (``OutcomeWords/proseBadYears(_:_:nearby:)``).
    func badYearNearby(_ o: RegisterScore.OutcomeScore) -> [Double] {
        let limits = score.appetite.filter { $0.outcome == o.id }.map(\.threshold)
        return limits + Charts.tableFigures(o)
    }
}
