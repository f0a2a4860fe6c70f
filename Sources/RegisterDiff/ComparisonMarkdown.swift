import Foundation
import Scoring
import TextLayer

/// A comparison as Markdown, ready to paste into a pull request comment or a board paper.
///
/// Text from the register is untrusted: it is neutralised so it cannot add links, images,
/// HTML, table cells or mentions.
public enum ComparisonMarkdown {
    public static func render(_ c: RegisterComparison) -> String {
        var out: [String] = []
        out.append("## What changed: \(text(c.register.title))")
        out.append("")
        let from = c.from.exists ? "`\(code(c.from.label))`" : "`\(code(c.from.label))` (did not exist: every entry is new)"
        let to = c.to.revision == nil ? "`\(code(c.to.label))` (working tree)" : "`\(code(c.to.label))`"
        out.append("From \(from) to \(to). Both scored with \(FigureFormat.amount(Double(c.run.trials))) trials, "
                   + "seed \(c.run.seed), as of \(c.run.asOf)\(c.run.view == "pooled" ? "" : ", view \(text(c.run.view))").")
        out.append("")
        out.append("**Summary:** " + ComparisonSummary(c).sentence)
        out.append("")

        let flips = c.scores.appetite
        if !flips.isEmpty {
            out.append("### Appetite (with responses)")
            out.append("")
            out.append("| outcome | limit | before | after | change | verdict |")
            out.append("| --- | --- | ---: | ---: | ---: | --- |")
            for a in flips {
                let title = c.scores.outcomes.first { $0.id == a.outcome }?.title ?? a.outcome
                let verdict: String
                switch (a.withinBefore, a.withinAfter) {
                case let (b?, n?) where b != n: verdict = "**\(b ? "within" : "outside") → \(n ? "within" : "OUTSIDE")**"
                case let (_, n?): verdict = n ? "within" : "**outside**"
                case let (b?, nil): verdict = "removed (was \(b ? "within" : "outside"))"
                default: verdict = ""
                }
                out.append("| \(cell(title)) | \(limitText(a)) | \(pct(a.probability.before)) | \(pct(a.probability.after)) | \(pctDelta(a.probability)) | \(verdict) |")
            }
            out.append("")
        }

        out.append("### Outcomes (loss with responses)")
        out.append("")
        out.append("| outcome | figure | before | after | change |")
        out.append("| --- | --- | ---: | ---: | ---: |")
        for o in c.scores.outcomes {
            let name = "\(cell(o.title)) (\(cell(o.unit)))"
            for (i, (label, f)) in [("mean", o.mean), ("P90", o.p90), ("P95", o.p95)].enumerated() {
                out.append("| \(i == 0 ? name : "") | \(label) | \(amt(f.before)) | \(amt(f.after)) | \(amtDelta(f)) |")
            }
        }
        out.append("")
        out.append("≈ marks a change within Monte Carlo error (|Δ| < 2·√(SE₁² + SE₂²)); "
                   + "= marks a figure that is exactly the same.")
        out.append("")

        let byRisk = Dictionary(grouping: c.changes.filter { $0.subject == .risk }, by: \.id)
        let changedRisks = c.scores.risks.filter { byRisk[$0.id] != nil }
        if !changedRisks.isEmpty {
            out.append("### Risks that changed")
            out.append("")
            for r in changedRisks {
                let changes = byRisk[r.id]!
                out.append("#### \(text(r.id)) — \(text(r.title))\(r.confidential ? " (confidential)" : "")")
                out.append("")
                if changes.count == 1, changes[0].kind != .changed {
                    let ch = changes[0]
                    out.append(ch.kind == .added ? "New entry, at line \(ch.afterLine ?? 0)." : "Removed; it was at line \(ch.beforeLine ?? 0).")
                } else {
                    out.append("| field | before | after |")
                    out.append("| --- | --- | --- |")
                    for ch in changes {
                        var field = "`\(code(ch.field ?? ""))`"
                        if let note = ch.note { field += " (\(cell(note)))" }
                        out.append("| \(field) | \(side(ch.before, ch.beforeLine)) | \(side(ch.after, ch.afterLine)) |")
                    }
                }
                out.append("")
                out.append("| figure | before | after | change |")
                out.append("| --- | ---: | ---: | ---: |")
                out.append("| chance it happens | \(pct(r.probability.before)) | \(pct(r.probability.after)) | \(pctDelta(r.probability)) |")
                out.append("| mean loss, with responses | \(amt(r.meanLoss.before)) | \(amt(r.meanLoss.after)) | \(amtDelta(r.meanLoss)) |")
                out.append("| mean loss, without | \(amt(r.inherentMeanLoss.before)) | \(amt(r.inherentMeanLoss.after)) | \(amtDelta(r.inherentMeanLoss)) |")
                if let v = r.responseValue {
                    out.append("| loss avoided by the response | \(amt(v.before)) | \(amt(v.after)) | \(amtDelta(v)) |")
                }
                out.append("")
            }
        }

        let untouched = c.scores.risks.filter { byRisk[$0.id] == nil }
        if !untouched.isEmpty {
            let exact = untouched.filter(\.isUnchanged)
            out.append("### Risks that did not change")
            out.append("")
            var line = "\(exact.count) of \(untouched.count) unchanged \(untouched.count == 1 ? "entry keeps" : "entries keep") "
                + "exactly the same figures (Δ = 0): " + exact.map { text($0.id) }.joined(separator: ", ") + "."
            if exact.isEmpty { line = "No unchanged entry keeps exactly the same figures." }
            out.append(line)
            let moved = untouched.filter { !$0.isUnchanged }
            if !moved.isEmpty {
                out.append("")
                out.append("Figures moved for \(moved.map { text($0.id) }.joined(separator: ", ")) although the entry did not change: "
                           + "the scoring options differ, or they are correlated with an entry that changed.")
            }
            out.append("")
        }

        let other = c.changes.filter { $0.subject != .risk }
        if !other.isEmpty {
            out.append("### Other changes")
            out.append("")
            out.append("| entry | field | before | after |")
            out.append("| --- | --- | --- | --- |")
            for ch in other {
                let entry = "\(ch.subject.rawValue) `\(code(ch.id))`"
                let field: String
                switch ch.kind {
                case .added: field = "added"
                case .removed: field = "removed"
                case .changed: field = "`\(code(ch.field ?? ""))`" + (ch.note.map { " (\(cell($0)))" } ?? "")
                }
                out.append("| \(entry) | \(field) | \(side(ch.before, ch.beforeLine)) | \(side(ch.after, ch.afterLine)) |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    // MARK: Cells

    static func side(_ value: String?, _ line: Int?) -> String {
        guard let line else { return value == nil ? "—" : cell(value!) }
        return "\(value.map(cell) ?? "—") <sub>line \(line)</sub>"
    }

    static func limitText(_ a: ScoreComparison.AppetiteChange) -> String {
        a.kind == .lossExceeds
            ? "P(loss > \(FigureFormat.amount(a.threshold))) ≤ \(FigureFormat.percent(a.limit))"
            : "P(net benefit > \(FigureFormat.amount(a.threshold))) ≥ \(FigureFormat.percent(a.limit))"
    }

    static func amt(_ v: Double?) -> String { v.map(FigureFormat.amount) ?? "—" }
    static func pct(_ v: Double?) -> String { v.map { ValueText.probability($0) } ?? "—" }

    static func amtDelta(_ f: ScoreComparison.FigureChange) -> String {
        mark(f, f.delta.map { signed(FigureFormat.amount($0), $0) })
    }

    static func pctDelta(_ f: ScoreComparison.FigureChange) -> String {
        mark(f, f.delta.map { signed(FigureFormat.points($0), $0) + " pts" })
    }

    static func signed(_ magnitude: String, _ value: Double) -> String {
        let m = magnitude.hasPrefix("-") ? String(magnitude.dropFirst()) : magnitude
        return value > 0 ? "+" + m : value < 0 ? "−" + m : m
    }

    static func mark(_ f: ScoreComparison.FigureChange, _ delta: String?) -> String {
        switch f.status {
        case .unchanged: return "= 0"
        case .withinError: return "≈ \(delta ?? "")"
        case .changed: return delta ?? ""
        case .added: return "new"
        case .removed: return "removed"
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

    public init(_ c: RegisterComparison) {
        let risks = c.changes.filter { $0.subject == .risk }
        let added = Set(risks.filter { $0.kind == .added }.map(\.id)).count
        let removed = Set(risks.filter { $0.kind == .removed }.map(\.id)).count
        let changed = Set(risks.filter { $0.kind == .changed }.map(\.id)).count
        let retagged = risks.filter { $0.field == "strategy" }.count
        let flipped = c.scores.appetite.filter(\.flipped).count
        let other = c.changes.filter { $0.subject != .risk }.count
        var parts: [String] = []
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        if added > 0 { parts.append(count(added, "risk added", "risks added")) }
        if removed > 0 { parts.append(count(removed, "risk removed", "risks removed")) }
        if changed > 0 {
            parts.append(count(changed, "risk changed", "risks changed") + (retagged > 0 ? " (\(retagged) re-tagged to another strategy)" : ""))
        }
        if other > 0 { parts.append(count(other, "other change", "other changes") + " to outcomes, appetite or other entries") }
        let unchanged = c.scores.risks.filter { $0.isUnchanged }.count
        var s = parts.isEmpty ? "no changes to the register" : parts.joined(separator: "; ")
        s += "; \(count(flipped, "appetite verdict", "appetite verdicts")) flipped"
        s += "; \(count(unchanged, "risk", "risks")) with exactly the same figures."
        sentence = s
    }
}
