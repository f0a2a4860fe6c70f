import Scoring

extension FigureFormat {
    /// An amount with its unit, for sentences: "€50,000", "£1,200", "25 incidents", "3,500 USD".
    static func quantity(_ value: Double, unit: String, currency: String?) -> String {
        if unit == "money" {
            let figure = amount(abs(value))
            let sign = value < 0 ? "-" : ""
            switch currency {
            case "EUR": return sign + "€" + figure
            case "GBP": return sign + "£" + figure
            case "USD": return sign + "$" + figure
            case let code?: return sign + figure + " " + code
            case nil: return sign + figure
            }
        }
        return amount(value) + " " + unit
    }

    /// "about 1 in 8 (12%)".
    static func chance(_ p: Double) -> String {
        if p <= 0 { return "no trial (0%)" }
        if p >= 1 { return "every trial (100%)" }
        return "about \(naturalFrequency(p)) (\(percent(p)))"
    }

    /// "about a 1 in 8 chance (12%, ±0.4 percentage points)".
    static func chancePhrase(_ p: Double, standardError: Double) -> String {
        if p <= 0 { return "no simulated chance (0%, \(chanceError(standardError)))" }
        if p >= 1 { return "a simulated certainty (100%)" }
        if p < 0.0005 { return "less than a 1 in 2,000 chance (\(percent(p)), \(chanceError(standardError)))" }
        let frequency = naturalFrequency(p)
        let article = frequency.hasPrefix("8") || frequency.hasPrefix("11 ") || frequency.hasPrefix("18 ") ? "an" : "a"
        return "about \(article) \(frequency) chance (\(percent(p)), \(chanceError(standardError)))"
    }

    /// A board's limit as a natural frequency with a small denominator when one fits exactly
    /// ("7 in 10", "1 in 20"), else the nearest "1 in n".
    static func limitFrequency(_ p: Double) -> String {
        for n in [2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50, 100, 200, 1000] {
            let k = (p * Double(n)).rounded()
            if k >= 1, k < Double(n), abs(k / Double(n) - p) < 1e-9 { return "\(Int(k)) in \(n)" }
        }
        return naturalFrequency(p)
    }

    /// "±0.4 points" for the 95% Monte Carlo interval of a chance.
    static func chanceError(_ standardError: Double) -> String {
        let points = 1.96 * standardError * 100
        if points < 0.05 { return "±<0.1 percentage points" }
        return "±" + String(format: points < 10 ? "%.1f" : "%.0f", points) + " percentage points"
    }

    /// A ratio of two positive figures: "2.3×".
    static func ratio(_ r: Double) -> String {
        r.isFinite ? String(format: r < 10 ? "%.1f×" : "%.0f×", r) : "—"
    }
}
