import Foundation

/// Tables a phone can read without scrolling sideways. On a narrow screen the style sheet lays
/// each row of a `stack` table out as a card, one cell under the other, and each cell shows its
/// column's heading from its `data-label` (style.css, `table.stack`). This pass gives every
/// table of a rendered HTML report those labels, read from its own header row, so no template
/// has to repeat its headings and a new table gets them without being told.
///
/// A table is left as it is — it scrolls in its frame as before — where a card would misread
/// it: no header row, more than one header row, or a cell that spans rows. A row whose cell
/// spans columns (a heading for a group of rows) stays a heading.
///
/// The report's HTML is the only input; register text in it is already escaped, so a `<` in a
/// cell is always markup.
enum StackedTables {
    static func label(_ html: String) -> String {
        guard html.contains("<table") else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<table"), let close = rest[open.upperBound...].range(of: "</table>") {
            out += rest[..<open.lowerBound]
            out += labelled(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// One table, `<table …>…</table>`, with its cells labelled and the class `stack`, or as it
    /// was.
    static func labelled(_ table: String) -> String {
        // Attributes, matched with their quote: register text has its quotes escaped, so a
        // title that says "rowspan" does not keep its table from stacking.
        guard !table.contains(" rowspan=\""),
              let headOpen = table.range(of: "<thead>"), let headClose = table.range(of: "</thead>"),
              headOpen.upperBound <= headClose.lowerBound else { return table }
        let head = table[headOpen.upperBound..<headClose.lowerBound]
        guard head.components(separatedBy: "<tr").count == 2 else { return table }
        let headings = cells(in: head).map { plainText($0.content) }
        guard !headings.isEmpty else { return table }
        let body = table[headClose.upperBound...]
        var labelledBody = ""
        var rest = body
        while let rowOpen = rest.range(of: "<tr"), let rowClose = rest[rowOpen.upperBound...].range(of: "</tr>") {
            labelledBody += rest[..<rowOpen.lowerBound]
            let row = String(rest[rowOpen.lowerBound..<rowClose.upperBound])
            labelledBody += row.contains(" colspan=\"") ? row : labelledRow(row, headings)
            rest = rest[rowClose.upperBound...]
        }
        labelledBody += rest
        let start = String(table[..<headClose.upperBound])
        return stackClass(start) + labelledBody
    }

    /// The table's opening tag with `stack` added to its classes.
    static func stackClass(_ start: String) -> String {
        guard let tagEnd = start.firstIndex(of: ">") else { return start }
        let tag = start[..<tagEnd]
        if let classStart = tag.range(of: "class=\"") {
            return String(start[..<classStart.upperBound]) + "stack " + start[classStart.upperBound...]
        }
        return String(tag) + " class=\"stack\"" + start[tagEnd...]
    }

    /// A body row with each data cell's opening tag given its column's heading.
    static func labelledRow(_ row: String, _ headings: [String]) -> String {
        var out = ""
        var rest = row[...]
        var column = 0
        while let cell = nextCellTag(rest) {
            out += rest[..<cell.range.lowerBound]
            var tag = String(rest[cell.range])
            if cell.isData, column < headings.count, !headings[column].isEmpty, !tag.contains("data-label") {
                // First, so the tag still ends with its own attributes (`dir="auto">`).
                tag = "<td data-label=\"" + headings[column] + "\"" + tag.dropFirst(3)
            }
            out += tag
            column += 1
            rest = rest[cell.range.upperBound...]
        }
        return out + rest
    }

    /// The next `<td …>` or `<th …>` opening tag (not `<thead>`).
    static func nextCellTag(_ text: Substring) -> (range: Range<Substring.Index>, isData: Bool)? {
        var search = text
        while let lt = search.range(of: "<t") {
            let after = search[lt.upperBound...]
            guard let kind = after.first, kind == "d" || kind == "h" else { search = after; continue }
            let next = after.dropFirst().first
            guard next == ">" || next == " " else { search = after; continue }
            guard let end = after.firstIndex(of: ">") else { return nil }
            return (lt.lowerBound..<after.index(after: end), kind == "d")
        }
        return nil
    }

    /// The cells of a header row, with their content.
    static func cells(in row: Substring) -> [(tag: String, content: Substring)] {
        var found: [(String, Substring)] = []
        var rest = row
        while let cell = nextCellTag(rest) {
            let tag = String(rest[cell.range])
            let closing = cell.isData ? "</td>" : "</th>"
            guard let end = rest[cell.range.upperBound...].range(of: closing) else { break }
            found.append((tag, rest[cell.range.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// A heading as an attribute value: its markup dropped, its spaces collapsed; it is already
    /// escaped text, and a quote is escaped for the attribute. (The label is shown as a block of
    /// its own, `unicode-bidi: isolate` in style.css, so right-to-left words in it cannot reorder
    /// the cell's figures; reports carry no bidirectional control characters.)
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
