import Foundation
import RegisterModel
import Scoring
import TextLayer

/// How far a perspective's verdict on an outcome rests on figures it did not give.
///
/// A perspective that gave no estimate for an entry takes the pool's figures for it
/// (docs/results.md), so its verdict can read as its own while resting almost wholly on
/// others' estimates: adult social care's family carers were shown "outside appetite" on
/// wellbeing without having estimated AS-09, which drives 94% of its variation, and counted
/// among "every perspective" that put safeguarding outside appetite without having estimated
/// AS-10, which drives half of it. A verdict that rests mainly on borrowed figures is said to,
/// and is never counted as a perspective's agreement or disagreement.
struct BorrowedFigures: Sendable {
    /// The entries the perspective gave no estimate for, each with its share of the outcome's
    /// variance after responses (the drivers list's share), largest first; only entries with a
    /// positive share.
    var entries: [(id: String, share: Double)]
    /// The borrowed entries' part of the outcome's variation: their positive shares over all
    /// the positive shares on the outcome, so 0 to 1 even where a hedge's negative share lets
    /// another pass 1.
    var part: Double

    /// Whether the verdict rests mainly on borrowed figures: more than half the variation.
    var isMainly: Bool { part > 0.5 }

    /// The fewest borrowed entries, largest first, that make up more than half the variation
    /// (at most three), to name in a sentence, with their shares added up.
    var named: (ids: [String], share: Double) {
        var ids: [String] = [], share = 0.0
        for entry in entries.prefix(3) where share <= 0.5 {
            ids.append(entry.id)
            share += entry.share
        }
        return (ids, share)
    }
}

extension ReportBuilder {
    /// The figures perspective `id` borrows on `outcome` in the headline run: the entries of the
    /// headline figures reaching the outcome that it did not estimate, with their variance shares.
    func borrowedFigures(_ id: String, outcome: String) -> BorrowedFigures {
        var all: [(id: String, share: Double)] = []
        for r in score.risks where r.inHeadline {
            let share = r.effects?.first { $0.outcome == outcome }?.varianceShare ?? (r.outcome == outcome ? r.varianceShare : nil)
            guard let share, share > 0 else { continue }
            all.append((r.id, share))
        }
        let total = all.reduce(0) { $0 + $1.share }
        let borrowed = all.filter { entry in !(register.risk(entry.id)?.estimates.contains { $0.perspective == id } ?? true) }
            .sorted { ($0.share, $1.id) > ($1.share, $0.id) }
        return BorrowedFigures(entries: borrowed, part: total > 0 ? borrowed.reduce(0) { $0 + $1.share } / total : 0)
    }

    /// "AS-09, which drives 94% of the variation": the borrowed entries a verdict rests on.
    func borrowedEntries(_ b: BorrowedFigures) -> String {
        let named = b.named
        return phrases.plural("report.decision.borrowed.entries", count: named.ids.count, [
            "entries": listInWords(named.ids.map(entryID)), "percent": FigureFormat.percent(named.share)])
    }

    /// "Family carers: outside appetite (58%), but on figures borrowed from others for AS-09,
    /// which drives 94% of the variation".
    func borrowedVerdict(_ alt: RegisterScore.AppetiteVerdict.Alternative, of v: RegisterScore.AppetiteVerdict, _ b: BorrowedFigures) -> String {
        phrases("report.decision.borrowed.verdict", [
            "perspective": iso(register.perspectives.first { $0.id == alt.id }?.title ?? alt.id),
            "status": leverStatus(alt.withinAppetite, alt.decisive),
            "percent": cellPercent(alt.probability.value, limit: v.limit), "entries": borrowedEntries(b)])
    }

    /// The entries that set the options apart (in some and not others, in other shares, or
    /// with another response) and reach one of `outcomes`, and those perspective `id` gave no
    /// estimate for.
    func borrowedOptionEntries(_ id: String, outcomes: Set<String>) -> (all: [Risk], borrowed: [Risk]) {
        let apart = variableEntries().filter { r in r.outcomes.contains { outcomes.contains($0) } }
        return (apart, apart.filter { r in !r.estimates.contains { $0.perspective == id } })
    }

    /// Whether where the rule ends on perspective `id`'s estimates is largely the pool's answer:
    /// it gave no estimate for half or more of the entries that set the options apart.
    func optionResultIsBorrowed(_ id: String, outcomes: Set<String>) -> Bool {
        let (all, borrowed) = borrowedOptionEntries(id, outcomes: outcomes)
        return !all.isEmpty && borrowed.count * 2 >= all.count
    }
}
