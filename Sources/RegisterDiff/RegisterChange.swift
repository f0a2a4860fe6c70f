/// One difference between two revisions of a register: an entry added or removed, or one field
/// of an entry changed, with the line it is written at on each side.
public struct RegisterChange: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case added, removed, changed
    }

    /// The kind of entry that changed.
    public enum Subject: String, Sendable, Codable, Hashable, CaseIterable {
        case register, outcome, appetite, contributor, perspective, risk, correlation, portfolio
    }

    public var kind: Kind
    public var subject: Subject
    /// The entry's id. Appetite statements have none: they are named `outcome/kind#n`, the n-th
    /// statement of that kind about that outcome. A correlation is named `A~B`.
    public var id: String
    /// The field, as the register writes it: `owner`, `strategy`, `estimates[gemeente].impact`,
    /// `response.cost`, `coproduction.contributors`. Nil for an entry added or removed whole.
    public var field: String?
    /// The value before and after, written as a register would write it; nil when absent.
    public var before: String?
    public var after: String?
    /// For a field that holds a number (a cost, a weight, a reliability, an appetite's
    /// threshold): the number itself, a probability as a fraction. JSON gives `before` and
    /// `after` as these numbers, so scripts never parse `4,000` or `35%`.
    public var beforeNumber: Double?
    public var afterNumber: Double?
    /// For lists of ids: what was added and removed (`+ wijkagenten, − bewonerspanel`).
    public var note: String?
    /// The 1-based line of the entry (or of its estimate or response) on each side.
    public var beforeLine: Int?
    public var afterLine: Int?

    public init(
        kind: Kind, subject: Subject, id: String, field: String? = nil, before: String? = nil,
        after: String? = nil, note: String? = nil, beforeLine: Int? = nil, afterLine: Int? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.id = id
        self.field = field
        self.before = before
        self.after = after
        self.note = note
        self.beforeLine = beforeLine
        self.afterLine = afterLine
    }
}

extension RegisterChange {
    private enum CodingKeys: String, CodingKey {
        case kind, subject, id, field, before, after, note, beforeLine, afterLine
    }

    /// `before` and `after` are numbers for a numeric field, text otherwise.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(subject, forKey: .subject)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(field, forKey: .field)
        if let beforeNumber { try c.encode(beforeNumber, forKey: .before) } else { try c.encodeIfPresent(before, forKey: .before) }
        if let afterNumber { try c.encode(afterNumber, forKey: .after) } else { try c.encodeIfPresent(after, forKey: .after) }
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(beforeLine, forKey: .beforeLine)
        try c.encodeIfPresent(afterLine, forKey: .afterLine)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> (String?, Double?) {
            if let number = try? c.decodeIfPresent(Double.self, forKey: key) { return (nil, number) }
            return (try c.decodeIfPresent(String.self, forKey: key), nil)
        }
        let (before, beforeNumber) = try value(.before)
        let (after, afterNumber) = try value(.after)
        self.init(kind: try c.decode(Kind.self, forKey: .kind), subject: try c.decode(Subject.self, forKey: .subject),
                  id: try c.decode(String.self, forKey: .id), field: try c.decodeIfPresent(String.self, forKey: .field),
                  before: before, after: after, note: try c.decodeIfPresent(String.self, forKey: .note),
                  beforeLine: try c.decodeIfPresent(Int.self, forKey: .beforeLine), afterLine: try c.decodeIfPresent(Int.self, forKey: .afterLine))
        self.beforeNumber = beforeNumber
        self.afterNumber = afterNumber
    }
}
