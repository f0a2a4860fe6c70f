import MonteCarlo
import RegisterModel
import Scoring
import TextLayer

/// The words the residents' detail tables use, explained before the tables.
///
/// One row, "Average of the worst 1 in 20 years", is a tail average that no resident reads
/// without help: it is explained in steps (line the years up, take the worst 1 in 20, average
/// them) and then with the two figures from one outcome's table that show the difference
/// between it and a very bad year, so the reader can find them below.
extension ReportBuilder {
    /// The glossary's entries, in the order a reader meets the words in the tables: the chance
    /// scale only where there are charts to read it on (HTML; Markdown shows their tables).
    var communityGlossary: [String] {
        ["actions", "bad-year"].map { phrases("community.glossary." + $0) } + [communityWorstExplained]
            + ["net", "limit"].map { phrases("community.glossary." + $0) }
            // Residents who average the chances of the groups' tables and set that beside the
            // chance for the groups together (88 against 89 in 100) are told, once, before the
            // tables, why the two need not agree: together, each year mixes the groups'
            // estimates entry by entry, and a chance over such years is no average of chances.
            + (score.run.view == "pooled" && score.perspectives.count > 1 ? [phrases("community.glossary.groups")] : [])
            + [roundingNote()]
            + (options.format == .html ? [phrases("community.glossary.scale")] : [])
    }

    /// "Average of the worst 1 in 20 years" in plain steps, with an example from the first
    /// outcome whose figures are losses (where "worst" means most) and whose very bad year is
    /// above zero: its very bad year and its worst-1-in-20 average with the planned actions, as
    /// its table shows them. "-37,000 for a very bad year" (a saving) beside "11,600" was right
    /// but took a second reading; without such an outcome the steps stand alone.
    var communityWorstExplained: String {
        let example = score.outcomes.lazy.compactMap { o -> (RegisterScore.OutcomeScore, Statistic)? in
            guard !self.words(o.id, o.unit).isGain, let p = o.residual.percentile(0.95), p.value > 0 else { return nil }
            return (o, p)
        }.first
        guard let (o, veryBad) = example else { return phrases("community.glossary.worst") }
        let w = words(o.id, o.unit)
        // By its full title: the report's short names (``shortNames``) make this its first use
        // in the part, tied to the short name the rest of the part uses.
        return phrases("community.glossary.worst.example", [
            "outcome": iso(o.title),
            "very-bad": w.amount(w.yearFigure(veryBad.value)),
            "worst": w.amount(o.residual.expectedShortfall95.value),
        ])
    }
}
