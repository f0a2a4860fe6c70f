import Scoring
import TextLayer

/// A line board members can say in public where the confidential entries make the board's
/// figures favour another option than the public page's.
///
/// The banner tells members that the public figures point elsewhere, but a member asked about
/// it in public cannot explain the difference without the confidential entry. The line says
/// what the public page shows, and that the difference comes from entries left out of it,
/// without naming them: their number is all it gives away.
extension ReportBuilder {
    /// The quoted line, from the first statement in `differ` whose verdict on the public page
    /// differs from this report's; nil when none does or no published score was given.
    /// - Parameters:
    ///   - board: the option this report's figures favour, quoted.
    ///   - public: the option the public figures favour, quoted.
    func publicLine(_ differ: [RegisterScore.AppetiteVerdict], board: String, public publicOption: String) -> String? {
        guard let published, !isCommunity else { return nil }
        for v in differ {
            guard let shown = published.appetite.first(where: {
                $0.outcome == v.outcome && $0.kind == v.kind && $0.threshold == v.threshold && $0.limit == v.limit
            }) else { continue }
            let here = statusClass(v.withinAppetite, v.decisive), there = statusClass(shown.withinAppetite, shown.decisive)
            guard here != there else { continue }
            // In the public page's words on both sides: "within the limit", "over the limit".
            func status(_ s: String) -> String {
                phrases("report.confidential-note.public." + (v.kind == .netBenefitAbove && s != "close" ? "aim." : "") + s)
            }
            let left = headlineEntries(reaching: v.outcome).filter(\.isConfidential).count
            // Where every option the rule weighs breaks this limit, "that is why they favour X"
            // would let a member imply in public that X keeps it: the line says under which
            // options it is over the limit, and only those that are, by more than the margin of
            // error. Adult social care's line said "under every option" where residential care
            // stood at 5.2% against 5%, too close to call.
            let rule = OptionRule(builder: self)
            let breaking = rule.breaks(v)
            var args = ["statement": iso(statementLabel(v)), "public": cellPercent(shown.probability.value, limit: v.limit),
                        "publicStatus": status(there), "boardStatus": status(here), "board": board, "publicOption": publicOption]
            let key: String
            if rule.everyBreaks(v, among: score.portfolios) {
                key = "report.confidential-note.public-line.all-break"
            } else if rule.everyBreaks(v, among: rule.steps().first) {
                key = "report.confidential-note.public-line.all-break-but"
                args["except"] = listInWords(score.portfolios.filter { !breaking($0) }.map { option in
                    let j = rule.judged(v, under: option)
                    return phrases("report.confidential-note.public-line.except", [
                        "option": phrases("report.decision.option.quoted", ["title": iso(option.title)]),
                        "status": status(statusClass(j.within, j.decisive))])
                })
            } else {
                key = "report.confidential-note.public-line"
            }
            args["count"] = String(max(left, 1))
            return phrases.filled(key + (max(left, 1) == 1 ? ".one" : ".other"), args)
        }
        return nil
    }
}
