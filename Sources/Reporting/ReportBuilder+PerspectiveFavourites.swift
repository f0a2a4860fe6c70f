import Foundation
import Scoring
import TextLayer

extension ReportBuilder {
    /// One short sentence for the top of the decision page where the rule, carried through on a
    /// perspective's own estimates, ends on another option than on the pooled ones: "On their
    /// own estimates, “Patients” would favour “Patient-led falls plans” and “Carers” “… with
    /// sensor alarms”." Ward 7's page said "the figures favour One-to-one observation" at the
    /// top, and only a screen further down that two of its three perspectives' estimates end
    /// elsewhere: the favourite read as shared by all. Perspectives whose result rests mostly on
    /// borrowed figures say so (as ``optionPerspectivesNote(views:)`` explains further down).
    /// Nil where every perspective's estimates end on the favourite, or the rule ends on none.
    func perspectivesFavouringOthers() -> String? {
        let pooled = OptionRule(builder: self).steps()
        guard register.perspectives.count > 1, let favoured = pooled.fourth.onlyElement else { return nil }
        let outcomes = Set(score.appetite.map(\.outcome))
        let quoted = { (p: RegisterScore.PortfolioScore) in self.phrases("report.decision.option.quoted", ["title": self.iso(p.title)]) }
        var items: [String] = []
        for p in register.perspectives {
            let steps = OptionRule(builder: self, perspective: p.id).steps()
            guard let theirs = steps.fourth.onlyElement, theirs.id != favoured.id else { continue }
            let key = optionResultIsBorrowed(p.id, outcomes: outcomes) ? "report.decision.perspective-favours.borrowed" : "report.decision.perspective-favours"
            items.append(phrases(key, ["perspective": iso(p.title), "option": quoted(theirs)]))
        }
        guard !items.isEmpty else { return nil }
        return phrases("report.decision.perspectives-favour-others", ["items": listInWords(items)])
    }
}
