/// Chances in words, the one documented way: a natural frequency with a rounded denominator,
/// always beside its percentage so the two agree (docs/results.md).
extension Phrasebook {
    /// "1 in 8", "7 in 8", "less than 1 in 2,000", "no chance", "certain".
    public func naturalFrequency(_ p: Double) -> String {
        if p.isNaN { return FigureFormat.notANumber }
        if p <= 0 { return self("chance.none") }
        if p >= 1 { return self("chance.certain") }
        guard let f = FigureFormat.frequency(p) else { return self("chance.below-1-in-2000") }
        return frequency(f)
    }

    /// "7 in 10", "1 in 20": a board's limit, with a small denominator when one fits exactly.
    public func limitFrequency(_ p: Double) -> String {
        FigureFormat.limitFrequency(p).map(frequency) ?? naturalFrequency(p)
    }

    func frequency(_ f: (k: Double, n: Double)) -> String {
        self("chance.k-in-n", ["k": FigureFormat.amount(f.k), "n": FigureFormat.amount(f.n)])
    }

    /// "about 1 in 8 (12%)", "no trial (0%)", "every trial (100%)".
    public func chance(_ p: Double) -> String {
        if p <= 0 { return self("chance.no-trial") }
        if p >= 1 { return self("chance.every-trial") }
        return self("chance.about", ["frequency": naturalFrequency(p), "percent": FigureFormat.percent(p)])
    }

    /// "about a 1 in 8 chance (12%, ±0.4 percentage points)".
    public func chancePhrase(_ p: Double, standardError: Double) -> String {
        let error = chanceError(standardError)
        if p <= 0 { return self("chance.phrase.none", ["error": error]) }
        if p >= 1 { return self("chance.phrase.certain") }
        if p < 0.0005 { return self("chance.phrase.below-1-in-2000", ["percent": FigureFormat.percent(p), "error": error]) }
        let frequency = naturalFrequency(p)
        let prefixes = self("article.an.before").split(separator: "|", omittingEmptySubsequences: true)
        let article = prefixes.contains { frequency.hasPrefix($0) } ? self("article.an") : self("article.a")
        return self("chance.phrase.about", ["article": article, "frequency": frequency,
                                            "percent": FigureFormat.percent(p), "error": error])
    }

    /// "±0.4 percentage points" for the 95% Monte Carlo interval of a chance.
    public func chanceError(_ standardError: Double) -> String {
        guard let points = FigureFormat.chanceErrorPoints(standardError) else { return self("chance.error.below-0.1") }
        return self("chance.error", ["points": points])
    }
}
