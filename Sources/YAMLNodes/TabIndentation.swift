/// Recovery from tabs in indentation, so that one tab does not hide every other problem in a
/// file.
///
/// libyaml stops at the first tab that indents a line. When that is what stopped it, each line
/// indented with tabs is re-indented with spaces in a copy, taking its indentation from the
/// line above (the same as a sibling's, or two more after a line that opens a block), and the
/// copy is parsed again. Only if the copy parses cleanly are its nodes used, and then every
/// position on a re-indented line is mapped back to the file as written, so diagnostics point
/// at the text the author sees. Every tab-indented line is reported, not just the first.
public struct TabIndentation: Sendable {
    /// A re-indented line: its indentation as written and in the copy, both in characters.
    struct Line: Sendable {
        var written: Int
        var repaired: Int
    }

    /// Re-indented lines by 1-based line number.
    let lines: [Int: Line]

    /// The copy of `bytes` with spaces for indenting tabs, or nil when no line is indented with a tab.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], repair: TabIndentation)? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var repaired: [Int: Line] = [:]
        // The indentation and content of the last line with content, as repaired.
        var previous: (indent: Int, content: ArraySlice<UInt8>)?
        var lineNumber = 0
        var start = bytes.startIndex
        while start <= bytes.endIndex {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[start..<end]
            let indentEnd = line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.endIndex
            let indentation = line[line.startIndex..<indentEnd]
            let content = line[indentEnd...]
            let hasContent = !content.isEmpty && content.first != 0x0D && content.first != 0x23  // not blank, not a comment
            if indentation.contains(0x09), hasContent {
                let indent = Self.indentation(for: content, after: previous)
                output += [UInt8](repeating: 0x20, count: indent)
                output += content
                repaired[lineNumber] = Line(written: indentation.count, repaired: indent)
                previous = (indent, content)
            } else {
                output += line
                if hasContent { previous = (indentation.count, content) }
            }
            if end == bytes.endIndex { break }
            output.append(0x0A)
            start = end + 1
        }
        return repaired.isEmpty ? nil : (output, TabIndentation(lines: repaired))
    }

    /// The indentation a tab-indented line most likely meant: a new list item lines up with the
    /// item above; a key lines up with the key above, or sits two further in below a line that
    /// ends with `:` and so opens a block.
    private static func indentation(for content: ArraySlice<UInt8>, after previous: (indent: Int, content: ArraySlice<UInt8>)?) -> Int {
        guard let previous else { return 0 }
        let item = Array("- ".utf8)
        let previousIsItem = previous.content.starts(with: item)
        // Where the previous line's key starts: after `- ` for a list item.
        var keyColumn = previous.indent
        if previousIsItem {
            keyColumn += 1 + (previous.content.dropFirst().prefix { $0 == 0x20 }.count)
        }
        let opensBlock = Self.endsWithColon(previous.content)
        if content.starts(with: item) {
            return opensBlock ? keyColumn + 2 : previous.indent
        }
        return opensBlock ? keyColumn + 2 : keyColumn
    }

    /// Whether a line ends with `:` (a key whose value is the block below), ignoring a comment
    /// and trailing spaces.
    private static func endsWithColon(_ content: ArraySlice<UInt8>) -> Bool {
        var text = content
        if let hash = text.firstIndex(of: 0x23), hash > text.startIndex, text[text.index(before: hash)] == 0x20 {
            text = text[..<hash]
        }
        while let last = text.last, last == 0x20 || last == 0x09 || last == 0x0D { text = text.dropLast() }
        return text.last == 0x3A
    }

    /// Whether `line` (1-based) was indented with a tab.
    public func isRepaired(line: Int) -> Bool { lines[line] != nil }

    /// The lines indented with tabs, in order.
    public var repairedLines: [Int] { lines.keys.sorted() }

    /// A position in the repaired copy, as a position in the file as written.
    public func original(_ mark: YAMLMark) -> YAMLMark {
        guard let line = lines[mark.line] else { return mark }
        if mark.column <= line.repaired + 1 {
            return YAMLMark(line: mark.line, column: min(mark.column, line.written + 1))
        }
        return YAMLMark(line: mark.line, column: mark.column - line.repaired + line.written)
    }

    /// A problem at a tab-indented line that libyaml did not reach.
    static func problem(at line: Int) -> YAMLProblem {
        YAMLProblem(rule: .syntax, message: "this line is indented with a tab", mark: YAMLMark(line: line, column: 1),
                    hint: hint)
    }

    static let hint = "YAML does not allow tabs for indentation: indent with spaces"
}
