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
                perThousandWithCitizenTime: e(response.valueForMoneyWithCitizenTime.map { FigureFormat.amount($0 * 1000) }
                                              ?? phrases("report.citizen-time.no-rate")))
        }
        if !context.citizenTime.isEmpty {
            let note: String = rate.map {
                phrases("report.citizen-time.valued", ["rate": FigureFormat.quantity($0, unit: "money", currency: score.register.currency)])
            } ?? phrases("report.citizen-time.not-valued")
            context.citizenTimeNote = e(note)
        }
        if !score.notConsulted.isEmpty {
            var sentence = phrases("report.not-consulted", ["entries": score.notConsulted.map(entryID).joined(separator: ", ")])
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

    /// The board report's reliance rows, from the score's ``RegisterScore/OutcomeReliance``.
    func reliance() -> [ReportContext.RelianceRow] {
        score.reliance.compactMap { reliance in
            guard let outcome = score.outcomes.first(where: { $0.id == reliance.outcome }) else { return nil }
            let share = { (kind: Contributor.Kind) in FigureFormat.percent(reliance.kinds.first { $0.id == kind.rawValue }?.share ?? 0) }
            let avoided = quantity(reliance.avoided, outcome.unit)
            return ReportContext.RelianceRow(
                outcome: e(outcome.title), avoided: e(avoided),
                community: e(share(.community)), user: e(share(.user)), staff: e(share(.staff)), partner: e(share(.partner)),
                organisation: e(FigureFormat.percent(reliance.organisationOnly)),
                mostlyVolunteered: reliance.mostlyVolunteered,
                volunteeredNote: reliance.mostlyVolunteered
                    ? e(phrases("report.reliance.volunteered", ["outcome": iso(outcome.title), "share": FigureFormat.percent(reliance.volunteered)]))
                    : nil,
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
