import Foundation
import RegisterLoader
import RegisterModel

/// The imported register as commented YAML: header, metadata, outcomes, the placeholder
/// contributor, the scales, and one entry per risk.
extension Importer {
    func write(registerID: String, schemaPath: String) -> String {
        var w = ImportYAMLWriter()
        let source = (file as NSString).lastPathComponent
        let scales = mapping.scales
        w.line("# yaml-language-server: $schema=\(schemaPath)")
        w.line("#")
        w.comment("Imported from \(source) by `riskreg import` (docs/import.md). Each risk keeps the ratings the spreadsheet gave it under `ratings`; its gross levels became an estimate on the scales below, and its controls a response. What the spreadsheet could not say is listed under each risk's `needs-review`, and `riskreg validate` warns about it until the officer has checked the entry with its owner and removed the mark.")
        w.blank()
        w.line("riskreg: 1")
        w.blank()

        // register
        w.comment("What the register is about. Every likelihood refers to the horizon.")
        w.line("register:")
        if let m = mapping.metadata {
            w.metadata(m)
        } else {
            w.line("  id: \(registerID)", comment: "a stable id; keep it once reports use it")
            w.line("  title: Risk register imported from \(ImportYAMLWriter.scalar(source))", comment: "to fill in")
            w.line("  organisation: Organisation to be confirmed", comment: "to fill in")
            w.line("  horizon: 12 months", comment: "the period the likelihood levels refer to")
            if usedOutcomes.contains(where: { $0.unit == .money }) { w.line("  currency: GBP", comment: "to check: the currency of the impact bands") }
        }
        w.blank()

        // outcomes
        w.comment("The public outcomes at stake; each risk adds into one.")
        w.line("outcomes:")
        for o in usedOutcomes {
            w.line("  - id: \(o.id)")
            w.text("title", o.title, indent: 4)
            w.line("    unit: \(ImportYAMLWriter.scalar(RegisterDecoder.unitName(o.unit)))")
            if let d = o.description { w.text("description", d, indent: 4) }
        }
        w.blank()

        // appetite
        let appetite = mapping.appetite.filter { a in usedOutcomes.contains { $0.id == a.outcome } }
        if !appetite.isEmpty {
            w.comment("The board's risk appetite, from the mapping: `riskreg score --check-appetite` tests each statement.")
            w.appetite(appetite)
            w.blank()
        }

        // contributors
        w.comment("Who takes part. The spreadsheet does not say who co-produced each entry, so every entry names this placeholder for now: replace it with the service users, community groups, staff and partner bodies who assess and handle each risk.")
        w.line("contributors:")
        w.line("  - id: staff", comment: "placeholder: confirm")
        w.text("name", mapping.contributorName ?? "\(mapping.metadata?.organisation ?? "Organisation") staff", indent: 4)
        w.line("    kind: staff")
        w.blank()

        // scales
        if mapping.scalesGiven {
            w.comment("The organisation's own matrix: the levels the spreadsheet's scores are on, and its RAG thresholds. `riskreg score` places every risk's results back on it (docs/scales.md).")
        } else {
            w.comment("EXAMPLE SCALES, NOT THE ORGANISATION'S: the mapping gave no `scales`, so the spreadsheet's levels were read on the 5 × 5 example of docs/register-format.md. Replace these bands and thresholds with your policy's (or import again with `scales:` or `scales-from:` in the mapping), then remove `estimates` from each entry's `needs-review`.")
        }
        w.scales(scales)
        w.blank()

        w.line("risks:")
        for (n, e) in entries.enumerated() {
            if n > 0 { w.blank() }
            write(e, to: &w, source: source)
        }
        return w.text
    }

    /// The outcomes some risk adds into or an appetite statement limits, in the mapping's order.
    var usedOutcomes: [RegisterModel.Outcome] {
        mapping.outcomes.filter { o in entries.contains { $0.outcome.id == o.id } || mapping.appetite.contains { $0.outcome == o.id } }
    }

    private func write(_ e: ImportedEntry, to w: inout ImportYAMLWriter, source: String) {
        let scales = mapping.scales
        w.line("  # \(source) row \(e.line)")
        w.line("  - id: \(e.id)")
        w.text("title", e.title, indent: 4)
        var description = e.description + e.notes
        if let actions = e.actions {
            description.append("Further actions" + (e.actionOwner.map { " (\($0))" } ?? "") + ": " + actions)
        } else if let owner = e.actionOwner {
            description.append("Action owner: \(owner)")
        }
        if let original = e.originalRef { description.append("Reference in the spreadsheet: \(original)") }
        if !description.isEmpty { w.text("description", description.joined(separator: "\n"), indent: 4) }
        w.line("    outcome: \(e.outcome.id)", comment: e.outcomeFrom ?? (e.needsReview.contains("outcome") ? "to check: not in the spreadsheet" : nil))
        w.line("    strategy: \(e.strategy)",
               comment: e.strategyFrom ?? (e.needsReview.contains("strategy") ? "to check: not in the spreadsheet" : nil))
        if let owner = e.owner { w.text("owner", owner, indent: 4) } else { w.line("    owner: Owner to be confirmed", comment: "blank in the spreadsheet") }
        w.line("    coproduction:", comment: "to check: who assesses and handles this risk?")
        w.line("      mode: co-assessment")
        w.line("      contributors: [staff]")
        w.line("    estimates:")
        let (gl, gi) = e.gross
        w.line("      - likelihood: \(ImportYAMLWriter.scalar(gl.label))", comment: "level \(gl.level): \(band(gl, likelihood: true))")
        w.line("        impact: \(ImportYAMLWriter.scalar(gi.label))", comment: "level \(gi.level): \(band(gi, likelihood: false))")
        w.line("        rationale: The spreadsheet's gross rating (before controls), read as the bands of the scales.")
        if let controls = e.controls ?? (e.current != nil ? "" : nil) {
            w.line("    response:")
            if controls.isEmpty {
                w.line("      action: Controls not recorded in the spreadsheet; describe them here.")
            } else {
                w.text("action", controls, indent: 6)
            }
            w.line("      cost: 0", comment: "placeholder: the yearly cost of these controls (listed in needs-review)")
            let (lc, ic) = e.reductions
            if let current = e.current, lc != nil || ic != nil {
                var because = "Inferred from the gross rating \(gl.level)×\(gi.level) and the current \(current.l.level)×\(current.i.level):"
                if let lc { because += " the likelihood band's midpoint falls from \(pct(mid(gl))) to \(pct(mid(current.l))) (\(lc)% less)" }
                if let ic {
                    if lc != nil { because += ", and" }
                    let unit = e.outcome.unit == .money ? "" : " " + RegisterDecoder.unitName(e.outcome.unit)
                    because += " the impact band's mean falls from \(ImportYAMLWriter.amount(round3(e.impactMean(gi) ?? 0)))\(unit) to \(ImportYAMLWriter.amount(round3(e.impactMean(current.i) ?? 0)))\(unit) (\(ic)% less)"
                }
                because += ". The controls are taken to be always in place; add `reliability` if they are not."
                w.comment(because, indent: 6)
                if let lc { w.line("      reduces-likelihood-by: \(lc)%") }
                if let ic { w.line("      reduces-impact-by: \(ic)%") }
            } else if let current = e.current {
                w.comment("The current rating \(current.l.level)×\(current.i.level) is no lower than the gross \(gl.level)×\(gi.level), so no effect could be inferred; give `reduces-likelihood-by` or `reduces-impact-by`.", indent: 6)
            } else {
                w.comment("The spreadsheet gives no current rating, so no effect could be inferred; give `reduces-likelihood-by` or `reduces-impact-by`.", indent: 6)
            }
        }
        if let review = e.review { w.line("    review: \(review)") }
        w.line("    ratings:", comment: "as the spreadsheet stated them")
        for (name, cell) in [("gross", Optional(e.gross)), ("current", e.current), ("target", e.target)] {
            guard let cell else { continue }
            let score = scales.rating.score(likelihood: cell.l.level, impact: cell.i.level)
            w.line("      \(name): {likelihood: \(cell.l.level), impact: \(cell.i.level)}",
                   comment: "\(cell.l.label) × \(cell.i.label): score \(NodeReader.format(score)), \(scales.rating.rag(score).rawValue)", column: 44)
        }
        if !e.needsReview.isEmpty {
            w.line("    needs-review: [\(e.needsReview.joined(separator: ", "))]", comment: "remove each once checked")
        }
    }

    private func mid(_ l: ScaleLevel) -> Double { (l.from + (l.to ?? 1)) / 2 }
    private func pct(_ v: Double) -> String { NodeReader.format((v * 1000).rounded() / 10) + "%" }
    /// Three significant figures, for a mean in a comment.
    private func round3(_ v: Double) -> Double {
        guard v > 0 else { return v }
        let magnitude = pow(10, floor(log10(v)) - 2)
        return (v / magnitude).rounded() * magnitude
    }

    private func band(_ l: ScaleLevel, likelihood: Bool) -> String {
        let edge = { (v: Double) -> String in likelihood ? ImportYAMLWriter.percent(v) : ImportYAMLWriter.amount(v) }
        guard let to = l.to else { return "over \(edge(l.from))" }
        return "\(edge(l.from)) to \(edge(to))"
    }
}
