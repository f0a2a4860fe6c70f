import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// The visible enablement entries, in register order, for "Risks we choose to take": gains
    /// and harms by outcome come from the entry's effects when it has several outcomes, from
    /// its own figures otherwise; all are means per horizon with responses.
    func chosenRisks() -> [ReportContext.ChosenRisk] {
        let scores = Dictionary(score.risks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return register.risks.filter { $0.strategy == .enablement && visible.contains($0.id) }.compactMap { risk -> ReportContext.ChosenRisk? in
            guard let s = scores[risk.id] else { return nil }
            let effects: [(outcome: String, harm: Double, benefit: Double)] = s.effects?.map { ($0.outcome, $0.meanHarm.residual, $0.meanBenefit) }
                ?? [(s.outcome, s.meanHarm.residual, s.meanBenefit)]
            // Unsigned, in words that say which way each figure goes: a benefit on a gain-like
            // outcome is a gain, on a loss-like one harm avoided; a harm is a loss of a gain, or
            // harm. Never "+0.858 incidents", which reads as more incidents whatever it means.
            func figure(_ value: Double, on outcome: String, benefit: Bool) -> String {
                let o = score.outcomes.first { $0.id == outcome }
                let w = words(outcome, o?.unit ?? "")
                let key = "report.chosen.\(benefit ? "gain" : "harm").\(w.isGain ? "gain" : "loss")"
                return phrases(key, ["amount": w.size(value), "outcome": iso(o?.title ?? outcome)])
            }
            let gains = effects.filter { $0.benefit > 0 }.map { figure($0.benefit, on: $0.outcome, benefit: true) }
            let harms = effects.filter { $0.harm > 0 }.map { figure($0.harm, on: $0.outcome, benefit: false) }
            let none = phrases("report.chosen.none")
            let tradeOff = phrases("report.chosen.trade-off", [
                "gains": gains.isEmpty ? none : gains.joined(separator: phrases("report.chosen.and")),
                "harms": harms.isEmpty ? none : harms.joined(separator: phrases("report.chosen.and")),
            ])
            let notRecorded = phrases("report.chosen.not-recorded")
            let a = risk.agreement
            return ReportContext.ChosenRisk(
                id: encode(risk.id), title: encode(risk.title), tradeOff: encode(tradeOff),
                gains: gains.map(encode), harms: harms.map(encode),
                borneBy: encode(risk.borneBy ?? notRecorded), benefitTo: encode(risk.benefitTo ?? notRecorded),
                hasAgreement: a != nil, agreedWith: a.map { encode($0.agreedWith) }, agreementDate: a.map { encode($0.date.description) },
                decidedBy: a?.decidedBy.map(encode), whatMatters: a?.whatMatters.map(encode), reviewTrigger: a?.reviewTrigger.map(encode),
                noAgreement: a == nil ? encode(phrases("report.chosen.no-agreement")) : nil)
        }
    }
}
