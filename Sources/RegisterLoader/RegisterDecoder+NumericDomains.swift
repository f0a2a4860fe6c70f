import Foundation
import Distributions
import RegisterModel
import YAMLNodes

// The numeric domain of a register (``NumericLimits``): what `validate` accepts is what the
// engine can score with finite figures, in bounded time and memory. Each limit is a rule:
//
// - `amount-range`: a stated amount larger than 10¹⁵ or, other than 0, smaller than 10⁻⁹; or a normal/lognormal whose draws reach
//   beyond 10¹⁸;
// - `frequency-range`: a frequency above 1,000 events per horizon;
// - `shape-range`: a beta shape outside 0.01–10⁴, a PERT shape above 10⁴;
// - `register-size`: more than 64 perspectives, or more per-trial series than one run keeps.

extension NodeReader {
    /// Whether an amount just read is 0 or between ``NumericLimits/minimumAmount`` and
    /// ``NumericLimits/maximumAmount`` in size; reports `amount-range` when it is not.
    mutating func withinAmountLimit(_ value: Double, _ what: String, at node: YAMLNode) -> Bool {
        guard !NumericLimits.isAllowedAmount(value) else { return true }
        reportAmount(value, "\(what) \(Self.limitFormat(value))", at: node)
        return false
    }

    private mutating func reportAmount(_ value: Double, _ found: String, at node: YAMLNode) {
        if abs(value) < NumericLimits.minimumAmount {
            error(.amountRange, "\(found) is smaller than the smallest amount allowed other than 0 (1e-9)", at: node,
                  hint: "amounts are 0 or at least 1e-9 in size; write 0, or state the quantity in a smaller unit")
        } else {
            error(.amountRange, "\(found) is larger than the largest amount allowed (1e15)", at: node,
                  hint: "amounts are at most 1e15 (a thousand million million); state a larger quantity in a bigger unit, such as thousands")
        }
    }

    /// Whether a distribution that passed its family's rules is within the numeric limits for
    /// what it measures; reports the broken limit at the family's node when it is not.
    mutating func withinNumericDomain(_ spec: Distribution.Parameters, _ what: String, at node: YAMLNode, scale: DistributionScale) -> Bool {
        let kind: NumericLimits.Kind = switch scale {
        case .amount: .amount
        case .probability: .probability
        case .rate: .frequency
        }
        guard let violation = NumericLimits.violation(spec, kind: kind) else { return true }
        let family = Self.family(of: spec)
        switch violation {
        case let .amount(value):
            reportAmount(value, "\(family) \(what) has the value \(Self.limitFormat(value)), which", at: node)
        case let .reach(value):
            error(.amountRange,
                  "\(family) \(what) reaches \(Self.limitFormat(value)) in its far tail, beyond the limit of 1e18", at: node,
                  hint: "a \(family) has no bound: draws reach \(NodeReader.format(NumericLimits.samplerReach)) standard deviations from its centre; narrow the interval, or use `pert` with an explicit max")
        case let .frequency(value):
            let found = if case .fixed = spec {
                "\(what) \(Self.format(value)) events per horizon is"
            } else if spec.isUnbounded {
                "\(family) \(what) has its 95th percentile at \(Self.format(value)) events per horizon,"
            } else {
                "\(family) \(what) goes up to \(Self.format(value)) events per horizon,"
            }
            error(.frequencyRange, "\(found) more than the limit of 1000", at: node,
                  hint: "a frequency is the expected number of events per horizon, at most 1000; for more frequent events shorten the horizon, or count a batch of events (say 100) as one event with a larger impact")
        case let .shape(parameter, value, range):
            error(.shapeRange,
                  "\(family) \(what) \(parameter) \(Self.format(value)) is outside \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))", at: node,
                  hint: parameter == "shape"
                      ? "a PERT shape is at most 10000; 4 is the classic PERT, 6–10 says you are more sure of the mode"
                      : "beta shapes lie between 0.01 and 10000; `beta: [2, 8]` means about 20 %")
        }
        return false
    }
}

extension NodeReader {
    /// A number for a limit's message: as other messages write it, and in exponent form from
    /// 10¹⁵ on and below 10⁻⁶ (`2e+15`, not sixteen digits; `5e-324`, not `0`).
    static func limitFormat(_ value: Double) -> String {
        abs(value) < 1e15 && abs(value) >= 1e-6 || value == 0 ? format(value) : String(format: "%.6g", value)
    }
}

extension Distribution.Parameters {
    /// Normal and lognormal: no bounds, so a frequency is judged by its 95th percentile.
    fileprivate var isUnbounded: Bool {
        switch self {
        case .normal, .lognormal: true
        default: false
        }
    }
}

extension RegisterDecoder {
    /// The limits on a register's size that bound a scoring run's memory: at most 64
    /// perspectives (a risk's estimates are one 64-bit mask), and at most
    /// ``NumericLimits/maximumSeries`` per-trial series per run — views × outcome slots in the
    /// main run, (1 + portfolios) × outcome slots in the portfolio comparison.
    mutating func checkSizes(_ register: Register) {
        let perspectives = register.perspectives.count
        if perspectives > NumericLimits.maximumPerspectives {
            let extra = register.perspectives[NumericLimits.maximumPerspectives]
            reader.report(.error(
                .registerSize, "the register declares \(perspectives) perspectives, more than the limit of \(NumericLimits.maximumPerspectives)",
                at: extra.location,
                hint: "merge perspectives that speak for the same people, or keep a separate register for some of them"))
            return
        }
        let separateTotal = register.outcomes.filter { $0.unit == .money }.count >= 2
        let views = perspectives == 1 ? 1 : perspectives + 1
        let series = NumericLimits.series(views: views, outcomes: register.outcomes.count, separateTotal: separateTotal)
        if series > NumericLimits.maximumSeries {
            // The first outcome that takes the run over the limit.
            let total = separateTotal ? 1 : 0
            let fitting = max(0, NumericLimits.maximumSeries / views - total)
            let outcome = register.outcomes[min(fitting, register.outcomes.count - 1)]
            reader.report(.error(
                .registerSize,
                "\(register.outcomes.count) outcomes seen from \(views) views (\(perspectives > 1 ? "each perspective and the pooled one" : "one perspective")) make \(series) series per trial, more than the limit of \(NumericLimits.maximumSeries)",
                at: outcome.location,
                hint: "with \(views) views at most \(fitting) outcomes fit; split the register, or merge perspectives"))
        }
        let comparison = NumericLimits.series(views: 1 + register.portfolios.count, outcomes: register.outcomes.count, separateTotal: separateTotal)
        if comparison > NumericLimits.maximumSeries, let last = register.portfolios.last {
            reader.report(.error(
                .registerSize,
                "\(register.portfolios.count) portfolios over \(register.outcomes.count) outcomes make \(comparison) series per trial, more than the limit of \(NumericLimits.maximumSeries)",
                at: last.location, hint: "compare fewer portfolios in one register"))
        }
    }
}
