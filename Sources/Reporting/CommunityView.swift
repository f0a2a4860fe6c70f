import RegisterModel
import TextLayer

/// The register as a community report sees it: the public entries only, and nothing that
/// depends on a confidential entry.
///
/// **The rule** (docs/results.md, "Community reports"): every figure and every word of a
/// community report is computed from this view, never from the full register. The view holds
///
/// - the entries not marked `confidential`;
/// - the perspectives at least one of them is estimated from, the contributors they name (in
///   co-production, responses or those perspectives), the correlations between two of them,
///   the outcomes they add into with those outcomes' appetite statements, and the portfolios
///   whose figures can be worked out from them: those that list, split or re-respond at least
///   one of them, or name no confidential entry (each listing only the public entries);
/// - each text as written, with its straight double quotes in the page's own quotation marks,
///   except a text that names a confidential entry by id or title
///   (``Register/confidentialEntryNamed(in:)``, the `confidential-named` warning), which is
///   replaced by a sentence saying it is withheld;
/// - a perspective whose contributors all asked not to be named, titled by their kind;
/// - a shared deliverer's steps back only where they follow a public entry.
///
/// The view is scored like any register. Each entry draws from its own random streams, keyed
/// by its id, so the public entries draw the same numbers as in the full register; the totals
/// simply leave the confidential entries out, and the report says how many. Changing anything
/// about a confidential entry — its estimates, response, contributors, the perspectives only
/// it uses — therefore changes nothing in the view but, when it is added or removed, the count.
public struct CommunityView: Sendable {
    /// The public register: what is scored and reported.
    public let register: Register
    /// How many entries the full register has that the view leaves out.
    public let withheldEntries: Int

    /// - Parameter phrases: the report's language, for the sentences that stand in for withheld
    ///   text and unnamed perspectives.
    public init(_ full: Register, phrases: Phrasebook) {
        let risks = full.risks.filter { !$0.isConfidential }
        withheldEntries = full.risks.count - risks.count
        let riskIDs = Set(risks.map(\.id))
        let usedPerspectives = Set(risks.flatMap { $0.estimates.map(\.perspective) })
        let perspectives = full.perspectives.filter { usedPerspectives.contains($0.id) }
        var people = Set(risks.flatMap { $0.coproduction.contributors + ($0.response?.deliveredBy ?? []) })
        people.formUnion(perspectives.flatMap(\.contributors))
        let usedOutcomes = Set(risks.flatMap(\.outcomes))

        // Register text quotes as the page does: one style of quotation marks per language.
        let marks = phrases("community.quoted", ["text": "\u{1}"]).split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
        func clean(_ text: String) -> String {
            guard full.confidentialEntryNamed(in: text) == nil else { return phrases("community.withheld-text") }
            return marks.count == 2 ? PairedQuotes.curled(text, open: marks[0], close: marks[1]) : text
        }
        func clean(_ text: String?) -> String? { text.map(clean) }

        var metadata = full.metadata
        metadata.title = clean(metadata.title)
        metadata.description = clean(metadata.description)
        metadata.contact = clean(metadata.contact)
        metadata.nextDecision = clean(metadata.nextDecision)
        metadata.howToRespond = clean(metadata.howToRespond)
        metadata.decidedBy = clean(metadata.decidedBy)
        metadata.confidentialReason = clean(metadata.confidentialReason)
        metadata.responseBudget = clean(metadata.responseBudget)
        metadata.period = clean(metadata.period)
        let outcomes = full.outcomes.filter { usedOutcomes.contains($0.id) }.map { o in
            var o = o
            o.title = clean(o.title)
            o.description = clean(o.description)
            o.baseline = clean(o.baseline)
            // A baseline's figure in brackets ("the police forecast (about 140 a year)") is said
            // once, with what the outcome counts; every sentence that counts from the baseline
            // names it without the figure, which twenty times over made the page hard to read.
            // A description that already gives the figure, in brackets or not ("the 2027 plan of
            // 2,100 hours"), is not followed by it again.
            if let baseline = o.baseline, baseline.hasSuffix(")"), let open = baseline.lastIndex(of: "("), open > baseline.startIndex {
                let short = baseline[..<open].trimmingCharacters(in: .whitespaces)
                let figure = String(baseline[open...])
                let inside = figure.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let described = o.description ?? ""
                if !short.isEmpty, !described.contains(figure), inside.isEmpty || !described.contains(inside) {
                    let said = phrases("community.baseline.counted", ["baseline": baseline])
                    o.description = o.description.map { d in
                        let d = d.trimmingCharacters(in: .whitespaces)
                        return (d.last.map { ".!?".contains($0) } ?? true ? d : d + ".") + " " + said
                    } ?? said
                }
                if !short.isEmpty { o.baseline = short }
            } else if let baseline = o.baseline, baseline.split(separator: " ").count > ReportBuilder.longBaselineWords,
                      o.baselineShort == nil, !(o.description ?? "").contains(baseline) {
                // A long baseline is defined where a reader meets it first in each part; in an
                // outcome's figures that was the middle of "we expect, on average, about 2,200
                // hours more than the hours people would have if … (from here on, “the
                // baseline”) in a year". A sentence of its own with what the outcome counts
                // defines it there, and the figures after it say "the baseline".
                let said = phrases("community.baseline.counted", ["baseline": baseline])
                o.description = o.description.map { d in
                    let d = d.trimmingCharacters(in: .whitespaces)
                    return (d.last.map { ".!?".contains($0) } ?? true ? d : d + ".") + " " + said
                } ?? said
            } else if let baseline = o.baseline, o.unit != .money, !baseline.contains(where: \.isNumber) {
                // A count or hours counted from a level the register gives no figure for ("the
                // ward's usual level"): where other outcomes give theirs ("about 600 enquiries a
                // year"), a reader looked for this one's and could not judge the scale. The page
                // says plainly that it has none. Money is left alone: "£120,000 that the ward
                // budget does not cover" reads whole without the budget's size.
                let said = phrases("community.baseline.counted.no-figure", ["baseline": baseline])
                o.description = o.description.map { d in
                    let d = d.trimmingCharacters(in: .whitespaces)
                    return (d.last.map { ".!?".contains($0) } ?? true ? d : d + ".") + " " + said
                } ?? said
            }
            o.anyHarm = clean(o.anyHarm)
            return o
        }
        let appetite = full.appetite.filter { usedOutcomes.contains($0.outcome) }.map { a in
            var a = a
            a.statement = clean(a.statement)
            a.ifMissed = clean(a.ifMissed)
            return a
        }
        let contributors = full.contributors.filter { people.contains($0.id) }.map { c in
            // An `unnamed-as` that contains the name it stands in for would name the contributor
            // (`unnamed-as-names`): the page describes it by its kind instead.
            let unnamedAsNamesIt = !c.isPublic && full.nameGiven(inUnnamedAsOf: c) != nil
            var c = c
            c.name = clean(c.name)
            c.description = clean(c.description)
            c.unnamedAs = clean(c.unnamedAs)
            if unnamedAsNamesIt { c.unnamedAs = nil }
            // A volunteer group stepping back when a confidential entry happens would tie public
            // figures to that entry: only steps back on public entries stay.
            c.stepsBack = c.stepsBack.filter { riskIDs.contains($0.risk) }
            return c
        }
        let shownPerspectives = perspectives.map { p in
            var p = p
            let kinds = p.contributors.compactMap { id in full.contributor(id) }
            if !kinds.isEmpty && kinds.allSatisfy({ !$0.isPublic }) {
                p.title = phrases("community.unnamed." + kinds[0].kind.rawValue)
            } else {
                p.title = clean(p.title)
            }
            p.weightReason = clean(p.weightReason)
            p.weightSetBy = clean(p.weightSetBy)
            return p
        }
        let publicRisks = risks.map { r in
            var r = r
            r.title = clean(r.title)
            r.description = clean(r.description)
            r.owner = clean(r.owner)
            r.borneBy = clean(r.borneBy)
            r.benefitTo = clean(r.benefitTo)
            r.atRisk = clean(r.atRisk)
            if var agreement = r.agreement {
                agreement.agreedWith = clean(agreement.agreedWith)
                agreement.decidedBy = clean(agreement.decidedBy)
                agreement.whatMatters = clean(agreement.whatMatters)
                agreement.reviewTrigger = clean(agreement.reviewTrigger)
                r.agreement = agreement
            }
            r.coproduction.note = clean(r.coproduction.note)
            if var response = r.response {
                response.action = clean(response.action)
                r.response = response
            }
            r.alternativeResponses = r.alternativeResponses.map { alt in
                var alt = alt
                alt.action = clean(alt.action)
                return alt
            }
            r.estimates = r.estimates.map { e in
                var e = e
                e.rationale = clean(e.rationale)
                return e
            }
            return r
        }
        let correlations = full.correlations.filter { riskIDs.contains($0.first) && riskIDs.contains($0.second) }.map { c in
            var c = c
            c.reason = clean(c.reason)
            return c
        }
        // An option stays where its figures can be worked out from public entries: it lists,
        // splits or gives another response to a public entry, or names no private one at all
        // ("a choice of the two", which only splits and re-responds public entries, was left
        // off the page while the committee's list named it). An option whose entries are all
        // private is left out: without them its card would show figures that are not its own.
        let portfolios = full.portfolios.compactMap { p -> Portfolio? in
            let members = p.risks.filter { riskIDs.contains($0) }
            let split = p.split.filter { riskIDs.contains($0.risk) }
            let responses = p.responses.filter { riskIDs.contains($0.risk) }
            let namesOnlyPublic = p.members.allSatisfy(riskIDs.contains) && p.responses.allSatisfy { riskIDs.contains($0.risk) }
            guard !members.isEmpty || !split.isEmpty || !responses.isEmpty || namesOnlyPublic else { return nil }
            var p = p
            p.risks = members
            p.split = split
            p.responses = responses
            p.title = clean(p.title)
            p.description = clean(p.description)
            return p
        }
        var view = Register(
            formatVersion: full.formatVersion, metadata: metadata, outcomes: outcomes, appetite: appetite,
            contributors: contributors, perspectives: shownPerspectives, risks: publicRisks, correlations: correlations,
            portfolios: portfolios, scales: full.scales, file: full.file)
        // Confidential entries' texts in other languages stay out with the entries.
        view.translations.texts = full.translations.texts.filter { place, _ in place.risk.map(riskIDs.contains) ?? true }
        register = view
    }
}
