extension ReportContext {
    /// Every appetite statement under every option the register compares, and the options the
    /// favoured-option rule sets aside, each with why.
    public struct OptionsByStatement: Sendable {
        public var caption: String
        /// Column headings: each option, marked "(current)" or "(proposed)" where the register
        /// says so.
        public var titles: [String]
        /// One row per statement (its chance, limit and direction), one cell per option.
        public var rows: [DecisionVerdict]
        /// For each option set aside: at which step of the rule, and the statements it breaches
        /// or the figure it loses on.
        public var dropped: [String]
    }

    /// One option as the register describes it: what it is, and who recommends it.
    public struct OptionDescription: Sendable {
        /// Its title, marked current or proposed.
        public var option: String
        /// The register's `description`, or that it gives none.
        public var text: String
    }

    /// What one option changes against the option the headline figures assume.
    public struct OptionChange: Sendable {
        public var option: String
        /// The entries it adds and leaves out, the responses it uses instead, its own cost and
        /// what its responses cost, in one sentence.
        public var text: String
        /// The same, column by column, for a short table: the entries it adds (with their
        /// share where it splits the people), those it leaves out or gives a smaller share, the
        /// responses it uses instead (its own response's words once, the headline's by its
        /// figures), and what it costs against the headline option.
        public var adds: String = ""
        public var leavesOut: String = ""
        public var responses: String = ""
        public var costs: String = ""
    }
}
