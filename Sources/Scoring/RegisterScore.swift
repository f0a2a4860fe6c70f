import MonteCarlo
import RegisterModel

/// A scored register in the register's own terms: ids, titles and verdicts, with every figure's
/// Monte Carlo standard error. Its JSON encoding (`riskreg score --format json`) is documented
/// in docs/results.md; reports and users' scripts build on it.
///
/// Sign convention throughout: loss = harm − benefit, so a positive figure is bad and a negative
/// one is a net benefit.
public struct RegisterScore: Sendable, Codable {
    /// The version of this results format.
    public var resultsFormat = 2
    public var register: RegisterInfo
    public var run: RunInfo
    /// One per outcome, in register order, under the headline view.
    public var outcomes: [OutcomeScore]
    /// The register total over its money outcomes, when it has two or more.
    public var total: TotalScore?
    /// One per appetite statement, in register order.
    public var appetite: [AppetiteVerdict]
    /// One per risk of the register, in register order.
    public var risks: [RiskScore]
    /// Each perspective on its own (absent when scoring a single perspective).
    public var perspectives: [PerspectiveScore]
    /// Portfolios compared side by side on the same random numbers.
    public var portfolios: [PortfolioScore]
    /// Requested and achieved rank correlations.
    public var correlations: [CorrelationScore]
    /// Entries past their review date on the as-of day.
    public var staleEntries: [StaleEntry]
    /// Per outcome whose responses avoid any loss, how much of it rests on each kind of
    /// contributor and each deliverer (see ``OutcomeReliance``).
    public var reliance: [OutcomeReliance] = []
    /// The entries no citizen perspective estimated (no estimate from a perspective that
    /// includes service users or a community group), in register order.
    public var notConsulted: [String] = []
    /// The register's texts given in several languages (`title: {en: …, nl: …}`), each with
    /// every language it is written in; absent when the register writes every text once. The
    /// other members hold each text in the register's own language.
    public var translations: [TranslatedText]?

    /// One register text in every language it is written in.
    public struct TranslatedText: Sendable, Codable {
        /// `register`, `outcome`, `appetite`, `contributor`, `perspective`, `risk`, `response` or `portfolio`.
        public var element: String
        /// The element's id (an appetite statement's position from 0; for an alternative
        /// response, the risk's id, `/` and the response's id; empty for the register).
        public var id: String
        /// The field as the register writes it: `title`, `action`.
        public var field: String
        /// The text in each language, in the order the register lists them.
        public var texts: [LanguageText]
    }

    /// A text and the language it is in.
    public struct LanguageText: Sendable, Codable {
        /// A BCP 47 language tag, as the register writes it: `en`, `nl-BE`.
        public var language: String
        public var text: String
    }

    public struct RegisterInfo: Sendable, Codable {
        public var id: String
        public var title: String
        public var organisation: String
        public var file: String
        public var horizon: String
        public var currency: String?
    }

    public struct RunInfo: Sendable, Codable {
        public var seed: UInt64
        public var trials: Int
        public var blockSize: Int
        /// The relative precision asked for with `--precision`, and whether it was reached.
        public var precision: Double?
        /// The cap on trials for `--precision` (absent without it), so that a reader can tell
        /// a run that stopped early from one that ran to the cap.
        public var maxTrials: Int?
        public var precisionMet: Bool?
        public var asOf: String
        /// The headline view: `pooled`, or a perspective's id.
        public var view: String
        /// The portfolio whose activities the headline figures include.
        public var portfolio: String?
        /// When `--precision` was not reached: the figures that missed it. A run stops before
        /// `--max-trials` when one would need more trials than that.
        public var precisionShortfalls: [PrecisionShortfall]?
    }

    /// A P95 that missed the `--precision` target, and what it would take.
    public struct PrecisionShortfall: Sendable, Codable {
        /// An outcome's id, or `total` for the register total.
        public var outcome: String
        /// `pooled` or a perspective's id.
        public var view: String
        /// `inherent`, `residual`, or `both` when the register has no responses.
        public var treatment: String
        public var p95: Statistic
        /// The trials the target would take at the present rate (the half-width falls as
        /// 1/√trials); absent when no number would do, because the P95 is 0.
        public var trialsNeeded: Int?
    }

    public struct OutcomeScore: Sendable, Codable {
        public var id: String
        public var title: String
        /// `money` or the non-monetary unit.
        public var unit: String
        public var inherent: OutcomeSummary
        public var residual: OutcomeSummary
        /// Risk ids by their share of the residual variance, largest first.
        public var drivers: [String]
        /// How far apart the perspectives put the outcome's 1 in 10 bad horizon (the P90 of its
        /// loss) before responses, each perspective's figures with the entries it did not
        /// estimate taken from the pool; nil with fewer than two perspectives.
        public var inherentP90Disagreement: PerspectiveDisagreement?
        /// Asked for with ``ScoringOptions/withoutEachPerspective``: the outcome's average after
        /// responses with each perspective's estimates left out in turn, one per perspective
        /// that gave estimates, in register order; nil otherwise.
        public var withoutPerspectives: [MeanWithout]? = nil
    }

    /// An outcome's average after responses with one perspective's estimates left out: the
    /// pooled view with that perspective's weight set to 0, so each entry it estimated takes the
    /// other perspectives' estimates (an entry only it estimated keeps its estimates, as there
    /// are no others), on the same seed and trials as the headline.
    public struct MeanWithout: Sendable, Codable {
        /// The perspective left out.
        public var perspective: String
        public var mean: Statistic
    }

    public struct TotalScore: Sendable, Codable {
        public var outcomes: [String]
        public var inherent: OutcomeSummary
        public var residual: OutcomeSummary
    }

    public struct AppetiteVerdict: Sendable, Codable {
        public enum Kind: String, Sendable, Codable {
            case lossExceeds = "loss-exceeds"
            case netBenefitAbove = "net-benefit-above"
            /// On harm alone, benefits left out.
            case harmExceeds = "harm-exceeds"

            /// Whether the verdict is on harm alone (otherwise on net outcome, harm − benefit).
            public var isOnHarm: Bool { self == .harmExceeds }
        }

        public var outcome: String
        public var statement: String?
        public var kind: Kind
        public var threshold: Double
        /// `at-most` for loss-exceeds and harm-exceeds, `at-least` for net-benefit-above.
        public var limit: Double
        /// The chance, after responses (residual): what the verdict is on.
        public var probability: Statistic
        /// The same chance without responses.
        public var inherentProbability: Statistic
        public var withinAppetite: Bool
        /// False when the limit lies within two standard errors of the estimate: more trials
        /// (`--precision`) would be needed to be sure of the verdict.
        public var decisive: Bool
        /// The same statement judged on each perspective's estimates alone (entries a
        /// perspective gave no estimate for are taken from the pool), when the headline pools
        /// several perspectives: whether the verdict depends on whose estimates are believed.
        public var perspectives: [Alternative] = []
        /// The same statement judged under each portfolio option, from the comparison run
        /// (same random numbers, so differences between options are not noise).
        public var portfolios: [Alternative] = []
        /// Asked for with ``ScoringOptions/responseLevers``, for statements outside appetite or
        /// too close to call: what the largest responses on the outcome do to the chance; also for statements whose verdict depends on whose estimates are believed, and for those within appetite only because of the responses (``asksForLevers``).
        public var responses: [ResponseLever] = []
        /// Asked for with ``ScoringOptions/responseLevers``, for statements outside appetite:
        /// what stopping each of the outcome's largest contributors would do to the chance (the
        /// entry left out altogether, everything else as in the headline); nil when not asked.
        public var stops: [ActivityStop]? = nil
        /// Asked for with ``ScoringOptions/responseLevers``, when the headline pools several
        /// perspectives and the register compares options: the statement under each option on
        /// each perspective's own estimates, one per perspective in register order (see
        /// ``PerspectiveOptions``); nil otherwise.
        public var optionsByPerspective: [PerspectiveOptions]? = nil
        /// Asked for with ``ScoringOptions/equalWeights``, where the register's perspectives do
        /// not all have the same weight: the statement judged on the pooled view with every
        /// perspective's weight the same, from a run of the headline view on the same seed and
        /// trials (its id is `equal-weights`); nil otherwise. Whether a weight decided a verdict
        /// can be read off: "if the carers' estimates counted as much as everyone else's, the
        /// chance would be 79 in 100, under the aim".
        public var equalWeights: Alternative? = nil
        /// Asked for with ``ScoringOptions/withoutEachPerspective``: the statement judged on the
        /// pooled view with each perspective's estimates left out in turn (its weight set to 0;
        /// see ``MeanWithout``), one per perspective that gave estimates, in register order,
        /// each with the perspective's id; nil otherwise. What a group's own estimates changed
        /// can be read off: "without the volunteers' estimates, the chance would be 14 in 100".
        public var withoutPerspectives: [Alternative]? = nil

        /// The one tie rule for a chance against its limit: decisive when the limit lies more
        /// than two standard errors away. Every verdict, and every "would be …: within
        /// appetite" a report derives from another chance, goes through it.
        public static func isDecisive(_ chance: Statistic, limit: Double) -> Bool {
            abs(chance.value - limit) > 2 * chance.standardError
        }

        /// A statement's chance read from the share of `trials` simulated years in which the
        /// event happened, with a standard error of at least that of a share of independent
        /// trials, √(p(1 − p)/n). The engine's batch-means estimate, from 32 batches, strays from
        /// the true error by a tenth or more either way: on a low draw a pooled 5.2% against a
        /// limit of 5% read "outside appetite" where a perspective's 5.2% on as many trials read
        /// "too close to call". The binomial error is exact for independent trials and the floor
        /// no verdict goes below; the batch-means one is kept where it is larger, as it is where
        /// rank correlation ties the trials of a unit together. Every chance the verdicts judge
        /// goes through here, so its "±" and its verdict come from the same error.
        ///
        /// - Parameter complement: read the chance of the event not happening (a floor on the
        ///   chance of a net gain above a threshold, from the share above it).
        public static func chance(_ share: Statistic, trials: Int, complement: Bool = false) -> Statistic {
            let p = complement ? 1 - share.value : share.value
            guard trials > 0 else { return Statistic(value: p, standardError: share.standardError) }
            let binomial = (max(0, p * (1 - p)) / Double(trials)).squareRoot()
            return Statistic(value: p, standardError: max(share.standardError, binomial))
        }

        /// Whether `chance` keeps within this statement's limit (at most, or at least for a
        /// floor on a net gain).
        public func keepsWithin(_ chance: Double) -> Bool {
            kind == .netBenefitAbove ? chance >= limit : chance <= limit
        }

        /// The statement judged under another view of the register.
        public struct Alternative: Sendable, Codable, Hashable {
            /// The perspective's or portfolio's id.
            public var id: String
            /// The chance after responses, as ``AppetiteVerdict/probability``.
            public var probability: Statistic
            public var withinAppetite: Bool
            public var decisive: Bool
        }
    }

    public struct RiskScore: Sendable, Codable {
        public var id: String
        public var title: String
        public var outcome: String
        public var strategy: Strategy
        public var confidential: Bool
        public var review: String?
        /// False for an activity of a portfolio other than the headline one: its figures are its
        /// own, but it is not part of the headline outcomes.
        public var inHeadline: Bool
        /// P(at least one occurrence).
        public var probability: InherentAndResidual<Double>
        /// The standard errors of ``probability``.
        public var probabilityStandardError: InherentAndResidual<Double>
        public var meanHarm: InherentAndResidual<Double>
        public var meanBenefit: Double
        public var meanLoss: InherentAndResidual<Statistic>
        /// Own variance plus covariances with the risks it is correlated with in its outcome:
        /// Cov(this risk's loss, its outcome's loss) under the model.
        public var varianceContribution: InherentAndResidual<Double>
        /// The residual contribution over the sum of the residual contributions of everything
        /// on the outcome in the headline figures — entries and other entries' effects on it —
        /// so the shares of an outcome add up to 1 (a hedge's share is negative, so another's
        /// can pass 1). This is the Euler (covariance) allocation Cov(Xᵢ, total) / Var(total).
        public var varianceShare: Double?
        public var impactP10: Double
        public var impactP90: Double
        public var tornadoSwing: Double
        public var response: ResponseScore?
        /// The risk as each perspective sees it (only perspectives with their own estimate).
        public var perspectives: [RiskPerspective]
        /// How far apart the perspectives that estimated the risk put its mean loss before
        /// responses, relative to its outcome's standard deviation before responses as well;
        /// nil when fewer than two estimated it.
        public var inherentMeanDisagreement: PerspectiveDisagreement?
        /// The perspectives whose estimate was written on the register's scales (a likelihood or
        /// impact level), so derived from a band and coarser than a direct estimate; absent when
        /// none was.
        public var fromBands: [String]? = nil
        /// The risk on the register's own matrix (gross, current, target) and where that
        /// disagrees with the ratings the register states; absent without scales.
        public var ratings: RiskRatings? = nil
        /// The entry's `needs-review`: what is still a placeholder (after an import, the
        /// co-production, a response's cost of 0, estimates on example scales), so a report
        /// can show it as one rather than as a fact. Empty when nothing is.
        public var needsReview: [String] = []
        /// For an entry with effects on several outcomes: its figures on each, its own outcome
        /// first; absent for an entry with one outcome (the figures above are that outcome's).
        public var effects: [EffectScore]? = nil
    }

    /// One entry's figures on one of the outcomes it affects.
    public struct EffectScore: Sendable, Codable {
        public var outcome: String
        public var meanHarm: InherentAndResidual<Double>
        public var meanBenefit: Double
        public var meanLoss: InherentAndResidual<Statistic>
        /// The entry's share of this outcome's variance after responses, by the same rule as
        /// ``RiskScore/varianceShare``; absent for an activity outside the headline figures.
        public var varianceShare: Double? = nil
        /// The harm the entry's response avoids on this outcome per horizon, exact on common
        /// random numbers as ``ResponseScore/value`` is on the entry's own outcome; absent
        /// without a response. A response acts on every outcome its entry reaches, so a ranking
        /// by value for money needs its value on each.
        public var responseValue: Statistic? = nil
    }

    public struct RiskPerspective: Sendable, Codable {
        public var perspective: String
        public var probability: Double
        public var meanLoss: Double
        public var impactP90: Double
        public var lossP90: Double?
    }

    public struct ResponseScore: Sendable, Codable {
        public var action: String
        public var cost: Double
        public var deliveredBy: [String]
        public var reliability: Double
        public var inherentMean: Double
        public var residualMean: Double
        /// Mean harm avoided per horizon, exact on common random numbers.
        public var value: Statistic
        /// Value per unit of cost; nil when the cost is 0.
        public var valueForMoney: Double?
        /// The citizen time the response takes over the horizon, by contributor (absent when the
        /// register states none).
        public var citizenInput: [CitizenHours]? = nil
        /// Value per unit of cost with the citizen hours counted at the register's
        /// `citizen-hour-value`: value ÷ (cost + hours × rate); absent without citizen input, a
        /// stated rate, or any cost at all.
        public var valueForMoneyWithCitizenTime: Double? = nil
        /// For a money response that saves less on average than it costs, what it does to the
        /// outcome's bad years (asked for with ``ScoringOptions/responseLevers``); absent
        /// otherwise.
        public var badYearValue: BadYearValue? = nil
    }

    public struct CitizenHours: Sendable, Codable {
        /// The contributor's id.
        public var by: String
        public var hours: Double
    }

    public struct PerspectiveScore: Sendable, Codable {
        public var id: String
        public var title: String
        public var weight: Double
        public var outcomes: [OutcomeBrief]
    }

    /// An outcome's headline figures under one perspective or portfolio.
    public struct OutcomeBrief: Sendable, Codable {
        public var outcome: String
        public var mean: InherentAndResidual<Statistic>
        public var p90: InherentAndResidual<Statistic>
        public var p95: InherentAndResidual<Statistic>
        public var probabilityNetBenefit: InherentAndResidual<Statistic>
    }

    public struct PortfolioScore: Sendable, Codable {
        public var id: String
        public var title: String
        /// The entries in this option at their full size (its `risks`).
        public var activities: [String]
        public var outcomes: [OutcomeBrief]
        /// Per outcome, this portfolio's residual loss minus the first portfolio's, trial by trial.
        public var differenceFromFirst: [PairedDifference]
        /// The entries the option splits as exclusive shares of the same people or places, with
        /// their shares; absent when it splits none.
        public var split: [OptionShare]? = nil
        /// The responses the option chooses for entries in place of their own; absent when none.
        public var responses: [OptionResponse]? = nil
        /// The option's own cost over the horizon, counted as a loss in every trial on
        /// ``costOutcome`` (so its figures there include it); absent when it states none.
        public var cost: Double? = nil
        public var costOutcome: String? = nil
    }

    public struct OptionShare: Sendable, Codable {
        public var risk: String
        public var share: Double
    }

    public struct OptionResponse: Sendable, Codable {
        public var risk: String
        /// The response's id.
        public var response: String
        public var action: String
        public var cost: Double
    }

    public struct CorrelationScore: Sendable, Codable {
        public var between: [String]
        public var target: Double
        /// Achieved Spearman correlation of the two risks' losses, under the headline view.
        public var achieved: Double
    }

    public struct StaleEntry: Sendable, Codable {
        public var risk: String
        public var review: String
    }
}

extension OutcomeSummary {
    /// The P90, P95 and net-benefit chance in brief.
    func brief(paired residual: OutcomeSummary, outcome: String) -> RegisterScore.OutcomeBrief {
        RegisterScore.OutcomeBrief(
            outcome: outcome,
            mean: .init(inherent: mean, residual: residual.mean),
            p90: .init(inherent: percentile(0.9)!, residual: residual.percentile(0.9)!),
            p95: .init(inherent: percentile(0.95)!, residual: residual.percentile(0.95)!),
            probabilityNetBenefit: .init(inherent: probabilityNetBenefit, residual: residual.probabilityNetBenefit))
    }
}
