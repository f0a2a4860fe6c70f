import RegisterModel

extension RegisterScore {
    /// How much of one outcome's avoided loss rests on whom: "if the panel stepped back, …".
    ///
    /// A response's value (mean harm avoided per horizon) rests on every contributor in its
    /// `delivered-by`: if any of them stepped back, the response would not be delivered. Each
    /// response's residual depends only on its own delivery, and every deliverer has its own
    /// random stream, so re-scoring with a contributor unavailable on the same random numbers
    /// loses exactly the values of the responses it delivers: the shares here are those exact
    /// differences, without the extra runs. Shares of different contributors overlap (a response
    /// delivered by two rests on both), so they need not add up to 1.
    public struct OutcomeReliance: Sendable, Codable {
        /// The outcome's id.
        public var outcome: String
        /// Mean harm avoided per horizon by the responses of the headline entries that reach the
        /// outcome, themselves or by an effect, inherent minus residual, in the outcome's unit.
        public var avoided: Double
        /// Per kind of contributor (`user`, `community`, `staff`, `partner`, in that order): the
        /// avoided loss that would be lost if every contributor of that kind stepped back.
        public var kinds: [Share]
        /// Per contributor that delivers a response of the outcome, largest share first.
        public var deliverers: [Share]
        /// The share delivered by the organisation alone (responses with an empty `delivered-by`).
        public var organisationOnly: Double
        /// The share resting on community groups or service users.
        public var volunteered: Double
        /// Whether most of the protection rests on community groups and service users: more than
        /// half of the avoided loss, and more than rests on staff, on partners or on the
        /// organisation alone. Where staff carry as much, the protection is not theirs to give.
        public var mostlyVolunteered: Bool
    }

    /// The part of an outcome's avoided loss resting on one contributor or kind.
    public struct Share: Sendable, Codable {
        /// A contributor's id, or a kind.
        public var id: String
        /// The contributor's name and kind (for a contributor; absent for a kind).
        public var name: String?
        public var kind: String?
        /// Mean harm avoided per horizon that would be lost if it stepped back.
        public var avoided: Double
        /// `avoided` over the outcome's avoided loss.
        public var share: Double
    }

    /// More than this share of an outcome's avoided loss resting on community groups and service
    /// users (and more than on any other kind) flags the outcome: most of its protection rests
    /// on citizens.
    public static let mostlyVolunteeredAbove = 0.5

    /// The reliance of each outcome whose responses avoid any loss, in register order.
    static func reliance(risks: [RiskScore], register: Register) -> [OutcomeReliance] {
        let kindOf = Dictionary(register.contributors.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let nameOf = Dictionary(register.contributors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let volunteers: Set<Contributor.Kind> = [.community, .user]
        return register.outcomes.compactMap { outcome in
            // A response protects every outcome its entry reaches: its own (the response's value)
            // and each further outcome of its effects (the harm it avoids there, inherent minus
            // residual on the same draws), so people a response keeps from harm count too.
            let responses: [(value: Double, by: [String])] = risks.compactMap { risk -> (value: Double, by: [String])? in
                guard risk.inHeadline, let response = risk.response else { return nil }
                if risk.outcome == outcome.id { return (response.value.value, response.deliveredBy.sorted()) }
                guard let effect = risk.effects?.first(where: { $0.outcome == outcome.id }) else { return nil }
                let avoided = effect.meanHarm.inherent - effect.meanHarm.residual
                return avoided > 0 ? (avoided, response.deliveredBy.sorted()) : nil
            }.sorted { (a: (value: Double, by: [String]), b: (value: Double, by: [String])) -> Bool in
                // A fixed order, so the sums do not depend on the order of the register's lists.
                a.by != b.by ? a.by.lexicographicallyPrecedes(b.by) : a.value < b.value
            }
            let avoided: Double = responses.reduce(0) { $0 + $1.value }
            guard avoided > 0 else { return nil }
            func resting(on test: (String) -> Bool) -> Double {
                responses.filter { $0.by.contains(where: test) }.reduce(0) { $0 + $1.value }
            }
            let kinds: [Share] = Contributor.Kind.allCases.map { (kind: Contributor.Kind) -> Share in
                let a = resting { kindOf[$0] == kind }
                return Share(id: kind.rawValue, name: nil, kind: nil, avoided: a, share: a / avoided)
            }
            let ids: [String] = Set(responses.flatMap(\.by)).sorted()
            var deliverers: [Share] = ids.map { (id: String) -> Share in
                let a = resting { $0 == id }
                return Share(id: id, name: nameOf[id], kind: kindOf[id]?.rawValue, avoided: a, share: a / avoided)
            }
            deliverers.sort { (x: Share, y: Share) -> Bool in x.avoided != y.avoided ? x.avoided > y.avoided : x.id < y.id }
            let alone: Double = responses.filter(\.by.isEmpty).reduce(0) { $0 + $1.value }
            let volunteered: Double = resting { (id: String) -> Bool in
                guard let kind = kindOf[id] else { return false }
                return volunteers.contains(kind)
            } / avoided
            // Citizens are what the protection mostly rests on only when they carry more of it
            // than staff, partners or the organisation alone do.
            let others = zip(Contributor.Kind.allCases, kinds).filter { !volunteers.contains($0.0) }.map { $0.1.share } + [alone / avoided]
            return OutcomeReliance(
                outcome: outcome.id, avoided: avoided, kinds: kinds, deliverers: deliverers,
                organisationOnly: alone / avoided, volunteered: volunteered,
                mostlyVolunteered: volunteered > mostlyVolunteeredAbove && others.allSatisfy { volunteered > $0 })
        }
    }
}

extension RegisterScore {
    /// Each response's citizen time, and its value for money with that time counted at the
    /// register's shadow rate when it states one.
    mutating func addCitizenTime(_ register: Register) {
        let rate = register.metadata.citizenHourValue
        let responses = Dictionary(register.risks.compactMap { risk in
            risk.response.flatMap { $0.citizenInput.isEmpty ? nil : (risk.id, $0) }
        }, uniquingKeysWith: { first, _ in first })
        // Only the risks with citizen time are changed: most registers have none, and then the
        // risks' array is not touched (a change would make it unique, copying it if shared).
        guard !responses.isEmpty else { return }
        let changed = risks.indices.filter { risks[$0].response != nil && responses[risks[$0].id] != nil }
        for i in changed {
            let response = responses[risks[i].id]!
            risks[i].response!.citizenInput = response.citizenInput.map { CitizenHours(by: $0.by, hours: $0.hours) }
            if let rate {
                let full = response.cost + response.citizenHours * rate
                risks[i].response!.valueForMoneyWithCitizenTime = full > 0 ? risks[i].response!.value.value / full : nil
            }
        }
    }
}
