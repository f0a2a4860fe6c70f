import Foundation
import Distributions
import RegisterModel
import Scoring
import TextLayer

/// Values written as a register would write them, so a change reads like the lines that changed.
enum ValueText {
    /// An amount: `4,000`, `2.5`, `-3`.
    static func amount(_ value: Double) -> String {
        if value == value.rounded() || abs(value) >= 100 || !value.isFinite { return FigureFormat.amount(value) }
        return String(format: "%.6g", value)
    }

    /// A probability as a percentage that keeps its precision: `35%`, `8.333%`.
    static func probability(_ p: Double) -> String {
        FigureFormat.precisePercent(p)
    }

    static func distribution(_ d: Distribution, ofChances: Bool = false) -> String {
        let v: (Double) -> String = ofChances ? { Self.probability($0) } : { Self.amount($0) }
        switch d.parameters {
        case .fixed(let x): return v(x)
        case let .uniform(a, b): return "uniform [\(v(a)), \(v(b))]"
        case let .triangular(a, c, b): return "triangular [\(v(a)), \(v(c)), \(v(b))]"
        case let .pert(a, c, b, s):
            return s == 4 ? "pert [\(v(a)), \(v(c)), \(v(b))]" : "pert [\(v(a)), \(v(c)), \(v(b))], shape \(amount(s))"
        case let .normal(m, s): return "normal {mean: \(v(m)), sd: \(v(s))}"
        case let .lognormal(p5, p95): return "lognormal [\(v(p5)), \(v(p95))]"
        case let .beta(al, be, a, b):
            return a == 0 && b == 1 ? "beta [\(amount(al)), \(amount(be))]"
                : "beta {alpha: \(amount(al)), beta: \(amount(be)), min: \(v(a)), max: \(v(b))}"
        case let .choice(values, ps):
            return "discrete [" + zip(values, ps).map { "\(v($0)) (p \(Self.probability($1)))" }.joined(separator: ", ") + "]"
        }
    }

    static func occurrence(_ o: Estimate.Occurrence) -> (field: String, text: String) {
        switch o {
        case .likelihood(let d): return ("likelihood", distribution(d, ofChances: true))
        case .frequency(let d): return ("frequency", distribution(d))
        }
    }

    static func list(_ ids: [String]) -> String {
        "[" + ids.joined(separator: ", ") + "]"
    }

    static func bool(_ b: Bool) -> String { b ? "true" : "false" }

    static func unit(_ u: Outcome.Unit) -> String {
        switch u {
        case .money: return "money"
        case .other(let word): return word
        }
    }

    /// `+ a, − b` for two lists of ids; nil when they hold the same ids (perhaps reordered).
    static func listNote(_ before: [String], _ after: [String]) -> String? {
        let added = after.filter { !before.contains($0) }
        let removed = before.filter { !after.contains($0) }
        let parts = added.map { "+ \($0)" } + removed.map { "− \($0)" }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
