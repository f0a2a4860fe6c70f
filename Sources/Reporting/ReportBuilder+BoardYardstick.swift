import Scoring
import TextLayer

/// The reference amount ("yardstick") against which the board report's likelihood-and-impact
/// table grades an entry's harm, and the words that say where it comes from.
///
/// Two readings went wrong with the bare amount. "174 points" for wellbeing, where the board's
/// appetite names no amount of loss, came from the outcome's spread with nothing beside it to
/// say so. And a limit on a small count graded every harm at the top: with the board's "more
/// than 1 patient" as the yardstick, one patient overheard is already 100% of it, "Severe",
/// although one patient is what the board accepts. For an outcome counted in whole numbers the
/// limit is first passed at the next whole number, so that is the yardstick: one patient is half
/// of the two that breach "more than 1 patient". Residents' pages keep their own yardstick
/// (``ReportBuilder/heatPlacement(_:outcome:meanHarm:meanBenefit:meanLoss:)``).
extension ReportBuilder {
    /// The board report's yardstick for outcome `o`, given the lowest amount of loss the
    /// board's appetite names for it (`threshold`, nil where it names none), with a note on
    /// where it comes from; the note is nil where the amount is the appetite's own.
    func boardYardstick(_ o: RegisterScore.OutcomeScore, threshold: Double?) -> (amount: Double, note: String?) {
        let w = words(o.id, o.unit)
        if let threshold {
            // A whole count first breaches "more than T" at the next whole number.
            guard w.isWholeCount else { return (threshold, nil) }
            let breach = threshold.rounded(.down) + 1
            return (breach, phrases("chart.heat.reference-note.breach", ["limit": w.size(threshold)]))
        }
        let tail = abs(o.inherent.percentile(0.95)?.value ?? 0), spread = o.inherent.standardDeviation
        return tail >= spread
            ? (tail, phrases("chart.heat.reference-note.tail"))
            : (spread, phrases("chart.heat.reference-note.spread"))
    }
}
