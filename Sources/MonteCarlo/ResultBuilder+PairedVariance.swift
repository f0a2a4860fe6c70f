extension ResultBuilder {
    /// n × the variance of a paired difference's mean, from the per-trial differences' sum and
    /// sum of squares, when that is both needed and valid; nil to keep the sum of the differing
    /// risks' variances.
    ///
    /// The sum of variances assumes the risks in one configuration but not the other are
    /// independent. Variants of one entry (a share of it, or the entry with another response)
    /// share its occurrences and draws, so an option holding the variant and one holding the
    /// entry differ by much less than independence would say. When two differing risks share
    /// their occurrence streams, and none of the differing risks is reordered by rank
    /// correlation (so trials are independent of each other), the sample variance of the
    /// per-trial differences is exact; otherwise (a rank-correlated group ties trials within a
    /// unit together) the sum of variances is kept, which overstates the error of a paired
    /// variant and never understates it.
    func pairedVariance(_ differing: [Int], sum: Double, squares: Double) -> Double? {
        var streams = Set<UInt64>()
        var shared = false
        for r in differing {
            let risk = compiled.risks[r]
            if risk.group != nil || risk.follows { return nil }
            if !streams.insert(risk.streamKey).inserted { shared = true }
        }
        guard shared, trials > 1 else { return nil }
        let n = Double(trials)
        return max(0, (squares - sum * (sum / n)) / (n - 1))
    }
}
