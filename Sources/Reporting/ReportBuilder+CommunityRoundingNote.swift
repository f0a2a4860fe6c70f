import Scoring
import TextLayer

/// The residents' note on rounding, with an example from the page itself.
///
/// The note says that the text rounds what the tables give more finely, with an example. A fixed
/// example ("“about 4” for 3.7") was true on one page and made up on the others, where no 3.7
/// stood in any table: a reader who looks for it finds nothing and doubts the rest. So the
/// example is the first average in the detail tables that the text rounds to another number,
/// said as the text says it and as the table gives it.
extension ReportBuilder {
    func roundingNote() -> String {
        guard let (text, table) = roundingExample() else { return phrases("community.glossary.rounding.plain") }
        return phrases("community.glossary.rounding", ["text": text, "table": table])
    }

    /// The text's and the table's form of the first outcome's average, in the order of the
    /// detail sections, that the two give as different numbers: "about £75,000" and "£74,900",
    /// "about 4 incidents" and "3.7". Averages the text says as how often they come, as less
    /// than 1, or as a net reduction are passed over.
    func roundingExample() -> (text: String, table: String)? {
        for o in score.outcomes {
            let w = words(o.id, o.unit)
            let mean = o.residual.mean.value
            // An average the table gives with a minus sign (a net reduction) is said in words in
            // the text ("about £180,000 saved"): the example is one whose two forms are the same number.
            let size = w.directed(mean)
            guard size.isFinite, size >= 1, !communityAverageIsRare(o.id, unit: o.unit, mean: mean) else { continue }
            let said = o.unit == "money" ? FigureFormat.rounded(size, significantDigits: 2) : FigureFormat.rounded(size, significantDigits: 2).rounded()
            let shown = o.unit == "money" ? FigureFormat.rounded(size) : FigureFormat.rounded(size, significantDigits: 2)
            guard said != shown else { continue }
            let table = o.unit == "money" ? quantity(shown, o.unit) : OutcomeWords.residentFigure(size)
            return (roughly(size, o.unit), table)
        }
        return nil
    }
}
