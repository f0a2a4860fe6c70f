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
