internal import CYAML

/// One libyaml event, copied out of the parser so libyaml's memory can be freed at once.
struct Event {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    var mark: YAMLMark
}

/// Drives libyaml's event API over the caller's bytes.
///
/// `yaml_parser_set_input_string` keeps a pointer to the bytes rather than copying them, so the
/// caller keeps the buffer alive for as long as the parser lives (``YAMLComposer`` parses inside
/// `withUnsafeBufferPointer`); a copy would cost the size of the file again while composing.
final class EventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: UnsafeBufferPointer<UInt8>
    /// How many lines the text has, as ``SourceLines`` counts them, to clamp marks past the end.
    private let lineCount: Int
    /// The lines themselves are indexed only when a problem or a clamped mark needs them: the
    /// index is two integers a line, which a file that parses cleanly never uses.
    private lazy var lines = SourceLines(Array(bytes))

    /// libyaml requires an input pointer even for no input; an empty buffer may have none.
    private let emptyInput: UnsafeMutablePointer<UInt8>?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        lineCount = SourceLines.count(in: bytes)
        emptyInput = bytes.baseAddress == nil ? .allocate(capacity: 1) : nil
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, bytes.baseAddress ?? UnsafePointer(emptyInput), bytes.count)
        // A UTF-16 file is refused with advice rather than silently decoded: columns and the
        // caret under them are computed on UTF-8.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        emptyInput?.deallocate()
    }

    /// The next event, or the problem that stopped the parser.
    func next() throws(YAMLProblem) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw currentProblem()
        }
        defer { yaml_event_delete(&event) }
        let mark = endClamped(YAMLMark(line0: Int(event.start_mark.line), column0: Int(event.start_mark.column)))
        let kind: Event.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self)
            } ?? ""
            kind = .scalar(
                YAMLScalar(value, style: Self.style(s.style)),
                anchor: Self.string(s.anchor), tag: Self.string(s.tag))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(
                anchor: Self.string(event.data.sequence_start.anchor),
                tag: Self.string(event.data.sequence_start.tag))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(
                anchor: Self.string(event.data.mapping_start.anchor),
                tag: Self.string(event.data.mapping_start.tag))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default:
            throw YAMLProblem(rule: .syntax, message: "unexpected YAML event", mark: mark)
        }
        return Event(kind: kind, mark: mark)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// libyaml's error, in words a register's author can act on.
    private func currentProblem() -> YAMLProblem {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        if p.error == YAML_READER_ERROR {
            var offset = Int(p.problem_offset)
            // For a bad trailing byte libyaml points at that byte; point at the character it
            // broke, where the sequence's lead byte is.
            if problem.contains("trailing"), offset > 0, offset < bytes.count, bytes[offset] < 0xC0 {
                var lead = offset - 1
                while lead > 0, offset - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                if bytes[lead] >= 0xC0 { offset = lead }
            }
            let mark = lines.mark(ofByte: offset)
            if problem.contains("UTF-8") || problem.contains("octet") {
                return YAMLProblem(
                    rule: .encoding, message: "the file is not valid UTF-8 text (\(problem))", mark: mark,
                    hint: "save the register as UTF-8; if it is not a register, leave it out of the paths given")
            }
            return YAMLProblem(
                rule: .encoding, message: "the file contains a character that YAML does not allow (\(problem))",
                mark: mark, hint: "remove control characters; a register is plain UTF-8 text")
        }
        var mark = endClamped(YAMLMark(line0: Int(p.problem_mark.line), column0: Int(p.problem_mark.column)))
        let context = p.context.map { String(cString: $0) }
        let unclosedQuote = problem.contains("end of stream") && (context?.contains("quoted") ?? false)
        if unclosedQuote {
            // The end of the file says nothing useful; the opening quote does.
            mark = endClamped(YAMLMark(line0: Int(p.context_mark.line), column0: Int(p.context_mark.column)))
        }
        var message = problem
        if let context { message += " (\(context))" }
        if unclosedQuote {
            return YAMLProblem(rule: .syntax, message: "this quoted text is never closed", mark: mark,
                               hint: "add the closing quote; inside single quotes write '' for a quote, inside double quotes \\\"")
        }
        return YAMLProblem(rule: .syntax, message: message, mark: mark, hint: syntaxHint(problem, at: mark))
    }

    private func syntaxHint(_ problem: String, at mark: YAMLMark) -> String? {
        if problem.contains("tab character") || (problem.contains("cannot start any token") && character(at: mark) == "\t") {
            return TabIndentation.hint
        }
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains ': ', or check this line is indented like its siblings"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check this line's indentation: it must line up with the keys or items above it"
        }
        if problem.contains("found undefined tag handle") || problem.contains("tag") {
            return "riskreg registers need no YAML tags: remove the `!...`"
        }
        return nil
    }

    /// At the end of a file with no final line break, libyaml places its mark on the line after
    /// the last; point at the end of the last line instead, so the line can be quoted.
    private func endClamped(_ mark: YAMLMark) -> YAMLMark {
        guard mark.line > lineCount, let last = lines.line(lines.count) else { return mark }
        return YAMLMark(line: lines.count, column: last.unicodeScalars.count + 1)
    }

    /// The character at a mark, to tell a tab from other unexpected characters.
    private func character(at mark: YAMLMark) -> Character? {
        guard let line = lines.line(mark.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard mark.column - 1 < scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }
}
