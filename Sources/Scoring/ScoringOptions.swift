import Distributions
import MonteCarlo
import RegisterModel

/// How to score a register.
public struct ScoringOptions: Sendable {
    /// The seed every random stream derives from. Default 1: the same register gives the same
    /// numbers unless a different seed is asked for.
    public var seed: UInt64
    /// Trials (simulated horizons). Default 100,000: percentiles up to P99 with standard errors
    /// of a few per cent in under a second for registers of hundreds of risks.
    public var trials: Int
    /// Worker threads; results do not depend on it. Default: every core.
    public var jobs: Int
    /// With a value, trials are added until the 95 % half-width of every P95 is within this
    /// fraction of it, up to ``maxTrials``.
    public var precision: Double?
    /// The cap for ``precision``. Default 10,000,000.
    public var maxTrials: Int
    /// Score only from this perspective (by id); nil scores every perspective and the pooled view.
    public var perspective: String?
    /// Score with this portfolio's activities (by id); nil takes the first portfolio, if any.
    public var portfolio: String?
    /// The day review dates are judged by.
    public var asOf: CalendarDate
    /// Also work out, for each appetite statement outside appetite or too close to call, what
    /// its largest responses do to it (``RegisterScore/AppetiteVerdict/responses``). Off by
    /// default: it costs one more run of the headline view, holding two variants of each
    /// response examined. The board report asks for it.
    public var responseLevers = false
    /// Score the headline view alone: no perspective's own view (so no perspective figures,
    /// verdicts or disagreements) and no option comparison (entries outside the headline option
    /// still get their own figures). The headline figures are bit for bit a full score's, since
    /// every risk's draws are its own and each series adds the same risks in the same order;
    /// `diff` and `score --format csv`, which read only those, ask for this to score in a
    /// fraction of the time. Off by default. With ``precision`` the run stops when the views
    /// scored reach it, so fewer views may stop it sooner: those commands ask for it only
    /// without a precision target.
    public var headlineOnly = false
    /// Also judge every appetite statement with every perspective's estimates counting the same
    /// (``RegisterScore/AppetiteVerdict/equalWeights``), where the register gives them different
    /// weights. Off by default: it costs one more run of the headline view. The community report
    /// asks for it, so that people whose estimates count less are told what that changed.
    public var equalWeights = false
    /// Also judge every appetite statement, and work out every outcome's average, with each
    /// perspective's estimates left out in turn
    /// (``RegisterScore/AppetiteVerdict/withoutPerspectives``,
    /// ``RegisterScore/OutcomeScore/withoutPerspectives``), where the headline pools two or more
    /// perspectives. Off by default: it costs one more run of the headline view for each
    /// perspective that gave estimates. The community report asks for it, so that every group
    /// that gave estimates is told what its own estimates changed, not only a group whose
    /// estimates count less.
    public var withoutEachPerspective = false

    public static let defaultSeed: UInt64 = 1
    public static let defaultTrials = 100_000
    public static let defaultMaxTrials = 10_000_000

    public init(
        seed: UInt64 = defaultSeed, trials: Int = defaultTrials, jobs: Int = RunOptions().jobs,
        precision: Double? = nil, maxTrials: Int = defaultMaxTrials, perspective: String? = nil,
        portfolio: String? = nil, asOf: CalendarDate
    ) {
        self.seed = seed
        self.trials = trials
        self.jobs = jobs
        self.precision = precision
        self.maxTrials = maxTrials
        self.perspective = perspective
        self.portfolio = portfolio
        self.asOf = asOf
    }
}

/// Why a register could not be scored as asked.
public enum ScoringError: Error, Sendable, CustomStringConvertible {
    case unknownPerspective(String, known: [String])
    case unknownPortfolio(String, known: [String])
    /// The engine refused the compiled plan: a bug, since the register had validated.
    case plan(String)
    /// Two entries of one kind (`outcome`, `perspective`, `risk`, `portfolio`) share an id, in
    /// a register built in code (the loader refuses this as `duplicate-id`).
    case duplicateID(kind: String, id: String)
    /// An entry refers to an id that does not exist, in a register built in code.
    case unknownReference(kind: String, id: String, from: String)
    /// A value outside ``NumericLimits``, in a register built in code (the loader refuses
    /// these with a location).
    case outsideLimits(String)
    /// More trials than ``NumericLimits/maximumTrials``, in options built in code (the command
    /// line refuses them first).
    case tooManyTrials(Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownPerspective(let id, let known):
            return "the register has no perspective `\(id)`; it has \(known.map { "`\($0)`" }.joined(separator: ", "))"
        case .unknownPortfolio(let id, let known):
            return known.isEmpty
                ? "the register defines no portfolios, so `--portfolio \(id)` has nothing to choose"
                : "the register has no portfolio `\(id)`; it has \(known.map { "`\($0)`" }.joined(separator: ", "))"
        case .plan(let message):
            return "the register could not be turned into a simulation: \(message)"
        case .duplicateID(let kind, let id):
            return "the register has two \(kind)s with the id `\(id)`"
        case .unknownReference(let kind, let id, let from):
            return "\(from) refers to \(kind) `\(id)`, which the register does not have"
        case .outsideLimits(let message):
            return "the register is outside riskreg's numeric limits: \(message)"
        case .tooManyTrials(let trials, let limit):
            return "\(trials) trials is more than this register can be scored with (at most \(limit)); ask for fewer trials"
        }
    }
}
