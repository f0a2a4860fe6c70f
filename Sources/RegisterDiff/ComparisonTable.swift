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

    public static func render(_ c: RegisterComparison, phrases say: Phrasebook = .english) -> String {
        var out: [String] = []
        out.append(clip(say("diff.table.title", ["title": t(c.register.title)])))
        let from = c.from.exists ? t(c.from.label) : say("diff.table.from-missing", ["from": t(c.from.label)])
        let to = c.to.revision == nil ? say("diff.table.working-tree", ["to": t(c.to.label)]) : t(c.to.label)
        out += wrap(say("diff.table.from-to", ["from": from, "to": to]), indent: 2)
        out.append(say("diff.table.run", ["trials": FigureFormat.amount(Double(c.run.trials)), "seed": String(c.run.seed), "asOf": c.run.asOf]))
        out.append("")
        out += wrap(ComparisonSummary(c, phrases: say).sentence, indent: 0)
        out.append("")
        let columns = ["before", "after", "change"].map { say("diff.column." + $0) }

        if !c.scores.appetite.isEmpty {
            out.append(row([say("diff.table.appetite.heading")] + columns + [say("diff.column.verdict")]))
            out.append(String(repeating: "-", count: width))
            for a in c.scores.appetite {
                let title = c.scores.outcomes.first { $0.id == a.outcome }?.title ?? a.outcome
                func word(_ within: Bool) -> String { say(within ? "diff.verdict.within" : "diff.verdict.outside-loud") }
                let verdict: String
                switch (a.withinBefore, a.withinAfter) {
                case let (b?, n?) where b != n: verdict = say("diff.table.verdict.flipped", ["before": word(b), "after": word(n)])
                case let (_, n?): verdict = word(n)
                case (_?, nil): verdict = say("diff.table.verdict.removed")
                default: verdict = ""
                }
                out.append(clip(t(title)))
                out.append(row(["  " + ComparisonMarkdown.limitText(a, say), ComparisonMarkdown.pct(a.probability.before),
                                ComparisonMarkdown.pct(a.probability.after), ComparisonMarkdown.pctDelta(a.probability, say), verdict]))
            }
            out.append("")
        }

        out.append(row([say("diff.table.outcomes.heading")] + columns))
        out.append(String(repeating: "-", count: width))
        for o in c.scores.outcomes {
            out.append(clip(say("diff.outcome", ["outcome": t(o.title), "unit": t(o.unit)])))
            for (label, f) in [("diff.figure.mean", o.mean), ("diff.figure.p90", o.p90), ("diff.figure.p95", o.p95)] {
                out.append(row(["  " + say(label), ComparisonMarkdown.amt(f.before), ComparisonMarkdown.amt(f.after),
                                ComparisonMarkdown.amtDelta(f, say), ""]))
            }
        }
        out.append(say("diff.table.error-note"))
        out.append("")

        let byRisk = Dictionary(grouping: c.changes.filter { $0.subject == .risk }, by: \.id)
        let changed = c.scores.risks.filter { byRisk[$0.id] != nil }
        if !changed.isEmpty {
            out.append(say("diff.table.changed.heading"))
            out.append(String(repeating: "-", count: width))
            for r in changed {
                let heading = say("diff.table.risk.heading", ["risk": t(r.id), "title": t(r.title)])
                out.append(clip(r.confidential ? say("diff.table.risk.heading.confidential", ["heading": heading]) : heading))
                for ch in byRisk[r.id]! { out += changeLines(ch, say) }
                out.append(row(["  " + say("diff.table.mean-loss"), ComparisonMarkdown.amt(r.meanLoss.before), ComparisonMarkdown.amt(r.meanLoss.after),
                                ComparisonMarkdown.amtDelta(r.meanLoss, say), ""]))
                // The same figures as the Markdown diff: without responses too, and the response's value.
                out.append(row(["  " + say("diff.figure.mean-loss-without"), ComparisonMarkdown.amt(r.inherentMeanLoss.before),
                                ComparisonMarkdown.amt(r.inherentMeanLoss.after), ComparisonMarkdown.amtDelta(r.inherentMeanLoss, say), ""]))
                out.append(row(["  " + say("diff.table.chance"), ComparisonMarkdown.pct(r.probability.before), ComparisonMarkdown.pct(r.probability.after),
                                ComparisonMarkdown.pctDelta(r.probability, say), ""]))
                if let v = r.responseValue {
                    out.append(row(["  " + say("diff.table.response-value"), ComparisonMarkdown.amt(v.before), ComparisonMarkdown.amt(v.after),
                                    ComparisonMarkdown.amtDelta(v, say), ""]))
                }
            }
            out.append("")
        }
        let untouched = c.scores.risks.filter { byRisk[$0.id] == nil }
        if !untouched.isEmpty {
            let exact = untouched.filter(\.isUnchanged)
            out += wrap(say("diff.table.unchanged", ["risks": exact.map { t($0.id) }.joined(separator: ", ")]), indent: 2)
            let moved = untouched.filter { !$0.isUnchanged }
            if !moved.isEmpty {
                out += wrap(say("diff.table.unchanged.moved", ["risks": moved.map { t($0.id) }.joined(separator: ", ")]), indent: 2)
            }
            out.append("")
        }
        let other = c.changes.filter { $0.subject != .risk }
        if !other.isEmpty {
            out.append(say("diff.table.other.heading"))
            out.append(String(repeating: "-", count: width))
            for ch in other {
                out.append(clip(say("diff.table.entry", ["subject": say("diff.subject." + ch.subject.rawValue), "id": t(ch.id)])))
                out += changeLines(ch, say)
            }
            out.append("")
        }
        return UntrustedText.terminal(out.joined(separator: "\n") + "\n")
    }

    static func changeLines(_ ch: RegisterChange, _ say: Phrasebook) -> [String] {
        func value(_ v: String?) -> String { v.map(t) ?? say("diff.table.absent") }
        func at(_ text: String, _ line: Int?) -> String {
            line.map { say("diff.table.value.line", ["value": text, "line": String($0)]) } ?? text
        }
        switch ch.kind {
        case .added:
            let line = String(ch.afterLine ?? 0)
            return wrap(ch.after.map { say("diff.table.added.value", ["line": line, "value": t($0)]) } ?? say("diff.table.added", ["line": line]), indent: 4)
        case .removed:
            let line = String(ch.beforeLine ?? 0)
            return wrap(ch.before.map { say("diff.table.removed.value", ["line": line, "value": t($0)]) } ?? say("diff.table.removed", ["line": line]), indent: 4)
        case .changed:
            let field = t(ch.field ?? "")
            var lines = wrap(ch.note.map { say("diff.table.field.note", ["field": field, "note": t($0)]) } ?? field, indent: 4)
            lines += wrap("- " + at(value(ch.before), ch.beforeLine), indent: 6)
            lines += wrap("+ " + at(value(ch.after), ch.afterLine), indent: 6)
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
