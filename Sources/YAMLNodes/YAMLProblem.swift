/// Something wrong with a file's YAML itself, before its meaning as a register is considered.
///
/// `rule` is one of a closed set of stable ids (`yaml-syntax`, `yaml-duplicate-key`, ...); the
/// register loader turns a problem into a diagnostic with the file's path.
public struct YAMLProblem: Error, Sendable, Hashable {
    /// The YAML-level rules, by the ids diagnostics print.
    public enum Rule: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
        case syntax = "yaml-syntax"
        case encoding = "yaml-encoding"
        case empty = "yaml-empty"
        case multipleDocuments = "yaml-multiple-documents"
        case tooLarge = "yaml-too-large"
        case tooDeep = "yaml-too-deep"
        case aliasBudget = "yaml-alias-budget"
        case unknownAnchor = "yaml-unknown-anchor"
        case merge = "yaml-merge"
        case duplicateKey = "yaml-duplicate-key"
        case tag = "yaml-tag"

        public var description: String { rawValue }
    }

    public var rule: Rule
    public var message: String
    public var mark: YAMLMark
    public var hint: String?

    public init(rule: Rule, message: String, mark: YAMLMark, hint: String? = nil) {
        self.rule = rule
        self.message = message
        self.mark = mark
        self.hint = hint
    }
}

/// Bounds that keep hostile or accidental input from exhausting memory or time.
public struct YAMLLimits: Sendable {
    /// Largest file accepted. Default 8 MiB: a register of 10,000 risks is about 3 MiB.
    public var maxBytes: Int
    /// Deepest nesting of lists and mappings. Default 64: a register needs about 8.
    public var maxDepth: Int
    /// Alias expansion is refused once more than this many nodes would be visited in all.
    /// Below it, go-yaml v3's ratio check applies (see ``YAMLComposer``).
    public var maxExpandedNodes: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxExpandedNodes: Int = 4_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
    }
}

/// A composed document: its root (nil when the file holds no document) and the problems found.
///
/// When `problems` holds a fatal problem (a syntax error, or a limit exceeded) the root is nil:
/// libyaml cannot go on after a syntax error. Duplicate keys and bad merges are reported while
/// composing continues, so one run reports all of them.
public struct YAMLDocument: Sendable {
    public var root: YAMLNode?
    public var problems: [YAMLProblem]
    /// Set when the root was read from a copy with tab indentation replaced
    /// (``TabIndentation``): positions found on its nodes are mapped back with
    /// ``TabIndentation/original(_:)``. The document then always has a problem, the tab itself.
    public var tabIndentation: TabIndentation? = nil
}
