import RegisterModel
import Scoring
import TextLayer

extension ReportContext {
    /// One outcome's protection by whom it rests on: the shares of the loss its responses avoid
    /// that would be lost if each kind of contributor, or each named deliverer, stepped back.
    public struct RelianceRow: Sendable {
        public var outcome: String
        /// Mean loss avoided by responses per horizon, with its unit.
        public var avoided: String
        /// Shares resting on community groups, service users, staff and partners, and the share
        /// the organisation delivers alone.
        public var community: String
        public var user: String
        public var staff: String
        public var partner: String
        public var organisation: String
        /// Whether most of the protection rests on community groups and service users (more than
        /// half, and more than on staff, partners or the organisation alone).
        public var mostlyVolunteered: Bool
        /// Whether that sentence is stressed: not where the protection is small beside the
        /// outcome (under a tenth of its average).
        public var volunteeredBold: Bool = false
        /// The sentence that says so, when it is.
        public var volunteeredNote: String?
        /// "If Buurtpreventie Noord stepped back, …", one per deliverer, largest share first.
        public var steppedBack: [String]
    }

    /// One response's citizen time next to its cost.
    public struct CitizenTimeRow: Sendable {
        public var risk: String
        public var title: String
        /// Hours over the horizon, and who gives them ("Buurtpreventie Noord 1,000").
        public var hours: String
        public var by: String
        public var cost: String
        /// Value per 1,000 of cost with citizen time counted at the shadow rate; "no rate stated"
        /// without one.
        public var perThousandWithCitizenTime: String
    }
}

extension ReportBuilder {
    /// The board report's citizen time rows, the note on how value for money counts that time,
    /// and the entries no citizen perspective estimated.
    func addCitizenTime(to context: inout ReportContext) {
        let rate = register.metadata.citizenHourValue
        context.citizenTime = score.risks.compactMap { risk in
            guard let response = risk.response, let input = response.citizenInput else { return nil }
            return ReportContext.CitizenTimeRow(
                risk: e(risk.id), title: e(risk.title),
                hours: e(FigureFormat.amount(input.reduce(0) { $0 + $1.hours })),
                by: e(input.map { phrases("report.citizen-time.by", [
                    "name": register.contributor($0.by)?.name ?? $0.by, "hours": FigureFormat.amount($0.hours)]) }.joined(separator: ", ")),
                cost: e(FigureFormat.quantity(response.cost, unit: "money", currency: score.register.currency)),
                // In the outcome's unit ("0.230 incidents"): a bare "0.230" left a board asking
                // 0.230 of what.
                perThousandWithCitizenTime: e(response.valueForMoneyWithCitizenTime.map { v in
                    score.outcomes.first { $0.id == risk.outcome }.map { words($0.id, $0.unit).size(v * 1000) } ?? FigureFormat.amount(v * 1000) }
                                              ?? phrases("report.citizen-time.no-rate")))
        }
        if !context.citizenTime.isEmpty {
            let note: String = rate.map {
                phrases("report.citizen-time.valued", ["rate": FigureFormat.quantity($0, unit: "money", currency: score.register.currency)])
            } ?? phrases("report.citizen-time.not-valued")
            context.citizenTimeNote = e(note)
            context.citizenTimePerHeading = e(phrases("report.citizen-time.per-heading", ["per": perThousandMoney]))
        }
        if !score.notConsulted.isEmpty {
            var sentence = phrases.plural("report.not-consulted", count: score.notConsulted.count,
                                          ["entries": listInWords(score.notConsulted.map(entryID))])
            // A perspective that names no contributors may well speak for citizens (family
            // carers, say): the register does not say, so the report says that it does not.
            let unattributed = register.unattributedPerspectives
            let listed = Set(score.notConsulted)
            for p in register.perspectives where unattributed.contains(p.id) {
                let entries = register.risks.filter { r in listed.contains(r.id) && r.estimates.contains { $0.perspective == p.id } }.map(\.id)
                guard !entries.isEmpty else { continue }
                sentence += " " + phrases("report.not-consulted.unattributed", ["entries": listInWords(entries), "perspective": iso(p.title)])
            }
            context.notConsulted = e(sentence)
        }
    }

    /// The size of an outcome a protection is measured against: the larger of its average
    /// before and after responses.
    func outcomeScale(_ o: RegisterScore.OutcomeScore) -> Double {
        max(abs(o.inherent.mean.value), abs(o.residual.mean.value))
    }

    /// Whether what the responses avoid is small beside the outcome (under a tenth of its
    /// average): "100% rests on community groups" in bold read as a warning for 16.8 hours
    /// against an 846-hour gain.
    func isSmall(_ avoided: Double, _ o: RegisterScore.OutcomeScore) -> Bool {
        let scale = outcomeScale(o)
        return scale > 0 && abs(avoided) < 0.1 * scale
    }

    /// The board report's reliance rows, from the score's ``RegisterScore/OutcomeReliance``.
    func reliance() -> [ReportContext.RelianceRow] {
        score.reliance.compactMap { reliance in
            guard let outcome = score.outcomes.first(where: { $0.id == reliance.outcome }) else { return nil }
            let share = { (kind: Contributor.Kind) in FigureFormat.percent(reliance.kinds.first { $0.id == kind.rawValue }?.share ?? 0) }
            let avoided = quantity(reliance.avoided, outcome.unit)
            var volunteered = phrases("report.reliance.volunteered", ["outcome": iso(outcome.title), "share": FigureFormat.percent(reliance.volunteered),
                                                                      "avoided": avoided])
            if isSmall(reliance.avoided, outcome) {
                volunteered += " " + phrases("report.reliance.volunteered.small", ["share": FigureFormat.percent(reliance.avoided / outcomeScale(outcome))])
            }
            return ReportContext.RelianceRow(
                outcome: e(outcome.title), avoided: e(avoided),
                community: e(share(.community)), user: e(share(.user)), staff: e(share(.staff)), partner: e(share(.partner)),
                organisation: e(FigureFormat.percent(reliance.organisationOnly)),
                mostlyVolunteered: reliance.mostlyVolunteered,
                volunteeredBold: reliance.mostlyVolunteered && !isSmall(reliance.avoided, outcome),
                volunteeredNote: reliance.mostlyVolunteered ? encode(volunteered) : nil,
                steppedBack: reliance.deliverers.map { deliverer in
                    e(phrases("report.reliance.stepped-back", [
                        "name": iso(register.contributor(deliverer.id)?.name ?? deliverer.id), "outcome": iso(outcome.title),
                        "share": FigureFormat.percent(deliverer.share),
                        "avoided": quantity(deliverer.avoided, outcome.unit),
                    ]))
                })
        }
    }
}
