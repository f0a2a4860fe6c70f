import Distributions

/// Why a ``SimulationPlan`` was rejected. The `Scoring` module builds plans from validated
/// registers, so these indicate a bug there rather than a user mistake; they are still typed
/// values with messages, never traps.
public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    case noViews
    case indexOutOfRange(what: String, index: Int, count: Int)
    case duplicateRiskKey(UInt64, risks: [Int])
    case noEstimates(risk: Int)
    case tooManyEstimates(risk: Int, count: Int)
    case badProbability(risk: Int, estimate: Int, value: Double)
    case badRate(risk: Int, estimate: Int, value: Double)
    case badResponse(risk: Int, field: String, value: Double)
    case badWeights(view: Int, risk: Int, reason: String)
    case portfolioEntryNotActivity(portfolio: Int, risk: Int)
    case badCorrelation(pair: Int, reason: String)
    case invalidCorrelationMatrix(risks: [Int], problem: CorrelationMatrix.Problem)
    case badThreshold(outcome: Int?, value: Double)
    /// An impact, benefit or uncertain frequency outside ``NumericLimits``.
    case outsideLimits(risk: Int, estimate: Int, what: String, violation: NumericLimits.Violation)
    /// A deliverer with a repeated key, or an availability or step-back chance outside [0, 1].
    case badDeliverer(deliverer: Int, reason: String)
    /// A risk that follows another's trial order where it cannot: out of range, itself, a
    /// risk that follows another, or a follower that is correlated or followed.
    case badFollower(risk: Int, reason: String)

    public var description: String {
        switch self {
        case .noViews: return "a plan needs at least one view"
        case let .indexOutOfRange(what, i, n): return "\(what) index \(i) is out of range 0..<\(n)"
        case let .duplicateRiskKey(k, r): return "risks \(r) share the stream key \(k); ids must be distinct"
        case let .noEstimates(r): return "risk \(r) has no estimates"
        case let .tooManyEstimates(r, n): return "risk \(r) has \(n) estimates; at most 64 are supported"
        case let .badProbability(r, e, v): return "risk \(r) estimate \(e): probability \(v) is not in [0, 1]"
        case let .badRate(r, e, v): return "risk \(r) estimate \(e): frequency \(v) is not between 0 and \(SimulationPlan.maximumRate) events per horizon"
        case let .badResponse(r, f, v): return "risk \(r) response: \(f) \(v) is out of range"
        case let .badWeights(v, r, why): return "view \(v), risk \(r): \(why)"
        case let .portfolioEntryNotActivity(p, r): return "portfolio \(p) selects risk \(r), which is not an activity"
        case let .badCorrelation(i, why): return "correlation \(i): \(why)"
        case let .invalidCorrelationMatrix(r, p): return "correlations among risks \(r): \(p)"
        case let .badThreshold(o, v): return "threshold \(v) for \(o.map { "outcome \($0)" } ?? "the total") is not finite"
        case let .outsideLimits(r, e, what, v): return "risk \(r) estimate \(e): the \(what) is outside the limits: \(v)"
        case let .badDeliverer(d, why): return "deliverer \(d): \(why)"
        case let .badFollower(r, why): return "risk \(r) follows another's trial order but \(why)"
        }
    }
}
