import RegisterModel

/// The tables of `docs/register-format.md` that are generated from the format's description:
/// each mapping's fields, the distribution families, the rules, and what the schema checks.
///
/// A generated table sits between two markers, so the prose around it stays hand-written:
///
///     <!-- generated: fields risk -->
///     | key | type | ... |
///     <!-- end generated -->
///
/// `scripts/generate-format` rewrites them; a test fails when one is out of date.
public enum ReferenceTables {
    /// What goes wrong when a document's markers cannot be read.
    public struct MarkerError: Error, CustomStringConvertible {
        public let description: String
    }

    /// `document` with every generated section rewritten from the description.
    public static func update(_ document: String) throws -> String {
        var out: [Substring] = []
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            out.append(line)
            guard line.hasPrefix(startMarker) else { continue }
            let what = line.dropFirst(startMarker.count).dropLast(" -->".count)
            guard line.hasSuffix(" -->"), let table = table(String(what)) else {
                throw MarkerError(description: "unknown generated section `\(line)`")
            }
            guard let end = lines.firstIndex(where: { $0 == endMarker }) else {
                throw MarkerError(description: "`\(line)` has no `\(endMarker)` after it")
            }
            out += table.split(separator: "\n", omittingEmptySubsequences: false)
            out.append(lines[end])
            lines = lines[(end + 1)...]
        }
        return out.joined(separator: "\n")
    }

    static let startMarker = "<!-- generated: "
    static let endMarker = "<!-- end generated -->"

    /// The names of the sections `update` can write.
    public static var sections: [String] {
        ([RegisterFormat.top] + RegisterFormat.mappings).map { "fields \($0.name.isEmpty ? "top" : $0.name)" }
            + ["families", "rules", "schema-coverage"]
    }

    static func table(_ what: String) -> String? {
        if what.hasPrefix("fields ") {
            let name = String(what.dropFirst("fields ".count))
            return RegisterFormat.mapping(name == "top" ? "" : name).map(fields)
        }
        switch what {
        case "families": return families
        case "rules": return rules
        case "schema-coverage": return schemaCoverage
        default: return nil
        }
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    private static func code(_ text: String) -> String { "`\(text)`" }

    static func fields(_ mapping: FormatMapping) -> String {
        var rows = [row(["key", "type", "required", "default", "meaning", "checked by"]), "|---|---|---|---|---|---|"]
        for field in mapping.fields {
            let required = switch field.requirement {
            case .always: "yes"
            case .optional: "no"
            case .when(let text, _): text
            }
            rows.append(row([code(field.name), typeName(field.value), required, field.defaultValue ?? "", field.summary,
                             field.rules.map { code($0.rawValue) }.joined(separator: ", ")]))
        }
        if mapping.name.isEmpty {
            rows.append(row([code("x-…"), "anything", "no", "", "ignored; holds anchors for shared defaults", ""]))
        }
        return rows.joined(separator: "\n")
    }

    /// The reference's wording of a kind of value.
    static func typeName(_ value: FormatValue) -> String {
        switch value {
        case .text: "text"
        case .translatableText: "text or translations"
        case .id(let of): of.map { "id of \(article($0)) \($0)" } ?? "id"
        case .amount: "number"
        case .nonNegativeAmount: "number ≥ 0"
        case .probability: "probability"
        case .boolean: "boolean"
        case .date: "date"
        case .duration: "duration"
        case .wholeNumber: "whole number"
        case .choice(let values): Suggestion.list(values)
        case .mapping: "mapping"
        case .list(let item, let atLeast):
            listName(item) + (atLeast > 0 ? ", at least \(atLeast)" : "")
        case .distribution(let scale):
            switch scale {
            case .amount: "distribution"
            case .probability: "probability or probability distribution"
            case .rate: "number ≥ 0 or distribution"
            }
        case .schema(_, let reads): reads
        }
    }

    private static func listName(_ item: FormatValue) -> String {
        switch item {
        case .id(let of?): "list of \(of) ids"
        case .choice(let values): "list of \(Suggestion.list(values).replacingOccurrences(of: " or ", with: ", "))"
        case .list(let inner, _): "list of lists of \(typeName(inner) == "number" ? "numbers" : typeName(inner))"
        case .mapping: "list"
        default: "list of \(typeName(item))"
        }
    }

    private static func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }

    static var families: String {
        var rows = [row(["family", "short form", "long form", "rules", "used for"]), "|---|---|---|---|---|"]
        for family in RegisterFormat.families {
            let scales = family.scales.count == DistributionScale.allCases.count ? "any"
                : family.scales.map { scale in
                    switch scale {
                    case .amount: "impacts and benefits"
                    case .probability: "likelihoods"
                    case .rate: "frequencies"
                    }
                }.joined(separator: ", ")
            rows.append(row([family.name, family.shortExample, family.longExample, family.constraints, scales]))
        }
        return rows.joined(separator: "\n")
    }

    static var rules: String {
        var rows = [row(["rule", "severity", "meaning", "example message"]), "|---|---|---|---|"]
        for rule in Diagnostic.Rule.allCases where !rule.rawValue.hasPrefix("import-") {
            rows.append(row([code(rule.rawValue), rule.severityText, rule.summary, rule.exampleMessage]))
        }
        return rows.joined(separator: "\n")
    }

    static var schemaCoverage: String {
        var complete: [String] = [], partial: [String] = [], none: [String] = []
        for rule in Diagnostic.Rule.allCases {
            switch RegisterFormat.schemaCoverage(of: rule) {
            case .complete: complete.append(code(rule.rawValue))
            case .partial(let escapes): partial.append("- \(code(rule.rawValue)), except \(escapes)")
            case .none: none.append(code(rule.rawValue))
            case .notContent: break
            }
        }
        return (["The schema checks these rules fully: \(complete.joined(separator: ", ")).", "", "In part:", ""]
            + partial + ["", "Not at all, being beyond a schema: \(none.joined(separator: ", ")). The YAML-level rules (`yaml-…`) are the YAML reader's."])
            .joined(separator: "\n")
    }
}
