import Distributions

/// One entry of the register: a risk (or, for enablement and portfolio entries, an opportunity
/// with a downside), who co-produced it, how it is estimated and what is done about it.
public struct Risk: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The id of the outcome its harm and benefit count towards.
    public var outcome: String
    public var strategy: Strategy
    public var owner: String
    /// Who bears the harm, in the register's words.
    public var borneBy: String?
    /// Who gains from the entry, in the register's words (for enablement and portfolio entries).
    public var benefitTo: String?
    /// Whom the entry could happen to, where that is many people, places or arrangements, as
    /// words that follow "at least one of": `the 12 people`, `the borough's family carers`.
    /// The entry's chance is that it happens to at least one of them, which a resident would
    /// otherwise read as their own chance; the community report says so with these words.
    public var atRisk: String? = nil
    /// The agreement behind a risk taken on purpose (enablement entries).
    public var agreement: Agreement?
    public var coproduction: Coproduction
    /// One estimate per perspective, at least one.
    public var estimates: [Estimate]
    public var response: Response?
    /// Other responses the entry could have instead of `response`, each with an `id`: an option
    /// (``Portfolio/responses``) picks one, so options can compare ways of handling the entry.
    public var alternativeResponses: [Response] = []
    /// When this entry is next due for review.
    public var review: CalendarDate?
    /// A confidential entry never reaches a community report.
    public var isConfidential: Bool
    /// The ordinal ratings the register states on its own matrix (gross, current, target).
    public var ratings: StatedRatings?
    /// What the officer still has to check, such as `strategy` or `coproduction` after an
    /// import that could not infer them.
    public var needsReview: [String]
    /// Labels for views of the register (a directorate, a category), such as `finance`;
    /// `--tag` selects entries by them.
    public var tags: [String]
    public var location: Diagnostic.Location

    public init(
        id: String, title: String, description: String? = nil, outcome: String, strategy: Strategy,
        owner: String, borneBy: String? = nil, coproduction: Coproduction, estimates: [Estimate],
        response: Response? = nil, review: CalendarDate? = nil, isConfidential: Bool = false,
        ratings: StatedRatings? = nil, needsReview: [String] = [], benefitTo: String? = nil, agreement: Agreement? = nil,
        tags: [String] = [], location: Diagnostic.Location
    ) {
        self.tags = tags
        self.benefitTo = benefitTo
        self.agreement = agreement
        self.ratings = ratings
        self.needsReview = needsReview
        self.id = id
        self.title = title
        self.description = description
        self.outcome = outcome
        self.strategy = strategy
        self.owner = owner
        self.borneBy = borneBy
        self.coproduction = coproduction
        self.estimates = estimates
        self.response = response
        self.review = review
        self.isConfidential = isConfidential
        self.location = location
    }
}

extension Risk {
    /// Every outcome the entry affects: its own `outcome` first, then those of its further
    /// effects, in the order the estimates list them (every estimate lists the same ones).
    public var outcomes: [String] { [outcome] + (estimates.first?.effects.map(\.outcome) ?? []) }

    /// Whether the entry has effects on more than its own outcome.
    public var hasEffects: Bool { !(estimates.first?.effects.isEmpty ?? true) }
}

/// The agreement behind a risk taken on purpose: who it was agreed with (by role, never by
/// name: no personal data), when, who decided, what matters to them and what would bring it
/// back for review.
public struct Agreement: Sendable, Hashable {
    /// The person or group it was agreed with, by role ("the person travelling and their family").
    public var agreedWith: String
    public var date: CalendarDate
    /// Who made the decision (a role or a panel).
    public var decidedBy: String?
    /// What matters to the people who agreed, in their words.
    public var whatMatters: String?
    /// What would trigger a review of the agreement.
    public var reviewTrigger: String?
    public var location: Diagnostic.Location

    public init(
        agreedWith: String, date: CalendarDate, decidedBy: String? = nil, whatMatters: String? = nil,
        reviewTrigger: String? = nil, location: Diagnostic.Location
    ) {
        self.agreedWith = agreedWith
        self.date = date
        self.decidedBy = decidedBy
        self.whatMatters = whatMatters
        self.reviewTrigger = reviewTrigger
        self.location = location
    }
}

/// The four strategies of the risk-enablement agenda; every entry follows exactly one.
public enum Strategy: String, Sendable, CaseIterable, Codable {
    /// Activity portfolio management: choose a mix of activities with lower risk attached.
    case portfolio
    /// Make a harm less likely, or less bad.
    case reduction
    /// Build resilience into the service, its users and communities, so harm is absorbed.
    case resilience
    /// Take a risk of appropriate size where the prospect for citizens' outcomes is good.
    case enablement

    /// Whether entries of this strategy carry a benefit as well as a harm.
    public var hasBenefit: Bool { self == .portfolio || self == .enablement }
}

/// Who co-produced an entry, and how.
public struct Coproduction: Sendable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        case coCommissioning = "co-commissioning"
        case coDesign = "co-design"
        case coDelivery = "co-delivery"
        case coAssessment = "co-assessment"
    }

    public var mode: Mode
    /// Contributor ids.
    public var contributors: [String]
    public var note: String?

    public init(mode: Mode, contributors: [String], note: String? = nil) {
        self.mode = mode
        self.contributors = contributors
        self.note = note
    }
}

/// One perspective's estimate of a risk over the register's horizon.
public struct Estimate: Sendable {
    /// How often the risk happens within the horizon.
    public enum Occurrence: Sendable, Hashable {
        /// The chance it happens (at least once). A distribution over the chance acts through
        /// its mean, because there is one event per horizon.
        case likelihood(Distribution)
        /// The expected number of events (Poisson), each with its own impact. A distribution
        /// over the rate gives a mixed Poisson count.
        case frequency(Distribution)
    }

    /// The id of the perspective the estimate is made from.
    public var perspective: String
    public var occurrence: Occurrence
    /// The harm when it happens, in the outcome's unit.
    public var impact: Distribution
    /// For enablement and portfolio entries: the gain over the horizon, in the outcome's unit.
    public var benefit: Distribution?
    /// The same occurrences' effects on further outcomes (beyond the entry's own `outcome`),
    /// each with its own impact and benefit. Every estimate of an entry lists the same outcomes
    /// in the same order.
    public var effects: [Effect]
    public var asOf: CalendarDate?
    public var rationale: String?
    /// The likelihood scale level the likelihood was derived from, when it was written as a
    /// level rather than as a chance: coarser than a direct estimate.
    public var likelihoodLevel: Int?
    /// The impact scale level the impact was derived from, when it was written as a level.
    public var impactLevel: Int?
    public var location: Diagnostic.Location

    /// Whether any part of the estimate was derived from a scale's band.
    public var isFromBands: Bool { likelihoodLevel != nil || impactLevel != nil }

    public init(
        perspective: String, occurrence: Occurrence, impact: Distribution, benefit: Distribution? = nil,
        asOf: CalendarDate? = nil, rationale: String? = nil, likelihoodLevel: Int? = nil, impactLevel: Int? = nil,
        effects: [Effect] = [], location: Diagnostic.Location
    ) {
        self.effects = effects
        self.likelihoodLevel = likelihoodLevel
        self.impactLevel = impactLevel
        self.perspective = perspective
        self.occurrence = occurrence
        self.impact = impact
        self.benefit = benefit
        self.asOf = asOf
        self.rationale = rationale
        self.location = location
    }
}

/// One effect of an entry's occurrences on a further outcome: harm on one outcome and benefit
/// on another come from one decision and one occurrence model.
public struct Effect: Sendable {
    /// The id of the outcome this effect counts towards.
    public var outcome: String
    /// The harm each time the entry's risk happens, in this outcome's unit (0 when the effect is
    /// a benefit only).
    public var impact: Distribution
    /// The gain over the horizon, in this outcome's unit (enablement and portfolio entries).
    public var benefit: Distribution?
    public var location: Diagnostic.Location

    public init(outcome: String, impact: Distribution, benefit: Distribution? = nil, location: Diagnostic.Location) {
        self.outcome = outcome
        self.impact = impact
        self.benefit = benefit
        self.location = location
    }
}

/// What is done about a risk, what it costs, and how reliably it is delivered.
public struct Response: Sendable {
    /// The name options use to choose this response; nil when none chooses it by name.
    public var id: String?
    public var action: String
    /// Cost over the horizon, in the register's currency.
    public var cost: Double
    /// Contributor ids; empty when the organisation delivers it itself.
    public var deliveredBy: [String]
    /// The chance the response is delivered within a horizon. A co-produced response that does
    /// not materialise has no effect.
    public var reliability: Double
    /// Residual likelihood (or frequency) = inherent × (1 − this).
    public var likelihoodReduction: Double
    /// Residual impact = inherent impact × (1 − this).
    public var impactReduction: Double
    /// The citizen time the response takes over the horizon, by whom: volunteer and service-user
    /// hours that `cost` (money only) does not show.
    public var citizenInput: [CitizenInput] = []
    public var location: Diagnostic.Location

    /// Hours of citizen time over the horizon, from one contributor.
    public struct CitizenInput: Sendable {
        /// The contributor's id.
        public var by: String
        public var hours: Double

        public init(by: String, hours: Double) {
            self.by = by
            self.hours = hours
        }
    }

    /// All the citizen hours the response takes over the horizon.
    public var citizenHours: Double { citizenInput.reduce(0) { $0 + $1.hours } }

    public init(
        action: String, cost: Double, deliveredBy: [String] = [], reliability: Double = 1,
        likelihoodReduction: Double = 0, impactReduction: Double = 0, location: Diagnostic.Location
    ) {
        self.action = action
        self.cost = cost
        self.deliveredBy = deliveredBy
        self.reliability = reliability
        self.likelihoodReduction = likelihoodReduction
        self.impactReduction = impactReduction
        self.location = location
    }
}
