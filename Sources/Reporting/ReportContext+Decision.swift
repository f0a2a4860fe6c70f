extension ReportContext {
    /// The board report's first page: what the board must decide on, and how far to trust it.
    public struct DecisionPage: Sendable {
        /// The register's next decision, with its date (`next-decision`, `next-decision-date`).
        public var nextDecision: String? = nil
        /// Each option as the register describes it; empty without options to compare.
        public var optionDescriptions: [OptionDescription] = []
        /// What the choice between options does not change, and what the register leaves
        /// unestimated; nil when every outcome differs between options.
        public var optionsEffect: String? = nil
        /// Above "What would change the verdict", when the figures favour another option than
        /// the headline's: that the levers are the headline option's, and the favoured option's
        /// chances on the same statements.
        public var leversNote: String? = nil
        /// The statements outside appetite, too close to call, or judged otherwise on some
        /// perspective's own estimates: one row each, with the pooled verdict and the
        /// perspectives that disagree with it. Empty when there are none.
        public var headlineRows: [HeadlineRow] = []
        /// Below the headline table: the statements it leaves out (within appetite on every
        /// view), by name with their chance and limit, so a count of "1 of 4" above a table of
        /// fewer rows never drops one unsaid. Nil when the table leaves none out or is empty.
        public var headlineLeftOut: String? = nil
        /// Before the summary: what the words it and the tables below first use mean
        /// ("perspective", "pooled", "too close to call"), in one short paragraph that points to
        /// the glossary. A board member met them a page before the glossary explained them.
        public var terms: String? = nil
        /// How many appetite statements are outside appetite or too close to call, in a sentence.
        public var summary: String
        public var outsideCount: Int
        public var closeCount: Int
        /// What the headline figures assume: whose estimates, which portfolio option.
        public var assumptions: String
        /// The register's owner, last and next review, in a sentence; nil when it states none.
        public var stewardship: String?
        /// Column headings of the verdict table: the pooled view, then each perspective.
        public var viewTitles: [String]
        /// Every appetite statement judged under each view, in register order.
        public var viewVerdicts: [DecisionVerdict]
        /// The statements outside appetite or too close to call, with what would change them.
        public var items: [DecisionItem]
        /// What the figures rest on.
        public var quality: DataQuality
        /// Where the register compares portfolio options: which one the headline assumes, which
        /// one the figures favour by the board's own appetite, and that the choice is the board's.
        public var option: String? = nil
        /// The statements the favoured-option rule weighs under each option on each
        /// perspective's estimates, and whether the favoured option stays best on them.
        public var optionsByPerspective: OptionsByPerspective? = nil
        /// "Current plan: X. Proposed: Y. The board is asked to …".
        public var ask: String? = nil
        /// Money on average under each option, added up; nil without a money outcome.
        public var money: MoneyTotals? = nil
        /// What the "±" covers, and the larger spread between perspectives.
        public var uncertainty: String? = nil
        /// The favoured-option rule in numbered steps; nil without options to compare.
        public var optionRule: OptionRule? = nil
        /// Every appetite statement under every option, and the options the rule sets aside;
        /// nil without options to compare.
        public var options: OptionsByStatement? = nil
        /// What each option other than the headline's changes against it.
        public var changes: [OptionChange] = []
        /// How an option that uses another response differs from that response "always
        /// delivered"; nil when no option uses another response.
        public var changesNote: String? = nil
    }

    /// One row of the decision page's headline table.
    public struct HeadlineRow: Sendable {
        /// The statement's outcome (with its threshold where several share one).
        public var outcome: String
        /// The pooled (headline) verdict with its chance and the board's limit.
        public var verdict: DecisionCell
        /// The perspectives whose own estimates give another verdict, by verdict; "none".
        public var disagree: String
    }

    /// The favoured-option rule, step by step.
    public struct OptionRule: Sendable {
        public var intro: String
        public var steps: [String]
        public var outro: String
        /// The steps with their numbers, for a template that writes the numbers itself (Markdown
        /// source read "1. 1. 1. 1.").
        public var numberedSteps: [NumberedStep] = []
    }

    public struct NumberedStep: Sendable {
        public var number: Int
        public var text: String
    }

    /// One appetite statement under the headline and under each perspective.
    public struct DecisionVerdict: Sendable {
        /// The outcome's title.
        public var outcome: String
        /// The headline verdict first, then one per perspective.
        public var cells: [DecisionCell]
    }

    public struct DecisionCell: Sendable {
        /// "Within appetite (3.1%)", "Outside appetite (14%)", either with "too close to call".
        public var text: String
        /// `within`, `outside` or `close`, for CSS.
        public var statusClass: String
    }

    /// A statement outside appetite or too close to call.
    public struct DecisionItem: Sendable {
        public var outcome: String
        public var status: String
        public var statusClass: String
        /// How to read it: too close to call, depends on whose estimates, or clear.
        public var reading: String
        /// What would change the verdict, computed from the simulation, one sentence each.
        public var levers: [String]
        /// Outside appetite with no lever listed enough to bring it back: that none is, the gap
        /// and the nearest a lever comes.
        public var noWayBack: String? = nil
        /// With ``noWayBack``: the choices left to the board, ending with what the stops below
        /// give where there are any.
        public var noWayBackChoices: String? = nil
        /// With ``noWayBack``: what stopping each activity behind it would do, one item each.
        public var noWayBackStops: [String] = []
    }

    /// What the figures rest on: entries still to check, free responses, ordinal estimates and
    /// each perspective's coverage and weight.
    public struct DataQuality: Sendable {
        /// Entries marked `needs-review` (imported values still to check), with what to check.
        public var awaitingReview: [QualityEntry]
        /// Responses costed at 0.
        public var zeroCost: [QualityEntry]
        /// Entries whose estimates were read from the register's ordinal bands.
        public var fromBands: [QualityEntry]
        /// Each perspective: its weight in the pool and which entries it estimated itself.
        public var coverage: [Coverage]
        /// Set when nothing above needs attention.
        public var isClean: Bool
        /// Which way is better for the outcomes whose direction the register does not state, and
        /// where riskreg takes it from; nil when the register states every direction.
        public var inferredDirections: String? = nil
    }

    public struct QualityEntry: Sendable {
        public var id: String
        public var title: String
        /// What about it: the fields to check, the perspectives that used bands.
        public var detail: String
    }

    public struct Coverage: Sendable {
        public var perspective: String
        /// Its weight, as a share of all weights: "50%".
        public var weight: String
        /// "12 of 14 entries".
        public var estimated: String
        /// Entries it gave no estimate for, whose figures in its view are borrowed from the
        /// pool; "—" when none.
        public var borrowed: String
        /// Whether any figure in its view is borrowed.
        public var borrows: Bool
        /// How many of the shown entries it estimated itself, and how many there are.
        public var ownCount: Int = 0
        public var totalCount: Int = 0
        /// Who set its weight and why, or that the register does not say.
        public var weightWhy: String = ""
    }
}
