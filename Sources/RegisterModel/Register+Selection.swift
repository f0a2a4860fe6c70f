/// A view of a register for one directorate or one owner: the entries with a tag, or with an
/// owner, and only what they need.
extension Register {
    /// What a selection asks for: entries carrying any of `tags`, and (when given) owned by one
    /// of `owners`, matched ignoring case and surrounding spaces.
    public struct Selection: Sendable, Equatable {
        public var tags: [String]
        public var owners: [String]

        public init(tags: [String] = [], owners: [String] = []) {
            self.tags = tags
            self.owners = owners
        }

        public var isEmpty: Bool { tags.isEmpty && owners.isEmpty }

        /// Whether `risk` is in the view.
        public func includes(_ risk: Risk) -> Bool {
            let tagged = tags.isEmpty || risk.tags.contains { tags.contains($0) }
            let owned = owners.isEmpty || owners.contains { Self.key($0) == Self.key(risk.owner) }
            return tagged && owned
        }

        /// How the view is named in a report's title: `tag finance`, `owner Head of service`.
        public var summary: String {
            var parts: [String] = []
            if !tags.isEmpty { parts.append((tags.count == 1 ? "tag " : "tags ") + tags.joined(separator: ", ")) }
            if !owners.isEmpty { parts.append((owners.count == 1 ? "owner " : "owners ") + owners.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        }

        static func key(_ text: String) -> String {
            text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
    }

    /// Why a selection cannot be made.
    public struct SelectionError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The register with only the entries `selection` includes: outcomes no selected entry adds
    /// into are left out with their appetite statements, correlations keep only pairs of
    /// selected entries, portfolios only their selected entries (and are left out when none is
    /// left). The title says which view it is, so every report made from it does too.
    ///
    /// - Throws: ``SelectionError`` when no entry is selected, naming the tags and owners there are.
    public func selecting(_ selection: Selection) throws(SelectionError) -> Register {
        guard !selection.isEmpty else { return self }
        let kept = risks.filter(selection.includes)
        guard !kept.isEmpty else {
            let tags = Array(Set(risks.flatMap(\.tags))).sorted()
            let owners = Array(Set(risks.map(\.owner))).sorted()
            var known: [String] = []
            if !selection.tags.isEmpty { known.append(tags.isEmpty ? "no entry has tags" : "the tags are " + tags.joined(separator: ", ")) }
            if !selection.owners.isEmpty { known.append("the owners are " + owners.joined(separator: ", ")) }
            throw SelectionError(description: "no entry has \(selection.summary) (\(known.joined(separator: "; ")))")
        }
        let ids = Set(kept.map(\.id))
        let outcomeIDs = Set(kept.flatMap(\.outcomes))
        var view = self
        view.risks = kept
        view.outcomes = outcomes.filter { outcomeIDs.contains($0.id) }
        view.appetite = appetite.filter { outcomeIDs.contains($0.outcome) }
        view.correlations = correlations.filter { ids.contains($0.first) && ids.contains($0.second) }
        view.portfolios = portfolios.compactMap { portfolio in
            var portfolio = portfolio
            portfolio.risks = portfolio.risks.filter(ids.contains)
            // A split is one choice about the same people: it stays whole or goes.
            if !portfolio.split.allSatisfy({ ids.contains($0.risk) }) { portfolio.split = [] }
            portfolio.responses = portfolio.responses.filter { ids.contains($0.risk) }
            return portfolio.risks.isEmpty && portfolio.split.isEmpty && portfolio.responses.isEmpty ? nil : portfolio
        }
        view.metadata.title = "\(metadata.title) — \(selection.summary)"
        return view
    }
}
