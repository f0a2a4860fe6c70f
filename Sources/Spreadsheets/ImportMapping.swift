import Foundation
import RegisterLoader
import RegisterModel
import YAMLNodes

/// How a spreadsheet's columns become a register: which column holds what, how each risk's
/// strategy and outcome are decided, the register's metadata and the scales its levels are on.
///
/// Read from a mapping file (YAML, described in docs/import.md) with every problem located in
/// that file, or ``ImportMapping/defaults`` when there is none. A column is named by its header,
/// matched ignoring case, spaces and punctuation ("Risk ID" is `risk id`, `RiskID`, `risk_id`).
public struct ImportMapping: Sendable {
    /// The things a column can hold.
    public enum Field: String, CaseIterable, Sendable {
        case ref, title, description, owner
        case grossLikelihood = "gross-likelihood", grossImpact = "gross-impact"
        case currentLikelihood = "current-likelihood", currentImpact = "current-impact"
        case targetLikelihood = "target-likelihood", targetImpact = "target-impact"
        case controls, actions
        case actionOwner = "action-owner"
        case review

        /// Headers recognised without a mapping, normalised (see ``ImportMapping/normalise(_:)``).
        var defaultHeaders: [String] {
            switch self {
            case .ref: ["risk id", "ref", "risk ref", "reference", "risk reference", "risk no", "risk number", "id"]
            case .title: ["risk title", "title", "risk", "risk name", "name"]
            case .description: ["description", "risk description", "details", "detail"]
            case .owner: ["risk owner", "owner", "lead officer"]
            case .grossLikelihood: ["gross likelihood", "inherent likelihood", "likelihood", "gross l", "inherent l"]
            case .grossImpact: ["gross impact", "inherent impact", "impact", "gross i", "inherent i", "consequence", "gross consequence"]
            case .currentLikelihood: ["current likelihood", "residual likelihood", "net likelihood", "current l", "residual l"]
            case .currentImpact: ["current impact", "residual impact", "net impact", "current i", "residual i", "residual consequence"]
            case .targetLikelihood: ["target likelihood", "target l"]
            case .targetImpact: ["target impact", "target i"]
            case .controls: ["controls", "existing controls", "current controls", "controls in place", "mitigations", "mitigation"]
            case .actions: ["actions", "further actions", "planned actions", "additional actions", "action plan", "further action required"]
            case .actionOwner: ["action owner", "actions owner", "action lead"]
            case .review: ["review date", "next review", "next review date", "review"]
            }
        }

        /// The field's name in messages.
        var noun: String {
            switch self {
            case .ref: "reference"
            case .grossLikelihood: "gross likelihood"
            case .grossImpact: "gross impact"
            case .currentLikelihood: "current likelihood"
            case .currentImpact: "current impact"
            case .targetLikelihood: "target likelihood"
            case .targetImpact: "target impact"
            case .actionOwner: "action owner"
            case .review: "review date"
            default: rawValue
            }
        }
    }

    /// A column as the mapping names it, and where it names it.
    public struct ColumnName: Sendable, Hashable {
        public var header: String
        public var location: Diagnostic.Location?
    }

    /// How a risk's strategy or outcome is decided.
    public enum Decision: Sendable {
        /// Not said: a placeholder is written and the field is marked `needs-review`.
        case undecided
        /// The same value for every risk.
        case fixed(String)
        /// Read from a column, through a map of its values (matched ignoring case and spaces).
        /// A blank cell takes `blank` when given, else is undecided for that risk; a cell not
        /// in `values` takes `otherwise` (the mapping's `default`) when given, else is an error.
        case column(ColumnName, values: [String: String], blank: String?, otherwise: String? = nil, location: Diagnostic.Location?)
    }

    /// How `03/04/2027` is read.
    public enum DateOrder: String, Sendable, CaseIterable {
        case dayFirst = "day-first", monthFirst = "month-first"
    }

    /// Columns the mapping names, by field; fields it leaves out are found by their default headers.
    /// `description` may name several columns, joined as paragraphs.
    public var columns: [Field: [ColumnName]] = [:]
    /// Columns read for nothing (derived scores, RAG colours, ...). Headers containing "score" or
    /// "rag" are always ignored: the register works them out from the levels.
    public var ignore: [String] = []
    public var strategy: Decision = .undecided
    public var outcome: Decision = .undecided
    public var dateOrder: DateOrder = .dayFirst
    /// The register's metadata; nil fields are placeholders to fill in.
    public var metadata: Metadata?
    /// The outcomes risks may add into; the register declares those that some risk uses.
    public var outcomes: [Outcome]
    public var scales: Scales
    /// Whether the scales are the organisation's (`scales` or `scales-from` in the mapping)
    /// rather than the example 5 × 5 of docs/register-format.md: an import on the example's
    /// bands says so and marks every estimate for review.
    public var scalesGiven = false
    /// The name of the placeholder staff contributor.
    public var contributorName: String?
    /// The board's appetite statements, in the register's shape, each on one of ``outcomes``:
    /// a spreadsheet has no place for them, so the mapping carries them into the register.
    public var appetite: [AppetiteStatement] = []

    /// No mapping file: common headers, a placeholder register, one money outcome, and the 5 × 5
    /// scales of docs/register-format.md.
    public static var defaults: ImportMapping {
        ImportMapping(metadata: nil, outcomes: [defaultOutcome], scales: defaultScales)
    }

    static let defaultOutcome = Outcome(
        id: "unplanned-cost", title: "Unplanned cost and loss to the organisation", unit: .money,
        location: .init(file: "", line: 1, column: 1))

    static let defaultScales: Scales = {
        let l: [(String, Double, Double)] = [("rare", 0, 0.05), ("unlikely", 0.05, 0.2), ("possible", 0.2, 0.5), ("likely", 0.5, 0.8), ("almost-certain", 0.8, 1)]
        let i: [(String, Double, Double?)] = [("minimal", 0, 10_000), ("minor", 10_000, 50_000), ("moderate", 50_000, 250_000), ("major", 250_000, 1_000_000), ("severe", 1_000_000, nil)]
        return Scales(
            likelihood: l.enumerated().map { ScaleLevel(level: $0.offset + 1, label: $0.element.0, from: $0.element.1, to: $0.element.2) },
            impact: [ImpactScale(unit: .money, levels: i.enumerated().map { ScaleLevel(level: $0.offset + 1, label: $0.element.0, from: $0.element.1, to: $0.element.2) })],
            rating: RatingRule(method: .product, amberFrom: 5, redFrom: 15),
            location: .init(file: "", line: 1, column: 1))
    }()

    /// A header as it is matched: lower case, letters and digits only, words kept apart by one
    /// space ("Gross  Likelihood (L)" is `gross likelihood l`).
    public static func normalise(_ header: String) -> String {
        var words: [String] = []
        var word = ""
        for c in header.lowercased() {
            if c.isLetter || c.isNumber { word.append(c) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The header with spaces removed too, so `RiskID` matches `Risk ID`.
    static func key(_ header: String) -> String {
        normalise(header).replacingOccurrences(of: " ", with: "")
    }

    /// Derived columns ignored without being listed: scores and RAG colours.
    static func isDerived(_ header: String) -> Bool {
        let words = normalise(header).split(separator: " ")
        return words.contains { $0 == "score" || $0 == "rag" || $0 == "scores" }
    }
}

// MARK: Reading a mapping file

extension ImportMapping {
    static let topFields = FieldSet(
        required: [],
        optional: ["register", "outcomes", "appetite", "scales", "scales-from", "columns", "ignore", "strategy", "outcome", "dates", "contributor"])
    static let columnFields = FieldSet(required: [], optional: Field.allCases.map(\.rawValue))
    static let decisionFields = FieldSet(required: [], optional: ["fixed", "column", "values", "default", "blank"])

    /// Reads a mapping file's bytes; `file` names it in diagnostics and locates `scales-from`.
    ///
    /// - Returns: the mapping, or nil with every problem found (all errors).
    public static func read(bytes: [UInt8], file: String) -> (mapping: ImportMapping?, diagnostics: [Diagnostic]) {
        let document = YAMLComposer.compose(bytes)
        var diagnostics = document.problems.map { problem in
            Diagnostic.error(Diagnostic.Rule(problem.rule), problem.message,
                             at: .init(file: file, line: problem.mark.line, column: problem.mark.column), hint: problem.hint)
        }
        guard let root = document.root else {
            if diagnostics.isEmpty {
                diagnostics.append(.error(.yamlEmpty, "the mapping file is empty", at: .init(file: file, line: 1, column: 1),
                                          hint: "say which column holds what under `columns:`; docs/import.md has an example"))
            }
            return (nil, diagnostics)
        }
        var decoder = RegisterDecoder(file: file, asOf: CalendarDate(year: 2000, month: 1, day: 1)!)
        let mapping = decode(root, file: file, decoder: &decoder)
        diagnostics += decoder.reader.diagnostics.filter { $0.severity == .error }
        var seen = Set<Diagnostic>()
        diagnostics = diagnostics.sortedByPosition().filter { seen.insert($0).inserted }
        return (diagnostics.hasErrors ? nil : mapping, diagnostics)
    }

    private static func decode(_ root: YAMLNode, file: String, decoder d: inout RegisterDecoder) -> ImportMapping? {
        guard let top = d.reader.fields(root, of: "the mapping file", topFields) else { return nil }
        var mapping = ImportMapping.defaults

        if let node = top["register"] { mapping.metadata = d.decodeMetadata(node) }

        // Scales: written here, or copied from a register that declares them.
        if let node = top["scales"], let fromNode = top["scales-from"] {
            d.reader.error(.invalidValue, "the mapping gives both `scales` and `scales-from`", at: fromNode,
                           hint: "keep one: the scales written out, or the path of a register whose scales to copy")
            _ = node
        } else if let node = top["scales"] {
            d.scalesDeclared = true
            if let scales = d.decodeScales(node) { mapping.scales = scales }
            mapping.scalesGiven = true
        } else if let fromNode = top["scales-from"], let path = d.reader.text(fromNode, "`scales-from`") {
            if let scales = copyScales(from: path, mappingFile: file, at: fromNode, reader: &d.reader) { mapping.scales = scales }
            mapping.scalesGiven = true
        }

        if let node = top["outcomes"] {
            let outcomes = d.decodeList(node, "`outcomes`") { $0.decodeOutcome($1) }
            if !outcomes.isEmpty { mapping.outcomes = outcomes }
            for outcome in outcomes where mapping.scales.impactScale(for: outcome.unit) == nil {
                d.reader.report(.error(.unknownLevel, "outcome `\(outcome.id)` is in \(RegisterDecoder.unitName(outcome.unit)), but the scales have no impact scale for it",
                                       at: outcome.location,
                                       hint: "the spreadsheet's impact levels need an impact scale with `unit: \(RegisterDecoder.unitName(outcome.unit))`"))
            }
        }
        let needsCurrency = mapping.outcomes.contains { $0.unit == .money }
        if needsCurrency, let metadata = mapping.metadata, metadata.currency == nil, let node = top["register"] {
            d.reader.error(.missingField, "an outcome is in money, so `register` needs a `currency`", at: node, hint: "add `currency: GBP` (or your ISO 4217 code)")
        }

        if let node = top["columns"], let f = d.reader.fields(node, of: "`columns`", columnFields) {
            for field in Field.allCases {
                guard let value = f[field.rawValue] else { continue }
                if let items = value.sequence, field == .description {
                    mapping.columns[field] = items.compactMap { item in
                        d.reader.text(item, "a column header").map { ColumnName(header: $0, location: d.reader.location(item)) }
                    }
                } else if let header = d.reader.text(value, "the column for \(field.noun)") {
                    mapping.columns[field] = [ColumnName(header: header, location: d.reader.location(value))]
                }
            }
        }
        if let node = top["ignore"], let items = d.reader.list(node, of: "`ignore`", nonEmpty: false) {
            mapping.ignore = items.compactMap { d.reader.text($0, "a column header") }
        }
        if let node = top["strategy"] {
            mapping.strategy = decision(node, "strategy", allowed: Strategy.allCases.map(\.rawValue), reader: &d.reader)
        }
        let outcomeIDs = mapping.outcomes.map(\.id)
        if let node = top["outcome"] {
            mapping.outcome = decision(node, "outcome", allowed: outcomeIDs, reader: &d.reader)
        } else if mapping.outcomes.count == 1 {
            // One outcome: every risk adds into it, and nothing is left to decide, unless it is
            // the default outcome, which the officer still has to confirm.
            if top["outcomes"] != nil { mapping.outcome = .fixed(outcomeIDs[0]) }
        } else if let node = top["outcomes"] {
            d.reader.error(.missingField, "with several outcomes, the mapping must say how each risk's outcome is decided", at: node,
                           hint: "add `outcome: {column: Category, values: {Finance: \(outcomeIDs.first ?? "...")}}`, or `outcome: {fixed: \(outcomeIDs.first ?? "...")}`")
        }
        if let node = top["appetite"] { mapping.appetite = appetite(node, outcomes: outcomeIDs, decoder: &d) }
        if let node = top["dates"] { mapping.dateOrder = d.reader.choice(node, "date order", as: DateOrder.self) ?? .dayFirst }
        if let node = top["contributor"] { mapping.contributorName = d.reader.text(node, "the contributor's name") }
        return mapping
    }

    /// The appetite statements, read as a register reads them, each on an outcome the mapping
    /// declares (or the default outcome when it declares none).
    private static func appetite(_ node: YAMLNode, outcomes: [String], decoder d: inout RegisterDecoder) -> [AppetiteStatement] {
        let statements = d.decodeList(node, "`appetite`", nonEmpty: false) { $0.decodeAppetite($1) }
        // The register decoder checks references once the whole register is read; a mapping
        // has no risks to wait for, so its outcomes are checked here, at each statement's
        // `outcome`.
        for item in node.sequence ?? [] {
            guard let outcomeNode = item.mapping?.first(where: { $0.key.scalar?.value == "outcome" })?.value,
                  let id = outcomeNode.scalar?.value, !outcomes.contains(id) else { continue }
            d.reader.error(.unknownReference, "unknown outcome `\(id.abbreviated)`", at: outcomeNode,
                           hint: Suggestion.didYouMean(id, in: outcomes) ?? "the mapping's outcomes are \(Suggestion.list(outcomes)); an appetite statement limits one of them")
        }
        return statements.filter { outcomes.contains($0.outcome) }
    }

    /// `{fixed: value}` or `{column: Header, values: {cell: value, ...}, blank: value}`.
    private static func decision(_ node: YAMLNode, _ what: String, allowed: [String], reader: inout NodeReader) -> Decision {
        guard let f = reader.fields(node, of: "`\(what)`", decisionFields) else { return .undecided }
        func check(_ valueNode: YAMLNode) -> String? {
            guard let value = reader.text(valueNode, "the \(what)") else { return nil }
            guard allowed.contains(value) else {
                reader.error(.invalidValue, "`\(value.abbreviated)` is not \(what == "outcome" ? "an outcome of the mapping" : "a strategy")", at: valueNode,
                             hint: [Suggestion.didYouMean(value, in: allowed), "the \(what) is one of \(Suggestion.list(allowed))"].compactMap { $0 }.joined(separator: " "))
                return nil
            }
            return value
        }
        if let fixed = f["fixed"] {
            if let other = f["column"] ?? f["values"] {
                reader.error(.invalidValue, "`\(what)` is either `fixed` or read from a `column`, not both", at: other,
                             hint: "remove `fixed`, or remove `column` and `values`")
                return .undecided
            }
            return check(fixed).map { .fixed($0) } ?? .undecided
        }
        guard let columnNode = f["column"], let header = reader.text(columnNode, "the \(what) column") else {
            reader.error(.missingField, "`\(what)` needs `fixed: VALUE` or `column: HEADER` with `values`", at: node,
                         hint: "for example `\(what): {fixed: \(allowed.first ?? "...")}`")
            return .undecided
        }
        var values: [String: String] = [:]
        let otherwise = f["default"].flatMap { check($0) }
        if let valuesNode = f["values"] {
            if let entries = valuesNode.mapping {
                for entry in entries {
                    guard let cell = reader.text(entry.key, "a value in the \(what) column"), let value = check(entry.value) else { continue }
                    values[normalise(cell)] = value
                }
            } else {
                reader.error(.wrongType, "`values` should map each cell value to a\(what == "outcome" ? "n outcome id" : " strategy"), not \(valuesNode.kindDescription)",
                             at: valuesNode, hint: "for example `values: {Treat: reduction, Tolerate: resilience}`")
            }
        } else if otherwise == nil {
            reader.error(.missingField, "`\(what)` read from a column needs `values`, or a `default`", at: node,
                         hint: "map each value the column holds, such as `values: {Treat: reduction, Tolerate: resilience}`, and give `default:` for the rest")
        }
        let blank = f["blank"].flatMap { check($0) }
        return .column(ColumnName(header: header, location: reader.location(columnNode)), values: values, blank: blank, otherwise: otherwise,
                       location: reader.location(node))
    }

    /// The `scales` of another register, read from its file (relative to the mapping's folder).
    private static func copyScales(from path: String, mappingFile: String, at node: YAMLNode, reader: inout NodeReader) -> Scales? {
        let base = URL(fileURLWithPath: mappingFile).deletingLastPathComponent()
        let resolved = path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
        // Read as a register is read: within its repository, a regular file, size checked first.
        let data: [UInt8]
        do {
            data = try InputFile.read(resolved, limit: YAMLLimits().maxBytes)
        } catch {
            reader.error(.fileUnreadable, "cannot read the register `\(path.abbreviated)` named by `scales-from`: \(error.message(path.abbreviated))", at: node,
                         hint: error == .missing ? "give a path relative to the mapping file, such as `../Registers/corporate.yaml`" : error.hint)
            return nil
        }
        let document = YAMLComposer.compose(data)
        let scalesNode = document.root?.mapping?.first { $0.key.scalar?.value == "scales" }?.value
        guard document.problems.isEmpty, let scalesNode else {
            reader.error(.invalidValue, document.problems.isEmpty ? "the register `\(path.abbreviated)` declares no `scales`" : "the register `\(path.abbreviated)` is not valid YAML",
                         at: node, hint: document.problems.isEmpty ? "name a register with a `scales` section, or write the scales under `scales:`" : "run `riskreg validate \(path)` and fix it first")
            return nil
        }
        var other = RegisterDecoder(file: resolved, asOf: CalendarDate(year: 2000, month: 1, day: 1)!)
        other.scalesDeclared = true
        let scales = other.decodeScales(scalesNode)
        for diagnostic in other.reader.diagnostics where diagnostic.severity == .error { reader.report(diagnostic) }
        return scales
    }
}
