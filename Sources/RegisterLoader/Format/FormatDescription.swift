import RegisterModel

/// One mapping of the register format (the top level, `register`, a risk, an estimate, ...): its
/// fields, and the few constraints between fields that a JSON Schema can state.
///
/// The decoder reads its field lists from here, the JSON Schema's `$defs` and the field tables of
/// `docs/register-format.md` are generated from here, so the three cannot drift apart.
public struct FormatMapping: Sendable {
    /// Its name under the JSON Schema's `$defs` ("" for the top level).
    public let name: String
    /// What it is, in a sentence: the schema's description.
    public let summary: String
    public let fields: [FormatField]
    /// Further schema keywords (`oneOf`, `if`/`then`) for rules between fields.
    let schemaRules: [(String, JSONValue)]

    init(_ name: String, _ summary: String, fields: [FormatField], schemaRules: [(String, JSONValue)] = []) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.schemaRules = schemaRules
    }

    /// The field named `name`.
    public func field(_ name: String) -> FormatField? { fields.first { $0.name == name } }

    /// What the decoder accepts here: required fields first, then the others, each in the order
    /// the description lists them (the order messages list them in).
    var fieldSet: FieldSet {
        var hints: [String: String] = [:]
        for field in fields { if let hint = field.missingHint { hints[field.name] = hint } }
        return FieldSet(
            required: fields.filter { $0.requirement == .always }.map(\.name),
            optional: fields.filter { $0.requirement != .always }.map(\.name),
            hints: hints)
    }
}

/// One field of a mapping.
public struct FormatField: Sendable {
    /// Whether a mapping must have the field.
    public enum Requirement: Sendable, Equatable {
        /// Always: `missing-field` without it.
        case always
        /// Never required.
        case optional
        /// Required in some registers only; the text says when (for the reference). Such a field
        /// is checked by the decoder itself with its own message; `inSchema` when the schema's
        /// mapping can require it outright (other cases are `if`/`then` rules of the schema).
        case when(String, inSchema: Bool = false)
    }

    public let name: String
    public let value: FormatValue
    public let requirement: Requirement

    /// Whether the field's mapping in the schema lists it as required.
    var isRequiredInSchema: Bool {
        if case .when(_, true) = requirement { return true }
        return requirement == .always
    }
    /// The value a missing optional field stands for, as a register would write it.
    public let defaultValue: String?
    /// What the field means, in a line: the schema's description and the reference's "meaning".
    public let summary: String
    /// The rules that check the field's value beyond its kind (the kind's own rules, such as
    /// `invalid-number` for a number, are implied).
    public let rules: [Diagnostic.Rule]
    /// Advice when the required field is missing, where its name alone is not enough.
    public let missingHint: String?

    init(_ name: String, _ value: FormatValue, _ requirement: Requirement = .optional, default defaultValue: String? = nil,
         _ summary: String, rules: [Diagnostic.Rule] = [], missingHint: String? = nil) {
        self.name = name
        self.value = value
        self.requirement = requirement
        self.defaultValue = defaultValue
        self.summary = summary
        self.rules = rules
        self.missingHint = missingHint
    }

    /// An optional field.
    init(_ name: String, _ value: FormatValue, default defaultValue: String? = nil, _ summary: String,
         rules: [Diagnostic.Rule] = []) {
        self.init(name, value, .optional, default: defaultValue, summary, rules: rules)
    }
}

/// The kind of value a field holds.
public indirect enum FormatValue: Sendable {
    /// Any scalar with something in it besides white space.
    case text
    /// Text as for ``text``, or the same text in several languages: a mapping of BCP 47 language
    /// code to text, `{en: Bike theft, nl: Fietsdiefstal}`. Reports show the text in their own
    /// language (``Translations``).
    case translatableText
    /// An id; `of` names what it refers to (an outcome, a contributor, ...), nil for a declaration.
    case id(of: String?)
    /// A number, any sign: `250k`, `-3`, `1.5e6`.
    case amount
    /// A number of zero or more.
    case nonNegativeAmount
    /// A chance from 0 to 1: `0.3`, `30%`, `1 in 8`.
    case probability
    /// `true` or `false`, unquoted.
    case boolean
    /// A day, `YYYY-MM-DD`.
    case date
    /// A period, `12 months`.
    case duration
    /// A whole number from 1.
    case wholeNumber
    /// One of a closed set of words.
    case choice([String])
    /// A mapping described by ``RegisterFormat``, by its `$defs` name.
    case mapping(String)
    /// A list; `atLeast` 1 makes an empty list `empty-list`.
    case list(FormatValue, atLeast: Int = 0)
    /// A value or a distribution over values of one scale.
    case distribution(DistributionScale)
    /// A shape that only the schema spells out, under `$defs/<name>`; `reads` is the reference's
    /// wording of its type.
    case schema(String, reads: String)
}

/// What the values of a distribution measure, which decides how they are written and checked.
public enum DistributionScale: String, Sendable, CaseIterable {
    /// Harms and benefits in the outcome's unit: amounts, never negative.
    case amount
    /// A chance in [0, 1]; `30%` and `1 in 8` allowed.
    case probability
    /// An expected number of events per horizon: never negative.
    case rate
}

/// A distribution family a register may name, with its parameters.
public struct DistributionFamily: Sendable {
    /// What a parameter is, which decides how it is written at each scale.
    public enum Role: Sendable {
        /// A value on the distribution's scale (an amount, a chance, a rate).
        case value
        /// A value on the scale that must be above zero (`sd`, `p5`, `p95`).
        case positiveValue
        /// A value on the scale that may be negative (the mean of a normal amount, which may
        /// dip below zero: a warning, not an error).
        case signedValue
        /// A plain number above zero whatever the scale (beta's `alpha` and `beta`, pert's `shape`).
        case shape
        /// A chance from 0 to 1 whatever the scale (the `p` of a discrete choice).
        case probability
    }

    public struct Parameter: Sendable {
        public let name: String
        public let role: Role
        /// The value when left out; nil for a parameter that must be given.
        public let defaultValue: Double?
        public let summary: String
    }

    /// How the family's body is written.
    public enum Form: Sendable {
        /// Its parameters as a list in order (when it has a short form) or a mapping.
        case parameters
        /// A bare value, or its one parameter as for `.parameters` (`fixed`).
        case valueOrParameters
        /// A list of choices, each a mapping of its parameters (`discrete`: `value` and `p`).
        case choices
    }

    public let name: String
    public let summary: String
    public let form: Form
    /// The parameters: those that must be given first, in the order of the short form.
    public let parameters: [Parameter]
    /// Whether `[a, b, c]` (the required parameters in order) may be written.
    public let hasShortForm: Bool
    /// The scales it may be used on (normal is for amounts only, lognormal not for chances).
    public let scales: [DistributionScale]
    /// The reference's columns.
    public let shortExample: String
    public let longExample: String
    public let constraints: String

    public var required: [Parameter] { parameters.filter { $0.defaultValue == nil } }
    public var optional: [Parameter] { parameters.filter { $0.defaultValue != nil } }
}
