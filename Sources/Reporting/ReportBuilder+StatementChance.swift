import Foundation
import Scoring
import TextLayer

/// One chance, one form on a board page (docs/results.md, "Chances in words").
///
/// An appetite statement's chance reached the page through half a dozen formatters: "60.3%" in
/// the levers and the outcome summary, "60%" in the appetite row of its own table, beside a limit
/// of 60%, where it read as sitting exactly on the limit. Every place a board page writes the
/// chance of a statement — with responses or without, under any option or perspective, a lever's
/// "would be", a step of the favouring rule — goes through ``statementPercent(_:_:)``, so the one
/// chance reads one way, keeping the decimal that shows which side of its limit it falls.
extension ReportBuilder {
    /// A chance of statement `v`'s event as a board page writes it: the decision page's cells'
    /// form (``FigureFormat/simulatedPercent(_:awayFrom:)``), with one more decimal where it
    /// would read as the statement's limit though it is not.
    func statementPercent(_ p: Double, _ v: RegisterScore.AppetiteVerdict) -> String {
        cellPercent(p, limit: v.limit)
    }

    /// The denominator at which a chance's natural frequency reads with the percentage `shown`
    /// (the form the page's tables give it), starting from the section's `n`: "about 37 in
    /// 1,000 (3.7%)" beside a table's "3.7%", "about 603 in 1,000 (60.3%)" beside "60.3%" at a
    /// limit of 60%. `n` itself where no denominator does.
    func denominator(for p: Double, showing shown: String, from n: Int) -> Int {
        guard p > 0, p < 1, FigureFormat.percent(p, per: n) != shown else { return n }
        return FigureFormat.denominators.first { $0 > n && FigureFormat.percent(p, per: $0) == shown } ?? n
    }

    /// The number a percentage as written reads as, in percentage points: "7.1%" is 7.1,
    /// "60,3%" is 60.3; nil for a bound ("<0.1%") or anything else. A difference a sentence
    /// states between two printed chances is worked out from these, so that a reader who
    /// subtracts the printed figures gets the printed difference.
    static func pointsAsWritten(_ percent: String) -> Double? {
        guard percent.hasSuffix("%"), let first = percent.first, first.isNumber else { return nil }
        return Double(percent.dropLast().replacingOccurrences(of: ",", with: "."))
    }
}

extension ReportBuilder {
    /// The arguments of `report.decision.option.chances`: the chances of `favoured` and `next` on
    /// the statements at issue, and the lead beside its margin.
    ///
    /// "Safeguarding enquiries 6.4%, against … 7.1% (a lead of 0.6 percentage points …)": the
    /// lead was the difference of the unrounded chances, and a reader who subtracted the printed
    /// ones got 0.7. The lead is now the difference of the chances as printed, each in its one
    /// form on the page. Where that difference, or the margin at its precision, would not show
    /// the lead clearing the margin as the rule found it ("0.5 … ±0.5"), the chances and the
    /// lead keep more decimals, as many as it takes, in this sentence alone: the lead that decides
    /// is never misstated to keep a chance's usual form. `then`, a sentence on what a tie would
    /// pick, follows the lead.
    func leadWords(_ rule: OptionRule, _ favoured: RegisterScore.PortfolioScore, _ next: RegisterScore.PortfolioScore,
                   on statements: [RegisterScore.AppetiteVerdict], lead: Double, margin: Double, then: String? = nil,
                   quoted: (RegisterScore.PortfolioScore) -> String) -> KeyValuePairs<String, String> {
        // The sentence after the lead; the sentence the lead closes ends with the caller's full stop.
        let after = then.map { ". " + $0 } ?? ""
        func points(_ x: Double, _ d: Int) -> Double { (x * 100 * pow(10, Double(d))).rounded() / pow(10, Double(d)) }
        // The precision the page's form gives the chances: the finest of their decimals.
        var usual = 0
        for v in statements {
            for written in [rule.percent(favoured, v), rule.percent(next, v)] {
                let parts = written.split(whereSeparator: { $0 == "." || $0 == "," })
                if parts.count > 1 { usual = max(usual, parts[1].count - 1) }
            }
        }
        // A lead under twice its margin is said to be only just beyond it, as the fragile
        // favourite's sentence says: "0.51 … beyond ±0.50" read as a clear win.
        let leadKey = lead > margin && lead < 2 * margin ? "report.decision.option.lead.just" : "report.decision.option.lead"
        var precisions: [Int?] = [nil]
        for d in stride(from: max(usual, 1) + 1, through: 4, by: 1) { precisions.append(d) }
        for d in precisions {
            let places = d ?? max(usual, 1)
            guard let shown = rule.printedLead(favoured, over: next, on: statements, decimals: d) else { continue }
            // The printed lead must clear the printed margin exactly when the lead clears the margin.
            let clears = points(shown / 100, places) > points(margin, places)
            // A lead of 0.0 is no lead: at this precision the printed chances do not show one.
            guard clears == (lead > margin), shown > 0 || lead <= 0 else { continue }
            return ["favoured": rule.chances(favoured, on: statements, decimals: d), "next": rule.chances(next, on: statements, decimals: d),
                    "option": quoted(next),
                    "lead": phrases(leadKey, [
                        "points": FigureFormat.percentagePoints(shown / 100, decimals: places),
                        "margin": FigureFormat.percentagePoints(margin, decimals: places)]) + after]
        }
        return ["favoured": rule.chances(favoured, on: statements, decimals: 4), "next": rule.chances(next, on: statements, decimals: 4),
                "option": quoted(next),
                "lead": phrases(leadKey, [
                    "points": FigureFormat.percentagePoints(lead, decimals: 4), "margin": FigureFormat.percentagePoints(margin, decimals: 4)]) + after]
    }
}
