/// One node of a composed YAML document, with the position it was written at.
///
/// Nodes are immutable and shared: an alias refers to the very node its anchor names, so a
/// document full of aliases costs no more memory than the text that defines it. Consumers that
/// walk aliased nodes repeatedly are protected by the composer's alias budget.
public final class YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    /// A key–value pair of a mapping. Keys are nodes too, so a key's position can be reported.
    public struct Entry: Sendable {
        public let key: YAMLNode
        public let value: YAMLNode
        /// True when the pair came into this mapping through a `<<` merge key.
        public let isMerged: Bool

        public init(key: YAMLNode, value: YAMLNode, isMerged: Bool = false) {
            self.key = key
            self.value = value
            self.isMerged = isMerged
        }
    }

    public let content: Content
    // A register of 10,000 risks composes to about 300,000 nodes, all alive while the register
    // is composed, so each node's fields are packed into the 48 bytes its content needs anyway:
    // the three 32-bit numbers fill the padding after the 17-byte content. Nodes keep no tag:
    // registers use none, and the composer reports any it meets (`yaml-tag`) as it reads it.
    /// The 1-based line and column, saturated at `UInt32.max` (a 4 GiB file, far past
    /// ``YAMLLimits/maxBytes``).
    private let line: UInt32
    private let column: UInt32
    /// ``expandedSize``, saturated at `UInt32.max`.
    private let size: UInt32

    /// Where the node starts.
    public var mark: YAMLMark {
        YAMLMark(line: Int(line), column: Int(column))
    }

    /// How many nodes a walk of this node visits, aliases expanded (saturating).
    ///
    /// Stored in 32 bits: the composer refuses a document once more than
    /// ``YAMLLimits/maxExpandedNodes`` (4,000,000 by default) nodes would be visited, so no node
    /// it builds comes near `UInt32.max`; a size that reaches it reads as `Int.max`.
    public var expandedSize: Int {
        size == .max ? .max : Int(size)
    }

    public init(_ content: Content, mark: YAMLMark) {
        self.content = content
        line = UInt32(clamping: mark.line)
        column = UInt32(clamping: mark.column)
        let expandedSize: Int
        switch content {
        case .scalar:
            expandedSize = 1
        case .sequence(let items):
            expandedSize = items.reduce(1) { $0.addingSaturating($1.expandedSize) }
        case .mapping(let entries):
            expandedSize = entries.reduce(1) {
                $0.addingSaturating($1.key.expandedSize).addingSaturating($1.value.expandedSize)
            }
        }
        size = UInt32(clamping: expandedSize)
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, when this node is a mapping.
    public var mapping: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// True for a plain `null`, `~` or an empty plain scalar: a key written with no value.
    public var isNull: Bool {
        scalar?.isNull ?? false
    }

    /// A short noun for messages: "a list", "a mapping", "text", "an empty value".
    public var kindDescription: String {
        switch content {
        case .scalar(let s): return s.isNull ? "an empty value" : "`\(s.value.abbreviated)`"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A scalar's text and how it was written. Its type is decided by whoever reads it, from what
/// the format expects at that place — never by YAML 1.1's guesses (`no` is not false here).
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public let value: String
    public let style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }

    public var isPlain: Bool { style == .plain }

    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }
}

extension Int {
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

extension String {
    /// The text cut to a length that fits in a one-line message.
    public var abbreviated: String {
        let oneLine = String(map { $0 == "\n" || $0 == "\r\n" ? "↵" : $0 })
        return oneLine.count > 40 ? String(oneLine.prefix(37)) + "..." : oneLine
    }
}
