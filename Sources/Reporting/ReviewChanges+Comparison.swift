import RegisterDiff
import RegisterModel
import Scoring

extension ReviewChanges {
    /// The "Since the last review" section's changes from a comparison of the register at
    /// `revision` (`old`, nil when the file did not exist there) with the register now (`new`),
    /// as `riskreg report --since` makes it.
    ///
    /// Titles, strategies and confidentiality come from either side, the newer first, so a
    /// removed entry keeps its title and an entry made confidential on either side counts as
    /// confidential. An entry added or removed whole shows its strategy as its value.
    public init(revision: String, comparison: RegisterComparison, old: Register?, new: Register) {
        var titles: [String: String] = [:], strategies: [String: String] = [:], confidential: Set<String> = []
        for r in (old?.risks ?? []) + new.risks {
            titles[r.id] = r.title
            strategies[r.id] = r.strategy.rawValue
            if r.isConfidential { confidential.insert(r.id) }
        }
        let changes = comparison.changes.map { c in
            let isRisk = c.subject == .risk
            let whole = isRisk && c.field == nil
            return Change(
                kind: Change.Kind(c.kind), subject: c.subject.rawValue, id: c.id,
                title: isRisk ? titles[c.id] : nil, field: c.field,
                before: whole ? (c.kind == .removed ? strategies[c.id] : nil) : c.before,
                after: whole ? (c.kind == .added ? strategies[c.id] : nil) : c.after,
                confidential: isRisk && confidential.contains(c.id))
        }
        let outcomeTitles = Dictionary(comparison.scores.outcomes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        self.init(
            revision: revision, existed: comparison.from.exists, summary: ComparisonSummary(comparison).sentence,
            changes: changes,
            outcomes: comparison.scores.outcomes.map {
                OutcomeFigures(id: $0.id, title: $0.title, unit: $0.unit, mean: Figure($0.mean), p90: Figure($0.p90), p95: Figure($0.p95))
            },
            verdicts: comparison.scores.appetite.map {
                Verdict(outcome: outcomeTitles[$0.outcome] ?? $0.outcome, statement: $0.statement,
                        withinBefore: $0.withinBefore, withinAfter: $0.withinAfter)
            })
    }
}

extension ReviewChanges.Change.Kind {
    init(_ kind: RegisterChange.Kind) {
        switch kind {
        case .added: self = .added
        case .removed: self = .removed
        case .changed: self = .changed
        }
    }
}

extension ReviewChanges.Figure {
    init(_ f: ScoreComparison.FigureChange) {
        let status: Status
        switch f.status {
        case .unchanged: status = .unchanged
        case .withinError: status = .withinError
        case .changed: status = .changed
        case .added: status = .added
        case .removed: status = .removed
        }
        self.init(before: f.before, after: f.after, status: status)
    }
}
