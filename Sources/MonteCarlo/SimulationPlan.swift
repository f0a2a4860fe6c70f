import Distributions

/// Everything the engine needs to simulate a register, as flat, index-based values.
///
/// The `Scoring` module compiles a validated register into a plan: outcomes become indices,
/// each risk gets its ``Risk/key`` from ``StableHash/fnv1a64(_:)`` of its id, perspectives become
/// ``View``s. Results come back in the same order (``SimulationResult/views`` follow ``views``,
/// per-risk results follow ``risks``), so mapping back to ids is a zip.
///
/// The initialiser checks every structural rule and throws ``PlanError``; a plan value is always
/// runnable.
public struct SimulationPlan: Sendable, Codable, Hashable {
    /// How many outcomes there are; risks refer to them by index.
    public let outcomeCount: Int
    /// The outcomes summed into the register total (for example the money outcomes). Empty
    /// means no register total is computed.
    public let totalOutcomes: [Int]
    /// The risks, in the order results are reported.
    public let risks: [Risk]
    /// The views (one per perspective, plus pooled ones). At least one.
    public let views: [View]
    /// The portfolios of activities to compare; may be empty.
    public let portfolios: [Portfolio]
    /// The view under which portfolios are compared and by whose losses rank correlation is
    /// induced. Defaults to the last view (conventionally the pooled one).
    public let primaryView: Int
    /// Target rank correlations between risks.
    public let correlations: [Correlation]
    /// Per outcome, loss levels whose exceedance probability is reported (appetite thresholds).
    public let thresholds: [[Double]]
    /// Loss levels for the register total.
    public let totalThresholds: [Double]
    /// The deliverers whose availability responses share (see ``Deliverer``); may be empty.
    public let deliverers: [Deliverer]

    /// Creates and validates a plan.
    ///
    /// - Parameters:
    ///   - thresholds: one list per outcome; missing trailing lists are taken as empty.
    ///   - primaryView: defaults to the last view.
    /// - Throws: ``PlanError`` naming the first structural problem found.
    public init(
        outcomeCount: Int,
        totalOutcomes: [Int]? = nil,
        risks: [Risk],
        views: [View],
        portfolios: [Portfolio] = [],
        primaryView: Int? = nil,
        correlations: [Correlation] = [],
        thresholds: [[Double]] = [],
        totalThresholds: [Double] = [],
        deliverers: [Deliverer] = []
    ) throws(PlanError) {
        self.outcomeCount = outcomeCount
        self.totalOutcomes = totalOutcomes ?? Array(0..<outcomeCount)
        self.risks = risks
        self.views = views
        self.portfolios = portfolios
        self.primaryView = primaryView ?? (views.count - 1)
        self.correlations = correlations
        var t = thresholds
        while t.count < outcomeCount { t.append([]) }
        self.thresholds = t
        self.totalThresholds = totalThresholds
        self.deliverers = deliverers
        try validate()
    }

    /// The largest expected number of events per trial a frequency may have
    /// (``NumericLimits/maximumFrequency``). The engine holds a block's events in memory, so
    /// this bounds a run's memory; draws of uncertain rates are capped here.
    public static let maximumRate = NumericLimits.maximumFrequency

    /// Whether any risk has a response, so residual results differ from inherent ones.
    public var hasResponses: Bool { risks.contains { $0.response != nil } }
}

extension SimulationPlan {
    /// One risk: where its losses go, what is estimated about it, and how it is treated.
    public struct Risk: Sendable, Codable, Hashable {
        /// The stream key: ``StableHash/fnv1a64(_:)`` of the risk's id. Keys must be distinct.
        /// Because a risk's random numbers depend only on this key (and the seed and block),
        /// editing, adding or removing other risks never changes this risk's draws.
        public var key: UInt64
        /// The outcome the losses count towards.
        public var outcome: Int
        /// The estimates (usually one per perspective). At most 64.
        public var estimates: [Estimate]
        /// The response, if any; residual results apply it.
        public var response: Response?
        /// An activity (portfolio) entry counts only in the portfolios that select it; any other
        /// risk counts in every portfolio. In the per-view results every risk counts.
        public var isActivity: Bool
        /// The key whose streams decide when this risk occurs, which estimate a pooled view
        /// reads and whether its response is delivered; nil for ``key`` itself.
        ///
        /// Risks that share an occurrence key are effects of one occurrence model (one entry
        /// with effects on several outcomes): given the same occurrence specifications they have
        /// the same events in the same trials, the same estimate chosen and the same response
        /// delivery, and a response that prevents an event prevents it for every effect.
        public var occurrenceKey: UInt64?
        /// Separates this risk's impact draws from those of other risks sharing its occurrence:
        /// an event's impact comes from the event's seed mixed with this salt. Nil (or 0)
        /// draws from the event seed itself, as a risk of its own does.
        public var impactSalt: UInt64?
        /// Whether the risk's losses add into the views' outcomes. False for an activity that
        /// only the portfolio comparison takes up (one of a portfolio other than the headline
        /// one): it is simulated with the others, on its own streams, and adds into the
        /// portfolios that select it, so one run serves the headline and the comparison. Its
        /// per-view figures are still computed.
        public var inViews: Bool
        /// The key of the per-trial benefit stream; nil for ``key`` itself. A variant of an
        /// entry (a share of it, or the entry with another response) sets its entry's key here,
        /// so the variant's benefits are the entry's own draws and the two compare on common
        /// random numbers.
        public var benefitKey: UInt64?
        /// The index of the risk whose trial order this one takes when that risk is reordered
        /// by rank correlation (Iman–Conover), or nil. A variant of a correlated entry follows
        /// the entry: it has the entry's occurrences and draws (the same ``occurrenceKey``), and
        /// moving it with the entry keeps both its pairing with the entry and the entry's
        /// correlations. A follower takes no part in choosing the reordering, so adding one
        /// changes no other risk's figures; it may not itself be correlated or followed.
        public var follows: Int?

        public init(
            key: UInt64, outcome: Int, estimates: [Estimate], response: Response? = nil, isActivity: Bool = false,
            occurrenceKey: UInt64? = nil, impactSalt: UInt64? = nil, inViews: Bool = true,
            benefitKey: UInt64? = nil, follows: Int? = nil
        ) {
            self.benefitKey = benefitKey
            self.follows = follows
            self.key = key
            self.outcome = outcome
            self.estimates = estimates
            self.response = response
            self.isActivity = isActivity
            self.inViews = inViews
            self.occurrenceKey = occurrenceKey
            self.impactSalt = impactSalt
        }

        enum CodingKeys: String, CodingKey {
            case key, outcome, estimates, response, isActivity, inViews, occurrenceKey, impactSalt, benefitKey, follows
        }

        /// Decodes a risk; a plan written before `inViews` existed has every risk in the views.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try self.init(
                key: c.decode(UInt64.self, forKey: .key), outcome: c.decode(Int.self, forKey: .outcome),
                estimates: c.decode([Estimate].self, forKey: .estimates),
                response: c.decodeIfPresent(Response.self, forKey: .response),
                isActivity: c.decode(Bool.self, forKey: .isActivity),
                occurrenceKey: c.decodeIfPresent(UInt64.self, forKey: .occurrenceKey),
                impactSalt: c.decodeIfPresent(UInt64.self, forKey: .impactSalt),
                inViews: c.decodeIfPresent(Bool.self, forKey: .inViews) ?? true,
                benefitKey: c.decodeIfPresent(UInt64.self, forKey: .benefitKey),
                follows: c.decodeIfPresent(Int.self, forKey: .follows))
        }
    }

    /// One perspective's estimate of a risk.
    public struct Estimate: Sendable, Codable, Hashable {
        /// How often the risk occurs per horizon (one trial is one horizon).
        public var occurrence: Occurrence
        /// The harm of one occurrence, in the outcome's unit; positive is bad.
        public var impact: Distribution
        /// The upside (enablement and portfolio entries), positive is good; nil for none.
        public var benefit: Distribution?
        /// When the benefit is realised.
        public var benefitTiming: BenefitTiming

        /// - Parameter benefitTiming: defaults to ``BenefitTiming/perTrial``: an enablement
        ///   activity's upside comes from undertaking it, whether or not the harm happens.
        public init(occurrence: Occurrence, impact: Distribution, benefit: Distribution? = nil, benefitTiming: BenefitTiming = .perTrial) {
            self.occurrence = occurrence
            self.impact = impact
            self.benefit = benefit
            self.benefitTiming = benefitTiming
        }
    }

    /// How often a risk occurs in one trial (one horizon).
    public enum Occurrence: Sendable, Codable, Hashable {
        /// At most once, with probability p ∈ [0, 1].
        ///
        /// A probability given as a distribution should be compiled to its mean by the caller:
        /// for one event per horizon, P(occur) = E[P], so the mixture is exactly Bernoulli(E[P]).
        case probability(Double)
        /// A Poisson number of events with this mean (0 ≤ rate ≤ ``SimulationPlan/maximumRate``);
        /// each event has its own impact draw.
        case frequency(Double)
        /// A rate drawn afresh each trial from the distribution (negative draws count as 0,
        /// draws above ``SimulationPlan/maximumRate`` as that), then a Poisson number of
        /// events: a mixed Poisson, wider than ``frequency(_:)``.
        case uncertainFrequency(Distribution)

        /// The expected number of events per trial.
        public var expectedEvents: Double {
            switch self {
            case let .probability(p): return p
            case let .frequency(r): return r
            case let .uncertainFrequency(d): return max(0, d.mean)
            }
        }
    }

    /// When an estimate's benefit is realised.
    public enum BenefitTiming: String, Sendable, Codable, Hashable {
        /// Once in every trial (the activity's upside).
        case perTrial
        /// Once per occurrence, alongside the impact.
        case perOccurrence
    }

    /// A response to a risk. All multipliers apply on the same random numbers as the inherent
    /// case, so the response's value is an exact paired difference. A response reduces harm
    /// only; benefits are unchanged by it.
    public struct Response: Sendable, Codable, Hashable {
        /// Probability in [0, 1] that the response is delivered in a trial (drawn once per
        /// trial). An undelivered response — for example a co-produced one whose partners do
        /// not materialise — has no effect.
        public var reliability: Double
        /// In [0, 1]: each inherent occurrence survives with this probability when the response
        /// is delivered (thinning), so residual occurrences are a subset of inherent ones.
        public var likelihoodMultiplier: Double
        /// In [0, 1]: a surviving occurrence's impact is multiplied by this.
        public var impactMultiplier: Double
        /// The response's cost, carried for value for money (≥ 0).
        public var cost: Double
        /// Indices of the plan's ``Deliverer``s the response rests on: it is delivered only in
        /// trials where all of them are available (and its own ``reliability`` draw succeeds).
        /// Empty for a response that keeps only its own draw.
        public var deliverers: [Int]

        public init(
            reliability: Double = 1, likelihoodMultiplier: Double = 1, impactMultiplier: Double = 1, cost: Double = 0,
            deliverers: [Int] = []
        ) {
            self.reliability = reliability
            self.likelihoodMultiplier = likelihoodMultiplier
            self.impactMultiplier = impactMultiplier
            self.cost = cost
            self.deliverers = deliverers
        }
    }

    /// A way of reading the estimates: for each risk, a mixture over its estimates.
    ///
    /// A perspective's own view puts weight 1 on its estimate; a pooled view is a weighted
    /// linear opinion pool: in each trial one estimate is chosen with probability equal to its
    /// weight, so the result is a true mixture of the perspectives' distributions (not an
    /// average of their parameters, which would hide disagreement).
    public struct View: Sendable, Codable, Hashable {
        /// A label for the caller.
        public var name: String
        /// `weights[r][e]`: weight of estimate `e` of risk `r`; each row sums to 1.
        public var weights: [[Double]]

        public init(name: String, weights: [[Double]]) {
            self.name = name
            self.weights = weights
        }

        /// The view that uses estimate `estimate[r]` of each risk `r`.
        public static func single(name: String, estimate: [Int], of plan: [Risk]) -> View {
            View(name: name, weights: zip(estimate, plan).map { e, risk in
                (0..<risk.estimates.count).map { $0 == e ? 1 : 0 }
            })
        }
    }

    /// A named selection of activity risks (by index).
    public struct Portfolio: Sendable, Codable, Hashable {
        public var name: String
        /// Indices of the activity risks undertaken in this portfolio.
        public var activities: [Int]

        public init(name: String, activities: [Int]) {
            self.name = name
            self.activities = activities
        }
    }

    /// A target Spearman rank correlation between the per-trial losses of two risks.
    public struct Correlation: Sendable, Codable, Hashable {
        public var first: Int
        public var second: Int
        public var spearman: Double

        public init(_ first: Int, _ second: Int, spearman: Double) {
            self.first = first
            self.second = second
            self.spearman = spearman
        }
    }
}
