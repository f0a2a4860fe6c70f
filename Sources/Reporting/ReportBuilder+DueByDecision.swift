import RegisterModel
import TextLayer

/// Entries whose review falls due between the as-of day and the next decision.
///
/// "Estimates past their review date: none" is true on the day the figures were made, but a
/// board meets later: where an entry's review falls due by the decision, the estimates the
/// decision rests on may be revised at or just before the meeting, and members should know
/// which ones.
extension ReportBuilder {
    func dueByDecision(_ context: inout ReportContext) {
        guard let decision = register.metadata.nextDecisionDate, let asOf = CalendarDate(score.run.asOf) else { return }
        let due: [(risk: Risk, review: CalendarDate)] = register.risks.compactMap { r in
            guard visible.contains(r.id), let review = r.review, !(review < asOf), !(decision < review) else { return nil }
            return (r, review)
        }
        guard !due.isEmpty else { return }
        context.dueByDecision = due.map { ReportContext.StaleRow(risk: e($0.risk.id), title: e($0.risk.title), review: e($0.review.description)) }
        context.dueByDecisionLead = e(phrases.plural("report.review.due-by-decision", count: due.count, [
            "date": phrases.date(year: decision.year, month: decision.month, day: decision.day)]))
    }
}
