import Scoring
import TextLayer

/// The residents' likelihood-and-impact table: the yardstick each outcome's harm is graded
/// against, and which outcome shows an entry that reaches several, said so that a reader can
/// check both on the page.
///
/// A yardstick is a harm, never a gain, and a figure the page already shows: the amount a limit
/// on the outcome names; otherwise the outcome's very bad year (1 in 20) without the planned
/// actions, where that year is a loss; otherwise, for an outcome that gains even in a very bad
/// year, how far that year falls short of a typical one without the planned actions, both
/// figures in the outcome's own table. "5–15% of 174 points", where 174 points was a gain, and
/// "373 hours", an outcome's standard deviation that appeared nowhere on the page, could be
/// checked by nobody. The board report keeps its own rule.
extension ReportBuilder {
    /// The yardstick of an outcome that no limit names an amount for, as the outcome's table
    /// shows its figures (rounded as there): the very bad year's loss without the planned
    /// actions, or, where that year is still a gain, how far it falls short of a typical year
    /// (`typical` is then that typical year's figure, as a loss).
    func communityYardstick(_ o: RegisterScore.OutcomeScore) -> (amount: Double, typical: Double?, veryBad: Double) {
        let w = words(o.id, o.unit)
        func shown(_ loss: Double) -> Double { FigureFormat.rounded(w.yearFigure(loss)) }
        let veryBad = shown(o.inherent.percentile(0.95)?.value ?? 0)
        if veryBad > 0 { return (veryBad, nil, veryBad) }
        let typical = shown(o.inherent.percentile(0.5)?.value ?? 0)
        return (max(veryBad - typical, 0), typical, veryBad)
    }

    /// The sentences after the table's rule: each outcome's yardstick with where it comes from,
    /// the outcome that shows each entry that reaches more than one, and, where a yardstick
    /// is a single person or event, that one time an entry happens reaches it.
    func communityHeatNotes(_ placed: [Charts.Placed], _ shownBy: [(id: String, outcome: String)]) -> [String] {
        guard placed.count == shownBy.count else { return [] }
        var outcomes: [String] = []
        for s in shownBy where !outcomes.contains(s.outcome) { outcomes.append(s.outcome) }
        func quoted(_ id: String) -> String { phrases("community.quoted", ["text": iso(register.outcome(id)?.title ?? id)]) }
        var notes: [String] = []
        let yardsticks = outcomes.compactMap { id -> String? in
            guard let o = score.outcomes.first(where: { $0.id == id }),
                  let p = zip(placed, shownBy).first(where: { $0.1.outcome == id })?.0 else { return nil }
            let w = words(o.id, o.unit)
            if p.referenceIsThreshold {
                // "the number its limit names" for 25 incidents, "the amount" for €50,000: one
                // phrase for both ("het aantal of bedrag") left the reader to choose.
                let key = o.unit == "money" ? "community.heat.yardstick.limit" : "community.heat.yardstick.limit.count"
                return phrases(key, ["outcome": quoted(id), "amount": w.size(p.reference)])
            }
            let y = communityYardstick(o)
            if let typical = y.typical {
                return phrases("community.heat.yardstick.below-typical", ["outcome": quoted(id), "amount": w.size(y.amount),
                                                                         "typical": w.quantity(typical), "bad": w.quantity(y.veryBad)])
            }
            return phrases("community.heat.yardstick.very-bad", ["outcome": quoted(id), "amount": w.size(y.amount)])
        }
        if !yardsticks.isEmpty { notes.append(phrases("community.heat.yardsticks", ["list": yardsticks.joined(separator: "; ")])) }
        // Which outcome shows an entry that reaches several, said as that outcome: "AS-01 by its
        // harm to “Safeguarding enquiries”", never "another outcome than the first one named".
        // Said of every such entry, also one shown by its own first outcome: naming AS-01 and
        // not AS-04, which reaches three, left a reader to guess which of its three it was.
        let moved = zip(shownBy, placed).filter { s, _ in register.risk(s.id).map { Set($0.outcomes).count > 1 || $0.outcome != s.outcome } ?? false }
        let byOutcome = outcomes.compactMap { id -> String? in
            let ids = moved.filter { $0.0.outcome == id }.map { entryID($0.0.id) }
            guard !ids.isEmpty else { return nil }
            return phrases.plural("community.heat.shown-by.entries", count: ids.count, ["entries": list(ids), "outcome": quoted(id)])
        }
        if !byOutcome.isEmpty { notes.append(phrases("community.heat.shown-by", ["list": byOutcome.joined(separator: "; ")])) }
        // A yardstick of one or two people or events is reached by a single time an entry
        // happens: "Severe" there weighs it against its own outcome's limit, and a reader set an
        // overheard handover graded "Severe" against falls graded "Significant".
        for id in outcomes {
            let small = zip(placed, shownBy).filter { p, s in
                s.outcome == id && p.words.unit != "money" && p.reference > 0 && p.reference <= 2 && p.harm >= p.reference
            }
            guard let first = small.first?.0 else { continue }
            notes.append(phrases.plural("community.heat.small-yardstick", count: small.count, [
                "entries": list(small.map { entryID($0.1.id) }), "amount": first.words.size(first.reference), "outcome": quoted(id)]))
        }
        return notes
    }
}
