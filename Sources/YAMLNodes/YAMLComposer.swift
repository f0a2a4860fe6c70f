/// Composes libyaml's events into a tree of positioned nodes, iteratively and within limits.
///
/// What it guarantees, so the register loader need not:
/// - no recursion: an explicit stack, and nesting deeper than ``YAMLLimits/maxDepth`` is refused;
/// - one document per file, and a file that is empty or holds only comments is reported;
/// - anchors, aliases and `<<` merge keys work; explicit keys override merged ones, and an
///   earlier merge source overrides a later one (the YAML merge-key rules);
/// - alias expansion is budgeted with go-yaml v3's ratio check: once over 100 nodes come
///   through aliases and over 1,000 in all, the share of aliased nodes may not exceed 99 %,
///   falling linearly to 10 % between 400,000 and 4,000,000 nodes, and never past
///   ``YAMLLimits/maxExpandedNodes``; a "billion laughs" file is refused at its first big alias;
/// - duplicate keys are problems, never a silent overwrite.
public enum YAMLComposer {
    ///
    /// - Parameter bytes: UTF-8 text. A leading byte-order mark is skipped (Windows editors write
    ///   one); positions are then counted after it, as ``SourceLines`` counts them.
    public static func compose(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLDocument {
        // UTF-32 little-endian starts with UTF-16's mark, so it is told apart first.
        let utf32 = bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        if utf32 || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return YAMLDocument(root: nil, problems: [YAMLProblem(
                rule: .encoding, message: "the file is \(utf32 ? "UTF-32" : "UTF-16") text, not UTF-8", mark: .start,
                hint: "save the register as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)")])
        }
        let bytes = SourceLines.withoutByteOrderMark(bytes)
        guard bytes.count <= limits.maxBytes else {
            return YAMLDocument(root: nil, problems: [tooLarge(byteCount: bytes.count, limits: limits)])
        }
        var composer = Composition(limits: limits)
        let failure = bytes.withUnsafeBufferPointer { buffer -> YAMLProblem? in
            // The parser reads `buffer` in place and is freed, with libyaml's buffers, on return.
            let parser = EventParser(bytes: buffer)
            do throws(YAMLProblem) {
                try composer.run(parser)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            if let recovered = recoverFromTabs(bytes, failure: failure, limits: limits) { return recovered }
            composer.problems.append(failure)
            return YAMLDocument(root: nil, problems: composer.problems)
        }
        guard let root = composer.root, !root.isNull else {
            let mark = composer.root?.mark ?? .start
            return YAMLDocument(root: nil, problems: composer.problems + [YAMLProblem(
                rule: .empty, message: "the register is empty", mark: mark,
                hint: "a register starts with `riskreg: 1`; docs/register-format.md shows a minimal one")])
        }
        return YAMLDocument(root: root, problems: composer.problems)
    }

    /// When a tab in the indentation stopped libyaml, the document read from a copy with every
    /// tab-indented line re-indented with spaces (``TabIndentation``), so the rest of the file's
    /// problems are found in the same run: the tab is reported where libyaml found it, every
    /// other tab-indented line too, and the copy's own problems at their places in the file as
    /// written. Nil when the copy does not parse either: then only libyaml's problem is sure.
    private static func recoverFromTabs(_ bytes: [UInt8], failure: YAMLProblem, limits: YAMLLimits) -> YAMLDocument? {
        guard failure.rule == .syntax, failure.hint == TabIndentation.hint,
              let (copy, repair) = TabIndentation.repair(bytes), repair.isRepaired(line: failure.mark.line) else { return nil }
        let second = compose(copy, limits: limits)
        guard second.root != nil, !second.problems.contains(where: { $0.rule == .syntax }) else { return nil }
        var problems = [failure] + repair.repairedLines.filter { $0 != failure.mark.line }.map(TabIndentation.problem(at:))
        problems += second.problems.map { problem in
            var problem = problem
            problem.mark = repair.original(problem.mark)
            return problem
        }
        return YAMLDocument(root: second.root, problems: problems, tabIndentation: repair)
    }

    /// The problem for a file over ``YAMLLimits/maxBytes``: callers that can see a file's size
    /// before reading it refuse it without reading it.
    public static func tooLarge(byteCount: Int, limits: YAMLLimits = YAMLLimits()) -> YAMLProblem {
        YAMLProblem(
            rule: .tooLarge,
            message: "the file is \(byteCount) bytes, over the limit of \(megabytes(limits.maxBytes)) (\(limits.maxBytes) bytes)",
            mark: .start,
            hint: "split the register into several files, or check that this is the file you meant")
    }

    private static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}

/// The state of one composition: the open collections, the anchors, and the alias budget.
private struct Composition {
    let limits: YAMLLimits
    var problems: [YAMLProblem] = []
    var root: YAMLNode?
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var openAnchors: Set<String> = []
    private var decodedNodes = 0
    private var aliasedNodes = 0

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// An open collection: its items so far, and for a mapping the key awaiting its value.
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        var pendingKey: YAMLNode?
        var keyMarks: [String: YAMLMark] = [:]
        var mergeSources: [(YAMLNode, YAMLMark)] = []
    }

    mutating func run(_ parser: EventParser) throws(YAMLProblem) {
        var documents = 0
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return
            case .documentStart:
                documents += 1
                if documents > 1 {
                    throw YAMLProblem(
                        rule: .multipleDocuments,
                        message: "the file holds more than one YAML document",
                        mark: event.mark,
                        hint: "keep one register per file: move this document to a file of its own")
                }
            case .alias(let anchor):
                guard let target = anchors[anchor] else {
                    let inside = openAnchors.contains(anchor)
                    throw YAMLProblem(
                        rule: .unknownAnchor,
                        message: inside
                            ? "alias `*\(anchor)` refers to a node that contains it"
                            : "alias `*\(anchor)` refers to no anchor defined before it",
                        mark: event.mark,
                        hint: inside ? "an alias cannot repeat the list or mapping it sits in"
                            : "define `&\(anchor)` earlier in the file, or check its spelling")
                }
                try chargeAlias(target, at: event.mark)
                try attach(target)
            case .scalar(let scalar, let anchor, let tag):
                try countNode(at: event.mark)
                checkTag(tag, at: event.mark)
                let node = YAMLNode(.scalar(scalar), mark: event.mark)
                if let anchor { anchors[anchor] = node }
                try attach(node)
            case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
                try countNode(at: event.mark)
                checkTag(tag, at: event.mark)
                guard stack.count < limits.maxDepth else {
                    throw YAMLProblem(
                        rule: .tooDeep,
                        message: "lists and mappings are nested more than \(limits.maxDepth) deep",
                        mark: event.mark,
                        hint: "a register needs far less nesting; check for a runaway indentation or bracket")
                }
                var isMapping = false
                if case .mappingStart = event.kind { isMapping = true }
                if let anchor { openAnchors.insert(anchor) }
                stack.append(Frame(isMapping: isMapping, mark: event.mark, anchor: anchor))
            case .sequenceEnd:
                let frame = stack.removeLast()
                let node = YAMLNode(.sequence(frame.items), mark: frame.mark)
                try close(node, anchor: frame.anchor)
            case .mappingEnd:
                let frame = stack.removeLast()
                let node = YAMLNode(.mapping(merged(frame)), mark: frame.mark)
                try close(node, anchor: frame.anchor)
            }
        }
    }

    private mutating func close(_ node: YAMLNode, anchor: String?) throws(YAMLProblem) {
        if let anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = node
        }
        try attach(node)
    }

    /// Adds a finished node to the collection that is open, or makes it the root.
    private mutating func attach(_ node: YAMLNode) throws(YAMLProblem) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        if let text = key.scalar, text.isPlain, text.value == "<<" {
            stack[top].mergeSources.append((node, key.mark))
            return
        }
        if let text = key.scalar?.value {
            if let first = stack[top].keyMarks[text] {
                problems.append(YAMLProblem(
                    rule: .duplicateKey,
                    message: "key `\(text.abbreviated)` appears twice in this mapping (first at line \(first.line))",
                    mark: key.mark,
                    hint: "remove one of them, or merge their contents"))
                return
            }
            stack[top].keyMarks[text] = key.mark
        }
        stack[top].entries.append(YAMLNode.Entry(key: key, value: node))
    }

    /// A mapping's own entries followed by those its `<<` keys bring in and it does not override.
    private mutating func merged(_ frame: Frame) -> [YAMLNode.Entry] {
        guard !frame.mergeSources.isEmpty else { return frame.entries }
        var entries = frame.entries
        var seen = Set(frame.keyMarks.keys)
        for (source, keyMark) in frame.mergeSources {
            let mappings: [YAMLNode]
            switch source.content {
            case .mapping: mappings = [source]
            case .sequence(let items) where items.allSatisfy({ $0.mapping != nil }): mappings = items
            default:
                problems.append(YAMLProblem(
                    rule: .merge,
                    message: "a `<<` merge key needs a mapping or a list of mappings, not \(source.kindDescription)",
                    // Through an alias, the value was written elsewhere: point at the `<<` here.
                    mark: source.mark < keyMark ? keyMark : source.mark,
                    hint: "write `<<: *defaults` where `&defaults` names a mapping"))
                continue
            }
            for mapping in mappings {
                for entry in mapping.mapping ?? [] {
                    guard let text = entry.key.scalar?.value, !seen.contains(text) else { continue }
                    seen.insert(text)
                    entries.append(YAMLNode.Entry(key: entry.key, value: entry.value, isMerged: true))
                }
            }
        }
        return entries
    }

    private mutating func countNode(at mark: YAMLMark) throws(YAMLProblem) {
        decodedNodes += 1
        guard decodedNodes <= limits.maxExpandedNodes else {
            throw YAMLProblem(
                rule: .tooLarge, message: "the document has more than \(limits.maxExpandedNodes) nodes",
                mark: mark, hint: "split the register into several files")
        }
    }

    /// go-yaml v3's guard against alias bombs, applied as each alias is met.
    private mutating func chargeAlias(_ target: YAMLNode, at mark: YAMLMark) throws(YAMLProblem) {
        aliasedNodes = aliasedNodes.addingSaturating(target.expandedSize)
        decodedNodes = decodedNodes.addingSaturating(target.expandedSize)
        let ratio = Double(aliasedNodes) / Double(decodedNodes)
        let excessive = decodedNodes > limits.maxExpandedNodes
            || (aliasedNodes > 100 && decodedNodes > 1000 && ratio > Self.allowedAliasRatio(decodedNodes))
        if excessive {
            throw YAMLProblem(
                rule: .aliasBudget,
                message: "aliases expand to too many nodes (\(decodedNodes < Int.max ? String(decodedNodes) : "too many") in all)",
                mark: mark,
                hint: "aliases are for shared defaults; repeat fewer of them, or write the values out")
        }
    }

    private static func allowedAliasRatio(_ decoded: Int) -> Double {
        let low = 400_000.0, high = 4_000_000.0
        let n = Double(decoded)
        if n <= low { return 0.99 }
        if n >= high { return 0.10 }
        return 0.99 - 0.89 * (n - low) / (high - low)
    }

    /// Tags are not part of the register format; the core schema's own are harmless.
    private mutating func checkTag(_ tag: String?, at mark: YAMLMark) {
        guard let tag, !tag.hasPrefix("tag:yaml.org,2002:"), tag != "!" else { return }
        problems.append(YAMLProblem(
            rule: .tag, message: "unsupported YAML tag `\(tag.abbreviated)`", mark: mark,
            hint: "riskreg registers need no tags: remove it"))
    }
}
