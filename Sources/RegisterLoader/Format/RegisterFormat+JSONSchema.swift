import Distributions
import RegisterModel

/// The JSON Schema (draft 2020-12) of the register format, generated from its description.
///
/// Generated when asked rather than embedded: `riskreg schema` prints what the running release
/// reads, with nothing to regenerate by hand, and `schema/register.schema.json` is this text
/// written out by `scripts/generate-format` for editors (a test fails when it is stale).
///
/// Every scalar syntax is a pattern that accepts exactly what the decoder reads (see
/// ``ScalarPatterns``). A number a YAML reader has already typed as a number is checked by
/// `minimum` and `maximum` instead, so ranges are checked for plain numbers but not for `30%` or
/// `1 in 8`: that, references between entries, and the order of values are `validate`'s work.
extension RegisterFormat {
    /// The schema as printed by `riskreg schema` and shipped as `schema/register.schema.json`.
    public static var jsonSchemaText: String { jsonSchema.text() + "\n" }

    public static var jsonSchema: JSONValue {
        var members: [(String, JSONValue)] = [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string("urn:riskreg:register-format:\(version)")),
            ("title", .string("riskreg register, format v\(version)")),
        ]
        members += SchemaWriter.mappingMembers(top, patternProperties: [
            ("^x-", .object([("description", "Ignored by riskreg; a place for YAML anchors holding shared defaults.")])),
        ])
        members.append(("allOf", .array(SchemaWriter.registerWideRules)))
        members.append(("$defs", .object(SchemaWriter.definitions)))
        return .object(members)
    }
}

/// Turns the description into schema values.
enum SchemaWriter {
    /// The numeric limits `validate` enforces (``NumericLimits``), as `minimum` and `maximum`.
    /// They bind only values a YAML reader hands over as numbers: `2000T` or `250k` is text, whose
    /// size a pattern cannot bound.
    private static let largestAmount = JSONValue.number(NumericLimits.maximumAmount)
    private static let largestFrequency = JSONValue.number(NumericLimits.maximumFrequency)

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members) }

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// The members of a mapping's schema, without `$defs`.
    static func mappingMembers(_ mapping: FormatMapping, patternProperties: [(String, JSONValue)] = []) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("description", .string(mapping.summary)), ("type", "object")]
        let required = mapping.fields.filter(\.isRequiredInSchema).map(\.name)
        if !required.isEmpty { members.append(("required", strings(required))) }
        members.append(("properties", .object(mapping.fields.map { ($0.name, property($0)) })))
        if !patternProperties.isEmpty { members.append(("patternProperties", .object(patternProperties))) }
        members.append(("additionalProperties", false))
        members += mapping.schemaRules
        return members
    }

    private static func property(_ field: FormatField) -> JSONValue {
        var members: [(String, JSONValue)] = [("description", .string(sentence(field.summary)))]
        if case .object(let shape) = schema(field.value) { members += shape }
        if let value = field.defaultValue, let json = defaultJSON(value) { members.append(("default", json)) }
        return .object(members)
    }

    /// A reference's sentence as a schema description: capitalised, with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    /// `false`, `1`: defaults a schema can state as values.
    private static func defaultJSON(_ text: String) -> JSONValue? {
        switch text {
        case "`false`": false
        case "`true`": true
        case "`0`": 0
        case "`1`": 1
        default: nil
        }
    }

    static func schema(_ value: FormatValue) -> JSONValue {
        switch value {
        case .text: ref("text")
        case .translatableText: ref("translatableText")
        case .id: ref("id")
        case .amount: ref("amount")
        case .nonNegativeAmount: ref("nonNegativeAmount")
        case .probability: ref("probability")
        case .boolean: object([("type", "boolean")])
        case .date: ref("date")
        case .duration: ref("duration")
        case .wholeNumber: ref("wholeNumber")
        case .choice(let values): object([("enum", strings(values))])
        case .mapping(let name): ref(name)
        case .list(let item, let atLeast):
            object([("type", "array"), ("items", schema(item))] + (atLeast > 0 ? [("minItems", .number(Double(atLeast)))] : []))
        case .distribution(let scale): ref(distributionName(scale))
        case .schema(let name, _): ref(name)
        }
    }

    static func distributionName(_ scale: DistributionScale) -> String {
        switch scale {
        case .amount: "amountDistribution"
        case .probability: "probabilityDistribution"
        case .rate: "frequencyDistribution"
        }
    }

    // MARK: Rules across the register

    /// Rules that depend on another part of the register, stated at the top.
    static var registerWideRules: [JSONValue] {
        func estimates(_ estimate: JSONValue) -> JSONValue {
            object([("properties", object([("risks", object([("items", object([("properties", object([
                ("estimates", object([("items", estimate)])),
            ]))]))]))]))])
        }
        return [
            // With `perspectives`, every estimate names its perspective.
            object([("if", object([("required", ["perspectives"])])),
                    ("then", estimates(object([("required", ["perspective"])])))]),
            // Without `scales`, a word where a number belongs is not a level but a mistake.
            object([("if", object([("not", object([("required", ["scales"])]))])),
                    ("then", estimates(object([("properties", object([
                        ("likelihood", object([("not", ref("likelihoodLevelWord"))])),
                        ("impact", object([("not", ref("impactLevelWord"))])),
                    ]))])))]),
            // An outcome in money needs the register's currency.
            object([("if", object([("required", ["outcomes"]), ("properties", object([("outcomes", object([
                ("type", "array"),
                ("contains", object([("type", "object"), ("required", ["unit"]), ("properties", object([("unit", object([("const", "money")]))]))])),
            ]))]))])),
                    ("then", object([("properties", object([("register", object([("required", ["currency"])]))]))]))]),
        ]
    }

    // MARK: Definitions

    static var definitions: [(String, JSONValue)] {
        var defs: [(String, JSONValue)] = scalarDefinitions
        for kind in FamilyValues.allCases {
            for family in RegisterFormat.families where family.scales.contains(where: { FamilyValues($0) == kind }) {
                defs.append((kind.definitionName(family.name), familySchema(family, kind)))
            }
        }
        for scale in DistributionScale.allCases {
            defs.append((distributionName(scale), distributionSchema(scale)))
        }
        defs += levelDefinitions
        defs += RegisterFormat.mappings.map { ($0.name, .object(mappingMembers($0))) }
        return defs
    }

    private static func pattern(_ types: [String], _ pattern: String, description: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        object([("description", .string(description)), ("type", types.count == 1 ? .string(types[0]) : strings(types))]
               + extra + [("pattern", .string(pattern))])
    }

    private static var scalarDefinitions: [(String, JSONValue)] {
        [
            ("text", pattern(["string", "number", "boolean"], ScalarPatterns.text,
                             description: "Text. Any scalar is read as text here; quote it if it starts with a special character.")),
            ("translatableText", object([
                ("description", "Text, or the same text in several languages: a mapping of BCP 47 language code (en, nl, nl-BE) to text. Reports show the text in their own language, else in the register's."),
                ("anyOf", .array([ref("text"), object([
                    ("type", "object"), ("minProperties", 1),
                    ("propertyNames", object([("pattern", .string(ScalarPatterns.languageTag))])),
                    ("additionalProperties", ref("text")),
                ])])),
            ])),
            ("id", pattern(["string", "number"], ScalarPatterns.id,
                           description: "An identifier: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters; case-sensitive.",
                           extra: [("minimum", 0)])),
            ("amount", pattern(["number", "string"], ScalarPatterns.amount,
                               description: "A number: 12000, 12_000, 1.5e6, -3, .5, or with a suffix k, m or bn (250k, 1.2m, 2bn). No currency symbols or thousands commas. At most 1e15 in size.",
                               extra: [("minimum", .number(-NumericLimits.maximumAmount)), ("maximum", largestAmount)])),
            ("nonNegativeAmount", pattern(["number", "string"], ScalarPatterns.nonNegativeAmount,
                                          description: "A number that is zero or more: 0, 12_000, 250k, 1.2m, 3bn; at most 1e15.",
                                          extra: [("minimum", 0), ("maximum", largestAmount)])),
            ("positiveAmount", pattern(["number", "string"], ScalarPatterns.positiveAmount,
                                       description: "A number greater than zero: 0.5, 12_000, 250k; at most 1e15.",
                                       extra: [("exclusiveMinimum", 0), ("maximum", largestAmount)])),
            ("frequency", pattern(["number", "string"], ScalarPatterns.nonNegativeAmount,
                                  description: "An expected number of events per horizon, from 0 to 1000: 0.5, 12, 250.",
                                  extra: [("minimum", 0), ("maximum", largestFrequency)])),
            ("positiveFrequency", pattern(["number", "string"], ScalarPatterns.positiveAmount,
                                          description: "An expected number of events per horizon greater than zero, at most 1000.",
                                          extra: [("exclusiveMinimum", 0), ("maximum", largestFrequency)])),
            ("betaShape", pattern(["number", "string"], ScalarPatterns.positiveAmount,
                                  description: "A beta shape parameter: a number from 0.01 to 10000.",
                                  extra: [("minimum", .number(NumericLimits.betaShapes.lowerBound)),
                                          ("maximum", .number(NumericLimits.betaShapes.upperBound))])),
            ("pertShape", pattern(["number", "string"], ScalarPatterns.positiveAmount,
                                  description: "A PERT shape: a number greater than zero, at most 10000.",
                                  extra: [("exclusiveMinimum", 0), ("maximum", .number(NumericLimits.maximumPertShape))])),
            ("probability", pattern(["number", "string"], ScalarPatterns.probability,
                                    description: "A probability: a number from 0 to 1 (0.3), a percentage (30%), or 'K in N' (1 in 8 = 0.125). The range of a percentage or 'K in N' is checked by riskreg validate.",
                                    extra: [("minimum", 0), ("maximum", 1)])),
            ("date", pattern(["string"], ScalarPatterns.date, description: "A calendar date written YYYY-MM-DD, such as 2027-03-31.")),
            ("duration", pattern(["string"], ScalarPatterns.duration,
                                 description: "A period: a whole number and a unit (day, week, month or year, singular or plural, any case), such as '12 months' or '1 year'.")),
            ("wholeNumber", pattern(["integer", "string"], ScalarPatterns.wholeFromOne, description: "A whole number from 1.", extra: [("minimum", 1)])),
            ("formatVersion", object([("description", "The register format version: 1."),
                                      ("anyOf", [object([("const", 1)]), object([("type", "string"), ("pattern", .string(ScalarPatterns.versionOne))])])])),
            ("strategy", object([("description", "One of the four strategies: portfolio, reduction, resilience or enablement. Read in any case: `Reduction` is `reduction`."),
                                 ("anyOf", [object([("enum", strings(Strategy.allCases.map(\.rawValue)))]),
                                            object([("type", "string"), ("pattern", .string(ScalarPatterns.anyCase(Strategy.allCases.map(\.rawValue))))])])])),
            ("currency", object([("description", "An ISO 4217 currency code: three capital letters."), ("type", "string"),
                                 ("pattern", .string(ScalarPatterns.currency)), ("examples", ["EUR", "GBP", "USD"])])),
            ("rank", pattern(["number", "string"], ScalarPatterns.amount,
                             description: "A rank correlation: a number from -1 to 1, without a suffix k or m.",
                             extra: [("minimum", -1), ("maximum", 1), ("not", object([("type", "string"), ("pattern", .string(ScalarPatterns.rankSuffix))]))])),
            ("riskPair", object([("description", "Two different risks, by id."), ("type", "array"), ("items", ref("id")),
                                 ("minItems", 2), ("maxItems", 2), ("uniqueItems", true)])),
        ]
    }

    private static var levelDefinitions: [(String, JSONValue)] {
        [
            ("levelByNumber", object([
                ("description", "A level of the register's scale as {level: 4}, by its number or label."),
                ("type", "object"), ("required", ["level"]),
                ("properties", object([("level", object([("type", ["string", "number", "boolean", "null"])]))])),
                ("additionalProperties", false)])),
            ("likelihoodLevelWord", object([
                ("description", "A likelihood level by its label, such as likely: a word that is not a chance. Only with a `scales` section."),
                ("type", ["string", "boolean"]), ("not", object([("type", "string"), ("pattern", .string(ScalarPatterns.probability))]))])),
            ("impactLevelWord", object([
                ("description", "An impact level by its label, such as major: a word that is not a number. Only with a `scales` section."),
                ("type", ["string", "boolean"]), ("not", object([("type", "string"), ("pattern", .string(ScalarPatterns.amount))]))])),
            ("likelihood", object([
                ("description", "A probability or a distribution over it; with scales, a likelihood level: likely or {level: 4}."),
                ("anyOf", [ref("probabilityDistribution"), ref("likelihoodLevelWord"), ref("levelByNumber")])])),
            ("impact", object([
                ("description", "An amount or a distribution of amounts; with scales, an impact level: major or {level: 3}."),
                ("anyOf", [ref("amountDistribution"), ref("impactLevelWord"), ref("levelByNumber")])])),
            ("statedLevel", object([
                ("description", "A level by its number (4), its label (likely), or as {level: 4}."),
                ("anyOf", [ref("text"), ref("levelByNumber")])])),
            ("levelLabel", object([
                ("description", "A level's label: a word such as likely or major, not a number."),
                ("type", ["string", "boolean"]), ("pattern", .string(ScalarPatterns.text)),
                ("not", object([("type", "string"), ("pattern", .string(ScalarPatterns.probability))]))])),
        ]
    }

    // MARK: Distributions

    /// How a family's values are written: amounts, rates (amounts of at most 1000 events), or
    /// chances.
    enum FamilyValues: CaseIterable {
        case amounts, rates, chances

        init(_ scale: DistributionScale) {
            self = switch scale {
            case .amount: .amounts
            case .rate: .rates
            case .probability: .chances
            }
        }

        func definitionName(_ family: String) -> String {
            let values = switch self {
            case .amounts: "Amounts"
            case .rates: "Rates"
            case .chances: "Chances"
            }
            return "\(family)Of\(values)"
        }

        /// The schema of a parameter of `family` in `role`.
        func schema(_ role: DistributionFamily.Role, of family: String) -> JSONValue {
            switch (role, self) {
            case (.value, .amounts): ref("nonNegativeAmount")
            case (.value, .rates): ref("frequency")
            case (.value, .chances), (.probability, _): ref("probability")
            case (.positiveValue, .rates): ref("positiveFrequency")
            case (.positiveValue, _): ref("positiveAmount")
            case (.shape, _): ref(family == "beta" ? "betaShape" : "pertShape")
            case (.signedValue, .amounts), (.signedValue, .rates): ref("amount")
            case (.signedValue, .chances): ref("probability")
            }
        }
    }

    private static func familySchema(_ family: DistributionFamily, _ kind: FamilyValues) -> JSONValue {
        let long = object([
            ("type", "object"), ("required", strings(family.required.map(\.name))),
            ("properties", .object(family.parameters.map { ($0.name, object([("description", .string($0.summary))] + members(kind.schema($0.role, of: family.name)))) })),
            ("additionalProperties", false),
        ])
        let short = object([
            ("description", .string("[\(family.required.map(\.name).joined(separator: ", "))]")),
            ("type", "array"), ("prefixItems", .array(family.required.map { kind.schema($0.role, of: family.name) })),
            ("minItems", .number(Double(family.required.count))), ("maxItems", .number(Double(family.required.count))),
        ])
        let body: JSONValue
        switch family.form {
        case .parameters:
            body = family.hasShortForm ? object([("anyOf", [short, long])]) : long
        case .valueOrParameters:
            body = object([("anyOf", [kind.schema(family.parameters[0].role, of: family.name), short, long])])
        case .choices:
            body = object([("type", "array"), ("minItems", 1), ("items", long)])
        }
        return object([
            ("description", .string("\(family.summary) \(forms(family))")),
            ("type", "object"), ("required", strings([family.name])),
            ("properties", object([(family.name, body)])),
            ("additionalProperties", false),
        ])
    }

    private static func members(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let m) = value { return m }
        return []
    }

    private static func forms(_ family: DistributionFamily) -> String {
        let long = "Long form: \(family.longExample.replacingOccurrences(of: "`", with: ""))."
        guard family.hasShortForm else { return long }
        return "Short form: \(family.shortExample.replacingOccurrences(of: "`", with: "")). \(long)"
    }

    private static func distributionSchema(_ scale: DistributionScale) -> JSONValue {
        let kind = FamilyValues(scale)
        let families = RegisterFormat.families.filter { $0.scales.contains(scale) }
        let what = switch scale {
        case .amount: "An amount in the outcome's unit"
        case .probability: "A chance"
        case .rate: "An expected number of events per horizon"
        }
        let names = families.map(\.name).joined(separator: ", ")
        return object([
            ("description", .string("\(what): a bare value (fixed), or a mapping with one key naming the family (\(names)).")),
            ("anyOf", .array([kind.schema(.value, of: "")] + families.map { ref(kind.definitionName($0.name)) })),
        ])
    }
}
