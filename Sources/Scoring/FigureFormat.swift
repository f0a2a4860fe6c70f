import Foundation

/// How riskreg writes figures for people: thousands separators, sensible precision, chances as
/// percentages and as natural frequencies ("about 1 in 8"). Machine formats use raw numbers.
public enum FigureFormat {
    /// An amount with thousands separators: `1,234,568`; values below 100 keep two significant
    /// decimals (`4.25`), so small non-monetary units stay readable.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        if magnitude < 100, magnitude != magnitude.rounded() {
            let decimals = magnitude < 1 ? 3 : magnitude < 10 ? 2 : 1
            return String(format: "%.\(decimals)f", value)
        }
        let rounded = Int64(value.rounded())
        let digits = String(abs(rounded))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// A chance as a percentage: `12.5%`, `0.3%`, `<0.1%`, `>99.9%`.
    public static func percent(_ p: Double) -> String {
        if p <= 0 { return "0%" }
        if p >= 1 { return "100%" }
        if p < 0.001 { return "<0.1%" }
        if p > 0.999 { return ">99.9%" }
        let pct = p * 100
        return pct >= 10 ? String(format: "%.0f%%", pct) : String(format: "%.1f%%", pct)
    }

    /// A chance as a natural frequency, the way risk communication research recommends: "1 in 8".
    /// Chances above one half are put the other way round ("7 in 8").
    public static func naturalFrequency(_ p: Double) -> String {
        if p <= 0 { return "no chance" }
        if p >= 1 { return "certain" }
        if p < 0.0005 { return "less than 1 in 2,000" }
        if p <= 0.5 {
            let n = (1 / p).rounded()
            return "1 in \(amount(n))"
        }
        // 1 − p as "1 in n" → (n − 1) in n.
        let n = max(2, (1 / (1 - p)).rounded())
        return "\(amount(n - 1)) in \(amount(n))"
    }
}
