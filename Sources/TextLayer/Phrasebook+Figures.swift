/// Chances in words, the one documented way (docs/results.md, "Chances in words"): a natural
/// frequency over a fixed denominator — one per section, 100 or 1,000 — always beside its
/// percentage, which is the fraction's own (``FigureFormat/percent(_:per:)``), so the two
/// never disagree.
extension Phrasebook {
    /// "12 in 100", "3 in 1,000", "fewer than 1 in 1,000", "almost certain: more than 99 in
    /// 100", "no chance", "certain". `per` is the section's denominator
    /// (``FigureFormat/denominator(for:)``).
    public func naturalFrequency(_ p: Double, per n: Int = 100) -> String {
        switch FigureFormat.frequency(p, per: n) {
        case .notANumber: return FigureFormat.notANumber
        case .none: return self("chance.none")
        case .certain: return self("chance.certain")
        case .fewerThanOne(let n): return self("chance.fewer-than", ["n": FigureFormat.count(n)])
        case .moreThan(let k, let n): return self("chance.almost-certain", ["k": FigureFormat.count(k), "n": FigureFormat.count(n)])
        case .about(let k, let n): return self("chance.k-in-n", ["k": FigureFormat.count(k), "n": FigureFormat.count(n)])
        }
    }

    /// A board's limit, over the section's denominator like every other chance in it: "10 in
    /// 100 (10%)" for a limit of 1 in 10.
    public func limitFrequency(_ p: Double, per n: Int = 100) -> String {
        naturalFrequency(p, per: n)
    }

    /// "about 12 in 100 (12%)", "fewer than 1 in 1,000 (<0.1%)", "almost certain: more than 99
    /// in 100 (>99.9%)": a simulated chance never reads 0% or 100%, as in every table.
    ///
    /// A chance seen in every trial (or in none) reads as any chance above 99.9% (below 0.1%)
    /// does: one percentage, one form of words. "In every simulation (>99.9%)" beside "almost
    /// certain: more than 99 in 100 (>99.9%)" on one page gave ">99.9%" two readings, and its
    /// words ("every") and its percentage ("more than 99.9%") seemed to disagree.
    public func chance(_ p: Double, per n: Int = 100) -> String {
        if p <= 0 { return chance(FigureFormat.simulatedFloor, per: n) }
        if p >= 1 { return chance(1 - FigureFormat.simulatedFloor, per: n) }
        let frequency = naturalFrequency(p, per: n)
        let percent = FigureFormat.percent(p, per: n)
        if case .about = FigureFormat.frequency(p, per: n) {
            return self("chance.about", ["frequency": frequency, "percent": percent])
        }
        return self("chance.extreme", ["frequency": frequency, "percent": percent])
    }

    /// "about a 12 in 100 chance (12%, ±0.4 percentage points)", "less than a 1 in 1,000
    /// chance (<0.1%, …)", "more than a 99 in 100 chance (almost certain; 99.6%, …)".
    ///
    /// A chance that came up in no trial is not "no chance": a simulation can only say it came
    /// up in none of its `trials` simulated `periods` ("years", "periods of 6 months"), so it
    /// reads "less than a 1 in 20,000 chance (in none of 20,000 simulated years; 0%)" — the one
    /// place the denominator is the run's trial count, since that is the resolution the run has.
    public func chancePhrase(_ p: Double, standardError: Double, per n: Int = 100, trials: Int, periods: String) -> String {
        let error = chanceError(standardError)
        let percent = FigureFormat.percent(p, per: n)
        switch FigureFormat.frequency(p, per: n) {
        case .none: return self("chance.phrase.none", ["trials": FigureFormat.count(trials), "periods": periods])
        case .certain: return self("chance.phrase.certain")
        case .notANumber: return FigureFormat.notANumber
        // A bound ("<0.1%") beside an interval below the figures' resolution ("±<0.1") says
        // nothing twice: the bound stands alone.
        case .fewerThanOne(let n):
            let key = FigureFormat.chanceErrorPoints(standardError) == nil ? "chance.phrase.fewer-than.no-error" : "chance.phrase.fewer-than"
            return self(key, ["n": FigureFormat.count(n), "percent": percent, "error": error])
        case .moreThan(let k, let n):
            let key = FigureFormat.chanceErrorPoints(standardError) == nil ? "chance.phrase.almost-certain.no-error" : "chance.phrase.almost-certain"
            return self(key, ["k": FigureFormat.count(k), "n": FigureFormat.count(n), "percent": percent, "error": error])
        case .about:
            let frequency = naturalFrequency(p, per: n)
            let prefixes = self("article.an.before").split(separator: "|", omittingEmptySubsequences: true)
            let article = prefixes.contains { frequency.hasPrefix($0) } ? self("article.an") : self("article.a")
            return self("chance.phrase.about", ["article": article, "frequency": frequency, "percent": percent, "error": error])
        }
    }

    /// "±0.4 percentage points" for the 95% Monte Carlo interval of a chance.
    public func chanceError(_ standardError: Double) -> String {
        guard let points = FigureFormat.chanceErrorPoints(standardError) else { return self("chance.error.below-0.1") }
        return self("chance.error", ["points": points])
    }
}
