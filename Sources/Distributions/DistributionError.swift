/// Why a distribution's parameters were rejected.
///
/// Each case carries the offending values so the register validator can point at the YAML node
/// and explain the fix; ``message`` is a human sentence for that diagnostic.
public enum DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is NaN or infinite.
    case notFinite(parameter: String, value: Double)
    /// Bounds are not strictly increasing (`min < max`, or `p5 < p95`).
    case boundsNotIncreasing(lower: String, upper: String, lowerValue: Double, upperValue: Double)
    /// The mode lies outside `[min, max]`.
    case modeOutsideRange(mode: Double, min: Double, max: Double)
    /// A parameter that must be strictly positive is not.
    case notPositive(parameter: String, value: Double)
    /// A discrete choice with no values, or values and probabilities of different lengths.
    case badChoiceShape(values: Int, probabilities: Int)
    /// A discrete choice probability is negative.
    case negativeProbability(index: Int, value: Double)
    /// Discrete choice probabilities do not sum to 1 within 1e-9.
    case probabilitiesDoNotSumToOne(sum: Double)
    /// A beta or PERT shape outside the range its sampler handles in bounded time
    /// (``Distribution/betaShapes``, ``Distribution/maximumPertShape``).
    case shapeOutOfRange(parameter: String, value: Double, range: ClosedRange<Double>)

    /// A sentence saying what is wrong and how to fix it.
    public var message: String {
        switch self {
        case let .notFinite(parameter, value):
            return "\(parameter) must be a finite number, but is \(value)"
        case let .boundsNotIncreasing(lower, upper, lv, uv):
            return "\(lower) (\(lv)) must be less than \(upper) (\(uv)); swap them or widen the range"
        case let .modeOutsideRange(mode, min, max):
            return "mode (\(mode)) must lie between min (\(min)) and max (\(max))"
        case let .notPositive(parameter, value):
            return "\(parameter) must be greater than 0, but is \(value)"
        case let .badChoiceShape(values, probabilities):
            return values == 0
                ? "a choice needs at least one value"
                : "a choice needs one probability per value (\(values) values, \(probabilities) probabilities)"
        case let .negativeProbability(index, value):
            return "probability \(index + 1) is negative (\(value)); probabilities must be between 0 and 1"
        case let .probabilitiesDoNotSumToOne(sum):
            return "choice probabilities must sum to 1, but sum to \(sum)"
        case let .shapeOutOfRange(parameter, value, range):
            return "\(parameter) (\(value)) must lie between \(range.lowerBound) and \(range.upperBound)"
        }
    }

    public var description: String { message }
}
