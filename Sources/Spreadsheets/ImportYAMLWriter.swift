import Foundation
import RegisterLoader
import RegisterModel
import TextLayer

/// Writes the pieces of a register as YAML text that reads back exactly: text plain where that is
/// safe, folded into paragraphs where it is long, double-quoted otherwise; amounts as `250k`.
struct ImportYAMLWriter {
    private(set) var lines: [String] = []

    /// Where comments after a value start, so that they line up.
    static let commentColumn = 36
    /// Longest line a folded text is wrapped to, counting its indentation.
    static let width = 96

    mutating func line(_ text: String, comment: String? = nil, column: Int = commentColumn) {
        guard let comment else { lines.append(text); return }
        let padding = max(column - text.count, 2)
        lines.append(text + String(repeating: " ", count: padding) + "# " + comment)
    }

    mutating func blank() { lines.append("") }

    mutating func comment(_ text: String, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        for l in Self.wrap(text, width: Self.width - indent - 2) { lines.append(pad + "# " + l) }
    }

    /// `key: text`, on one line when it is short and simple, else folded over several.
    /// The `register:` block's fields (after its `register:` line), as a register writes them.
    mutating func metadata(_ m: Metadata) {
        line("  id: \(m.id)")
        text("title", m.title, indent: 2)
        text("organisation", m.organisation, indent: 2)
        if let d = m.description { text("description", d, indent: 2) }
        line("  horizon: \(m.horizon)")
        if let c = m.currency { line("  currency: \(c)") }
        if let o = m.owner { text("owner", o, indent: 2) }
        if let d = m.lastReviewed { line("  last-reviewed: \(d)") }
        if let d = m.nextReview { line("  next-review: \(d)") }
    }

    mutating func text(_ key: String, _ value: String, indent: Int, comment: String? = nil) {
        let pad = String(repeating: " ", count: indent)
        let oneLine = "\(pad)\(key): \(Self.scalar(value))"
        if !value.contains("\n"), oneLine.count <= Self.width {
            line(oneLine, comment: comment)
            return
        }
        let inner = pad + "  "
        let paragraphs = value.components(separatedBy: "\n")
        if paragraphs.count > 1, paragraphs.allSatisfy({ !$0.isEmpty && inner.count + $0.count <= Self.width }) {
            // Short lines, such as a list of bullets: kept line for line.
            line("\(pad)\(key): |-", comment: comment)
            for paragraph in paragraphs { lines.append(inner + paragraph) }
            return
        }
        line("\(pad)\(key): >-", comment: comment)
        for (i, paragraph) in value.components(separatedBy: "\n").enumerated() {
            // In a folded block an empty line stands for one line break between paragraphs.
            if i > 0 { lines.append("") }
            if paragraph.isEmpty { continue }
            for piece in Self.wrap(paragraph, width: Self.width - inner.count) { lines.append(inner + piece) }
        }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    // MARK: Scalars

    /// Spreadsheet text made fit for a register: tabs and runs of spaces become one space, each
    /// line is trimmed, control characters are dropped, and blank lines at either end go.
    static func clean(_ text: String) -> String {
        var out: [String] = []
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{2028}", with: "\n").replacingOccurrences(of: "\u{2029}", with: "\n")
        for raw in unified.components(separatedBy: "\n") {
            let scalars = raw.unicodeScalars.map { s -> Unicode.Scalar in
                s == "\t" || s == "\u{A0}" ? " " : s
            }.filter { $0.properties.generalCategory != .control && $0 != "\u{FEFF}" }
            let words = String(String.UnicodeScalarView(scalars)).split(separator: " ", omittingEmptySubsequences: true)
            out.append(words.joined(separator: " "))
        }
        while out.first == "" { out.removeFirst() }
        while out.last == "" { out.removeLast() }
        // At most one blank line between paragraphs.
        var kept: [String] = []
        for l in out where !(l.isEmpty && kept.last?.isEmpty == true) { kept.append(l) }
        return kept.joined(separator: "\n")
    }

    /// Plain when the reader takes it back as the same text, else double-quoted.
    static func scalar(_ s: String) -> String {
        isPlainSafe(s, flow: false) ? s : quoted(s)
    }

    /// The same inside `{...}` or `[...]`, where `,` and brackets end a plain scalar.
    static func flowScalar(_ s: String) -> String {
        isPlainSafe(s, flow: true) ? s : quoted(s)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static func isPlainSafe(_ s: String, flow: Bool) -> Bool {
        guard let first = s.first, let last = s.last, !s.contains("\n") else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // `-`, `?` and `:` start a plain scalar only when followed by a non-space.
            guard "-?:".contains(first), s.count > 1, s.dropFirst().first != " " else { return false }
        }
        if s.contains(": ") || s.contains(" #") { return false }
        if flow, s.contains(where: { ",[]{}".contains($0) }) { return false }
        if ["null", "Null", "NULL", "~"].contains(s) { return false }
        return true
    }

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its
    /// own, uncut: a YAML comment or value must keep every character).
    static func wrap(_ text: String, width: Int) -> [String] {
        TextLayout.wrap(String(text.drop { $0 == " " }), width: width, clipping: false)
    }

    // MARK: Numbers

    /// `250k`, `1.5m`, `40`, `0.5`: how a register writes an amount.
    static func amount(_ value: Double) -> String {
        for (suffix, factor) in [("m", 1e6), ("k", 1e3)] where abs(value) >= factor {
            let scaled = value / factor
            if (scaled * 1000).rounded() == scaled * 1000 { return NodeReader.format(scaled) + suffix }
        }
        return NodeReader.format(value)
    }

    /// `35%`, `2.5%`.
    static func percent(_ value: Double) -> String {
        NodeReader.format(value * 100) + "%"
    }

    /// A chance as a register writes it: `10%`, `33.33333333%`, to ten significant digits so
    /// that it reads back as the same number.
    static func probability(_ value: Double) -> String {
        String(format: "%.10g", value * 100) + "%"
    }

    // MARK: Appetite

    /// The `appetite` section, as a register writes it; nothing when there are no statements.
    mutating func appetite(_ statements: [AppetiteStatement]) {
        guard !statements.isEmpty else { return }
        line("appetite:")
        for a in statements {
            line("  - outcome: \(a.outcome)")
            if let statement = a.statement { text("statement", Self.clean(statement), indent: 4) }
            switch a.limit {
            case .lossExceeds(let threshold, let atMost):
                line("    loss-exceeds: \(Self.amount(threshold))")
                line("    at-most: \(Self.probability(atMost))")
            case .harmExceeds(let threshold, let atMost):
                line("    harm-exceeds: \(Self.amount(threshold))")
                line("    at-most: \(Self.probability(atMost))")
            case .netBenefitAbove(let threshold, let atLeast):
                line("    net-benefit-above: \(Self.amount(threshold))")
                line("    at-least: \(Self.probability(atLeast))")
            }
        }
    }

    // MARK: Scales

    /// The `scales` section, as a register writes it.
    mutating func scales(_ scales: Scales) {
        line("scales:")
        line("  likelihood:")
        line("    levels:")
        for level in scales.likelihood { line("      - " + Self.level(level, likelihood: true)) }
        line("  impact:")
        for scale in scales.impact {
            line("    - unit: " + Self.flowScalar(RegisterDecoder.unitName(scale.unit)))
            if let description = scale.description { text("description", Self.clean(description), indent: 6) }
            line("      levels:")
            for level in scale.levels { line("        - " + Self.level(level, likelihood: false)) }
        }
        line("  rating:")
        switch scales.rating.method {
        case .product:
            line("    method: product", comment: "score = likelihood level × impact level")
        case .matrix(let rows):
            line("    method: matrix", comment: "one row per likelihood level, level 1 first")
            line("    matrix:")
            for row in rows { line("      - [" + row.map { NodeReader.format($0) }.joined(separator: ", ") + "]") }
        }
        line("    amber-from: " + NodeReader.format(scales.rating.amberFrom))
        line("    red-from: " + NodeReader.format(scales.rating.redFrom))
    }

    static func level(_ level: ScaleLevel, likelihood: Bool) -> String {
        let edge = { (v: Double) -> String in likelihood ? Self.percent(v) : Self.amount(v) }
        var parts = ["level: \(level.level)", "label: \(flowScalar(level.label))"]
        // The name in the register's language: `scales-from` copies another register's levels.
        if let name = level.name { parts.append("name: \(flowScalar(clean(name).replacingOccurrences(of: "\n", with: " ")))") }
        parts.append("from: \(edge(level.from))")
        if let to = level.to { parts.append("to: \(edge(to))") }
        if let description = level.description { parts.append("description: \(flowScalar(clean(description).replacingOccurrences(of: "\n", with: " ")))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
