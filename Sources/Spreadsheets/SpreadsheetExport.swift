import Foundation
import RegisterModel

/// A register written back as a spreadsheet (CSV) in the shape `riskreg import` reads, with the
/// mapping that reads it: import → export → import gives the same register for everything a
/// spreadsheet can hold (references, titles, descriptions, owners, the gross, current and
/// target levels, the controls, the review dates, each entry's strategy and outcome), so
/// officers can take a register to Excel and back.
///
/// What a spreadsheet cannot hold is left out, and ``Export/leftOut`` says what: direct
/// estimates, benefits, co-production, perspectives, correlations and portfolios. Appetite
/// statements go into the mapping, which carries them back.
public enum SpreadsheetExport {
    /// What an export produced.
    public struct Export: Sendable {
        /// The CSV, with the import's default headers.
        public var csv: String
        /// A mapping file that imports the CSV back: the metadata, outcomes and scales, and how
        /// the strategy and outcome columns are read.
        public var mapping: String
        /// What the spreadsheet cannot hold, in words, for a note to the user; empty when nothing.
        public var leftOut: [String]
    }

    /// Why a register cannot be exported.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
        public var hint: String
    }

    /// The columns, by the headers `riskreg import` recognises without a mapping, and the two
    /// the mapping reads.
    public static let headers = [
        "Risk ID", "Risk title", "Description", "Risk owner", "Gross likelihood", "Gross impact",
        "Current likelihood", "Current impact", "Target likelihood", "Target impact", "Controls", "Review date",
        "Strategy", "Outcome",
    ]

    /// - Throws: ``Refusal`` when the register has no scales, or an entry no gross rating: a
    ///   spreadsheet holds levels, not distributions.
    public static func export(_ register: Register) throws(Refusal) -> Export {
        guard let scales = register.scales else {
            throw Refusal(description: "the register has no `scales`, so its entries have no levels to write in a spreadsheet",
                          hint: "a spreadsheet register holds likelihood and impact levels: add the organisation's `scales` and each entry's `ratings` (docs/scales.md)")
        }
        if let bare = register.risks.first(where: { $0.ratings?.gross == nil }) {
            throw Refusal(description: "entry `\(bare.id)` has no gross rating (`ratings: {gross: ...}`), which is the spreadsheet's likelihood and impact",
                          hint: "give every entry its `ratings` on the register's scales, as an import writes them")
        }
        var rows = [headers]
        var leftOut = Set<String>()
        for risk in register.risks {
            let unit = register.outcome(risk.outcome)?.unit ?? .money
            let impacts = scales.impactScale(for: unit)?.levels ?? []
            func cells(_ rating: StatedRating?) -> [String] {
                guard let rating else { return ["", ""] }
                return [label(rating.likelihood, in: scales.likelihood), label(rating.impact, in: impacts)]
            }
            // A field still marked `needs-review` holds the import's guess, not a fact: an owner
            // goes out as an empty cell and a strategy or outcome with a question mark
            // (`resilience?`), which importing again reads as the same guess, marked again.
            let unsure = Set(risk.needsReview)
            rows.append([risk.id, risk.title, risk.description ?? "", unsure.contains("owner") ? "" : risk.owner]
                        + cells(risk.ratings?.gross) + cells(risk.ratings?.current) + cells(risk.ratings?.target)
                        + [risk.response?.action ?? "", risk.review?.description ?? "",
                           risk.strategy.rawValue + (unsure.contains("strategy") ? "?" : ""),
                           risk.outcome + (unsure.contains("outcome") ? "?" : "")])
            if risk.estimates.contains(where: { !$0.isFromBands }) { leftOut.insert("estimates not written as levels") }
            if risk.estimates.count > 1 { leftOut.insert("more than one perspective's estimate") }
            if risk.estimates.contains(where: { $0.benefit != nil }) { leftOut.insert("benefits") }
            if let response = risk.response, response.cost != 0 || response.reliability != 1 || !response.deliveredBy.isEmpty {
                leftOut.insert("responses' cost, reliability and who delivers them")
            }
            if !risk.tags.isEmpty { leftOut.insert("tags") }
            if risk.isConfidential { leftOut.insert("confidential marks") }
        }
        if !register.correlations.isEmpty { leftOut.insert("correlations") }
        if !register.portfolios.isEmpty { leftOut.insert("portfolios") }
        leftOut.insert("co-production (every entry comes back as co-assessment by the one placeholder contributor)")
        let csv = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Export(csv: csv, mapping: mapping(register, scales: scales), leftOut: leftOut.sorted())
    }

    /// A level as a spreadsheet shows it and the import reads it back: `4 - likely`.
    static func label(_ level: Int, in levels: [ScaleLevel]) -> String {
        levels.first { $0.level == level }.map { "\(level) - \($0.label)" } ?? String(level)
    }

    /// The mapping that imports the CSV back into this register's metadata, outcomes and scales.
    static func mapping(_ register: Register, scales: Scales) -> String {
        var w = ImportYAMLWriter()
        let m = register.metadata
        w.comment("The mapping that imports the spreadsheet `riskreg export` wrote from \((register.file as NSString).lastPathComponent) back into a register (docs/import.md).")
        w.line("register:")
        w.metadata(m)
        if let staff = register.contributors.first(where: { $0.id == "staff" }) { w.text("contributor", staff.name, indent: 0) }
        w.line("outcomes:")
        for o in register.outcomes {
            w.line("  - id: \(o.id)")
            w.text("title", o.title, indent: 4)
            w.line("    unit: \(ImportYAMLWriter.scalar(unitName(o.unit)))")
            if let d = o.description { w.text("description", d, indent: 4) }
        }
        w.appetite(register.appetite)
        w.scales(scales)
        w.line("strategy:")
        w.line("  column: Strategy")
        w.line("  values: {\(Strategy.allCases.map { "\($0.rawValue): \($0.rawValue)" }.joined(separator: ", "))}")
        w.line("outcome:")
        w.line("  column: Outcome")
        w.line("  values: {\(register.outcomes.map { "\(ImportYAMLWriter.flowScalar($0.id)): \($0.id)" }.joined(separator: ", "))}")
        w.line("dates: day-first")
        return w.text
    }

    static func unitName(_ unit: Outcome.Unit) -> String {
        switch unit {
        case .money: "money"
        case .other(let word): word
        }
    }

    /// RFC 4180 quoting. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
    /// written after a space, which the import trims, so register text never executes there and
    /// still comes back as it was.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = " " + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
