/// A risk register, as its authors wrote it, after validation.
///
/// The model holds what the register says, not how it was written: short and long forms of a
/// distribution, `30%` and `0.3`, `250k` and `250000` all arrive here as the same values. Each
/// entity keeps the location it was written at, so later stages (scoring, reports, diffs) can
/// point back at the file.
public struct Register: Sendable {
    /// The format version the file declared (`riskreg: 1`).
    public var formatVersion: Int
    public var metadata: Metadata
    public var outcomes: [Outcome]
    public var appetite: [AppetiteStatement]
    public var contributors: [Contributor]
    public var perspectives: [Perspective]
    public var risks: [Risk]
    public var correlations: [Correlation]
    public var portfolios: [Portfolio]
    /// The organisation's likelihood and impact scales and rating rule, when declared.
    public var scales: Scales?
    /// The file the register was read from, as the user named it.
    public var file: String
    /// Texts written in several languages (``Translations``); the fields above hold each in the
    /// register's language.
    public var translations = Translations()

    public init(
        formatVersion: Int, metadata: Metadata, outcomes: [Outcome], appetite: [AppetiteStatement],
        contributors: [Contributor], perspectives: [Perspective], risks: [Risk],
        correlations: [Correlation], portfolios: [Portfolio], scales: Scales? = nil, file: String
    ) {
        self.scales = scales
        self.formatVersion = formatVersion
        self.metadata = metadata
        self.outcomes = outcomes
        self.appetite = appetite
        self.contributors = contributors
        self.perspectives = perspectives
        self.risks = risks
        self.correlations = correlations
        self.portfolios = portfolios
        self.file = file
    }

    /// The only format version this release reads.
    public static let currentFormatVersion = 1

    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }
    public func contributor(_ id: String) -> Contributor? { contributors.first { $0.id == id } }
    public func risk(_ id: String) -> Risk? { risks.first { $0.id == id } }
}

/// What the register is, whose it is, and the period every likelihood refers to.
public struct Metadata: Sendable {
    public var id: String
    public var title: String
    public var organisation: String
    public var description: String?
    public var horizon: Horizon
    /// The name of the period the horizon covers ("2027", "the 2027/28 financial year"), when
    /// the register gives one: reports then say "in 2027" where they would say "over the next
    /// year", so a reader does not have to work out which year "the next year" is.
    public var period: String?
    /// A short name for ``period`` ("2027/28"), which a report uses after writing the period in
    /// full once in a section; nil for the period without a closing part in brackets.
    public var periodShort: String?
    /// ISO 4217 code of money outcomes and response costs, such as `EUR`.
    public var currency: String?
    public var owner: String?
    public var lastReviewed: CalendarDate?
    public var nextReview: CalendarDate?
    /// The strategies whose entries need an estimate from a citizen perspective (one that
    /// includes service users or a community group); `validate` refuses entries without one.
    public var citizenEstimatesFor: [Strategy] = []
    /// The shadow rate of an hour of citizen time, in the register's currency: when stated,
    /// value for money also counts the citizen hours a response takes at this rate.
    public var citizenHourValue: Double?
    /// The language of reports (`en`, `nl`), when the register names one.
    public var language: String?
    /// How residents get in touch or take part, for the community report.
    public var contact: String?
    /// The next decision residents may want a say in (what, and who decides), for the
    /// community report's "What happens next".
    public var nextDecision: String?
    /// When that decision is due.
    public var nextDecisionDate: CalendarDate?
    /// How residents can respond or object, and by when.
    public var howToRespond: String?
    /// Who decides on the list (sets its limits, chooses among its options) and sees every
    /// figure with confidential entries included, by name: "the partnership board
    /// (convenantoverleg)". A community report names it where it would otherwise say "the
    /// board".
    public var decidedBy: String?
    /// Why entries are kept out of public reports, in words that can be published. On the
    /// register rather than on an entry, so that nothing a community report shows is read
    /// from a confidential entry.
    public var confidentialReason: String?
    /// Where the planned responses' costs are paid from ("the partnership's 2027 budget"), for
    /// the community report's sentence on why a response's cost is not in an outcome's figures.
    public var responseBudget: String?
    public var location: Diagnostic.Location

    public init(
        id: String, title: String, organisation: String, description: String? = nil, horizon: Horizon,
        currency: String? = nil, owner: String? = nil, lastReviewed: CalendarDate? = nil,
        nextReview: CalendarDate? = nil, language: String? = nil, contact: String? = nil, location: Diagnostic.Location
    ) {
        self.language = language
        self.contact = contact
        self.id = id
        self.title = title
        self.organisation = organisation
        self.description = description
        self.horizon = horizon
        self.currency = currency
        self.owner = owner
        self.lastReviewed = lastReviewed
        self.nextReview = nextReview
        self.location = location
    }
}

/// A public outcome at stake, and the unit its harms and benefits are counted in.
public struct Outcome: Sendable {
    public var id: String
    public var title: String
    /// A short name for ``title``, which the community report uses after writing the title in
    /// full once in a part: a long title ("People hurt, threatened or wrongly accused through
    /// the partnership's work") quoted in every sentence made a paragraph hard to read. Nil
    /// when the register gives none; the title is then always written in full.
    public var titleShort: String?
    public var unit: Unit
    public var description: String?
    /// Which way is better, as the register states it; nil when it does not (then
    /// ``Register/direction(of:)`` infers it).
    public var direction: Direction?
    /// What the outcome's figures are counted from, as a noun phrase in the register's words
    /// ("the police forecast", "the 2027 budget"), when they are not counted from nothing: a
    /// report then says "5 incidents more than the police forecast", never "5 incidents", which
    /// a reader takes for the whole count.
    public var baseline: String?
    /// A short name for ``baseline``, which a report uses after writing the baseline in full
    /// once in a section; nil for the report's own (the baseline without a closing part in
    /// brackets, or "the baseline").
    public var baselineShort: String?
    /// What any harm at all to the outcome is, as words that follow "the chance that": "someone
    /// is hurt, threatened or wrongly accused". A community report says a limit on any harm
    /// (`harm-exceeds: 0`) with it, rather than as an amount of the outcome's unit.
    public var anyHarm: String?
    public var location: Diagnostic.Location

    /// Whether more of the outcome is bad or good. Every sentence, axis, heading and sign in a
    /// report follows it, so a reader never meets a "negative loss".
    public enum Direction: String, Sendable, CaseIterable {
        /// More is worse: costs, incidents, enquiries. Figures are losses (harm − benefit).
        case loss
        /// More is better: hours of independent living, wellbeing points. Figures are gains
        /// (benefit − harm).
        case gain
    }

    /// Money (in the register's currency) or a count of something else.
    public enum Unit: Sendable, Hashable {
        case money
        /// A non-monetary unit such as `incidents` or `hours`.
        case other(String)
    }

    public init(id: String, title: String, unit: Unit, description: String? = nil, direction: Direction? = nil, location: Diagnostic.Location) {
        self.id = id
        self.title = title
        self.unit = unit
        self.description = description
        self.direction = direction
        self.location = location
    }
}

/// A board-approved limit on one outcome.
public struct AppetiteStatement: Sendable {
    public enum Limit: Sendable, Hashable {
        /// The chance that the outcome's loss (harm − benefit) exceeds `threshold` is at most `probability`.
        case lossExceeds(threshold: Double, atMost: Double)
        /// The chance that the outcome's net benefit (benefit − harm) exceeds `threshold` is at least
        /// `probability`: the floor an enablement strategy is held to.
        case netBenefitAbove(threshold: Double, atLeast: Double)
        /// The chance that the outcome's harm alone (benefits left out) exceeds `threshold` is at
        /// most `probability`: so that a claimed benefit cannot hide a harm.
        case harmExceeds(threshold: Double, atMost: Double)

        /// Whether the limit is on harm alone rather than on net outcome (harm − benefit).
        public var isOnHarm: Bool {
            if case .harmExceeds = self { return true }
            return false
        }
    }

    public var outcome: String
    public var statement: String?
    /// What the organisation will do if the limit is not kept, in its own words ("the board
    /// reviews the rounds within a month"); nil when the register does not say.
    public var ifMissed: String?
    public var limit: Limit
    public var location: Diagnostic.Location

    public init(outcome: String, statement: String? = nil, ifMissed: String? = nil, limit: Limit, location: Diagnostic.Location) {
        self.outcome = outcome
        self.statement = statement
        self.ifMissed = ifMissed
        self.limit = limit
        self.location = location
    }
}

/// Someone who co-produces the service or its risk assessment.
public struct Contributor: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Service users, patients, tenants.
        case user
        /// Community groups and volunteers.
        case community
        /// The organisation's own staff.
        case staff
        /// Partner bodies: other agencies, charities, contractors.
        case partner
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// Whether the contributor agreed to be named in public (community) reports.
    public var isPublic: Bool
    public var description: String?
    /// How a community report describes the contributor where it may not be named, in the
    /// register's words ("patients on Ward 7"); nil for its kind in words ("a group of service
    /// users"), which reads wrong in some services: a hospital's patients are not "service users".
    public var unnamedAs: String?
    /// The chance the contributor is there to deliver its responses in a horizon, when the
    /// register states it: drawn once per trial and shared by every response it delivers. Nil
    /// for a contributor whose responses keep only their own reliability.
    public var availability: Double?
    /// The entries whose occurrence makes the contributor step back from delivering.
    public var stepsBack: [StepBack]
    public var location: Diagnostic.Location

    /// Whether the contributor's availability is modelled as shared by its responses.
    public var isSharedDeliverer: Bool { availability != nil || !stepsBack.isEmpty }

    /// "This contributor steps back when that entry happens", with a chance.
    public struct StepBack: Sendable {
        /// The id of the entry.
        public var risk: String
        /// The chance the contributor is unavailable in a horizon in which the entry happens.
        public var chance: Double
        public var location: Diagnostic.Location

        public init(risk: String, chance: Double = 1, location: Diagnostic.Location) {
            self.risk = risk
            self.chance = chance
            self.location = location
        }
    }

    public init(
        id: String, name: String, kind: Kind, isPublic: Bool, description: String? = nil, unnamedAs: String? = nil,
        availability: Double? = nil, stepsBack: [StepBack] = [], location: Diagnostic.Location
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.isPublic = isPublic
        self.description = description
        self.unnamedAs = unnamedAs
        self.availability = availability
        self.stepsBack = stepsBack
        self.location = location
    }
}

/// A point of view from which estimates are made: officers, a community group, service users.
public struct Perspective: Sendable {
    public var id: String
    public var title: String
    public var contributors: [String]
    /// Weight in the pooled view (a weighted linear opinion pool).
    public var weight: Double
    /// Why the perspective has its weight, in the register's words; nil when it does not say.
    public var weightReason: String?
    /// Who set the weight, in the register's words ("the partnership board, on 6 October
    /// 2026"); nil when it does not say.
    public var weightSetBy: String?
    public var location: Diagnostic.Location

    /// The perspective a register has when it declares none.
    public static func implicitOfficers(at location: Diagnostic.Location) -> Perspective {
        Perspective(id: "officers", title: "Officers", contributors: [], weight: 1, location: location)
    }

    public init(id: String, title: String, contributors: [String] = [], weight: Double = 1, weightReason: String? = nil,
                location: Diagnostic.Location) {
        self.weightReason = weightReason
        self.id = id
        self.title = title
        self.contributors = contributors
        self.weight = weight
        self.location = location
    }
}

/// A Spearman rank correlation between two risks that share a driver.
public struct Correlation: Sendable {
    public var first: String
    public var second: String
    public var rank: Double
    public var reason: String?
    public var location: Diagnostic.Location

    public init(first: String, second: String, rank: Double, reason: String? = nil, location: Diagnostic.Location) {
        self.first = first
        self.second = second
        self.rank = rank
        self.reason = reason
        self.location = location
    }
}

/// A named option to compare: a selection of entries, exclusive shares of entries, chosen
/// responses and a cost of its own (see `Portfolio+Options.swift`).
///
/// An entry some option lists (in `risks` or `split`), and every `portfolio` entry, is in only
/// the scores of the options that list it; any other entry is in every option's score.
public struct Portfolio: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The entries in this option's score at their full size.
    public var risks: [String]
    /// Entries that are exclusive shares of the same people or places, with their shares
    /// (adding up to 1); empty for an option that only adds entries up.
    public var split: [Share] = []
    /// The response this option uses for an entry, where it is not the entry's `response`.
    public var responses: [ResponseChoice] = []
    /// The option's own cost over the horizon, in the register's currency (set-up and running
    /// costs beyond its entries' responses); nil for none.
    public var cost: Double?
    /// The money outcome the cost counts in.
    public var costOutcome: String?
    /// Whether this option is what the organisation does now (`current: true`); at most one
    /// option is. The board report states it beside the proposal rather than guess it from the
    /// option's place in the list.
    public var isCurrent: Bool = false
    /// Whether this option is the one put to the board for decision (`proposed: true`); at
    /// most one option is, and it may also be the current one.
    public var isProposed: Bool = false
    public var location: Diagnostic.Location

    public init(id: String, title: String, description: String? = nil, risks: [String], location: Diagnostic.Location) {
        self.id = id
        self.title = title
        self.description = description
        self.risks = risks
        self.location = location
    }
}
