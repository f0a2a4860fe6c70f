import Foundation
import Scoring
import TextLayer

/// A comparison as Markdown, ready to paste into a pull request comment or a board paper.
///
/// Text from the register is untrusted: it is neutralised so it cannot add links, images,
/// HTML, table cells or mentions.
public enum ComparisonMarkdown {
    public static func render(_ c: RegisterComparison, phrases say: Phrasebook = .english) -> String {
        var out: [String] = []
        out.append(say("diff.md.title", ["title": text(c.register.title)]))
        out.append("")
        let fromLabel = "`\(code(c.from.label))`", toLabel = "`\(code(c.to.label))`"
        let from = c.from.exists ? fromLabel : say("diff.md.from-missing", ["from": fromLabel])
        let to = c.to.revision == nil ? say("diff.md.working-tree", ["to": toLabel]) : toLabel
        var run = say("diff.md.run", ["from": from, "to": to, "trials": FigureFormat.amount(Double(c.run.trials)),
                                      "seed": String(c.run.seed), "asOf": c.run.asOf])
        if c.run.view != "pooled" { run = say("diff.md.run.view", ["run": run, "view": text(c.run.view)]) }
        out.append(say("diff.md.run.sentence", ["run": run]))
        out.append("")
        out.append(say("diff.md.summary", ["summary": ComparisonSummary(c, phrases: say).sentence]))
        out.append("")

        let flips = c.scores.appetite
        if !flips.isEmpty {
            out.append(say("diff.md.appetite.heading"))
            out.append("")
            out.append(header(["outcome", "limit", "before", "after", "change", "verdict"], say))
            out.append("| --- | --- | ---: | ---: | ---: | --- |")
            for a in flips {
                let title = c.scores.outcomes.first { $0.id == a.outcome }?.title ?? a.outcome
                func word(_ within: Bool) -> String { say(within ? "diff.verdict.within" : "diff.verdict.outside") }
                let verdict: String
                switch (a.withinBefore, a.withinAfter) {
                case let (b?, n?) where b != n:
                    verdict = say("diff.md.verdict.flipped", ["before": word(b), "after": say(n ? "diff.verdict.within" : "diff.verdict.outside-loud")])
                case let (_, n?): verdict = n ? word(true) : say("diff.md.verdict.outside")
                case let (b?, nil): verdict = say("diff.md.verdict.removed", ["before": word(b)])
                default: verdict = ""
                }
                out.append("| \(cell(title)) | \(limitText(a, say)) | \(pct(a.probability.before)) | \(pct(a.probability.after)) | \(pctDelta(a.probability, say)) | \(verdict) |")
            }
            out.append("")
        }

        out.append(say("diff.md.outcomes.heading"))
        out.append("")
        out.append(header(["outcome", "figure", "before", "after", "change"], say))
        out.append("| --- | --- | ---: | ---: | ---: |")
        for o in c.scores.outcomes {
            let name = say("diff.outcome", ["outcome": cell(o.title), "unit": cell(o.unit)])
            for (i, (label, f)) in [("diff.figure.mean", o.mean), ("diff.figure.p90", o.p90), ("diff.figure.p95", o.p95)].enumerated() {
                out.append("| \(i == 0 ? name : "") | \(say(label)) | \(amt(f.before)) | \(amt(f.after)) | \(amtDelta(f, say)) |")
            }
        }
        out.append("")
        out.append(say("diff.md.error-note"))
        out.append("")

        let byRisk = Dictionary(grouping: c.changes.filter { $0.subject == .risk }, by: \.id)
        let changedRisks = c.scores.risks.filter { byRisk[$0.id] != nil }
        if !changedRisks.isEmpty {
            out.append(say("diff.md.changed.heading"))
            out.append("")
            for r in changedRisks {
                let changes = byRisk[r.id]!
                let heading = say("diff.md.risk.heading", ["risk": text(r.id), "title": text(r.title)])
                out.append(r.confidential ? say("diff.md.risk.heading.confidential", ["heading": heading]) : heading)
                out.append("")
                if changes.count == 1, changes[0].kind != .changed {
                    let ch = changes[0]
                    out.append(ch.kind == .added ? say("diff.md.risk.added", ["line": String(ch.afterLine ?? 0)])
                                                 : say("diff.md.risk.removed", ["line": String(ch.beforeLine ?? 0)]))
                } else {
                    out.append(header(["field", "before", "after"], say))
                    out.append("| --- | --- | --- |")
                    for ch in changes {
                        var field = "`\(code(ch.field ?? ""))`"
                        if let note = ch.note { field = say("diff.md.field.note", ["field": field, "note": cell(note)]) }
                        out.append("| \(field) | \(side(ch.before, ch.beforeLine, say)) | \(side(ch.after, ch.afterLine, say)) |")
                    }
                }
                out.append("")
                out.append(header(["figure", "before", "after", "change"], say))
                out.append("| --- | ---: | ---: | ---: |")
                out.append("| \(say("diff.figure.chance")) | \(pct(r.probability.before)) | \(pct(r.probability.after)) | \(pctDelta(r.probability, say)) |")
                out.append("| \(say("diff.figure.mean-loss")) | \(amt(r.meanLoss.before)) | \(amt(r.meanLoss.after)) | \(amtDelta(r.meanLoss, say)) |")
                out.append("| \(say("diff.figure.mean-loss-without")) | \(amt(r.inherentMeanLoss.before)) | \(amt(r.inherentMeanLoss.after)) | \(amtDelta(r.inherentMeanLoss, say)) |")
                if let v = r.responseValue {
                    out.append("| \(say("diff.figure.response-value")) | \(amt(v.before)) | \(amt(v.after)) | \(amtDelta(v, say)) |")
                }
                out.append("")
            }
        }

        let untouched = c.scores.risks.filter { byRisk[$0.id] == nil }
        if !untouched.isEmpty {
            let exact = untouched.filter(\.isUnchanged)
            out.append(say("diff.md.unchanged.heading"))
            out.append("")
            out.append(exact.isEmpty ? say("diff.md.unchanged.none")
                : say.plural("diff.md.unchanged", count: untouched.count,
                             ["exact": String(exact.count), "risks": exact.map { text($0.id) }.joined(separator: ", ")]))
            let moved = untouched.filter { !$0.isUnchanged }
            if !moved.isEmpty {
                out.append("")
                out.append(say("diff.md.unchanged.moved", ["risks": moved.map { text($0.id) }.joined(separator: ", ")]))
            }
            out.append("")
        }

        let other = c.changes.filter { $0.subject != .risk }
        if !other.isEmpty {
            out.append(say("diff.md.other.heading"))
            out.append("")
            out.append(header(["entry", "field", "before", "after"], say))
            out.append("| --- | --- | --- | --- |")
            for ch in other {
                let entry = say("diff.md.entry", ["subject": say("diff.subject." + ch.subject.rawValue), "id": "`\(code(ch.id))`"])
                let field: String
                switch ch.kind {
                case .added: field = say("diff.change.added")
                case .removed: field = say("diff.change.removed")
                case .changed:
                    let name = "`\(code(ch.field ?? ""))`"
                    field = ch.note.map { say("diff.md.field.note", ["field": name, "note": cell($0)]) } ?? name
                }
                out.append("| \(entry) | \(field) | \(side(ch.before, ch.beforeLine, say)) | \(side(ch.after, ch.afterLine, say)) |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// A table's header row from column keys (`diff.column.KEY`).
    static func header(_ columns: [String], _ say: Phrasebook) -> String {
        "| " + columns.map { say("diff.column." + $0) }.joined(separator: " | ") + " |"
    }

    // MARK: Cells

    static func side(_ value: String?, _ line: Int?, _ say: Phrasebook) -> String {
        guard let line else { return value == nil ? "—" : cell(value!) }
        return say("diff.md.value.line", ["value": value.map(cell) ?? "—", "line": String(line)])
    }

    /// The limit in symbols, by the statement's shape: a ceiling on the net loss or on harm
    /// alone, or a floor on net benefit.
    static func limitText(_ a: ScoreComparison.AppetiteChange, _ say: Phrasebook) -> String {
        let key = switch a.kind {
        case .lossExceeds: "diff.limit.loss-exceeds"
        case .harmExceeds: "diff.limit.harm-exceeds"
        case .netBenefitAbove: "diff.limit.net-benefit-above"
        }
        return say(key, ["threshold": FigureFormat.amount(a.threshold), "limit": FigureFormat.percent(a.limit)])
    }

    static func amt(_ v: Double?) -> String { v.map(FigureFormat.amount) ?? "—" }
    static func pct(_ v: Double?) -> String { v.map { ValueText.probability($0) } ?? "—" }

    static func amtDelta(_ f: ScoreComparison.FigureChange, _ say: Phrasebook) -> String {
        mark(f, f.delta.map { signed(FigureFormat.amount($0), $0) }, say)
    }

    static func pctDelta(_ f: ScoreComparison.FigureChange, _ say: Phrasebook) -> String {
        mark(f, f.delta.map { say("diff.points", ["points": signed(FigureFormat.points($0), $0)]) }, say)
    }

    static func signed(_ magnitude: String, _ value: Double) -> String {
        let m = magnitude.hasPrefix("-") ? String(magnitude.dropFirst()) : magnitude
        return value > 0 ? "+" + m : value < 0 ? "−" + m : m
    }

    static func mark(_ f: ScoreComparison.FigureChange, _ delta: String?, _ say: Phrasebook) -> String {
        switch f.status {
        case .unchanged: return say("diff.status.unchanged")
        case .withinError: return say("diff.status.within-error", ["change": delta ?? ""])
        case .changed: return delta ?? ""
        case .added: return say("diff.status.added")
        case .removed: return say("diff.status.removed")
        }
    }

    // MARK: Neutralising register text

    /// Register text for running Markdown, through the one neutraliser: no markup, links,
    /// HTML, mentions, issue references or maths take effect, and control, bidirectional and
    /// zero-width characters are gone, so a diff posted on a pull request cannot reorder or
    /// hide what a reviewer reads. No address becomes a link: a link in a comment would look
    /// like the reviewer's own.
    static func text(_ s: String) -> String { MarkdownText.escape(s, links: .none, at: .inline) }

    /// Register text inside a table cell.
    static func cell(_ s: String) -> String { text(s) }

    /// Text inside a code span.
    static func code(_ s: String) -> String { MarkdownText.codeSpan(s) }
}

/// A one-line account of what changed, shared by every format.
public struct ComparisonSummary: Sendable {
    public var sentence: String

    public init(_ c: RegisterComparison, phrases say: Phrasebook = .english) {
        let risks = c.changes.filter { $0.subject == .risk }
        let added = Set(risks.filter { $0.kind == .added }.map(\.id)).count
        let removed = Set(risks.filter { $0.kind == .removed }.map(\.id)).count
        let changed = Set(risks.filter { $0.kind == .changed }.map(\.id)).count
        let retagged = risks.filter { $0.field == "strategy" }.count
        let flipped = c.scores.appetite.filter(\.flipped).count
        let other = c.changes.filter { $0.subject != .risk }.count
        var parts: [String] = []
        if added > 0 { parts.append(say.plural("diff.summary.added", count: added)) }
        if removed > 0 { parts.append(say.plural("diff.summary.removed", count: removed)) }
        if changed > 0 {
            let part = say.plural("diff.summary.changed", count: changed)
            parts.append(retagged > 0 ? say("diff.summary.retagged", ["changed": part, "count": String(retagged)]) : part)
        }
        if other > 0 { parts.append(say.plural("diff.summary.other", count: other)) }
        let unchanged = c.scores.risks.filter { $0.isUnchanged }.count
        sentence = say("diff.summary", [
            "changes": parts.isEmpty ? say("diff.summary.nothing") : parts.joined(separator: say("diff.summary.separator")),
            "flipped": say.plural("diff.summary.flipped", count: flipped),
            "unchanged": say.plural("diff.summary.unchanged", count: unchanged),
        ])
    }
}
