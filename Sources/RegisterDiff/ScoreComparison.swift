import Foundation
import MonteCarlo
import Scoring

/// How two scores of a register differ, per outcome, appetite statement and risk.
///
/// Both revisions are scored with the same seed and number of trials. Each risk's random
/// streams are keyed by its id, so a risk whose entry did not change draws the same numbers in
/// both and its figures differ by exactly zero; an outcome moves only through the risks in it
/// that changed.
public struct ScoreComparison: Sendable, Codable {
    public var outcomes: [OutcomeChange]
    public var appetite: [AppetiteChange]
    public var risks: [RiskChange]

    /// A figure on both sides, and whether the change is more than Monte Carlo error.
    public struct FigureChange: Sendable, Codable, Hashable {
        public enum Status: String, Sendable, Codable, Hashable {
            /// Exactly the same number on both sides.
            case unchanged
            /// Different, but by less than twice the combined standard error: it may be noise.
            case withinError = "within-error"
            /// Different by more than twice the combined standard error.
            case changed
            /// Only on the newer side.
            case added
            /// Only on the older side.
            case removed
        }

        public var before: Double?
        public var after: Double?
        /// after − before, when both exist.
        public var delta: Double?
        /// √(SE₁² + SE₂²): the standard error of the difference of two independent estimates.
        /// Unchanged risks share their random numbers, so this overstates the noise of a
        /// difference; it is the conservative bound.
        public var standardError: Double?
        public var status: Status

        /// Compares two estimates: a change is within Monte Carlo error when |Δ| < 2·√(SE₁² + SE₂²).
        public init(_ before: Statistic?, _ after: Statistic?) {
            self.before = before?.value
            self.after = after?.value
            switch (before, after) {
            case let (b?, a?):
                delta = a.value - b.value
                let se = (b.standardError * b.standardError + a.standardError * a.standardError).squareRoot()
                standardError = se
                if a.value == b.value {
                    status = .unchanged
                } else if abs(a.value - b.value) < 2 * se {
                    status = .withinError
                } else {
                    status = .changed
                }
            case (nil, _?): status = .added
            case (_?, nil): status = .removed
            case (nil, nil): status = .unchanged
            }
        }

        public var isUnchanged: Bool { status == .unchanged }
    }

    public struct OutcomeChange: Sendable, Codable {
        public var id: String
        public var title: String
        public var unit: String
        /// Residual (with responses) mean, P90 and P95 of the outcome's loss.
        public var mean: FigureChange
        public var p90: FigureChange
        public var p95: FigureChange
        /// The inherent (without responses) mean.
        public var inherentMean: FigureChange
    }

    public struct AppetiteChange: Sendable, Codable {
        /// `outcome/kind#n`, as in ``RegisterChange``.
        public var key: String
        public var outcome: String
        public var statement: String?
        public var kind: RegisterScore.AppetiteVerdict.Kind
        public var threshold: Double
        public var limit: Double
        /// The chance the verdict is on (residual).
        public var probability: FigureChange
        public var withinBefore: Bool?
        public var withinAfter: Bool?
        /// The verdict changed between the revisions.
        public var flipped: Bool
    }

    public struct RiskChange: Sendable, Codable {
        public var id: String
        public var title: String
        public var outcome: String
        public var confidential: Bool
        /// Chance of at least one occurrence, with responses.
        public var probability: FigureChange
        /// Mean loss per horizon with responses, and without.
        public var meanLoss: FigureChange
        public var inherentMeanLoss: FigureChange
        /// Mean loss avoided by the response (absent on both sides when it has none).
        public var responseValue: FigureChange?

        /// Every figure is exactly the same on both sides.
        public var isUnchanged: Bool {
            probability.isUnchanged && meanLoss.isUnchanged && inherentMeanLoss.isUnchanged
                && (responseValue?.isUnchanged ?? true)
        }
    }

    /// - Parameters:
    ///   - old: the earlier score, or nil when the register did not exist then.
    ///   - new: the later score, made with the same seed and trials.
    public init(from old: RegisterScore?, to new: RegisterScore) {
        outcomes = Self.matched(old?.outcomes ?? [], new.outcomes, id: \.id).map { o, n in
            let any = (n ?? o)!
            return OutcomeChange(
                id: any.id, title: any.title, unit: any.unit,
                mean: FigureChange(o?.residual.mean, n?.residual.mean),
                p90: FigureChange(o?.residual.percentile(0.9), n?.residual.percentile(0.9)),
                p95: FigureChange(o?.residual.percentile(0.95), n?.residual.percentile(0.95)),
                inherentMean: FigureChange(o?.inherent.mean, n?.inherent.mean))
        }
        appetite = Self.matched(Self.keyed(old?.appetite ?? []), Self.keyed(new.appetite), id: \.key).map { o, n in
            let any = (n ?? o)!.value
            return AppetiteChange(
                key: (n ?? o)!.key, outcome: any.outcome, statement: any.statement, kind: any.kind,
                threshold: any.threshold, limit: any.limit,
                probability: FigureChange(o?.value.probability, n?.value.probability),
                withinBefore: o?.value.withinAppetite, withinAfter: n?.value.withinAppetite,
                flipped: o != nil && n != nil && o!.value.withinAppetite != n!.value.withinAppetite)
        }
        risks = Self.matched(old?.risks ?? [], new.risks, id: \.id).map { o, n in
            let any = (n ?? o)!
            func chance(_ r: RegisterScore.RiskScore?, _ trials: Int?) -> Statistic? {
                guard let r, let trials, trials > 0 else { return nil }
                let p = r.probability.residual
                return Statistic(value: p, standardError: (p * (1 - p) / Double(trials)).squareRoot())
            }
            let value: FigureChange? = o?.response == nil && n?.response == nil
                ? nil : FigureChange(o?.response?.value, n?.response?.value)
            return RiskChange(
                id: any.id, title: any.title, outcome: any.outcome, confidential: any.confidential,
                probability: FigureChange(chance(o, old?.run.trials), chance(n, new.run.trials)),
                meanLoss: FigureChange(o?.meanLoss.residual, n?.meanLoss.residual),
                inherentMeanLoss: FigureChange(o?.meanLoss.inherent, n?.meanLoss.inherent),
                responseValue: value)
        }
    }

    /// Pairs entries by id: the newer side's order, then those only on the older side.
    static func matched<T>(_ old: [T], _ new: [T], id: (T) -> String) -> [(T?, T?)] {
        var byID: [String: T] = [:]
        for o in old where byID[id(o)] == nil { byID[id(o)] = o }
        let newIDs = Set(new.map(id))
        return new.map { (byID[id($0)], $0) } + old.filter { !newIDs.contains(id($0)) }.map { ($0, nil) }
    }

    struct Keyed {
        var key: String
        var value: RegisterScore.AppetiteVerdict
    }

    static func keyed(_ verdicts: [RegisterScore.AppetiteVerdict]) -> [Keyed] {
        var seen: [String: Int] = [:]
        return verdicts.map { v in
            let base = "\(v.outcome)/\(v.kind.rawValue)"
            seen[base, default: 0] += 1
            return Keyed(key: "\(base)#\(seen[base]!)", value: v)
        }
    }
}
