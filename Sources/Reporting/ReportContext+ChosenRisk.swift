extension ReportContext {
    /// An enablement entry in the board report's "Risks we choose to take": one decision, its
    /// gains and harms on every outcome it affects, who bears and who gains, and the agreement
    /// behind it.
    public struct ChosenRisk: Sendable {
        public var id: String
        public var title: String
        /// The trade-off in one line, such as "+3,200 hours (Hours of independent living)
        /// against +1.4 incidents (Safeguarding enquiries)".
        public var tradeOff: String
        /// Mean gain per horizon on each outcome that gains, with responses.
        public var gains: [String]
        /// Mean harm per horizon on each outcome harmed, with responses.
        public var harms: [String]
        /// Who bears the harm; a "not recorded" phrase when the register does not say.
        public var borneBy: String
        /// Who gains; a "not recorded" phrase when the register does not say.
        public var benefitTo: String
        /// Whether the entry records an agreement (the fields below are set only then).
        public var hasAgreement: Bool
        public var agreedWith: String?
        public var agreementDate: String?
        public var decidedBy: String?
        public var whatMatters: String?
        public var reviewTrigger: String?
        /// Set when the entry records no agreement: says so.
        public var noAgreement: String?
    }
}
