import Foundation
import RegisterModel
import YAMLNodes

/// Reads positioned YAML nodes as the register format expects them, collecting a diagnostic for
/// every mismatch instead of stopping at the first.
///
/// Every reading function returns nil when the node cannot be read; it has then already recorded
/// why, at the node's position, so callers just skip what they could not read.
package struct NodeReader {
    let file: String
    package private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    package func location(_ node: YAMLNode) -> Diagnostic.Location {
        location(node.mark)
    }

    func location(_ mark: YAMLMark) -> Diagnostic.Location {
        Diagnostic.Location(file: file, line: mark.line, column: mark.column)
    }

    package mutating func error(_ rule: Diagnostic.Rule, _ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(.error(rule, message, at: location(node), hint: hint))
    }

    mutating func warning(_ rule: Diagnostic.Rule, _ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(.warning(rule, message, at: location(node), hint: hint))
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: Mappings

    /// A mapping's fields, checked against the fields its place allows.
    ///
    /// Unknown keys get `unknown-field` with the closest allowed key; missing required keys get
    /// `missing-field` at the mapping. The fields that are present are returned even when some
    /// are missing, so their own problems are reported in the same run.
    package mutating func fields(_ node: YAMLNode, of what: String, _ spec: FieldSet) -> Fields? {
        guard let entries = node.mapping else {
            error(.wrongType, "\(what) should be a mapping of fields, not \(node.kindDescription)", at: node,
                  hint: "write its fields as `key: value` lines, such as \(spec.required.first.map { "`\($0): ...`" } ?? "`title: ...`")")
            return nil
        }
        var fields = Fields(node: node, what: what)
        for entry in entries {
            guard let key = entry.key.scalar?.value else {
                error(.wrongType, "a field name must be text, not \(entry.key.kindDescription)", at: entry.key)
                continue
            }
            if spec.allows(key) {
                fields.values[key] = entry.value
                fields.keys[key] = entry.key
            } else {
                let hint = Suggestion.didYouMean(key, in: spec.all)
                    ?? "\(what) may have \(Suggestion.list(spec.all))"
                error(.unknownField, "unknown field `\(key.abbreviated)` in \(what)", at: entry.key, hint: hint)
            }
        }
        for key in spec.required where fields.values[key] == nil {
            error(.missingField, "\(what) is missing the required field `\(key)`", at: node,
                  hint: spec.hints[key])
        }
        return fields
    }

    // MARK: Lists

    /// The items of a list, or nil (with `wrong-type`). An empty list is `empty-list` when
    /// `nonEmpty` — registers with no outcomes or no estimates cannot be scored.
    package mutating func list(_ node: YAMLNode, of what: String, nonEmpty: Bool = true) -> [YAMLNode]? {
        guard let items = node.sequence else {
            if node.isNull, nonEmpty {
                error(.emptyList, "\(what) is empty", at: node, hint: "add at least one item, each starting with `- `")
                return nil
            }
            error(.wrongType, "\(what) should be a list, not \(node.kindDescription)", at: node,
                  hint: "write each item on its own line starting with `- `, or as `[a, b]`")
            return nil
        }
        if items.isEmpty, nonEmpty {
            error(.emptyList, "\(what) is empty", at: node, hint: "add at least one item")
        }
        return items
    }

    // MARK: Scalars

    /// A scalar's text, or nil with `wrong-type` for a list or mapping and `empty-value` for nothing.
    package mutating func text(_ node: YAMLNode, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error(.wrongType, "\(what) should be text, not \(node.kindDescription)", at: node,
                  hint: "quote the text if it contains `: `, `#`, `[` or `{`")
            return nil
        }
        if scalar.isNull || scalar.value.allSatisfy(\.isWhitespace) {
            error(.emptyValue, "\(what) is empty", at: node)
            return nil
        }
        return scalar.value
    }

    mutating func id(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = text(node, what) else { return nil }
        guard ScalarSyntax.isValidID(text) else {
            error(.invalidID, "\(what) `\(text.abbreviated)` is not a valid id", at: node,
                  hint: "ids start with a letter or digit and use only letters, digits, `.`, `_` and `-` (at most 64), such as `CS-01`")
            return nil
        }
        return text
    }

    mutating func amount(_ node: YAMLNode, _ what: String) -> Double? {
        guard let text = text(node, what) else { return nil }
        guard let value = ScalarSyntax.amount(text) else {
            error(.invalidNumber, "\(what) `\(text.abbreviated)` is not a number", at: node,
                  hint: "write amounts as plain numbers such as `250000`, `250_000` or `250k`; no currency signs or thousands commas")
            return nil
        }
        return withinAmountLimit(value, what, at: node) ? value : nil
    }

    mutating func nonNegativeAmount(_ node: YAMLNode, _ what: String) -> Double? {
        guard let value = amount(node, what) else { return nil }
        guard value >= 0 else {
            error(.negativeAmount, "\(what) cannot be negative (found \(Self.format(value)))", at: node)
            return nil
        }
        return value
    }

    /// A chance in [0, 1], written `0.3`, `30%` or `1 in 8`.
    mutating func probability(_ node: YAMLNode, _ what: String) -> Double? {
        guard let text = text(node, what) else { return nil }
        guard let value = ScalarSyntax.probability(text) else {
            error(.invalidNumber, "\(what) `\(text.abbreviated)` is not a probability", at: node,
                  hint: "write a chance as `0.3`, `30%` or `1 in 3`")
            return nil
        }
        guard (0...1).contains(value) else {
            error(.probabilityRange, "\(what) is \(text.abbreviated), outside 0 to 1", at: node,
                  hint: value < 0 ? "a chance cannot be negative" : text.hasSuffix("%") ? "a percentage is at most 100%" : "write a chance as `0.3`, `30%` or `1 in 3`; for a number of events per horizon use `frequency`")
            return nil
        }
        return value
    }

    mutating func boolean(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let text = text(node, what) else { return nil }
        if node.scalar?.isPlain == true, text == "true" { return true }
        if node.scalar?.isPlain == true, text == "false" { return false }
        if text == "true" || text == "false" {
            error(.invalidBoolean, "\(what) must be `true` or `false` without quotes", at: node,
                  hint: "remove the quotes: quoted, `\(text)` is text rather than yes or no")
            return nil
        }
        let meant = ScalarSyntax.yaml11Booleans[text.lowercased()]
        error(.invalidBoolean, "\(what) must be `true` or `false`, not `\(text.abbreviated)`", at: node,
              hint: meant.map { "write `\($0)`: YAML 1.1 readers guess at words like `\(text.abbreviated)`, riskreg asks for the unambiguous form" }
                ?? "write `true` or `false`")
        return nil
    }

    mutating func date(_ node: YAMLNode, _ what: String) -> CalendarDate? {
        guard let text = text(node, what) else { return nil }
        if let date = CalendarDate(text) { return date }
        if CalendarDate.looksLikeDate(text) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if let padded = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) {
                error(.invalidDate, "\(what) `\(text)` is not written YYYY-MM-DD", at: node, hint: "write `\(padded)`")
                return nil
            }
            let hint: String
            if !(1...9999).contains(parts[0]) {
                hint = "years run from 0001 to 9999"
            } else if (1...12).contains(parts[1]) {
                hint = "that month has \(CalendarDate.daysIn(month: parts[1], year: parts[0])) days"
            } else {
                hint = "months run from 01 to 12; write dates as YYYY-MM-DD"
            }
            error(.invalidDate, "\(what) \(text) is not a day in the calendar", at: node, hint: hint)
        } else {
            error(.invalidDate, "\(what) `\(text.abbreviated)` is not a date", at: node,
                  hint: "write dates as YYYY-MM-DD, such as `2027-03-31`")
        }
        return nil
    }

    /// One of a closed set of values, with did-you-mean and the allowed values in the hint.
    package mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ what: String, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = text(node, what) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let guess = Suggestion.didYouMean(text, in: allowed)
        error(.invalidValue, "`\(text.abbreviated)` is not a valid \(what)", at: node,
              hint: [guess, "\(what) is one of \(Suggestion.list(allowed))"].compactMap { $0 }.joined(separator: " "))
        return nil
    }

    /// Formats a number for a message: `250000`, `0.3`, `1.5e+20`.
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Six significant digits: enough to recognise the value, without binary noise such as
        // 0.8999999999999999.
        let rounded = Double(String(format: "%.6g", value)) ?? value
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}

/// The fields a mapping may have at one place in the format.
package struct FieldSet: Sendable {
    let required: [String]
    let optional: [String]
    /// Advice for a missing required field, where the field's name alone is not enough.
    let hints: [String: String]

    package init(required: [String], optional: [String] = [], hints: [String: String] = [:]) {
        self.required = required
        self.optional = optional
        self.hints = hints
    }

    var all: [String] { required + optional }

    func allows(_ key: String) -> Bool { required.contains(key) || optional.contains(key) }
}

/// A mapping's fields by name, with the key nodes kept for positions.
package struct Fields {
    let node: YAMLNode
    let what: String
    var values: [String: YAMLNode] = [:]
    var keys: [String: YAMLNode] = [:]

    package subscript(key: String) -> YAMLNode? { values[key] }
}
