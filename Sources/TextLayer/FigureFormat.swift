import Foundation

/// How riskreg writes figures for people: thousands separators, sensible precision, chances as
/// percentages and as natural frequencies ("about 12 in 100"). Machine formats use raw numbers.
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

    /// Significant digits a figure for people keeps. Estimates are bands, three-point guesses
    /// and round numbers; they support no more than three digits ("£3,960,000", not
    /// "£3,963,827"), and a Monte Carlo error rarely supports more.
    public static let significantDigits = 3

    /// `value` rounded to `digits` significant digits: 3,963,827 → 3,960,000; 0.41349 → 0.413.
    /// Rounding once, before a figure is written anywhere, keeps the same figure the same
    /// wherever a page shows it. Non-finite values and zero pass through.
    public static func rounded(_ value: Double, significantDigits digits: Int = significantDigits) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = Int(floor(log10(abs(value)))) - (digits - 1)
        // Scale by a power of ten that is exact in binary where it can be (10^k, k ≥ 0).
        if exponent >= 0 {
            let scale = pow(10, Double(exponent))
            let r = (value / scale).rounded() * scale
            return r.isFinite ? r : value
        }
        let scale = pow(10, Double(-exponent))
        let r = (value * scale).rounded() / scale
        return r.isFinite ? r : value
    }

    /// `value` rounded to `digits` significant digits and written with exactly those digits:
    /// a Monte Carlo error of 7.2 is "7.2", not "7.20"; 0.25 is "0.25"; 124 is "124".
    public static func amount(_ value: Double, significantDigits digits: Int) -> String {
        let r = rounded(value, significantDigits: digits)
        guard r.isFinite, r != 0, abs(r) < 100 else { return amount(r) }
        let decimals = max(0, digits - 1 - Int(floor(log10(abs(r)))))
        return style.localise(withoutNegativeZero(String(format: "%.\(decimals)f", r)))
    }

    /// A whole count for people, `1,000`: the count in a natural frequency, a number of trials.
    /// Goes through ``amount(_:)``, the one place that writes digits, so a language's number
    /// style applies to it too.
    public static func count(_ n: Int) -> String { amount(Double(n)) }

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

    /// A chance as a percentage: whole percentages from 10% to 98% (`12%`), one decimal below
    /// 10% and above 98.5% (`0.3%`, `99.6%`), `<0.1%` and `>99.9%` beyond; NaN is `n/a`.
    ///
    /// Which of the two a chance gets is decided on the figure as written, not on the chance:
    /// 9.96% reads "10%", as 10.04% does, never "10.0%" in one cell beside "10%" in the next.
    public static func percent(_ p: Double) -> String {
        if p.isNaN { return notANumber }
        if p <= 0 { return "0%" }
        if p >= 1 { return "100%" }
        if p < 0.001 { return style.localise("<0.1%") }
        if p > 0.999 { return style.localise(">99.9%") }
        // Rounded as ``frequency(_:per:)`` rounds a count (half away from zero, on p·100 or
        // p·1,000), not by `String(format:)` on p·100, whose binary value can fall just below a
        // half: 0.0315 read "3.1%" beside "about 32 in 1,000 (3.2%)".
        let tenths = (p * 1_000).rounded() / 10, whole = (p * 100).rounded()
        // Above 98% a whole percentage would round 99.6% up to "100%", which reads as certain.
        return fixedPercent(p, decimals: tenths >= 10 && whole <= 98 ? 0 : 1)
    }

    /// The chance `p` as a percentage with `decimals` decimals, rounded half away from zero on
    /// p·10^(2 + decimals) as ``frequency(_:per:)`` rounds a count: the one rounding every
    /// percentage in a report goes through, so that no two figures for one chance differ in
    /// their last digit.
    static func fixedPercent(_ p: Double, decimals: Int) -> String {
        let count = (p * pow(10, Double(decimals + 2))).rounded()
        return style.localise(String(format: "%.\(decimals)f%%", count / pow(10, Double(decimals))))
    }

    /// The percentage written beside a natural frequency over `n`, so that the two say the same
    /// thing (docs/results.md, "Chances in words"): beside "about k in n" it is k over n itself,
    /// to the denominator's resolution — whole for 100 ("about 2 in 100 (2%)", never "(1.5%)",
    /// which a reader rounds to 2 and takes for a mistake), one decimal for 1,000 ("about 1 in
    /// 1,000 (0.1%)", never "(<0.1%)"). Beside the extremes' words, which are bounds ("fewer
    /// than 1 in 100", "more than 99 in 100"), the percentage is ``percent(_:)``, which always
    /// lies within the bound. No chance and certainty read "0%" and "100%".
    public static func percent(_ p: Double, per n: Int) -> String {
        if case .fewerThanOne(let below) = frequency(p, per: n) { return percent(p, below: below) }
        guard case .about(let k, let n) = frequency(p, per: n) else { return percent(p) }
        let decimals = max(0, Int((log10(Double(n))).rounded()) - 2)
        return style.localise(String(format: "%.\(decimals)f%%", Double(k) * 100 / Double(n)))
    }

    /// ``percent(_:)`` of a chance below 1 in `n`, with as many more decimals as it takes to
    /// read below it: 0.97% is "0.97%" beside "fewer than 1 in 100", never "1.0%", which is
    /// not fewer.
    static func percent(_ p: Double, below n: Int) -> String {
        let shown = percent(p)
        guard p.isFinite, p >= 0.001, p < 1 / Double(n) else { return shown }
        var decimals = shown.contains(where: { $0 == "." || $0 == "," }) ? 1 : 0
        // The percentage as written is p·10^(2 + decimals) rounded; it reads below 1 in `n`
        // once that count is below 10^(2 + decimals)/n.
        func roundsToTheBound(_ decimals: Int) -> Bool {
            (p * pow(10, Double(decimals + 2))).rounded() >= pow(10, Double(decimals + 2)) / Double(n)
        }
        while decimals < 8, roundsToTheBound(decimals) { decimals += 1 }
        // Closer to the bound than eight decimals can show: written as the bound itself, "<10%",
        // never "10.00000000%" beside "fewer than 1 in 10".
        if roundsToTheBound(decimals) { return style.localise("<" + fixedPercent(1 / Double(n), decimals: 0)) }
        return decimals == 0 || fixedPercent(p, decimals: decimals) == shown ? shown : fixedPercent(p, decimals: decimals)
    }

    /// A chance a simulation measured, written as a percentage on its own: ``percent(_:)``,
    /// except that a simulation never shows "0%" or "100%". An event seen in none (or all) of
    /// the trials is rarer (or more common) than the run can resolve, not impossible (or
    /// certain); it reads "<0.1%" (">99.9%"), so a chance of a net gain above 0 can never read
    /// "100%" beside a chance of a larger gain that reads ">99.9%".
    public static func simulatedPercent(_ p: Double) -> String {
        if p.isNaN { return notANumber }
        if p <= 0 { return percent(simulatedFloor) }
        if p >= 1 { return percent(1 - simulatedFloor) }
        return percent(p)
    }

    /// A chance below every percentage a report writes ("<0.1%"), standing in for one a
    /// simulation saw in none of its trials: it is written as any chance that small is.
    public static let simulatedFloor = 1e-9

    /// ``simulatedPercent(_:)``, with one more decimal where it would read the same as `limit`
    /// written by ``percent(_:)`` though the chance is not the limit: "Outside appetite: 20%;
    /// want ≤ 20%" read as within, where the chance was 20.3%.
    public static func simulatedPercent(_ p: Double, awayFrom limit: Double) -> String {
        let shown = simulatedPercent(p)
        guard p.isFinite, p > 0.001, p < 0.999, p != limit, shown == percent(limit) else { return shown }
        let decimals = shown.contains(where: { $0 == "." || $0 == "," }) ? 2 : 1
        return fixedPercent(p, decimals: decimals)
    }

    /// A percentage that keeps its precision, as a register would write it: `35%`, `8.333%`.
    public static func precisePercent(_ p: Double) -> String {
        p.isNaN ? notANumber : String(format: "%.4g%%", p * 100)
    }

    /// A change in percentage points with two decimals and no sign: `4.02`.
    public static func points(_ difference: Double) -> String {
        difference.isFinite ? String(format: "%.2f", abs(difference) * 100) : notANumber
    }

    /// The denominators a natural frequency may use: 10, 100, 1,000 and 10,000
    /// (docs/results.md, "Chances in words"). Reports use 100, or 1,000 in a section whose
    /// board limits need it; 10 and 10,000 are for a report that states its own.
    public static let denominators = [10, 100, 1_000, 10_000]

    /// The denominator a section uses for every chance it shows: 100, or 1,000 when one of the
    /// `limits` it compares chances against (a board's appetite, strictly between 0 and 1) is
    /// not a whole number in 100 — "at most 1 in 200" cannot be written as so many in 100.
    /// Chances alone never change it: a small one reads "fewer than 1 in 100 (0.3%)", its
    /// percentage beside it. One denominator per section lets a reader compare its chances,
    /// and a chance with its limit, at a glance.
    public static func denominator(limits: [Double]) -> Int {
        limits.contains { $0 > 0 && $0 < 1 && abs(($0 * 100).rounded() - $0 * 100) > 1e-6 } ? 1_000 : 100
    }

    /// A chance as a natural frequency over a fixed denominator `n`: the count out of `n` is
    /// p·n rounded to the nearest whole number, so the fraction never differs from the chance
    /// by more than half of 1 in `n`. A chance below 1 in `n` reads "fewer than 1 in n", also
    /// where its count would round up to 1: "1 in 100" for a chance of 0.7% stood beside a
    /// worst year in 100 below the amount it was the chance of passing, and read as if the two
    /// disagreed. A count that rounds to `n` reads "almost certain: more than n − 1 in n"; no
    /// chance, certainty and NaN have words of their own.
    public static func frequency(_ p: Double, per n: Int) -> NaturalFrequency {
        if p.isNaN { return .notANumber }
        if p <= 0 { return .none }
        if p >= 1 { return .certain }
        let k = (p * Double(n)).rounded()
        // Below 0.1% the percentage reads "<0.1%"; "fewer than 1 in 100" beside it would read
        // as if the two disagreed, so the words go down to the same resolution: 1 in 1,000.
        if k < 1 || p < 1 / Double(n) { return .fewerThanOne(in: p < 0.001 ? max(n, 1_000) : n) }
        if k >= Double(n) { return .moreThan(n - 1, in: n) }
        return .about(Int(k), in: n)
    }

    /// A chance out of a fixed denominator, as ``frequency(_:per:)`` reads it.
    public enum NaturalFrequency: Equatable, Sendable {
        case none
        case fewerThanOne(in: Int)
        case about(Int, in: Int)
        case moreThan(Int, in: Int)
        case certain
        case notANumber
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

    /// A difference between two chances in percentage points: `0.7` (one decimal below 10
    /// points, whole points above, as the "±" of a chance is written), or with `decimals` given.
    public static func percentagePoints(_ difference: Double, decimals: Int? = nil) -> String {
        let points = difference * 100
        guard points.isFinite else { return points.isNaN ? notANumber : (points > 0 ? "∞" : "-∞") }
        let places = decimals ?? (abs(points) < 10 ? 1 : 0)
        return style.localise(withoutNegativeZero(String(format: "%.\(places)f", points)))
    }

    /// A ratio of two positive figures: `2.3×`; `—` when it is not finite.
    public static func ratio(_ r: Double) -> String {
        guard r.isFinite else { return "—" }
        if abs(r) >= scientificFrom { return scientific(r) + "×" }
        return style.localise(String(format: r < 10 ? "%.1f×" : "%.0f×", r))
    }

    /// A money amount as every report writes it (docs/results.md, "Money in one rounding"):
    /// three significant digits, never finer than the currency's whole unit — €70,720 is
    /// €70,700, €46.52 is €47. One rule, applied where money is written, so the same amount
    /// reads the same in every table and sentence that repeats it, and a figure added up from
    /// others is rounded from its exact value, not from its rounded parts.
    public static func money(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        return rounded(value).rounded()
    }

    /// A money amount written in full, to the currency's whole unit: "£105,500", "-€6,700". For
    /// figures that are exact — a cost as the register writes it, and a sum or difference of
    /// figures as a page prints them — which three significant digits (``money(_:)``) would
    /// round into figures that no longer add up: "£184,000 − £106,000" beside "£78,500", where
    /// the responses cost exactly £105,500.
    public static func exactMoney(_ value: Double, currency: String?) -> String {
        guard value.isFinite else { return amount(value) }
        let whole = value.rounded()
        return (whole < 0 ? "-" : "") + style.money(amount(abs(whole)), currency: currency)
    }

    /// An amount with its unit: "€50,000", "£1,200", "$3", "3,500 CHF" for money in a
    /// currency, "50,000" for money without one, "25 incidents" for any other unit. Money is
    /// rounded by ``money(_:)``.
    public static func quantity(_ value: Double, unit: String, currency: String?) -> String {
        if unit == "money" {
            let value = money(value)
            let figure = amount(value.isNaN ? value : abs(value))
            let sign = value < 0 && figure != "0" && !figure.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) ? "-" : ""
            return sign + style.money(figure, currency: currency)
        }
        return amount(value) + " " + unit
    }
}
