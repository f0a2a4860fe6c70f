import Foundation
import Scoring
import TextLayer

/// A comparison as plain text for a terminal, laid out to read at 80 columns.
///
/// Register text is untrusted: each piece is cleaned of control, bidirectional and invisible
/// characters before layout (so an `ESC` or `BEL` in a title never reaches the terminal), and
/// the finished text passes the terminal guard once more.
public enum ComparisonTable {
    public static let width = 80

    public static func render(_ c: RegisterComparison) -> String {
        var out: [String] = []
        out.append(clip("\(t(c.register.title)) — what changed"))
        let from = c.from.exists ? t(c.from.label) : "\(t(c.from.label)) (did not exist)"
        let to = c.to.revision == nil ? "\(t(c.to.label)) (working tree)" : t(c.to.label)
        out += wrap("From \(from) to \(to)", indent: 2)
        out.append("\(FigureFormat.amount(Double(c.run.trials))) trials · seed \(c.run.seed) · as of \(c.run.asOf)")
        out.append("")
        out += wrap(ComparisonSummary(c).sentence, indent: 0)
        out.append("")

        if !c.scores.appetite.isEmpty {
            out.append("Appetite (with responses)         before     after      change  verdict")
            out.append(String(repeating: "-", count: width))
            for a in c.scores.appetite {
                let title = c.scores.outcomes.first { $0.id == a.outcome }?.title ?? a.outcome
                let verdict: String
                switch (a.withinBefore, a.withinAfter) {
                case let (b?, n?) where b != n: verdict = "\(b ? "within" : "OUTSIDE")→\(n ? "within" : "OUTSIDE")"
                case let (_, n?): verdict = n ? "within" : "OUTSIDE"
                case (_?, nil): verdict = "removed"
                default: verdict = ""
                }
                out.append(clip(t(title)))
                out.append(row(["  " + ComparisonMarkdown.limitText(a), ComparisonMarkdown.pct(a.probability.before),
                                ComparisonMarkdown.pct(a.probability.after), ComparisonMarkdown.pctDelta(a.probability), verdict]))
            }
            out.append("")
        }

        out.append("Outcome (loss with responses)     before     after      change")
        out.append(String(repeating: "-", count: width))
        for o in c.scores.outcomes {
            out.append(clip("\(t(o.title)) (\(t(o.unit)))"))
            for (label, f) in [("mean", o.mean), ("P90", o.p90), ("P95", o.p95)] {
                out.append(row(["  " + label, ComparisonMarkdown.amt(f.before), ComparisonMarkdown.amt(f.after),
                                ComparisonMarkdown.amtDelta(f), ""]))
            }
        }
        out.append("≈ within Monte Carlo error (|Δ| < 2·√(SE₁²+SE₂²)); = exactly the same")
        out.append("")

        let byRisk = Dictionary(grouping: c.changes.filter { $0.subject == .risk }, by: \.id)
        let changed = c.scores.risks.filter { byRisk[$0.id] != nil }
        if !changed.isEmpty {
            out.append("Risks that changed")
            out.append(String(repeating: "-", count: width))
            for r in changed {
                out.append(clip("\(t(r.id))  \(t(r.title))\(r.confidential ? " (confidential)" : "")"))
                for ch in byRisk[r.id]! { out += changeLines(ch) }
                out.append(row(["  mean loss", ComparisonMarkdown.amt(r.meanLoss.before), ComparisonMarkdown.amt(r.meanLoss.after),
                                ComparisonMarkdown.amtDelta(r.meanLoss), ""]))
                out.append(row(["  P(happens)", ComparisonMarkdown.pct(r.probability.before), ComparisonMarkdown.pct(r.probability.after),
                                ComparisonMarkdown.pctDelta(r.probability), ""]))
            }
            out.append("")
        }
        let untouched = c.scores.risks.filter { byRisk[$0.id] == nil }
        if !untouched.isEmpty {
            let exact = untouched.filter(\.isUnchanged)
            out += wrap("Unchanged, with exactly the same figures (Δ = 0): " + exact.map { t($0.id) }.joined(separator: ", "), indent: 2)
            let moved = untouched.filter { !$0.isUnchanged }
            if !moved.isEmpty {
                out += wrap("Unchanged entries whose figures moved (correlated with a changed entry): "
                            + moved.map { t($0.id) }.joined(separator: ", "), indent: 2)
            }
            out.append("")
        }
        let other = c.changes.filter { $0.subject != .risk }
        if !other.isEmpty {
            out.append("Other changes")
            out.append(String(repeating: "-", count: width))
            for ch in other {
                out.append(clip("\(ch.subject.rawValue) \(t(ch.id))"))
                out += changeLines(ch)
            }
            out.append("")
        }
        return UntrustedText.terminal(out.joined(separator: "\n") + "\n")
    }

    static func changeLines(_ ch: RegisterChange) -> [String] {
        func at(_ line: Int?) -> String { line.map { " (line \($0))" } ?? "" }
        switch ch.kind {
        case .added: return wrap("added at line \(ch.afterLine ?? 0)" + (ch.after.map { ": \(t($0))" } ?? ""), indent: 4)
        case .removed: return wrap("removed, was at line \(ch.beforeLine ?? 0)" + (ch.before.map { ": \(t($0))" } ?? ""), indent: 4)
        case .changed:
            var lines = wrap("\(t(ch.field ?? ""))\(ch.note.map { " (\(t($0)))" } ?? "")", indent: 4)
            lines += wrap("- \(ch.before.map(t) ?? "(absent)")\(at(ch.beforeLine))", indent: 6)
            lines += wrap("+ \(ch.after.map(t) ?? "(absent)")\(at(ch.afterLine))", indent: 6)
            return lines
        }
    }

    /// A label, three right-aligned figures and a verdict.
    static func row(_ cells: [String]) -> String {
        let columns: [TextLayout.Column] = [.left(30), .right(10), .right(10), .right(12)]
        var line = TextLayout.row(Array(cells.prefix(columns.count)), columns)
        if cells.count > columns.count, !cells[columns.count].isEmpty { line += "  " + cells[columns.count] }
        return clip(line)
    }

    /// Register text made safe for a terminal line.
    static func t(_ s: String) -> String { UntrustedText.clean(s) }

    static func clip(_ s: String) -> String { TextLayout.clip(s, width) }

    /// `s` at `indent`, continuation lines two spaces further in.
    static func wrap(_ s: String, indent: Int) -> [String] {
        TextLayout.wrap(String(repeating: " ", count: indent) + s, width: width, continuation: indent + 2)
    }
}
