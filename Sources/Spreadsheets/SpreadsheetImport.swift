import Foundation
import RegisterLoader
import Distributions
import RegisterModel

/// A spreadsheet register (rows of a ``CSVTable``) turned into register YAML through an
/// ``ImportMapping``: all or nothing. Every row that cannot be read gets a located error
/// (`FILE.csv:ROW:COLUMN`, the row being the line the cell starts on), and text is produced only
/// when there are none.
///
/// The written register keeps what the spreadsheet said and marks what it could not say:
/// - the gross likelihood and impact levels become an estimate on the declared scales, and the
///   gross, current and target levels are kept as the risk's `ratings`;
/// - the controls become a `response` whose `reduces-likelihood-by` and `reduces-impact-by` are
///   inferred from the gross → current change of level; its cost is 0 until filled in;
/// - strategy (unless the mapping decides it), co-production, and any blank owner or pending
///   review date are listed in `needs-review`, which validation warns about.
public enum SpreadsheetImport {
    /// What an import produced.
    public struct Outcome: Sendable {
        /// The register's text, or nil when any diagnostic is an error.
        public var text: String?
        /// Every problem, sorted by position.
        public var diagnostics: [Diagnostic]
        /// How many risks were imported.
        public var risks: Int
        /// How many of them carry `needs-review`.
        public var needingReview: Int
        /// The levels were read on the example scales, the mapping giving none of its own.
        public var usedExampleScales = false
    }

    /// Reads `bytes` as CSV (``CSVTable``) and imports them; a file that is not CSV is
    /// `import-csv` at the place it goes wrong.
    public static func run(bytes: [UInt8], file: String, mapping: ImportMapping, registerID: String = "imported-register",
                           schemaPath: String = "register.schema.json") -> (outcome: Outcome, table: CSVTable?) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
        } catch {
            let d = Diagnostic.error(.importCSV, error.message, at: .init(file: file, line: error.line, column: error.column),
                                     hint: "a quote opens a field that may hold separators and line breaks; close it with another quote")
            return (Outcome(text: nil, diagnostics: [d], risks: 0, needingReview: 0), nil)
        }
        return (run(table: table, file: file, mapping: mapping, registerID: registerID, schemaPath: schemaPath), table)
    }

    /// Imports `table`, read from `file` (named so in diagnostics and the register's header).
    ///
    /// - Parameters:
    ///   - registerID: the register's id when the mapping gives no metadata (the CLI passes the
    ///     output file's name).
    ///   - schemaPath: the JSON Schema for editors, relative to where the register is written.
    public static func run(table: CSVTable, file: String, mapping: ImportMapping, registerID: String = "imported-register",
                           schemaPath: String = "register.schema.json") -> Outcome {
        var importer = Importer(table: table, file: file, mapping: mapping)
        importer.readRows()
        var diagnostics = importer.diagnostics
        guard !diagnostics.hasErrors else {
            return Outcome(text: nil, diagnostics: diagnostics.sortedByPosition(), risks: importer.entries.count, needingReview: 0)
        }
        let text = importer.write(registerID: Importer.slug(registerID) ?? "imported-register", schemaPath: schemaPath)
        // The written register must be valid; anything else is a fault in the import itself.
        let check = RegisterFile.read(bytes: Array(text.utf8), file: (file as NSString).lastPathComponent, asOf: CalendarDate(year: 2000, month: 1, day: 1)!)
        for d in check.diagnostics where d.severity == .error {
            diagnostics.append(.error(.importInvalidResult, "the imported register would not be valid: \(d.message) (its line \(d.location.line))",
                                      at: .init(file: file, line: 1, column: 1), hint: "please report this with the spreadsheet row that causes it"))
        }
        if diagnostics.hasErrors { return Outcome(text: nil, diagnostics: diagnostics.sortedByPosition(), risks: importer.entries.count, needingReview: 0) }
        return Outcome(text: text, diagnostics: diagnostics.sortedByPosition(), risks: importer.entries.count,
                       needingReview: importer.entries.filter { !$0.needsReview.isEmpty }.count, usedExampleScales: !mapping.scalesGiven)
    }
}

/// One risk as read from its row (and the note rows below it).
struct ImportedEntry {
    var line: Int
    var id: String
    var originalRef: String?
    var title: String
    var description: [String]
    var notes: [String] = []
    var owner: String?
    var outcome: Outcome
    var outcomeFrom: String?
    var strategy: String
    var strategyFrom: String?
    var gross: (l: ScaleLevel, i: ScaleLevel)
    var current: (l: ScaleLevel, i: ScaleLevel)?
    var target: (l: ScaleLevel, i: ScaleLevel)?
    var controls: String?
    var actions: String?
    var actionOwner: String?
    var review: CalendarDate?
    /// The impact scale of the risk's outcome.
    var impactScaleLevels: [ScaleLevel]
    var needsReview: [String] = []
}

struct Importer {
    let table: CSVTable
    let file: String
    let mapping: ImportMapping
    var diagnostics: [Diagnostic] = []
    var entries: [ImportedEntry] = []
    /// The column index of each field, and of the decision columns.
    var columns: [ImportMapping.Field: [Int]] = [:]
    var strategyColumn: Int?
    var outcomeColumn: Int?

    init(table: CSVTable, file: String, mapping: ImportMapping) {
        self.table = table
        self.file = file
        self.mapping = mapping
    }

    func at(_ line: Int, _ column: Int) -> Diagnostic.Location { .init(file: file, line: line, column: column) }

    mutating func error(_ rule: Diagnostic.Rule, _ message: String, _ line: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(.error(rule, message, at: at(line, column), hint: hint))
    }

    // MARK: Columns

    /// Finds each field's column: by the mapping's header where it names one, else by the
    /// default headers. Every header must be read for something or ignored.
    mutating func resolveColumns(_ header: [CSVTable.Field]) {
        let keys = header.map { ImportMapping.key($0.text) }
        var claimed = Set<Int>()
        func find(_ name: ImportMapping.ColumnName, _ what: String) -> Int? {
            let key = ImportMapping.key(name.header)
            let matches = keys.indices.filter { keys[$0] == key && !key.isEmpty }
            if matches.count > 1 {
                diagnostics.append(.error(.importUnknownColumn, "the header `\(name.header.abbreviated)` (for \(what)) is in columns \(matches.map { String($0 + 1) }.joined(separator: " and "))",
                                          at: name.location ?? at(header[matches[1]].line, matches[1] + 1),
                                          hint: "rename one of the columns in the spreadsheet so each header is used once"))
                return nil
            }
            guard let index = matches.first else {
                let location = name.location ?? at(1, 1)
                let guess = Suggestion.didYouMean(name.header, in: header.map(\.text).filter { !$0.isEmpty })
                diagnostics.append(.error(.importUnknownColumn, "no column of \((file as NSString).lastPathComponent) has the header `\(name.header.abbreviated)` (for \(what))",
                                          at: location, hint: guess ?? "its headers are \(Suggestion.list(header.map(\.text).filter { !$0.isEmpty }))"))
                return nil
            }
            claimed.insert(index)
            return index
        }
        // Named columns first, so a default never takes a column the mapping gave to another field.
        for field in ImportMapping.Field.allCases {
            guard let names = mapping.columns[field] else { continue }
            columns[field] = names.compactMap { find($0, "`\(field.rawValue)`") }
        }
        if case .column(let name, _, _, _, _) = mapping.strategy { strategyColumn = find(name, "the strategy") }
        if case .column(let name, _, _, _, _) = mapping.outcome { outcomeColumn = find(name, "the outcome") }
        for name in mapping.ignore { _ = find(.init(header: name, location: nil), "`ignore`") }
        for field in ImportMapping.Field.allCases where mapping.columns[field] == nil {
            for candidate in field.defaultHeaders {
                let key = candidate.replacingOccurrences(of: " ", with: "")
                if let index = keys.indices.first(where: { keys[$0] == key && !claimed.contains($0) }) {
                    columns[field] = [index]
                    claimed.insert(index)
                    break
                }
            }
        }
        for (index, cell) in header.enumerated() where !claimed.contains(index) {
            if cell.text.isEmpty || ImportMapping.isDerived(cell.text) { continue }
            error(.importUnmappedColumn, "nothing reads the column `\(cell.text.abbreviated)`", cell.line, cell.column,
                  hint: "say what it holds under `columns:` in a mapping file (docs/import.md), or list it under `ignore:` to leave it out")
        }
        // A column without a header may hold nothing.
        for row in table.rows.dropFirst() {
            for cell in row where !cell.text.isEmpty && (cell.column > header.count || header[cell.column - 1].text.isEmpty) {
                error(.importUnmappedColumn, "this cell is in column \(cell.column), which has no header", cell.line, cell.column,
                      hint: "give the column a header and map it, or move the text into a column that has one")
            }
        }
        let required: [(ImportMapping.Field, String)] = [(.ref, "Risk ID"), (.title, "Risk title"), (.grossLikelihood, "Likelihood"), (.grossImpact, "Impact")]
        for (field, example) in required where columns[field]?.isEmpty ?? true && mapping.columns[field] == nil {
            error(.importMissingColumn, "no column holds the \(field.noun)", header.first?.line ?? 1, 1,
                  hint: "name it in a mapping file: `columns: {\(field.rawValue): HEADER}`; without one, a header such as `\(example)` is recognised")
        }
        for (l, i) in [(ImportMapping.Field.currentLikelihood, ImportMapping.Field.currentImpact), (.targetLikelihood, .targetImpact)] {
            let hasL = !(columns[l]?.isEmpty ?? true), hasI = !(columns[i]?.isEmpty ?? true)
            if hasL != hasI {
                let missing = hasL ? i : l
                error(.importMissingColumn, "there is a column for the \((hasL ? l : i).noun) but none for the \(missing.noun)", header.first?.line ?? 1, 1,
                      hint: "a rating needs both levels: map `\(missing.rawValue)` under `columns:`")
            }
        }
    }

    // MARK: Rows

    mutating func readRows() {
        guard let header = table.rows.first else {
            error(.importEmpty, "the file holds no rows", 1, 1, hint: "export the register with its header row and one row per risk")
            return
        }
        resolveColumns(header)
        // Column problems do not hide the cells' own: the rows are read whenever the columns a
        // risk needs were found, so one run reports every problem.
        let needed: [ImportMapping.Field] = [.ref, .title, .grossLikelihood, .grossImpact]
        if needed.contains(where: { columns[$0]?.isEmpty ?? true }) { return }
        if table.rows.count < 2 {
            error(.importEmpty, "the file has a header row but no risks", header[0].line, 1, hint: "export the rows of the register too")
            return
        }
        var lineOfID: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            let line = row.first?.line ?? 1
            func cell(_ index: Int) -> CSVTable.Field {
                index < row.count ? row[index] : CSVTable.Field(text: "", line: line, column: index + 1)
            }
            func value(_ field: ImportMapping.Field) -> CSVTable.Field? {
                guard let index = columns[field]?.first else { return nil }
                let c = cell(index)
                return c.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : c
            }
            let filled = row.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if filled.isEmpty { continue }
            let refCell = value(.ref), titleCell = value(.title)
            if refCell == nil, titleCell == nil {
                // A note continuing the risk above (a merged cell in the spreadsheet).
                let note = ImportYAMLWriter.clean(filled.map(\.text).joined(separator: "\n"))
                guard !entries.isEmpty else {
                    error(.importMissingValue, "this row has no reference and no title, and there is no risk above it to add it to", filled[0].line, filled[0].column,
                          hint: "a row with only a note is added to the description of the risk above it; give this one a reference and a title")
                    continue
                }
                entries[entries.count - 1].notes.append(note)
                continue
            }
            guard let refCell else {
                let index = columns[.ref]![0]
                error(.importMissingValue, "this risk has no reference", line, index + 1,
                      hint: "give every risk a reference, such as `CR-12`; riskreg follows risks by it from one version to the next")
                continue
            }
            guard let titleCell else {
                error(.importMissingValue, "risk `\(refCell.text.abbreviated)` has no title", line, columns[.title]![0] + 1,
                      hint: "give it a short name in the title column")
                continue
            }
            // The reference: an id as it is, or made into one with the original kept.
            let ref = ImportYAMLWriter.clean(refCell.text).replacingOccurrences(of: "\n", with: " ")
            var id = ref
            var original: String?
            if !ScalarSyntax.isValidID(ref) {
                id = Self.slug(ref) ?? "row-\(line)"
                original = ref
            }
            if let first = lineOfID[id] {
                error(.importDuplicateRef, original == nil ? "reference `\(ref.abbreviated)` is already used at row \(first)"
                        : "reference `\(ref.abbreviated)` becomes the id `\(id)`, already used at row \(first)",
                      refCell.line, refCell.column, hint: "give each risk its own reference; two rows for one risk can be joined, or the second numbered on")
                continue
            }
            lineOfID[id] = refCell.line

            let before = diagnostics.count
            let outcome = decide(mapping.outcome, column: outcomeColumn, row: row, line: line, what: "outcome")
            let outcomeEntry = outcome.value.flatMap { v in mapping.outcomes.first { $0.id == v } } ?? mapping.outcomes[0]
            let impactLevels = mapping.scales.impactScale(for: outcomeEntry.unit)?.levels ?? []
            func pair(_ l: ImportMapping.Field, _ i: ImportMapping.Field, required: Bool) -> (l: ScaleLevel, i: ScaleLevel)? {
                guard let lIndex = columns[l]?.first, let iIndex = columns[i]?.first else { return nil }
                let lc = value(l), ic = value(i)
                if lc == nil, ic == nil {
                    if required {
                        error(.importMissingValue, "risk `\(ref.abbreviated)` has no \(l.noun)", line, lIndex + 1,
                              hint: "the gross levels (before controls) become the risk's estimate; fill them in")
                        error(.importMissingValue, "risk `\(ref.abbreviated)` has no \(i.noun)", line, iIndex + 1,
                              hint: "the gross levels (before controls) become the risk's estimate; fill them in")
                    }
                    return nil
                }
                guard let lc, let ic else {
                    let (missing, index) = lc == nil ? (l, lIndex) : (i, iIndex)
                    error(.importMissingValue, "risk `\(ref.abbreviated)` has a \(lc == nil ? i.noun : l.noun) but no \(missing.noun)", line, index + 1,
                          hint: "a rating needs both levels; fill in this one or clear the other")
                    return nil
                }
                let lv = level(lc, in: mapping.scales.likelihood, scale: "likelihood")
                let iv = level(ic, in: impactLevels, scale: "impact")
                guard let lv, let iv else { return nil }
                return (lv, iv)
            }
            let gross = pair(.grossLikelihood, .grossImpact, required: true)
            let current = pair(.currentLikelihood, .currentImpact, required: false)
            let target = pair(.targetLikelihood, .targetImpact, required: false)
            var strategy = decide(mapping.strategy, column: strategyColumn, row: row, line: line, what: "strategy")
            // "Tolerate" (accepting a risk as it is) has no single counterpart among the four
            // strategies: whatever the mapping says, the officer decides, so it is marked.
            let tolerated = strategyColumn.map { c in
                c < row.count && Self.isTolerate(row[c].text)
            } ?? false
            if tolerated, strategy.value != nil {
                strategy.from = (strategy.from.map { $0 + "; " } ?? "") + "to check: tolerating has no single counterpart among the four strategies"
            }
            var review: CalendarDate?
            var reviewPending = false
            if let index = columns[.review]?.first {
                if let c = value(.review) {
                    switch Self.date(c.text, order: mapping.dateOrder) {
                    case .date(let d): review = d
                    case .pending: reviewPending = true
                    case .bad:
                        error(.importBadDate, "the review date `\(c.text.abbreviated)` is not a date", c.line, c.column,
                              hint: "write it as 31/03/2027 or 2027-03-31; `TBC`, `n/a` or a blank cell leave the review date for the officer to set")
                    }
                } else {
                    reviewPending = true
                    _ = index
                }
            }
            guard diagnostics.count == before, let gross else { continue }

            var entry = ImportedEntry(
                line: refCell.line, id: id, originalRef: original,
                title: ImportYAMLWriter.clean(titleCell.text).replacingOccurrences(of: "\n", with: " "),
                description: [], owner: value(.owner).map { ImportYAMLWriter.clean($0.text).replacingOccurrences(of: "\n", with: " ") },
                outcome: outcomeEntry, outcomeFrom: outcome.from,
                strategy: strategy.value ?? "reduction", strategyFrom: strategy.from,
                gross: gross, current: current, target: target,
                controls: value(.controls).map { ImportYAMLWriter.clean($0.text) },
                actions: value(.actions).map { ImportYAMLWriter.clean($0.text) },
                actionOwner: value(.actionOwner).map { ImportYAMLWriter.clean($0.text).replacingOccurrences(of: "\n", with: " ") },
                review: review, impactScaleLevels: impactLevels)
            for (n, index) in (columns[.description] ?? []).enumerated() {
                let c = cell(index)
                let text = ImportYAMLWriter.clean(c.text)
                if text.isEmpty { continue }
                entry.description.append(n == 0 ? text : "\(ImportYAMLWriter.clean(header[index].text)): \(text)")
            }
            var marks: [String] = []
            if strategy.value == nil || tolerated || Self.isDoubted(strategyColumn, row) { marks.append("strategy") }
            marks.append("coproduction")
            if entry.owner == nil { marks.append("owner") }
            if outcome.value == nil || Self.isDoubted(outcomeColumn, row) { marks.append("outcome") }
            // Levels read on the example scales, not the organisation's: the numbers are a guess.
            if !mapping.scalesGiven { marks.append("estimates") }
            // A response is written for the controls, or for a current rating below gross.
            if entry.controls != nil || entry.current != nil,
               entry.controls == nil || (entry.reductions.likelihood == nil && entry.reductions.impact == nil) {
                marks.append("response")
            }
            // The written response's cost is a placeholder 0: no value-for-money figure may rest on it.
            if entry.controls != nil || entry.current != nil { marks.append(ReviewMark.responseCost) }
            if reviewPending { marks.append("review") }
            entry.needsReview = marks
            entries.append(entry)
        }
    }

    /// Whether the cell in `column` ends with a question mark (`Treat?`): read as usual, and
    /// marked for review. `riskreg export` writes a guessed strategy or outcome this way, so the
    /// mark survives a round trip through the spreadsheet.
    static func isDoubted(_ column: Int?, _ row: [CSVTable.Field]) -> Bool {
        guard let column, column < row.count else { return false }
        return ImportYAMLWriter.clean(row[column].text).hasSuffix("?")
    }

    /// Whether a strategy cell says the risk is tolerated (or accepted, its usual synonym).
    static func isTolerate(_ text: String) -> Bool {
        let key = ImportMapping.key(ImportYAMLWriter.clean(text))
        return key == ImportMapping.key("tolerate") || key == ImportMapping.key("accept")
    }

    /// A decided value and what it was decided from, or nil (undecided) for a blank cell.
    mutating func decide(_ decision: ImportMapping.Decision, column: Int?, row: [CSVTable.Field], line: Int, what: String) -> (value: String?, from: String?) {
        switch decision {
        case .undecided:
            return (nil, nil)
        case .fixed(let value):
            return (value, nil)
        case .column(_, let values, let blank, let otherwise, _):
            guard let column else { return (nil, nil) }
            let c = column < row.count ? row[column] : CSVTable.Field(text: "", line: line, column: column + 1)
            let text = ImportYAMLWriter.clean(c.text).replacingOccurrences(of: "\n", with: " ")
            if text.isEmpty { return (blank, blank == nil ? nil : "blank in the spreadsheet: the mapping's `blank`") }
            if let value = values[ImportMapping.normalise(text)] { return (value, "from \"\(text)\"") }
            if let otherwise { return (otherwise, "from \"\(text)\": the mapping's `default`") }
            error(.importUnmappedValue, "the \(what) `\(text.abbreviated)` is not in the mapping's `values`", c.line, c.column,
                  hint: "add it to `\(what): values:` in the mapping, such as `\(text.abbreviated): \(values.values.sorted().first ?? "...")`")
            return (nil, nil)
        }
    }

    /// A level typed in a cell: `4`, ` 3 `, `4 - Likely`, `4 (likely)`, `Likely`, `almost certain`.
    mutating func level(_ cell: CSVTable.Field, in levels: [ScaleLevel], scale: String) -> ScaleLevel? {
        let text = ImportYAMLWriter.clean(cell.text).replacingOccurrences(of: "\n", with: " ")
        let hint = "the \(scale) levels are 1 to \(levels.count): \(Suggestion.list(levels.map(\.label))); write a number, a label, or both, such as `\(levels.count > 3 ? 4 : levels.count) - \(levels[min(3, levels.count - 1)].label)`"
        func byWords(_ words: String) -> ScaleLevel? {
            let key = ImportMapping.key(words)
            guard !key.isEmpty else { return nil }
            return levels.first { ImportMapping.key($0.label) == key || $0.description.map(ImportMapping.key) == key }
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            var rest = text.dropFirst(digits.count)
            if rest.hasPrefix(".0") { rest = rest.dropFirst(2).drop { $0 == "0" } }
            if let c = rest.first, c.isNumber || c == "." || c == "," {
                error(.importBadScore, "the \(scale) `\(text.abbreviated)` is not a level", cell.line, cell.column, hint: hint)
                return nil
            }
            guard let n = Int(digits), let level = levels.first(where: { $0.level == n }) else {
                error(.importBadScore, "the \(scale) scale has no level \(digits)", cell.line, cell.column, hint: hint)
                return nil
            }
            let words = rest.trimmingCharacters(in: CharacterSet(charactersIn: " -–—:.()=/"))
            if let named = byWords(words), named.level != n {
                error(.importBadScore, "the \(scale) `\(text.abbreviated)` gives level \(n) but names `\(named.label)`, level \(named.level)", cell.line, cell.column,
                      hint: "correct the number or the word so they agree")
                return nil
            }
            return level
        }
        if let level = byWords(text) { return level }
        let guess = Suggestion.didYouMean(text.lowercased().replacingOccurrences(of: " ", with: "-"), in: levels.map(\.label))
        error(.importBadScore, "the \(scale) `\(text.abbreviated)` is not a level of the \(scale) scale", cell.line, cell.column,
              hint: [guess, hint].compactMap { $0 }.joined(separator: " "))
        return nil
    }

    // MARK: Values

    enum DateCell: Equatable { case date(CalendarDate), pending, bad }

    static let pendingWords: Set<String> = ["tbc", "tba", "tbd", "na", "n a", "to be confirmed", "to be agreed", "unknown", "ongoing", "none", "pending", ""]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A review date as spreadsheets write it: `2027-03-31`, `31/03/2027`, `31.03.27`,
    /// `31 Mar 2027`, `March 2027` or `Mar-27` (the month's last day); `TBC`, `n/a`, `-` are pending.
    static func date(_ raw: String, order: ImportMapping.DateOrder) -> DateCell {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if pendingWords.contains(ImportMapping.normalise(text)) { return .pending }
        if let d = CalendarDate(text) { return .date(d) }
        func year(_ y: Int) -> Int { y < 100 ? 2000 + y : y }
        let numeric = text.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        if numeric.count == 3, numeric.allSatisfy({ Int($0) != nil }) {
            let n = numeric.map { Int($0)! }
            if numeric[0].count == 4, let d = CalendarDate(year: n[0], month: n[1], day: n[2]) { return .date(d) }
            let (day, month) = order == .dayFirst ? (n[0], n[1]) : (n[1], n[0])
            if numeric[2].count == 4 || numeric[2].count == 2, let d = CalendarDate(year: year(n[2]), month: month, day: day) { return .date(d) }
            return .bad
        }
        let words = ImportMapping.normalise(text).split(separator: " ").map(String.init)
        func month(_ w: String) -> Int? {
            guard w.count >= 3, let i = months.firstIndex(where: { w.hasPrefix($0) }) else { return nil }
            return i + 1
        }
        if words.count == 3, let d = Int(words[0]), let m = month(words[1]), let y = Int(words[2]),
           let date = CalendarDate(year: year(y), month: m, day: d) {
            return .date(date)
        }
        if words.count == 2, let m = month(words[0]), let y = Int(words[1]).map(year) {
            return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y)).map { .date($0) } ?? .bad
        }
        return .bad
    }

    /// An id made from a reference that is not one: letters and digits kept (accents dropped),
    /// everything else a hyphen; nil when nothing is left.
    static func slug(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while let last = out.last, !(last.isLetter || last.isNumber) { out.removeLast() }
        while let first = out.first, !(first.isLetter || first.isNumber) { out.removeFirst() }
        out = String(out.prefix(64))
        while let last = out.last, !(last.isLetter || last.isNumber) { out.removeLast() }
        return out.isEmpty ? nil : out
    }
}

extension ImportedEntry {
    /// The reductions the gross → current change of level implies: the likelihood band's midpoint
    /// and the impact band's mean, each current over gross; nil where nothing fell.
    var reductions: (likelihood: Int?, impact: Int?) {
        guard let current else { return (nil, nil) }
        func mid(_ l: ScaleLevel) -> Double { (l.from + (l.to ?? 1)) / 2 }
        let l = Self.percentCut(from: mid(gross.l), to: mid(current.l))
        let i = Self.percentCut(from: impactMean(gross.i), to: impactMean(current.i))
        return (l, i)
    }

    static func percentCut(from: Double?, to: Double?) -> Int? {
        guard let from, let to, from > 0 else { return nil }
        let cut = Int(((1 - to / from) * 100).rounded())
        return cut > 0 ? min(cut, 100) : nil
    }

    /// The mean of an impact level's band as the register reads it.
    func impactMean(_ level: ScaleLevel) -> Double? {
        let levels = impactScaleLevels
        let i = levels.firstIndex { $0.level == level.level }!
        return (try? level.impactDistribution(below: i > 0 ? levels[i - 1] : nil))?.mean
    }
}
