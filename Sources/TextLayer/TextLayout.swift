/// Laying out plain text in fixed-width columns: for terminal tables and anything else read at
/// a fixed width. Widths count characters (extended grapheme clusters).
public enum TextLayout {
    /// `text` cut to at most `width` characters, ending in `…` when it was cut.
    public static func clip(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// `text` followed by spaces up to `width` (left-aligned); longer text is left as it is.
    public static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Spaces followed by `text` up to `width` (right-aligned); longer text is left as it is.
    public static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// A column of a table: its width and which side its text keeps to.
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }
        public var width: Int
        public var alignment: Alignment
        /// Left-aligned cells are clipped to the width less one, so a space always follows
        /// them; right-aligned cells (figures) are never clipped.
        public init(_ width: Int, _ alignment: Alignment) {
            self.width = width
            self.alignment = alignment
        }
        public static func left(_ width: Int) -> Column { Column(width, .left) }
        public static func right(_ width: Int) -> Column { Column(width, .right) }
    }

    /// One row of a table. Left-aligned text is clipped to its column less one character;
    /// figures are never clipped, and a figure wider than its column still gets one space
    /// before it, so neighbouring cells never run together (the row grows instead). Trailing
    /// spaces are removed.
    public static func row(_ cells: [String], _ columns: [Column]) -> String {
        var line = ""
        for (cell, column) in zip(cells, columns) {
            switch column.alignment {
            case .left:
                line += pad(clip(cell, column.width - 1), column.width)
            case .right:
                let needsGap = !line.isEmpty && !line.hasSuffix(" ")
                let padded = leftPad(cell, column.width)
                line += needsGap && padded.first != " " ? " " + padded : padded
            }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Words of `text` in lines of at most `width` characters. Leading spaces of `text` are kept
    /// on the first line; later lines start with `continuation` spaces. A word longer than a
    /// whole line gets a line of its own, clipped unless `clipping` is false (default true, so
    /// no line of a terminal table is ever wider than `width`).
    public static func wrap(_ text: String, width: Int, continuation: Int = 0, clipping: Bool = true) -> [String] {
        let leading = text.prefix { $0 == " " }
        let hanging = String(repeating: " ", count: max(0, min(continuation, width - 1)))
        var lines: [String] = []
        var current = String(leading)
        var currentHasWords = false
        for word in text.dropFirst(leading.count).split(separator: " ") {
            if currentHasWords, current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging
                currentHasWords = false
            }
            current += (currentHasWords ? " " : "") + word
            currentHasWords = true
        }
        if currentHasWords { lines.append(current) }
        return clipping ? lines.map { clip($0, width) } : lines
    }
}
