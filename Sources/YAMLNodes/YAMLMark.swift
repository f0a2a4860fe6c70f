/// A position in YAML text, 1-based in line and column (columns count Unicode scalars).
///
/// libyaml's marks are 0-based; ``init(line0:column0:)`` is the one place that converts them.
public struct YAMLMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Converts a 0-based libyaml mark.
    init(line0: Int, column0: Int) {
        self.init(line: line0 + 1, column: column0 + 1)
    }

    public static let start = YAMLMark(line: 1, column: 1)

    public static func < (a: YAMLMark, b: YAMLMark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}
