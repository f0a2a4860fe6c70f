import Scoring
import TextLayer

/// The figure each limit or aim is about, beside the residents' detail tables of its outcome.
///
/// Those tables are of the net outcome: the harm the plans cause less the harm they prevent,
/// and the chance of any net gain. A limit on harm alone, or an aim for a gain above a bar, is
/// about something else, and a patient who read "1 in 100" for more than 4 incidents in the
/// table and "6%: over the limit" for more than 4 incidents in the row beneath, or a group's
/// ">99.9%" chance of a gain beside "not met on their estimates", was given no figure that
/// explained the verdict. So the summary says the limit's own chance, and the group table gives
/// each group's. The board page's perspectives' tables give the same columns: a ">99.9%" chance
/// of a net gain for every perspective sat beside verdicts of 48% and 58% on a gain above 260
/// points.
extension ReportBuilder {
    /// A chance as the residents' detail tables write it: the limits' own rounding, so that
    /// "6%" here is the "6 in 100 (6%)" of the limit above.
    func communityTableChance(_ p: Double) -> String {
        guard p >= 0.001, p <= 0.999 else { return FigureFormat.simulatedPercent(p) }
        return FigureFormat.percent(p, per: verdictDenominator)
    }

    /// The limits and aims on `outcome` whose chance is not the net chance the summary already
    /// gives: on harm alone, on an amount, or on a gain or reduction above a bar.
    func communityLimitStatements(_ outcome: String) -> [RegisterScore.AppetiteVerdict] {
        score.appetite.filter { v in
            v.outcome == outcome && !(v.kind == .netBenefitAbove && v.threshold == 0)
        }
    }

    /// For the outcome's summary: the chance of what each limit on harm alone, or each aim above
    /// a bar, is about, with the planned actions and without them. A limit on an amount of the
    /// net outcome is left to the table, whose rows give the amount at each chance, and so is a
    /// limit on harm alone where nothing lowers the outcome: there harm alone is all of it.
    func communityLimitChances(_ outcome: String, unit: String) -> [String] {
        let w = words(outcome, unit), gain = w.isGain
        return communityLimitStatements(outcome).compactMap { v -> String? in
            let key: String
            switch v.kind {
            // Where nothing lowers the outcome, its harm alone is the whole of it: the table is it.
            case .harmExceeds where !w.hasBenefit: return nil
            case .harmExceeds: key = v.threshold == 0 ? "community.outcome.limit-chance.harm.any" : "community.outcome.limit-chance.harm"
            case .netBenefitAbove: key = gain ? "community.outcome.limit-chance.gain-above" : "community.outcome.limit-chance.reduction-above"
            case .lossExceeds: return nil
            }
            return phrases(key, ["amount": quantity(abs(v.threshold), unit), "with": communityTableChance(v.probability.value),
                                 "without": communityTableChance(v.inherentProbability.value)])
        }
    }

    /// For the group table: a column for each limit or aim on `outcome` whose chance is not the
    /// net chance, headed by what it counts, with each group's chance of it (on its own
    /// estimates, the others' where it gave none) in the order of `perspectives`; "—" where a
    /// group's chance is not worked out.
    func communityLimitColumns(_ outcome: String, unit: String, perspectives: [String]) -> [(title: String, cells: [String])] {
        let gain = words(outcome, unit).isGain
        return communityLimitStatements(outcome).map { v in
            let key: String
            switch v.kind {
            case .harmExceeds: key = v.threshold == 0 ? "community.group.column.harm.any" : "community.group.column.harm"
            case .lossExceeds: key = "community.group.column.more-than"
            case .netBenefitAbove: key = gain ? "community.group.column.gain-above" : "community.group.column.reduction-above"
            }
            // A limit in whole numbers as the limit above says it: "Chance of 2 patients or more".
            let least = leastPastLimit(v, words(outcome, unit))
            let title = least.map { phrases("community.group.column.at-least", ["amount": quantity($0, unit)]) }
                ?? phrases(key, ["amount": quantity(abs(v.threshold), unit)])
            // The board page writes each chance in its one form there (``statementPercent(_:_:)``).
            let cells = perspectives.map { id in
                v.perspectives.first { $0.id == id }.map { isCommunity ? communityTableChance($0.probability.value) : statementPercent($0.probability.value, v) } ?? "—"
            }
            return (title, cells)
        }
    }
}
