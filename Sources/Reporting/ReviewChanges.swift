import RegisterModel

/// What changed since an earlier revision of the register, as the board report's "Since the
/// last review" section shows it. Filled from a comparison of the two revisions (`riskreg report
/// --since`); values are raw register text and numbers, encoded by ``ReportBuilder`` like every
/// other piece of register text.
public struct ReviewChanges: Sendable {
    /// The earlier revision, as given.
    public var revision: String
    /// False when the register file did not exist at the revision: every entry is new.
    public var existed: Bool
    /// A one-line account of what changed.
    public var summary: String
    /// Every change to an entry, in register order.
    public var changes: [Change]
    /// Each outcome's figures on both sides.
    public var outcomes: [OutcomeFigures]
    /// Appetite verdicts on both sides.
    public var verdicts: [Verdict]

    public init(revision: String, existed: Bool, summary: String, changes: [Change],
                outcomes: [OutcomeFigures], verdicts: [Verdict]) {
        self.revision = revision
        self.existed = existed
        self.summary = summary
        self.changes = changes
        self.outcomes = outcomes
        self.verdicts = verdicts
    }

    public struct Change: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var kind: Kind
        /// `risk`, `outcome`, `appetite`, `contributor`, …
        public var subject: String
        public var id: String
        /// The entry's title, when it has one.
        public var title: String?
        /// The field as the register writes it; nil for an entry added or removed whole.
        public var field: String?
        public var before: String?
        public var after: String?
        /// The entry is confidential on either side.
        public var confidential: Bool

        public init(kind: Kind, subject: String, id: String, title: String?, field: String?,
                    before: String?, after: String?, confidential: Bool) {
            self.kind = kind
            self.subject = subject
            self.id = id
            self.title = title
            self.field = field
            self.before = before
            self.after = after
            self.confidential = confidential
        }
    }

    /// A figure on both sides.
    public struct Figure: Sendable {
        public enum Status: String, Sendable { case unchanged, withinError, changed, added, removed }
        public var before: Double?
        public var after: Double?
        public var status: Status

        public init(before: Double?, after: Double?, status: Status) {
            self.before = before
            self.after = after
            self.status = status
        }
    }

    public struct OutcomeFigures: Sendable {
        /// The outcome's id, by which the report finds its direction (a loss or a gain).
        public var id: String
        public var title: String
        /// `money` or the register's word for the unit.
        public var unit: String
        public var mean: Figure
        public var p90: Figure
        public var p95: Figure

        public init(id: String, title: String, unit: String, mean: Figure, p90: Figure, p95: Figure) {
            self.id = id
            self.title = title
            self.unit = unit
            self.mean = mean
            self.p90 = p90
            self.p95 = p95
        }
    }

    public struct Verdict: Sendable {
        /// The outcome's title.
        public var outcome: String
        public var statement: String?
        public var withinBefore: Bool?
        public var withinAfter: Bool?

        public init(outcome: String, statement: String?, withinBefore: Bool?, withinAfter: Bool?) {
            self.outcome = outcome
            self.statement = statement
            self.withinBefore = withinBefore
            self.withinAfter = withinAfter
        }

        public var flipped: Bool { withinBefore != nil && withinAfter != nil && withinBefore != withinAfter }
    }
}
