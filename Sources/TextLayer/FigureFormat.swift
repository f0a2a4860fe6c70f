import Foundation

/// How riskreg writes figures for people: thousands separators, sensible precision, chances as
/// percentages and as natural frequencies ("about 1 in 8"). Machine formats use raw numbers.
///
/// Every function is total: any finite double gives a figure (the largest, 1.7e308, and the
/// smallest, 5e-324, included), and NaN and the infinities give a mark instead of trapping.
public enum FigureFormat {
    /// Fewer trials than this and a Monte Carlo error is not shown as a figure: batch means over
    /// a handful of trials say nothing about the error (two trials that both lost nothing would
    /// read "±0"). 100 trials give each of the engine's 32 batches at least 3.
    public static let fewestTrialsForError = 100

    /// What a figure that is not a number reads as.
    public static let notANumber = "n/a"

    /// Figures at or above this magnitude are written in scientific notation (`1.7e19`):
    /// digits beyond it would be noise from the estimates, and they would not fit a column.
    public static let scientificFrom = 1e15

    /// An amount with thousands separators: `1,234,568`; values below 100 keep two significant
    /// decimals (`4.25`), so small non-monetary units stay readable; magnitudes from 10¹⁵ up are
    /// written `1.7e19`; ±infinity is `∞`/`-∞` and NaN `n/a`.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? notANumber : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        if magnitude >= scientificFrom { return scientific(value) }
        if magnitude < 100, magnitude != magnitude.rounded() {
            let decimals = magnitude < 1 ? 3 : magnitude < 10 ? 2 : 1
            return style.localise(withoutNegativeZero(String(format: "%.\(decimals)f", value)))
        }
        // |value| < 10¹⁵ < 2⁶³: the conversion cannot trap.
        let rounded = Int64(value.rounded())
        let digits = String(rounded.magnitude)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return style.localise((rounded < 0 ? "-" : "") + grouped)
    }

    /// ``amount(_:)`` in at most `width` characters where it can be: a figure too wide for a
    /// table column is written in scientific notation (`1.23e14`) rather than cut or left to
    /// run into its neighbour. Never fewer than three significant digits, so the result may
    /// still be wider than a very narrow column.
    public static func amount(_ value: Double, fitting width: Int) -> String {
        let plain = amount(value)
        guard plain.count > width, value.isFinite else { return plain }
        return scientific(value)
    }

    /// `1.7e19`, `-2.5e20`, `1e308`: three significant digits at most.
    static func scientific(_ value: Double) -> String {
        style.localise(String(format: "%.3g", value).replacingOccurrences(of: "e+", with: "e"))
    }

    /// "-0.000" reads as a loss that is not there: a figure that rounds to zero has no sign.
    static func withoutNegativeZero(_ text: String) -> String {
        text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// A chance as a percentage: `12.5%`, `0.3%`, `<0.1%`, `>99.9%`; NaN is `n/a`.
    public static func percent(_ p: Double) -> String {
        if p.isNaN { return notANumber }
        if p <= 0 { return "0%" }
        if p >= 1 { return "100%" }
        if p < 0.001 { return style.localise("<0.1%") }
        if p > 0.999 { return style.localise(">99.9%") }
        let pct = p * 100
        return style.localise(pct >= 10 ? String(format: "%.0f%%", pct) : String(format: "%.1f%%", pct))
    }

    /// A percentage that keeps its precision, as a register would write it: `35%`, `8.333%`.
    public static func precisePercent(_ p: Double) -> String {
        p.isNaN ? notANumber : String(format: "%.4g%%", p * 100)
    }

    /// A change in percentage points with two decimals and no sign: `4.02`.
    public static func points(_ difference: Double) -> String {
        difference.isFinite ? String(format: "%.2f", abs(difference) * 100) : notANumber
    }

    /// "1 in 8" for a chance at most one half; above one half put the other way round
    /// ("7 in 8"). The denominator is 1/p rounded; a chance below 1 in 2,000 is `nil` (the
    /// phrasebook words it), as are no chance, certainty and NaN.
    public static func frequency(_ p: Double) -> (k: Double, n: Double)? {
        guard p > 0, p < 1, p >= 0.0005 else { return nil }
        if p <= 0.5 { return (1, (1 / p).rounded()) }
        // 1 − p as "1 in n" → (n − 1) in n.
        let n = max(2, (1 / (1 - p)).rounded())
        return (n - 1, n)
    }

    /// A board's limit as a natural frequency with a small denominator when one fits exactly
    /// ("7 in 10", "1 in 20"), else as ``frequency(_:)``.
    public static func limitFrequency(_ p: Double) -> (k: Double, n: Double)? {
        for n in [2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50, 100, 200, 1000] {
            let k = (p * Double(n)).rounded()
            if k >= 1, k < Double(n), abs(k / Double(n) - p) < 1e-9 { return (k, Double(n)) }
        }
        return frequency(p)
    }

    /// The 95% Monte Carlo interval of a chance in percentage points, `0.4`, or nil when it is
    /// below 0.05 points (written "<0.1"); NaN is `n/a`.
    public static func chanceErrorPoints(_ standardError: Double) -> String? {
        let points = 1.96 * standardError * 100
        if points.isNaN { return notANumber }
        if points < 0.05 { return nil }
        if !points.isFinite { return "∞" }
        return style.localise(String(format: points < 10 ? "%.1f" : "%.0f", points))
    }

    /// A ratio of two positive figures: `2.3×`; `—` when it is not finite.
    public static func ratio(_ r: Double) -> String {
        guard r.isFinite else { return "—" }
        if abs(r) >= scientificFrom { return scientific(r) + "×" }
        return style.localise(String(format: r < 10 ? "%.1f×" : "%.0f×", r))
    }

    /// An amount with its unit: "€50,000", "£1,200", "$3", "3,500 CHF" for money in a
    /// currency, "50,000" for money without one, "25 incidents" for any other unit.
    public static func quantity(_ value: Double, unit: String, currency: String?) -> String {
        if unit == "money" {
            let figure = amount(value.isNaN ? value : abs(value))
            let sign = value < 0 && figure != "0" && !figure.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) ? "-" : ""
            return sign + style.money(figure, currency: currency)
        }
        return amount(value) + " " + unit
    }
}
