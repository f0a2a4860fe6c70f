import Foundation
import Scoring
import TextLayer

/// A board's limit on harm alone (`harm-exceeds`) on the exceedance chart.
///
/// The chart's curves are of the net loss, harm less benefit, so a limit on harm alone has no
/// point on them: drawn as a plain diamond it would be judged against the wrong curve, and
/// left out the chart shows nothing of what the appetite is about. So the limit is drawn as an
/// open diamond of its own, with the simulated chance that harm alone passes its amount beside
/// it, with responses and without: the one point of the harm-alone curve the verdict rests on.
extension Charts {
    /// One limit on harm alone, with the chances of what it names.
    struct HarmLimit {
        /// The amount harm alone must not pass, in the outcome's unit.
        var threshold: Double
        /// The largest chance the board allows.
        var limit: Double
        /// The simulated chance that harm alone passes `threshold`, with responses and without.
        var with: Double
        var without: Double
        /// The limit in the board's terms, as the table's appetite rows give it.
        var label: String
        /// The chance with responses, and without, as the text gives them ("6.3%").
        var withText: String
        var withoutText: String
        /// The amount as the text gives it ("4 incidents").
        var amount: String
    }

    /// The open diamond at each limit and the two dots of its simulated chances.
    func drawHarmLimits(_ limits: [HarmLimit], in svg: inout SVG, x: (Double) -> Double, y: (Double) -> Double) {
        for limit in limits {
            // The dots first, so that the diamond stays on top where they meet.
            svg.dot(x: x(limit.threshold), y: y(limit.without), cls: "dot-inh",
                    title: phrases("chart.exceedance.harm-point.without", ["percent": limit.withoutText, "amount": limit.amount]))
            svg.dot(x: x(limit.threshold), y: y(limit.with), cls: "dot-res",
                    title: phrases("chart.exceedance.harm-point.with", ["percent": limit.withText, "amount": limit.amount]))
            svg.marker(x: x(limit.threshold), y: y(limit.limit), cls: "mark-harm", title: limit.label)
        }
    }

    /// The two dots' keys of the harm-alone legend, and whether they fit side by side on one
    /// row (a longer phrase, as residents' pages use, takes a row each).
    var harmDotKeys: (keys: [(cls: String, label: String)], oneRow: Bool) {
        let keys = [("dot-res", phrases("chart.legend.harm-with")), ("dot-inh", phrases("chart.legend.harm-without"))]
        let width = keys.reduce(left) { $0 + 20 + SVG.textWidth($1.1) + 24 } - 24
        return (keys.map { (cls: $0.0, label: $0.1) }, width <= w - 4)
    }

    /// The height of the legend's rows for limits on harm alone.
    var harmLegendHeight: Double { harmDotKeys.oneRow ? 36 : 54 }

    /// The legend's rows for limits on harm alone, from `y`: the open diamond, then the two dots.
    /// Returns the height the rows take (``harmLegendHeight``).
    func drawHarmLegend(in svg: inout SVG, y: Double) -> Double {
        svg.marker(x: left + 8, y: y - 4, cls: "mark-harm", title: phrases("chart.legend.harm-limit"))
        svg.text(Self.fitted(phrases("chart.legend.harm-limit"), width: w - left - 24), x: left + 20, y: y)
        let (keys, oneRow) = harmDotKeys
        var (lx, ly) = (left, y + 18)
        for key in keys {
            svg.dot(x: lx + 8, y: ly - 4, cls: key.cls, title: key.label)
            svg.text(Self.fitted(key.label, width: w - lx - 24), x: lx + 20, y: ly)
            if oneRow { lx += 20 + SVG.textWidth(key.label) + 24 } else { ly += 18 }
        }
        return harmLegendHeight
    }
}

extension ReportBuilder {
    /// The limits on harm alone for `outcome`, for its exceedance chart: the outcome's
    /// `harm-exceeds` statements with their simulated chances. None on a gain, whose chart is
    /// drawn against the gain, and none on a residents' page where nothing in the outcome's
    /// figures gains anything: there harm alone is the net figure, and a second set of marks
    /// for it read as a second quantity (``harmLimitsOnNet(_:unit:)`` draws them on the curves).
    func harmLimits(_ outcome: String, unit: String) -> [Charts.HarmLimit] {
        let w = words(outcome, unit)
        guard !w.isGain, !(isCommunity && !w.hasBenefit) else { return [] }
        let n = verdictDenominator
        return score.appetite.filter { $0.outcome == outcome && $0.kind == .harmExceeds }.map { v in
            let key = v.threshold == 0 && register.outcome(outcome)?.anyHarm != nil ? "report.appetite-point.harm.any" : "report.appetite-point.harm"
            let amount = quantity(v.threshold, unit)
            return .init(threshold: v.threshold, limit: v.limit, with: v.probability.value, without: v.inherentProbability.value,
                         label: phrases(key, ["frequency": phrases.naturalFrequency(v.limit, per: n), "amount": amount]),
                         withText: statementPercent(v.probability.value, v),
                         withoutText: statementPercent(v.inherentProbability.value, v), amount: amount)
        }
    }

    /// A residents' page's limits on harm alone for an outcome where nothing gains anything:
    /// harm alone is the net figure there, so each limit is an ordinary diamond on the curves,
    /// labelled as its row in the table below them is.
    func harmLimitsOnNet(_ outcome: String, unit: String) -> [(loss: Double, p: Double, label: String)] {
        let w = words(outcome, unit)
        guard isCommunity, !w.isGain, !w.hasBenefit else { return [] }
        let n = verdictDenominator
        return register.appetite.filter { $0.outcome == outcome }.compactMap { s in
            guard case .harmExceeds(let t, let a) = s.limit else { return nil }
            let key = t == 0 ? (register.outcome(outcome)?.anyHarm != nil ? "report.appetite-point.harm.any" : "report.appetite-point.harm")
                : "report.appetite-point.loss"
            return (t, a, phrases(key, ["frequency": phrases.naturalFrequency(a, per: n), "amount": quantity(t, unit)]))
        }
    }
}
