extension Portfolio {
    /// One entry of an option's `split`: the share of the people or places the option gives to
    /// that entry. Every consequence of the entry (its impacts and benefits, on each outcome it
    /// affects) counts at this share, on the same draws as the whole entry.
    public struct Share: Sendable, Hashable {
        public var risk: String
        /// In (0, 1]; an option's shares add up to 1.
        public var share: Double
        public var location: Diagnostic.Location

        public init(risk: String, share: Double, location: Diagnostic.Location) {
            self.risk = risk
            self.share = share
            self.location = location
        }
    }

    /// "In this option, entry `risk` has response `response`": the id of its `response` or of
    /// one of its `alternative-responses`.
    public struct ResponseChoice: Sendable, Hashable {
        public var risk: String
        public var response: String
        public var location: Diagnostic.Location

        public init(risk: String, response: String, location: Diagnostic.Location) {
            self.risk = risk
            self.response = response
            self.location = location
        }
    }

    /// Every entry the option lists: its `risks`, then its `split`.
    public var members: [String] { risks + split.map(\.risk) }

    /// The share of `risk` in this option's split, if it is split.
    public func share(of risk: String) -> Double? { split.first { $0.risk == risk }?.share }

    /// The id of the response this option uses for `risk`, when it chooses one.
    public func responseChoice(for risk: String) -> String? { responses.first { $0.risk == risk }?.response }

    /// Whether the option changes anything about an entry beyond selecting it: a share or a
    /// chosen response.
    public var reshapesEntries: Bool { !split.isEmpty || !responses.isEmpty }
}

extension Risk {
    /// The response named `id`: the entry's `response` or one of its alternatives.
    public func response(named id: String) -> Response? {
        if let response, response.id == id { return response }
        return alternativeResponses.first { $0.id == id }
    }
}

extension Register {
    /// The entries that are in only some options' scores: every `portfolio` entry, and every
    /// entry an option lists in `risks` or `split`. Any other entry is in every option's score
    /// (with the response an option chooses for it, if one does).
    public var optionalEntries: Set<String> {
        var ids = Set(portfolios.flatMap(\.members))
        for risk in risks where risk.strategy == .portfolio { ids.insert(risk.id) }
        return ids
    }

    /// The entries in option `option`'s score, in register order: every entry no option lists
    /// (other than `portfolio` entries), and the option's own.
    public func entries(in option: Portfolio) -> [Risk] {
        let optional = optionalEntries
        let members = Set(option.members)
        return risks.filter { !optional.contains($0.id) || members.contains($0.id) }
    }

    /// The register as option `option` has it: its split entries at their shares and the
    /// responses it chooses in place of the entries' own. Entries it does not reshape are
    /// unchanged (the selection of entries is the scorer's).
    public func reshaped(by option: Portfolio) -> Register {
        guard option.reshapesEntries else { return self }
        var copy = self
        for i in copy.risks.indices {
            let id = copy.risks[i].id
            if let choice = option.responseChoice(for: id), let response = copy.risks[i].response(named: choice) {
                copy.risks[i].response = response
            }
            if let share = option.share(of: id) { copy.risks[i] = copy.risks[i].scaled(by: share) }
        }
        return copy
    }
}
