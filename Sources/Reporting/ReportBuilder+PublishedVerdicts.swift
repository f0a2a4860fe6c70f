import Scoring
import TextLayer

/// Where the community report's verdict on an appetite statement reads the other way from the
/// board report's.
///
/// The community report is scored from the public entries alone, so on an outcome a
/// confidential entry reaches its chance differs from the board's. Told only that the figures
/// "differ", a committee could publish "within the limit" and minute "outside appetite" for the
/// same statement without noticing: each statement where the two verdicts differ is named, with
/// the chance and verdict each page shows, as the community page words them.
extension ReportBuilder {
    /// One sentence per statement in `statements`: where its verdict on the published page (from
    /// ``published``) differs from this report's, both chances and both verdicts; where it reads
    /// the same, both chances and the one verdict. Nil when no published score was given.
    func publishedVerdictsDiffer(_ statements: [RegisterScore.AppetiteVerdict]) -> String? {
        guard let published, !isCommunity else { return nil }
        let sentences = statements.compactMap { v -> String? in
            // The same statement on the public page: the register's, in order, on the same outcome.
            guard let shown = published.appetite.first(where: {
                $0.outcome == v.outcome && $0.kind == v.kind && $0.threshold == v.threshold && $0.limit == v.limit
            }) else { return nil }
            let here = statusClass(v.withinAppetite, v.decisive), there = statusClass(shown.withinAppetite, shown.decisive)
            // Where the verdict reads the same, both chances still: a member asked about the
            // public figure must be able to give it ("the banner says they differ but does not
            // give them"). Not for an outcome with several statements: the banner names each
            // outcome once.
            guard here != there else {
                guard statements.filter({ $0.outcome == v.outcome }).count == 1 else { return nil }
                return phrases("report.confidential-note.published-same-verdict", [
                    "statement": iso(statementLabel(v)), "public": cellPercent(shown.probability.value, limit: v.limit),
                    "board": cellPercent(v.probability.value, limit: v.limit), "status": leverStatus(v.withinAppetite, v.decisive)])
            }
            // An aim (a floor on the chance of a gain) is met or missed there, never "over the limit".
            let aim = shown.kind == .netBenefitAbove && there != "close" ? "aim." : ""
            return phrases("report.confidential-note.published-verdict", [
                "statement": iso(statementLabel(v)),
                // As a percentage, as the public page's own figure reads and this report's
                // beside it: a banner that gave "less than 1 in 100: about 7 in 1,000 (0.7%)"
                // beside "7.8%" against "5 in 100" mixed three forms in one line.
                "public": cellPercent(shown.probability.value, limit: v.limit),
                "publicStatus": phrases("report.confidential-note.public." + aim + there),
                "board": cellPercent(v.probability.value, limit: v.limit),
                "boardStatus": leverStatus(v.withinAppetite, v.decisive)])
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// Whether the option the favoured-option rule picks on the published figures (the public
    /// entries alone, scored with the same options) is the one it picks here, in a sentence;
    /// nil without a published score, options to compare, or a single pick on both. Members
    /// asked in public need to know whether the public page would point at another option.
    func publishedFavouredOption(_ differ: [RegisterScore.AppetiteVerdict] = []) -> String? {
        guard let (here, there) = favouritesHereAndPublished() else { return nil }
        let quoted = { (title: String) in self.phrases("report.decision.option.quoted", ["title": self.iso(title)]) }
        if here.id == there.id {
            return phrases("report.confidential-note.published-favoured.same", ["option": quoted(here.title)])
        }
        var other = phrases("report.confidential-note.published-favoured.other", ["public": quoted(there.title), "board": quoted(here.title)])
        // Confidential entries in every option do not set one option apart by themselves: where
        // they move the favourite only through the second step, on limits every option the first
        // step keeps breaks, and without that step the rule ends where the public figures do,
        // the note says so (AS-10 and Safeguarding enquiries in adult social care).
        if let allBreak = decidedOnLimitsAllBreak(), allBreak.instead.id == there.id {
            let reaching = allBreak.statements.flatMap { headlineEntries(reaching: $0.outcome).filter(\.isConfidential) }
            var seen = Set<String>()
            let entries = reaching.filter { seen.insert($0.id).inserted }
            let inEvery = entries.allSatisfy { e in !register.portfolios.contains { $0.risks.contains(e.id) } }
            // The banner says only where cost alone would end; how the entries move the favourite
            // (every option over the limit on the statements they reach) is the public line's.
            if !entries.isEmpty, inEvery {
                other += " " + phrases("report.confidential-note.published-favoured.on-cost", ["public": quoted(there.title)])
            }
        }
        guard let line = publicLine(differ, board: quoted(here.title), public: quoted(there.title)) else { return other }
        return other + " " + line
    }

    /// The one option the favoured-option rule picks here and the one it picks on the published
    /// figures (the register as the community report scores it, its confidential entries left
    /// out); nil without a published score or options to compare, or where either pick is a tie.
    func favouritesHereAndPublished() -> (here: RegisterScore.PortfolioScore, published: RegisterScore.PortfolioScore)? {
        guard let published, !isCommunity, published.portfolios.count > 1, score.portfolios.count > 1 else { return nil }
        var publicOptions = options
        publicOptions.audience = .community
        let publicBuilder = ReportBuilder(register: Report.registerToScore(register, options: publicOptions), score: published, options: options)
        guard let here = OptionRule(builder: self).steps().fourth.onlyElement,
              let there = OptionRule(builder: publicBuilder).steps().fourth.onlyElement else { return nil }
        return (here, there)
    }

    /// For the top of the decision page: where the confidential entries alone move the favourite
    /// (the rule picks one option on the published figures, another here), a sentence naming
    /// the option the published figures favour. The banner said it, but a reader of the
    /// decision found the favourite resting on one confidential estimate only by reading it.
    func favouriteMovedByConfidential() -> String? {
        guard let (here, there) = favouritesHereAndPublished(), here.id != there.id else { return nil }
        let count = register.risks.filter(\.isConfidential).count
        return phrases.plural("report.decision.ask.confidential-moves", count: count,
                              ["option": phrases("report.decision.option.quoted", ["title": iso(there.title)])])
    }
}
