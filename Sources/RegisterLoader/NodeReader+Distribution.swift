import Foundation
import Distributions
import RegisterModel
import YAMLNodes

extension NodeReader {
    /// The distribution families a register may name, in the order the reference lists them.
    static let families = RegisterFormat.families.map(\.name)

    /// A distribution: a bare value (fixed) or a one-key mapping naming the family, with its
    /// parameters as a short list (`pert: [1k, 2.5k, 10k]`) or a mapping (`pert: {min: ...}`).
    /// The families, their parameters and forms are read from ``RegisterFormat/families``.
    mutating func distribution(_ node: YAMLNode, _ what: String, scale: DistributionScale) -> Distribution? {
        if node.scalar != nil {
            if scale != .probability, let range = Self.writtenRange(node) {
                error(.invalidNumber, "\(what) `\(range.text.abbreviated)` is a range, not a number", at: node,
                      hint: "for a value anywhere from \(range.low) to \(range.high) write `{uniform: [\(range.low), \(range.high)]}`; if one value is most likely, `{pert: [\(range.low), MOST-LIKELY, \(range.high)]}`")
                return nil
            }
            return value(node, what, scale: scale).flatMap { checked(.fixed($0), what, at: node, scale: scale) }
        }
        guard let entries = node.mapping else {
            error(.wrongType, "\(what) should be a number or a distribution, not \(node.kindDescription)", at: node,
                  hint: "write a fixed value such as `5000`, or a distribution such as `pert: [1000, 2500, 10000]`")
            return nil
        }
        guard entries.count == 1, let family = entries[0].key.scalar?.value else {
            let names = entries.compactMap { $0.key.scalar?.value }.map { "`\($0)`" }.joined(separator: ", ")
            error(.wrongType, "\(what) should name one distribution family, found \(entries.isEmpty ? "none" : names)", at: node,
                  hint: "write the family as the only key, such as `pert: {min: 1000, mode: 2500, max: 10000}`")
            return nil
        }
        let familyNode = entries[0].key
        let body = entries[0].value
        guard let description = RegisterFormat.family(family) else {
            error(.invalidValue, "`\(family.abbreviated)` is not a distribution family", at: familyNode,
                  hint: [Suggestion.didYouMean(family, in: Self.families),
                         "families are \(Suggestion.list(Self.families))"].compactMap { $0 }.joined(separator: " "))
            return nil
        }
        let label = "\(family) \(what)"
        let spec: Distribution.Parameters?
        switch description.form {
        case .valueOrParameters where body.scalar != nil:
            spec = value(body, label, scale: scale).flatMap { Self.parameters(of: description, [$0]) }
        case .choices:
            spec = discrete(body, label, family: description, scale: scale)
        case .parameters, .valueOrParameters:
            spec = parameters(body, label, family: description, scale: scale).flatMap { Self.parameters(of: description, $0) }
        }
        return spec.flatMap { checked($0, what, at: familyNode, scale: scale) }
    }

    /// The engine's parameters from a family's values, in the order its description lists them.
    private static func parameters(of family: DistributionFamily, _ v: [Double]) -> Distribution.Parameters? {
        guard v.count == family.parameters.count else { return nil }
        switch family.name {
        case "fixed": return .fixed(v[0])
        case "uniform": return .uniform(min: v[0], max: v[1])
        case "triangular": return .triangular(min: v[0], mode: v[1], max: v[2])
        case "pert": return .pert(min: v[0], mode: v[1], max: v[2], shape: v[3])
        case "normal": return .normal(mean: v[0], sd: v[1])
        case "lognormal": return .lognormal(p5: v[0], p95: v[1])
        case "beta": return .beta(alpha: v[0], beta: v[1], min: v[2], max: v[3])
        default: return nil  // SchemaConsistencyTests.familyReadAsDescribed reads every described family.
        }
    }

    /// One value of a distribution, read as its scale is written.
    private mutating func value(_ node: YAMLNode, _ what: String, scale: DistributionScale) -> Double? {
        switch scale {
        case .amount, .rate: return amount(node, what)
        case .probability:
            guard let text = text(node, what) else { return nil }
            guard let value = ScalarSyntax.probability(text) else {
                error(.invalidNumber, "\(what) `\(text.abbreviated)` is not a probability", at: node,
                      hint: "write a chance as `0.3`, `30%` or `1 in 3`")
                return nil
            }
            return value
        }
    }

    /// A family's parameters from the short form (a list in `names` order) or the long form (a
    /// mapping); optional parameters take their defaults. Shape parameters (beta's alpha and beta)
    /// are plain numbers whatever the scale.
    private mutating func parameters(_ node: YAMLNode, _ what: String, family: DistributionFamily, scale: DistributionScale) -> [Double]? {
        let names = family.required.map(\.name)
        let optional = family.optional.map { ($0.name, $0.defaultValue ?? 0) }
        let longFormOnly = !family.hasShortForm
        let shapeNames = Set(family.parameters.filter { $0.role == .shape }.map(\.name))
        let allNames = names + optional.map(\.0)
        func read(_ name: String, _ node: YAMLNode) -> Double? {
            shapeNames.contains(name) ? amount(node, "\(what) \(name)") : value(node, "\(what) \(name)", scale: scale)
        }
        if let items = node.sequence, !longFormOnly {
            guard items.count == names.count else {
                error(.distributionParameters,
                      "\(what) takes \(names.count) values [\(names.joined(separator: ", "))], found \(items.count)", at: node,
                      hint: Self.countHint(family: family, found: items, optional: optional.map(\.0), allNames: allNames))
                return nil
            }
            let values = zip(names, items).map { read($0, $1) }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            return values.map { $0! } + optional.map(\.1)
        }
        if node.sequence != nil, longFormOnly {
            error(.wrongType, "\(what) is written as a mapping, not a list", at: node,
                  hint: "write `{\(allNames.map { "\($0): ..." }.joined(separator: ", "))}` so each value is named")
            return nil
        }
        guard node.mapping != nil else {
            let forms = longFormOnly ? "`{\(allNames.map { "\($0): ..." }.joined(separator: ", "))}`"
                : "`[\(names.joined(separator: ", "))]` or `{\(allNames.map { "\($0): ..." }.joined(separator: ", "))}`"
            error(.wrongType, "\(what) needs its parameters, not \(node.kindDescription)", at: node, hint: "write \(forms)")
            return nil
        }
        guard let fields = fields(node, of: what, FieldSet(required: names, optional: optional.map(\.0))) else { return nil }
        var values: [Double] = []
        var complete = true
        for name in names {
            guard let n = fields[name], let v = read(name, n) else { complete = false; continue }
            values.append(v)
        }
        for (name, fallback) in optional {
            if let n = fields[name] {
                guard let v = read(name, n) else { complete = false; continue }
                values.append(v)
            } else {
                values.append(fallback)
            }
        }
        return complete ? values : nil
    }

    private mutating func discrete(_ node: YAMLNode, _ what: String, family: DistributionFamily, scale: DistributionScale) -> Distribution.Parameters? {
        guard let items = list(node, of: what) else { return nil }
        var choices: [(value: Double, probability: Double)] = []
        var complete = true
        for item in items {
            guard let fields = fields(item, of: "a \(what) choice", FieldSet(required: family.parameters.map(\.name))),
                  let valueNode = fields["value"], let pNode = fields["p"],
                  let v = value(valueNode, "\(what) value", scale: scale),
                  let p = probability(pNode, "\(what) choice probability")
            else { complete = false; continue }
            choices.append((v, p))
        }
        guard complete, !choices.isEmpty else { return nil }
        let total = choices.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) <= 0.001 else {
            error(.distributionParameters, "\(what) probabilities add up to \(Self.format(total)), not 1", at: node,
                  hint: "make the `p` of the choices add up to 1 (100%)")
            return nil
        }
        // Probabilities written as rounded percentages rarely add to exactly 1; within the
        // tolerance above they are scaled to do so.
        return .choice(values: choices.map(\.value), probabilities: choices.map { $0.probability / total })
    }

    /// The family's own rules (min ≤ mode ≤ max and so on), then the scale's (a probability lies
    /// in [0, 1]; amounts and frequencies are not negative). Checks are written to fail on NaN.
    private mutating func checked(_ spec: Distribution.Parameters, _ what: String, at node: YAMLNode, scale: DistributionScale) -> Distribution? {
        let fmt = Self.format
        var problem: String?
        switch spec {
        case .fixed: break
        case .uniform(let lo, let hi):
            if !(hi > lo) { problem = "uniform \(what) needs min below max (found min \(fmt(lo)), max \(fmt(hi)))" }
        case .triangular(let lo, let mode, let hi), .pert(let lo, let mode, let hi, _):
            if !(lo <= mode && mode <= hi && lo < hi) {
                problem = "\(Self.family(of: spec)) \(what) needs min ≤ mode ≤ max with min below max (found \(fmt(lo)), \(fmt(mode)), \(fmt(hi)))"
            } else if case .pert(_, _, _, let shape) = spec, !(shape > 0) {
                problem = "pert \(what) needs a positive shape (found \(fmt(shape)))"
            }
        case .normal(_, let sd):
            if !(sd > 0) { problem = "normal \(what) needs a positive sd (found \(fmt(sd)))" }
        case .lognormal(let p5, let p95):
            if !(p5 > 0) {
                problem = "lognormal \(what) needs a positive 5th percentile (found \(fmt(p5)))"
            } else if !(p95 > p5) {
                problem = "lognormal \(what) needs p5 below p95 (found \(fmt(p5)) and \(fmt(p95)))"
            }
        case .beta(let a, let b, let lo, let hi):
            if !(a > 0 && b > 0) {
                problem = "beta \(what) needs positive alpha and beta (found \(fmt(a)) and \(fmt(b)))"
            } else if !(hi > lo) {
                problem = "beta \(what) needs min below max (found \(fmt(lo)) and \(fmt(hi)))"
            }
        case .choice: break
        }
        if let problem {
            error(.distributionParameters, problem, at: node)
            return nil
        }
        // A family the scale does not allow is refused before its numbers are judged.
        switch (scale, spec) {
        case (.probability, .normal):
            error(.invalidValue, "a \(what) cannot be normal: a chance lies between 0 and 1", at: node,
                  hint: "use `beta`, `pert` or `triangular` over percentages, such as `pert: [5%, 10%, 30%]`")
            return nil
        case (.probability, .lognormal):
            error(.invalidValue, "a \(what) cannot be lognormal: a chance lies between 0 and 1", at: node,
                  hint: "use `beta`, `pert` or `triangular` over percentages, such as `pert: [5%, 10%, 30%]`")
            return nil
        case (.rate, .normal):
            error(.invalidValue, "a frequency cannot be normal: it is never negative", at: node,
                  hint: "use `lognormal`, `pert` or `triangular` for an uncertain rate")
            return nil
        default:
            break
        }
        guard withinNumericDomain(spec, what, at: node, scale: scale) else { return nil }
        let distribution: Distribution
        do {
            distribution = try Distribution(validating: spec)
        } catch {
            // The engine's own rules, for anything the checks above do not word more kindly.
            self.error(.distributionParameters, "\(Self.family(of: spec)) \(what): \(error.message)", at: node)
            return nil
        }
        let support = distribution.support
        switch scale {
        case .probability:
            if !(support.lowerBound >= 0 && support.upperBound <= 1) {
                let found = support.lowerBound == support.upperBound
                    ? "is \(fmt(support.lowerBound))" : "takes values from \(fmt(support.lowerBound)) to \(fmt(support.upperBound))"
                error(.probabilityRange, "\(what) \(found), outside 0 to 1", at: node,
                      hint: "write chances as `0.3` or `30%`; for a number of events per horizon use `frequency`")
                return nil
            }
        case .amount, .rate:
            if case .normal(let mean, let sd) = spec {
                let negative = 0.5 * erfc(mean / sd / 2.0.squareRoot())
                if negative > 0.01, scale == .amount {
                    warning(.negativeAmount,
                            "normal \(what) is negative \(Self.percent(negative)) of the time", at: node,
                            hint: "a negative draw offsets other harms; use `lognormal` or `pert` for amounts that cannot be negative")
                }
            } else if support.lowerBound < 0 {
                error(.negativeAmount, "\(what) cannot be negative (its lowest value is \(fmt(support.lowerBound)))", at: node,
                      hint: scale == .amount ? "record gains as `benefit`, not as a negative impact" : nil)
                return nil
            }
        }
        return distribution
    }

    /// A scalar written as a range, `5k-20k`, `5k – 20k` or `5k to 20k`, with both ends amounts:
    /// the writer most likely meant a distribution between them.
    static func writtenRange(_ node: YAMLNode) -> (text: String, low: String, high: String)? {
        guard let text = node.scalar?.value, ScalarSyntax.amount(text) == nil else { return nil }
        for separator in [" to ", "–", "—", "-"] {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2 else { continue }
            let low = parts[0].trimmingCharacters(in: .whitespaces), high = parts[1].trimmingCharacters(in: .whitespaces)
            guard !low.isEmpty, !high.isEmpty, ScalarSyntax.amount(low) != nil, ScalarSyntax.amount(high) != nil else { continue }
            return (text, low.abbreviated, high.abbreviated)
        }
        return nil
    }

    /// The hint for a short-form list of the wrong length: too few values name what each value
    /// is (a PERT needs its most likely value too); too many point to the long form for the
    /// optional parameters.
    private static func countHint(family: DistributionFamily, found items: [YAMLNode], optional: [String], allNames: [String]) -> String? {
        let names = family.required.map(\.name)
        if items.count < names.count {
            let written = items.compactMap { $0.scalar?.value.abbreviated }
            guard family.name == "pert" || family.name == "triangular" else {
                return "write the \(names.count) values in this order: \(names.joined(separator: ", "))"
            }
            guard written.count == 2 else {
                return "\(family.name) takes three values: the lowest, the most likely and the highest, such as `\(family.name): [1k, 2.5k, 10k]`"
            }
            return "\(family.name) takes three values: the lowest, the most likely and the highest, such as `\(family.name): [\(written[0]), MOST-LIKELY, \(written[1])]`; for only a lowest and a highest, write `uniform: [\(written[0]), \(written[1])]`"
        }
        return optional.isEmpty ? nil : "for \(optional.map { "`\($0)`" }.joined(separator: " and ")) use the long form `{\(allNames.map { "\($0): ..." }.joined(separator: ", "))}`"
    }

    /// The family's name as a register writes it.
    static func family(of parameters: Distribution.Parameters) -> String {
        switch parameters {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .pert: "pert"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .beta: "beta"
        case .choice: "discrete"
        }
    }

    static func percent(_ p: Double) -> String {
        let pct = p * 100
        return pct >= 10 ? "\(Int(pct.rounded()))%" : "\(Double(Int(pct * 10 + 0.5)) / 10)%"
    }
}
