import Foundation
import MonteCarlo
import RegisterModel
import Scoring
import TextLayer

/// Which report to make.
public struct ReportOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html
    }

    public enum Audience: String, Sendable, CaseIterable {
        /// Everything, for the board and officers.
        case board
        /// Plain language, no confidential entries, contributors named only with consent.
        case community
    }

    public var format: Format
    public var audience: Audience
    /// The libyaml version that read the register, printed in the report.
    public var libyamlVersion: String
    /// The command that reproduces the figures, printed in the report.
    public var command: String
    /// The language of the report's words and figures, by catalogue code (`en`, `nl`).
    public var language: String

    public init(format: Format, audience: Audience, libyamlVersion: String, command: String, language: String = "en") {
        self.language = language
        self.format = format
        self.audience = audience
        self.libyamlVersion = libyamlVersion
        self.command = command
    }
}

/// Builds a ``ReportContext`` from a register and its score. Every piece of register text goes
/// through the format's encoder here, once. A community report is built from the register's
/// ``CommunityView`` alone (and must be scored from it: ``Report/registerToScore(_:options:)``),
/// so no figure or word in it depends on a confidential entry.
public struct ReportBuilder: Sendable {
    let register: Register
    let score: RegisterScore
    let options: ReportOptions
    let encode: @Sendable (String) -> String
    /// Risk ids this report may show.
    let visible: Set<String>
    /// What changed since an earlier revision (`--since`), for the board report.
    let review: ReviewChanges?
    /// Every sentence and label, in the report's language.
    let phrases: Phrasebook
    /// How many entries a community report leaves out (0 for the board).
    let withheld: Int
    /// The board report's confidential entries' titles as the register writes them, for the
    /// entry's own heading, which carries the full marker; everywhere else the title carries
    /// a short one.
    let unmarkedTitles: [String: String]
    /// A community report's contributor names as they read inside a list, after its first
    /// item, where that differs from the register's (``MidSentenceNames``).
    let midSentenceNames: [String: String]
    /// For a board report, the score of the register's public view, from which the community
    /// report is made (``Report/render(register:score:options:templates:since:published:)``);
    /// nil when not given.
    var published: RegisterScore?

    public init(register: Register, score: RegisterScore, options: ReportOptions, since review: ReviewChanges? = nil) {
        self.review = review
        self.options = options
        let book = Phrasebook.builtIn(options.language) ?? .english
        // The community report words the board's tables it shows for residents: its own
        // `community.detail.` phrases stand in for the board's (plain labels, no P90 or seed).
        // Every phrase says the register's horizon ("a 1 in 10 bad quarter"), never a fixed "year".
        let h = register.metadata.horizon
        phrases = (options.audience == .community ? book.overlaid(by: "community.detail.") : book)
            .filledWithHorizon(kind: Self.horizonKind(h), horizon: book.plural("report.duration." + Self.horizonInWords(h).unit.rawValue,
                                                                                count: Self.horizonInWords(h).count))
        let shown = Report.shownRegister(register, language: options.language)
        if options.audience == .community {
            let view = CommunityView(shown, phrases: phrases)
            self.register = view.register
            self.score = score
            withheld = view.withheldEntries
            unmarkedTitles = [:]
            midSentenceNames = MidSentenceNames.forms(for: view.register)
        } else {
            // A confidential entry is marked wherever the board report names it — drivers,
            // levers, value for money, co-production — by marking its title once, here.
            var marked = shown
            var markedScore = score
            var originals: [String: String] = [:]
            for i in marked.risks.indices where marked.risks[i].isConfidential {
                let title = marked.risks[i].title
                originals[marked.risks[i].id] = title
                marked.risks[i].title = phrases("report.confidential.title", ["title": title])
                let id = marked.risks[i].id
                for k in markedScore.risks.indices where markedScore.risks[k].id == id {
                    markedScore.risks[k].title = marked.risks[i].title
                }
            }
            self.register = marked
            self.score = markedScore
            withheld = 0
            unmarkedTitles = originals
            midSentenceNames = [:]
        }
        if options.format == .html {
            // Register text marked with `iso` inside a sentence comes out in <bdi>; register
            // text in another language than the page's is marked with its own `lang`.
            encode = { HTMLText.escapeIsolating($0, markingLanguages: true) }
        } else {
            // No links from register text, in Markdown as in HTML: an address or a mail address
            // stays text a reader can copy, never a link a template did not make.
            encode = { MarkdownText.escape($0, links: .none) }
        }
        visible = Set(self.register.risks.filter { options.audience == .board || !$0.isConfidential }.map(\.id))
    }

    var isCommunity: Bool { options.audience == .community }

    /// The report's title: "Board report: Ward 7 patient partnership".
    var reportHeading: String {
        phrases(isCommunity ? "report.heading.community" : "report.heading.board", ["title": register.metadata.title])
    }

    func e(_ text: String) -> String { encode(text) }

    /// An entry's id where a list names it without its title: in the board report a
    /// confidential entry's id carries the marker its title does.
    func entryID(_ id: String) -> String {
        guard !isCommunity, unmarkedTitles[id] != nil else { return id }
        return phrases("report.confidential.title", ["title": id])
    }

    /// Register text marked for isolation inside a sentence assembled here: in HTML it comes
    /// out in `<bdi>`, so right-to-left text cannot reorder the words, ids and figures around
    /// it; in Markdown it is neutralised with the rest of the sentence.
    func iso(_ text: String) -> String { UntrustedText.isolated(text) }
    func e(_ text: String?) -> String? { text.map(encode) }

    /// Text for inside a code span: in Markdown only backticks and pipes change; in HTML it is
    /// escaped as everywhere.
    private func code(_ text: String) -> String {
        options.format == .markdown ? MarkdownText.codeSpan(text) : encode(text)
    }

    private var charts: Charts {
        // Chart text goes into SVG and captions, where a `span` cannot go: without
        // `markingLanguages` the encoder drops the language marks (and keeps the isolation).
        var plain = encode
        if options.format == .html { plain = { (text: String) -> String in HTMLText.escapeIsolating(text) } }
        var charts = Charts(encode: plain, isHTML: options.format == .html, currency: register.metadata.currency, phrases: phrases)
        if isCommunity { charts.moneyLabel = unitWord("money") }
        return charts
    }

    /// A standard error as reported: not a number (printed `n/a`) when there are too few trials
    /// for it to mean anything, rather than a misleading ±0.
    func se(_ standardError: Double) -> Double {
        score.run.trials >= FigureFormat.fewestTrialsForError ? standardError : .nan
    }

    func unitWord(_ unit: String) -> String {
        guard unit == "money" else { return unit }
        let code = register.metadata.currency ?? "money"
        // Residents read "€" and "£", not "EUR" and "GBP"; the catalogue's money format has it.
        guard isCommunity, let format = phrases.phrases["money." + code] else { return code }
        let symbol = format.replacingOccurrences(of: "{amount}", with: "").trimmingCharacters(in: .whitespaces)
        return symbol.isEmpty ? code : symbol
    }

    func quantity(_ value: Double, _ unit: String) -> String {
        OutcomeWords.quantity(FigureFormat.rounded(value), unit: unit, currency: register.metadata.currency, phrases: phrases)
    }

    /// Money written exactly, in the register's currency: a total of costs the register states
    /// ("£105,500"), which rounding to three significant digits would make "£106,000".
    func exactMoney(_ value: Double) -> String {
        FigureFormat.exactMoney(value, currency: register.metadata.currency)
    }

    /// The entries in the headline figures: the assumed option's activities and every other
    /// entry.
    var scoredEntries: Set<String> { Set(score.risks.filter(\.inHeadline).map(\.id)) }

    /// An outcome's figures in its direction, unit and precision.
    func words(_ outcome: String, _ unit: String) -> OutcomeWords {
        var w = OutcomeWords(register: register, outcome: outcome, unit: unit, phrases: phrases, scored: scoredEntries)
        w.boardWording = !isCommunity
        w.wholeYears = isCommunity
        w.budgetWording = isCommunity && unit == "money" && !w.isGain && w.baseline != nil
        w.countedFewer = isCommunity && countsThings(unit)
        // On a residents' page an outcome can fall below zero only through an entry in the
        // page's figures: an option set aside that saves costs made the page say costs could
        // fall, show "Chance of a net reduction: <0.1%", and then say they can only rise.
        if isCommunity, w.hasBenefit {
            let scored = Set(score.risks.filter(\.inHeadline).map(\.id))
            w.hasBenefit = register.risks.contains { risk in
                scored.contains(risk.id) && risk.estimates.contains { e in
                    (risk.outcome == outcome && e.benefit != nil) || e.effects.contains { $0.outcome == outcome && $0.benefit != nil }
                }
            }
        }
        if isCommunity, !w.hasBenefit {
            w.lowersUnderOtherOptions = register.risks.contains { risk in
                risk.estimates.contains { e in
                    (risk.outcome == outcome && e.benefit != nil) || e.effects.contains { $0.outcome == outcome && $0.benefit != nil }
                }
            }
        }
        return w
    }

    /// The horizon in the report's language: "1 year", "6 months", "6 maanden".
    ///
    /// In whole units, as every sentence says the period (``horizonInWords``): a horizon of 12
    /// months is "1 year", as one of 1 year is, so that no page says "a horizon of 12 months"
    /// above "a 1 in 10 bad year" and no two registers with the same period write it two ways.
    var horizonWords: String {
        let (count, unit) = horizonInWords
        return phrases.plural("report.duration." + unit.rawValue, count: count)
    }

    /// "over the next year" for a horizon of 12 months, 52 weeks or 1 year — the same "year" the
    /// rest of the report says — "over the next 6 months" otherwise; "in 2027" where the register
    /// names its period.
    var horizonPhrase: String {
        if let name = register.metadata.period { return phrases("report.horizon-phrase.named", ["name": UntrustedText.isolated(name)]) }
        let (count, unit) = horizonInWords
        // One phrase per unit and plural form: Dutch says "het komende jaar" but "de komende
        // maand", "de komende 6 maanden".
        return phrases.plural("report.horizon-phrase." + unit.rawValue, count: count, ["count": FigureFormat.count(count)])
    }

    /// "year" for a horizon of 12 months or 1 year, "quarter" for 3 months, "month" for 1 month,
    /// else "period of 6 months": the catalogue's `horizon.period` for the horizon's kind, the
    /// word every phrase uses as `{horizon.period}`.
    var periodWord: String {
        phrases("horizon.period." + Self.horizonKind(register.metadata.horizon), ["horizon": horizonWords])
    }

    /// Which words a horizon has (``Phrasebook/horizonKinds``): `year` for 12 months, 52 weeks,
    /// 365 days or 1 year; `quarter` for 3 months; `month`, `week` or `day` for one of them;
    /// `span` for any other length, "a period of 6 months".
    static func horizonKind(_ h: Horizon) -> String {
        let (count, unit) = horizonInWords(h)
        if count == 1 { return unit.rawValue }
        return unit == .month && count == 3 ? "quarter" : "span"
    }

    private func outcomeTitle(_ id: String) -> String { register.outcome(id)?.title ?? id }

    func contributorName(_ id: String) -> String {
        guard let c = register.contributor(id) else { return id }
        if !isCommunity || c.isPublic { return c.name }
        return c.unnamedAs.map { phrases("community.unnamed.described", ["who": $0]) } ?? unnamed(c.kind)
    }

    /// A contributor who did not agree to be named, described by kind.
    func unnamed(_ kind: Contributor.Kind) -> String {
        phrases("report.contributor.unnamed." + kind.rawValue)
    }

    private func names(_ ids: [String]) -> String {
        var seen = Set<String>()
        // A residents' page gives these names after a label inside a line ("Who does it: …"),
        // so each reads mid-sentence (``MidSentenceNames``).
        return ids.map(contributorName).filter { seen.insert($0).inserted }
            .map { isCommunity ? midSentenceNames[$0] ?? $0 : $0 }.joined(separator: ", ")
    }

    public func build() -> ReportContext {
        let m = register.metadata
        let visibleRisks = score.risks.filter { visible.contains($0.id) }
        let withheldNote = withheld == 0 ? nil : e(phrases.plural("report.withheld-note", count: withheld))
        let viewTitle = score.run.view == "pooled"
            ? phrases("report.view.pooled", ["count": String(register.perspectives.count)])
            : (register.perspectives.first { $0.id == score.run.view }?.title ?? score.run.view)
        let heading = reportHeading

        var context = ReportContext(
            report: .init(format: options.format.rawValue, audience: options.audience.rawValue, isBoard: !isCommunity,
                          isCommunity: isCommunity, isHTML: options.format == .html, isMarkdown: options.format == .markdown,
                          // The heading is also the page's `<title>`, which holds text only: no language marks.
                          heading: e(LanguageMark.strip(heading)), language: phrases.language),
            register: .init(id: e(m.id), title: e(m.title), organisation: e(m.organisation), description: e(m.description),
                            horizon: e(horizonWords), horizonPhrase: e(horizonPhrase), currency: e(m.currency),
                            owner: e(m.owner), lastReviewed: m.lastReviewed.map { e($0.description) },
                            nextReview: m.nextReview.map { e($0.description) },
                            reviewOverdue: m.nextReview.map { $0 < (CalendarDate(score.run.asOf) ?? $0) } ?? false),
            run: .init(seed: e(String(score.run.seed)), trials: e(FigureFormat.amount(Double(score.run.trials))), asOf: e(score.run.asOf),
                       view: e(viewTitle), portfolio: e(score.run.portfolio.map { id in register.portfolios.first { $0.id == id }?.title ?? id }),
                       riskregVersion: e(RiskregVersion.current), libyamlVersion: e(options.libyamlVersion),
                       precisionNote: score.run.precisionMet == false ? e(phrases("report.precision-not-reached")) : nil,
                       command: e(options.command), commandCode: code(options.command)),
            style: "", cspStyleSources: "",
            verdicts: verdicts(), anyOutsideAppetite: score.appetite.contains { !$0.withinAppetite },
            outcomes: [], responses: responses(visibleRisks), strategies: [], strategyWarning: nil,
            coproduction: [], contributors: [], disagreements: [], officersPerspective: nil,
            stale: score.staleEntries.filter { visible.contains($0.risk) }.map {
                .init(risk: e($0.risk), title: e(register.risk($0.risk)?.title ?? $0.risk), review: e($0.review))
            },
            portfolios: [],
            // A money column holds the figure against appetite (the decision page's money
            // table defines it): named so, as every option's money figure is.
            portfolioOutcomes: score.outcomes.map { e($0.unit == "money" ? phrases("report.portfolio.money-heading", ["outcome": iso($0.title)]) : $0.title) },
            heatMap: nil, risks: [],
            withheldCount: withheld, withheldNote: withheldNote)
        // The community report leaves the section out: a change list would name or measure
        // confidential entries, and outcome totals moving would hint at them.
        if !isCommunity, let review { context.since = sinceSection(review) }
        if !isCommunity { dueByDecision(&context) }
        if !isCommunity { context.decision = decisionPage() }
        context.outcomes = score.outcomes.enumerated().map { outcomeSection($1, index: $0, visibleRisks: visibleRisks, includesWithheld: withheld > 0) }
        (context.strategies, context.strategyWarning) = strategies()
        context.strategyNotes = strategyNotes()
        if !isCommunity { context.chosenRisks = chosenRisks() }
        (context.coproduction, context.contributors) = coproduction()
        (context.disagreements, context.officersPerspective) = disagreements(visibleRisks)
        if let officers = context.officersPerspective {
            context.comparedChanceHeading = phrases("report.disagreement.compared-chance", ["who": officers])
            context.comparedOutcomeHeading = phrases("report.disagreement.compared-outcome", ["who": officers])
        }
        context.portfolios = portfolios()
        if !isCommunity { context.matrix = ownMatrix() }
        context.heatMap = context.matrix == nil ? heatMap(visibleRisks) : nil
        context.risks = riskDetails()
        context.reliance = isCommunity ? [] : reliance()
        if !isCommunity { addCitizenTime(to: &context) }
        if isCommunity { context.community = community() }
        if !isCommunity {
            context.glossary = glossary()
            context.responsesPerHeading = e(phrases("report.response.per-heading", ["per": perThousandMoney]))
        }
        if !isCommunity && options.format == .markdown { context.markdownContents = markdownContents() }
        let confidential = register.risks.filter(\.isConfidential)
        if !isCommunity && !confidential.isEmpty {
            let named = listInWords(confidential.map { phrases("report.portfolio.activity", ["risk": $0.id, "title": iso(unmarkedTitles[$0.id] ?? $0.title)]) })
            var note = phrases.plural("report.confidential-note.named", count: confidential.count, ["entries": named])
            // The published figures leave the confidential entries out: the board is told which
            // of its appetite statements will read differently there, so that a chance it minutes
            // and the one residents read are not taken for a mistake.
            let differ = score.appetite.filter { v in headlineEntries(reaching: v.outcome).contains(where: \.isConfidential) }
            if !differ.isEmpty {
                // Named by outcome, once each: two statements on one outcome differ together.
                var seen = Set<String>()
                let outcomes = differ.map(\.outcome).filter { seen.insert($0).inserted }
                note += " " + phrases.plural("report.confidential-note.published-differ", count: confidential.count, ["statements": listInWords(outcomes.map { iso(outcomeTitle($0)) })])
                if let verdicts = publishedVerdictsDiffer(differ) { note += " " + verdicts }
                if let favoured = publishedFavouredOption(differ) { note += " " + favoured }
            }
            context.confidentialNote = e(note)
        }
        context.phrases = Self.templatePhrases(phrases)
        return context
    }

    /// The catalogue's `template.` phrases under the rest of their keys, for templates.
    static func templatePhrases(_ phrases: Phrasebook) -> [String: String] {
        let prefix = "template."
        return Dictionary(uniqueKeysWithValues: phrases.phrases.filter { $0.key.hasPrefix(prefix) }.map {
            (String($0.key.dropFirst(prefix.count)), $0.value)
        })
    }

    // MARK: Verdicts

    /// The denominator of every chance in the verdicts and on the appetite markers: one for
    /// the section, from the limits it compares chances against.
    var verdictDenominator: Int {
        FigureFormat.denominator(limits: register.appetite.map { s in
            switch s.limit {
            case .lossExceeds(_, let a), .harmExceeds(_, let a): return a
            case .netBenefitAbove(_, let a): return a
            }
        })
    }

    /// The outcomes some entry states a benefit on (its own outcome or an effect's), where net
    /// loss and harm differ.
    var outcomesWithBenefits: Set<String> {
        var ids: Set<String> = []
        // Only the entries the headline figures count: a benefit that comes only under another
        // option ("net of benefits" on a budget no headline entry saves) is not in them.
        let scored = Set(score.risks.filter(\.inHeadline).map(\.id))
        for risk in register.risks where scored.contains(risk.id) {
            for e in risk.estimates {
                if e.benefit != nil { ids.insert(risk.outcome) }
                for effect in e.effects where effect.benefit != nil { ids.insert(effect.outcome) }
            }
        }
        return ids
    }

    /// What an appetite statement is about: its outcome's title, with the statement's threshold
    /// when another statement is on the same outcome ("Unplanned costs (threshold £120,000)"),
    /// so that two statements never read as one.
    func statementLabel(_ v: RegisterScore.AppetiteVerdict) -> String {
        let outcome = score.outcomes.first { $0.id == v.outcome }
        let title = outcome?.title ?? v.outcome
        guard score.appetite.filter({ $0.outcome == v.outcome }).count > 1 else { return title }
        return phrases("report.verdict.outcome-threshold", ["outcome": iso(title), "amount": words(v.outcome, outcome?.unit ?? "").size(abs(v.threshold))])
    }

    /// The appetite verdicts, in the board report those outside appetite first, then those too
    /// close to call, then those within (each group in register order): the first screen shows
    /// what needs the board, not what does not. The community report keeps register order.
    func verdicts() -> [ReportContext.Verdict] {
        let n = verdictDenominator
        let ordered = isCommunity ? score.appetite : score.appetite.enumerated().sorted { a, b in
            func rank(_ v: RegisterScore.AppetiteVerdict) -> Int { !v.withinAppetite && v.decisive ? 0 : !v.decisive ? 1 : 2 }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
        return ordered.map { v in
            let k = score.appetite.firstIndex { $0.outcome == v.outcome && $0.statement == v.statement && $0.threshold == v.threshold && $0.kind == v.kind } ?? -1
            let outcome = score.outcomes.first { $0.id == v.outcome }
            let unit = outcome?.unit ?? ""
            let title = outcome?.title ?? v.outcome
            let p = v.probability.value
            // "Less than a 1 in 100 chance (<0.1%)" understates what the percentage says: below
            // 0.1% the board report counts in thousands.
            var per = !isCommunity && p > 0 && FigureFormat.percent(p).hasPrefix("<") ? max(n, 1_000) : n
            // The board report's tables show this chance as "3.7%" (or "60.3%" beside a limit of
            // 60%): the sentence shows the same percentage, over the denominator whose fraction
            // it is ("about 37 in 1,000 (3.7%)"), never "about 4 in 100 (4%)" beside "3.7%". The
            // limit keeps the section's denominator: "at most 10 in 100 (10%)" reads better than
            // "100 in 1,000 (10.0%)".
            if !isCommunity { per = denominator(for: p, showing: statementPercent(p, v), from: per) }
            let chance = phrases.chancePhrase(p, standardError: se(v.probability.standardError), per: per, trials: score.run.trials, periods: periodsWord).capitalisedFirst
            let limit = phrases("report.limit", ["frequency": phrases.limitFrequency(v.limit, per: n), "percent": FigureFormat.percent(v.limit, per: n)])
            var status = phrases(v.withinAppetite ? "report.verdict.within" : "report.verdict.outside")
            if !v.decisive { status = phrases("report.verdict.too-close", ["status": status]) }
            let verdictStatus = phrases(v.withinAppetite ? "report.status.within" : "report.status.outside")
            let w = words(v.outcome, unit)
            let sentence: String
            switch v.kind {
            case .lossExceeds:
                // Money lost, a count that rises, or a gain that turns into a net loss: the
                // sentence names what the threshold measures in the outcome's direction, and
                // where benefits count towards the outcome, says it is net of them.
                let net = outcomesWithBenefits.contains(v.outcome)
                let key = w.isGain ? (v.threshold >= 0 ? "report.verdict.gain-net-loss-exceeds" : "report.verdict.gain-below")
                    : unit == "money" ? (net ? "report.verdict.loss-exceeds-net" : "report.verdict.loss-exceeds")
                    : (net ? "report.verdict.count-exceeds-net" : w.baseline == nil && !w.hasBenefit ? "report.verdict.count-exceeds.plain" : "report.verdict.count-exceeds")
                let least = isCommunity || net ? nil : leastPastLimit(v, w)
                // A count kept from a usual level says the level: "7.8%" of "a rise of more
                // than 5 enquiries" read as 7.8% of people, with the borough's 600 a year unsaid.
                let fromBaseline = least == nil && key == "report.verdict.count-exceeds" && w.baseline != nil
                sentence = phrases(least != nil ? "report.verdict.count-at-least" : fromBaseline ? "report.verdict.count-exceeds.baseline" : key, [
                    "chance": chance, "outcome": iso(title), "amount": w.size(least ?? abs(v.threshold)),
                    "horizon": horizonPhrase, "limit": limit, "status": status, "baseline": w.baseline ?? ""])
            case .harmExceeds:
                // The board report says what is counted in the outcome's own words: "more than 4
                // incidents … counting only those the entries cause", or any at all for a limit
                // of 0, never "harm to … incidents" or "exceeds 0 people".
                let key = isCommunity ? "report.verdict.harm-exceeds"
                    : v.threshold == 0 ? "report.verdict.harm-any.board" : "report.verdict.harm-exceeds.board"
                var s = phrases(key, ["chance": chance, "outcome": iso(title), "amount": w.size(v.threshold),
                                      "horizon": horizonPhrase, "limit": limit, "status": status])
                // Judged on harm alone while the entries reduce the outcome overall: one sentence
                // on why a net reduction can still be outside appetite.
                if !isCommunity, let mean = outcome?.residual.mean.value, w.directed(mean) < 0 {
                    s += " " + phrases("report.verdict.harm-alone-why", ["mean": w.averagePhrase(mean), "period": periodWord])
                }
                if let unlike = harmTestUnlikeNet(v) { s += " " + unlike }
                sentence = s
            case .netBenefitAbove:
                let what = w.isGain
                    ? (v.threshold == 0 ? phrases("report.verdict.net-gain") : phrases("report.verdict.net-gain-above", ["amount": w.size(v.threshold)]))
                    : (v.threshold == 0 ? phrases("report.verdict.net-reduction") : phrases("report.verdict.net-reduction-above", ["amount": w.size(v.threshold)]))
                sentence = phrases("report.verdict.net-sentence", ["chance": chance, "benefit": what, "outcome": iso(title),
                                                                   "horizon": horizonPhrase, "limit": limit, "status": status])
            }
            // The board's label carries what a money test leaves out: it is the part quoted.
            let shownStatus = v.decisive ? verdictStatus : phrases("report.status.too-close", ["status": verdictStatus])
            let label = isCommunity ? shownStatus : verdictLabel(shownStatus, v)
            return ReportContext.Verdict(
                outcome: e(isCommunity ? title : statementLabel(v)), sentence: e(sentence), statement: e(v.statement), withinAppetite: v.withinAppetite,
                decisive: v.decisive, status: e(label),
                statusClass: !v.decisive ? "close" : (v.withinAppetite ? "within" : "outside"),
                chance: e(statementPercent(p, v)), chanceWithoutResponses: e(statementPercent(v.inherentProbability.value, v)),
                limit: e(FigureFormat.percent(v.limit)), ifMissed: e(ifMissed(k, v)),
                moneyTest: isCommunity ? nil : e(moneyTestNote(v)), outOfReach: isCommunity ? nil : e(outOfReachNote(v)))
        }
    }

    // MARK: Outcomes

    /// For an outcome the board judges on harm alone, what its figures table does not show:
    /// they are net of the harm the entries avoid, while the appetite counts only the harm they
    /// cause. "1 in 100 bad year 3.71" beside "7.2% chance of harm above 4" read as a
    /// contradiction. Nil in the community report, for an outcome judged on its net figure, and
    /// for one no entry brings a benefit to.
    func harmAloneNote(_ outcome: String) -> String? {
        let statements = score.appetite.filter { $0.outcome == outcome && $0.kind == .harmExceeds }
        // Where no entry brings a benefit to it, its net figure is its harm: nothing to explain.
        guard !isCommunity, !statements.isEmpty, outcomesWithBenefits.contains(outcome) else { return nil }
        let items = statements.map { v in
            phrases("report.outcome.harm-alone.item", [
                "chance": chanceWhat(v), "with": cellPercent(v.probability.value, limit: v.limit),
                "without": cellPercent(v.inherentProbability.value), "want": want(v),
                "status": phrases(v.withinAppetite ? "report.verdict.within" : "report.verdict.outside")])
        }
        return phrases("report.outcome.harm-alone", ["items": items.joined(separator: phrases("report.list.separator"))])
    }

    /// Appetite points on the exceedance curve: P(loss > t) ≤ a, or for a net-benefit floor,
    /// P(loss ≥ −t) ≤ 1 − a.
    /// A `harm-exceeds` statement has no point here: the curve is of net loss.
    func appetitePoints(_ outcome: String, unit: String) -> [(loss: Double, p: Double, label: String)] {
        let n = verdictDenominator
        return register.appetite.filter { $0.outcome == outcome }.compactMap { s in
            switch s.limit {
            case .harmExceeds:
                return nil
            case .lossExceeds(let t, let a):
                return (t, a, phrases("report.appetite-point.loss", ["frequency": phrases.naturalFrequency(a, per: n), "amount": quantity(t, unit)]))
            case .netBenefitAbove(let t, let a):
                let key = words(outcome, unit).isGain ? "report.appetite-point.net-gain" : "report.appetite-point.net-reduction"
                return (-t, 1 - a, phrases(key, ["frequency": phrases.naturalFrequency(a, per: n), "amount": quantity(t, unit)]))
            }
        }
    }

    /// The exceedance table's appetite rows for `outcome`: each statement in the board's words,
    /// then the simulated chance of what it names (a loss above its amount, harm alone above it,
    /// a net gain or reduction above it) without responses, and with them beside the verdict, so
    /// a reader can check the verdict against the limit.
    func appetiteRows(_ outcome: String, unit: String) -> [[String]] {
        let n = verdictDenominator
        let gain = words(outcome, unit).isGain
        return score.appetite.filter { $0.outcome == outcome }.map { v in
            let key: String
            switch v.kind {
            case .lossExceeds: key = "report.appetite-point.loss"
            case .harmExceeds where v.threshold == 0 && register.outcome(outcome)?.anyHarm != nil: key = "report.appetite-point.harm.any"
            // Where nothing in a residents' figures gains anything, harm alone is the net figure
            // ("more than 0 people" would read as planned harm: that stays any harm at all).
            case .harmExceeds where isCommunity && v.threshold > 0 && !words(outcome, unit).hasBenefit: key = "report.appetite-point.loss"
            case .harmExceeds: key = "report.appetite-point.harm"
            case .netBenefitAbove: key = gain ? "report.appetite-point.net-gain" : "report.appetite-point.net-reduction"
            }
            var label = phrases(key, ["frequency": phrases.naturalFrequency(v.limit, per: n), "amount": quantity(abs(v.threshold), unit)])
            // Residents read a limit in whole numbers as the limit above says it: "2 patients or more".
            if isCommunity, let least = leastPastLimit(v, words(outcome, unit)) {
                label = phrases("community.appetite-point.count-at-least", ["frequency": phrases.naturalFrequency(v.limit, per: n), "amount": quantity(least, unit)])
            }
            // The community page gives each chance one number: its tables round a chance as its
            // limits above do ("2%" beside "2 in 100 (2%)", never "1.5%").
            func shown(_ p: Double) -> String { isCommunity ? communityTableChance(p) : statementPercent(p, v) }
            // Residents read a floor on the chance of a gain as the aim it is, met or not: "Limit:
            // at least 75 in 100 chance of a net gain … 99.7%: within the limit" read as a cap.
            if isCommunity, v.kind == .netBenefitAbove {
                let what = (gain ? "community.aim.net-gain" : "community.aim.net-reduction") + (v.threshold == 0 ? "" : ".above")
                let aim = phrases(what, ["frequency": phrases.naturalFrequency(v.limit, per: n), "amount": quantity(abs(v.threshold), unit)])
                return [phrases("community.aim.row", ["label": aim]),
                        phrases("chart.exceedance.appetite-chance", ["percent": shown(v.inherentProbability.value)]),
                        phrases("chart.exceedance.appetite-verdict", ["percent": shown(v.probability.value),
                                                                      "status": phrases(v.withinAppetite ? "community.aim.met" : "community.aim.missed")])]
            }
            return [phrases("chart.exceedance.appetite-row", ["label": label]),
                    phrases("chart.exceedance.appetite-chance", ["percent": shown(v.inherentProbability.value)]),
                    phrases("chart.exceedance.appetite-verdict", ["percent": shown(v.probability.value),
                                                                  "status": phrases(v.withinAppetite ? "report.verdict.within" : "report.verdict.outside")])]
        }
    }

    func outcomeSection(_ o: RegisterScore.OutcomeScore, index: Int, visibleRisks: [RegisterScore.RiskScore], includesWithheld: Bool) -> ReportContext.OutcomeSection {
        let unit = o.unit
        let w = words(o.id, unit)
        // A gain's bad tail is the loss's upper tail: the row keys say so in a gain's terms.
        // A year's figure (a percentile) is one year's, whole where residents read it
        // (``OutcomeWords/wholeYears``); an average is over many years.
        func fig(_ key: String, _ r: Statistic?, _ i: Statistic?, year: Bool = false) -> ReportContext.FigureRow {
            func shown(_ v: Double) -> String { w.amount(year ? w.yearFigure(v) : v) }
            // A year's figure of a whole count is a whole number ("2 incidents"): its error is
            // written at the same precision ("2 ±1"), never "2 ±1.0", a tenth the figure cannot
            // show.
            let whole = year && w.yearFigure(1.5) != 1.5
            func error(_ s: Statistic) -> String {
                let interval = 1.96 * se(s.standardError)
                return "±" + (whole && interval.isFinite ? FigureFormat.amount(interval.rounded()) : FigureFormat.amount(interval, significantDigits: 2))
            }
            return .init(label: e(phrases(w.isGain && phrases.phrases[key + ".gain"] != nil ? key + ".gain" : key)),
                         residual: e(r.map { shown($0.value) } ?? "—"),
                         residualError: e(r.map(error) ?? ""),
                         inherent: e(i.map { shown($0.value) } ?? "—"))
        }
        // The year rows at the levels the tables share (``Charts/yearRowPercentiles``).
        let yearRows = zip(["report.figure.p50", "report.figure.p90", "report.figure.p95", "report.figure.p99"], Charts.yearRowPercentiles).map { key, q in
            fig(key, o.residual.percentile(q), o.inherent.percentile(q), year: true)
        }
        let figures = [fig("report.figure.mean", o.residual.mean, o.inherent.mean)] + yearRows
            + [fig("report.figure.es95", o.residual.expectedShortfall95, o.inherent.expectedShortfall95)]
        let p90 = o.residual.percentile(0.9)?.value ?? .nan
        // Counted from a baseline ("incidents above the police forecast"), each figure says so.
        // Residents read the average as the rest of their page says one: "about 4 incidents",
        // "about €1,800", and a count under one a year as how often it comes ("about 1 person
        // every 7 years"), never "0.153 people" a year.
        // A rare count already says how often it comes ("about 1 patient every 10 years"), so it
        // takes no "in a year" after it.
        let rare = isCommunity && communityAverageIsRare(o.id, unit: unit, mean: o.residual.mean.value)
        let mean = isCommunity ? optionAverage(o.id, unit: unit, mean: o.residual.mean.value) : w.averagePhrase(o.residual.mean.value)
        var summary = w.noneInNine(p90).map { phrases(rare ? "community.outcome.summary.none.rare" : "community.outcome.summary.none",
                                                      ["mean": mean, "period": periodWord, "none": $0]) }
            ?? phrases(rare ? "community.detail.report.outcome.summary.rare"
                            : w.baseline == nil ? "report.outcome.summary.average" : "report.outcome.summary.baseline",
                       ["mean": mean, "period": periodWord,
                        "bad": isCommunity ? w.proseBadYears(p90, o.inherent.percentile(0.9)?.value ?? .nan).with : w.badAveragePhrase(p90)])
        // A chance of coming out ahead only means something where something can come out
        // ahead: a gain, or a loss with benefits on it. On a pure cost it is always 0%; and in
        // the board report, where it is 0% with responses and without, it is left out. Residents
        // are not told "0% with responses, 0% without" either: a line that says nothing.
        let netChances = [o.residual.probabilityNetBenefit.value, o.inherent.probabilityNetBenefit.value]
        let saysNothing = isCommunity ? netChances.allSatisfy { $0 < 0.0005 } : !(w.isGain || netChances.contains { $0 > 0 })
        // Where the board's appetite asks for a gain above a bar, "a net gain" would mean two
        // things on one page: this line names any gain as such, and the bar's chance beside it.
        let bar = isCommunity || !w.isGain ? nil : score.appetite.first { $0.outcome == o.id && $0.kind == .netBenefitAbove && $0.threshold != 0 }
        if w.hasNetChance && !saysNothing, let bar {
            summary += " " + phrases("report.outcome.net-chance.gain.bar",
                                     ["with": FigureFormat.simulatedPercent(o.residual.probabilityNetBenefit.value),
                                      "without": FigureFormat.simulatedPercent(o.inherent.probabilityNetBenefit.value),
                                      "bar": chanceWhat(bar),
                                      "barWith": cellPercent(bar.probability.value, limit: bar.limit),
                                      "barWithout": cellPercent(bar.inherentProbability.value, limit: bar.limit)])
        } else if w.hasNetChance && !saysNothing {
            // Beside a board's limit on the same chance, a chance that rounds to the limit keeps a
            // decimal, as it does in the verdicts and levers: "60% without" read as exactly at it.
            let limit = isCommunity ? nil : score.appetite.first { $0.outcome == o.id && $0.kind == .netBenefitAbove && $0.threshold == 0 }?.limit
            // Residents' pages write it as the aim's row in the table beneath does: one chance, one
            // number ("99.5%" here beside "99%" there read as two figures).
            let shown = { (p: Double) in
                limit.map { self.cellPercent(p, limit: $0) } ?? (self.isCommunity ? self.communityTableChance(p) : FigureFormat.simulatedPercent(p))
            }
            // Residents read of money what a net reduction is: "a net reduction" of a budget
            // left unsaid what goes down; ending below the plan is a saving against it.
            let key = w.isGain ? "report.outcome.net-chance.gain"
                : isCommunity && unit == "money" ? (w.baseline == nil ? "community.outcome.net-chance.saving" : "community.outcome.net-chance.saving.baseline")
                : "report.outcome.net-chance.loss"
            summary += " " + phrases(key, ["with": shown(o.residual.probabilityNetBenefit.value),
                                           "without": shown(o.inherent.probabilityNetBenefit.value), "baseline": w.baseline ?? ""])
        }
        // Every entry in the headline figures that reaches this outcome, itself or by an effect,
        // with its share of this outcome's variance: the drivers list and the tornado agree.
        let parts = outcomeDrivers(o.id, visibleRisks)
        let drivers = o.drivers.filter { visible.contains($0) }.prefix(5).compactMap { id -> ReportContext.Driver? in
            guard let part = parts.first(where: { $0.id == id }) else { return nil }
            return .init(id: e(part.id), title: e(part.title), share: e(FigureFormat.percent(part.share)),
                         meanLoss: e(w.quantity(part.meanLoss)))
        }
        let points = appetitePoints(o.id, unit: unit)
        let thresholds = points.map(\.loss)
        // A perspective's figures for an entry it did not estimate are the pool's: in the board
        // report its row says so, rather than seem to agree with the pool.
        let entries = headlineEntries(reaching: o.id)
        // Counted over this outcome's entries, and said so: the decision page counts over the
        // register's, and "4 of 7 entries" beside "8 of 12 entries" read as a contradiction.
        var labelLines: [[String]] = []
        let viewed: [(id: String, title: String, brief: RegisterScore.OutcomeBrief)] = score.perspectives.compactMap { p in
            let own = entries.filter { r in r.estimates.contains { $0.perspective == p.id } }.count
            // Residents would read a row of the pool's figures as that group's view: the community
            // report shows only perspectives that estimated something here.
            if isCommunity && own == 0 && !entries.isEmpty { return nil }
            let title = isCommunity || own == entries.count ? p.title
                : own == 0 ? phrases("report.view.borrowed-all", ["title": iso(p.title)])
                : phrases("report.view.own-estimates.outcome", ["title": iso(p.title), "count": String(own), "total": String(entries.count)])
            guard let brief = p.outcomes.first(where: { $0.outcome == o.id }) else { return nil }
            // The chart breaks the count between its phrases, never inside "1 of the 4 entries".
            labelLines.append(isCommunity || own == 0 || own == entries.count ? []
                : [UntrustedText.clean(p.title)] + phrases("chart.perspectives.own-estimates.lines", ["count": String(own), "total": String(entries.count)]).split(separator: "|").map(String.init))
            return (p.id, title, brief)
        }
        let views = viewed.map { (title: $0.title, brief: $0.brief) }
        let limitColumns = communityLimitColumns(o.id, unit: unit, perspectives: viewed.map(\.id))
        if isCommunity { summary += communityLimitChances(o.id, unit: unit).map { " " + $0 }.joined() }
        let slug = "o\(index + 1)"
        var section = ReportContext.OutcomeSection(
            id: e(o.id), title: e(o.title), description: e(register.outcome(o.id)?.description), unit: e(unitWord(unit)),
            summary: e(summary), direction: e(w.directionNote), isGain: w.isGain, figuresCaption: e(w.signedCaption(iso(unitWord(unit)))), figures: figures,
            netBenefitChance: e(phrases("report.outcome.net-benefit-chance", ["with": FigureFormat.simulatedPercent(o.residual.probabilityNetBenefit.value),
                                                                              "without": FigureFormat.simulatedPercent(o.inherent.probabilityNetBenefit.value)])),
            drivers: Array(drivers),
            includesWithheld: includesWithheld && register.risks.contains { $0.isConfidential && $0.outcome == o.id },
            disagreement: perspectiveSpread(views, w).map(e),
            histogram: charts.histogram(id: "\(slug)-hist", outcome: o, thresholds: thresholds, words: w),
            exceedance: charts.exceedance(id: "\(slug)-lec", outcome: o, appetite: points + harmLimitsOnNet(o.id, unit: unit), appetiteRows: appetiteRows(o.id, unit: unit),
                                          harmLimits: harmLimits(o.id, unit: unit), words: w),
            // A confidential entry's id carries its marker here too, where the chart names it alone.
            tornado: charts.tornado(id: "\(slug)-tornado", outcome: o, drivers: parts.map { d in
                var marked = d
                marked.label = entryID(d.id)
                return marked
            }, words: w),
            perspectives: isCommunity
                ? charts.perspectives(id: "\(slug)-views", outcome: o, views: views, words: w,
                                      limitColumns: limitColumns,
                                      limitNote: phrases.plural("community.group.limit-columns", count: limitColumns.count))
                : charts.perspectives(id: "\(slug)-views", outcome: o, views: views, words: w, labelLines: labelLines,
                                      limitColumns: limitColumns,
                                      limitNote: phrases.plural("report.views.limit-columns", count: limitColumns.count)))
        section.harmAlone = e(harmAloneNote(o.id))
        // Residents' rows are net, and a limit on harm alone is not: said beneath them, so that
        // "1 in 100: 4 incidents" beside "6%" over the limit on more than 4 does not read as a
        // contradiction.
        if isCommunity, w.hasBenefit, score.appetite.contains(where: { $0.outcome == o.id && $0.kind == .harmExceeds }) {
            section.exceedance.description += " " + e(phrases("community.outcome.exceedance.net-rows"))
        }
        return section
    }

    /// The entries in the headline figures that reach `outcome` — on it, or through an effect
    /// — each with its share of the outcome's variance and its mean loss there. The shares add
    /// up to 100% over every entry (visible or not).
    func outcomeDrivers(_ outcome: String, _ risks: [RegisterScore.RiskScore]) -> [Charts.Driver] {
        risks.filter(\.inHeadline).compactMap { r in
            if r.outcome == outcome, r.effects == nil {
                return r.varianceShare.map { Charts.Driver(id: r.id, title: r.title, share: $0, meanLoss: r.meanLoss.residual.value,
                                                           isActivity: r.meanBenefit != 0) }
            }
            guard let effect = r.effects?.first(where: { $0.outcome == outcome }), let share = effect.varianceShare else { return nil }
            return Charts.Driver(id: r.id, title: r.title, share: share, meanLoss: effect.meanLoss.residual.value,
                                 isActivity: effect.meanBenefit != 0)
        }
    }

    /// How far apart the perspectives' 1 in 10 bad horizons lie after responses, in the
    /// outcome's unit: "59.9 days (after responses)". After responses, as the table of each
    /// perspective's view beside it gives them, so that the spread can be read off its rows. A
    /// difference, not a ratio, so it keeps its meaning when a figure is a net benefit or zero.
    /// Nil with fewer than two perspectives.
    func perspectiveSpread(_ views: [(title: String, brief: RegisterScore.OutcomeBrief)], _ w: OutcomeWords) -> String? {
        let p90s = views.map(\.brief.p90.residual.value).filter(\.isFinite)
        guard p90s.count > 1, let lo = p90s.min(), let hi = p90s.max() else { return nil }
        // "Differ by up to 0 patients" says nothing: the board report leaves it out.
        if !isCommunity && FigureFormat.rounded(hi - lo) == 0 { return nil }
        return phrases("report.after-responses", ["figure": w.size(hi - lo)])
    }

    // MARK: Responses

    /// "£1,000": the amount of cost the value-for-money figures are per, in the register's
    /// currency (plain "1,000" without one).
    var perThousandMoney: String {
        register.metadata.currency == nil ? FigureFormat.count(1000) : FigureFormat.quantity(1000, unit: "money", currency: register.metadata.currency)
    }

    func unitOf(_ outcome: String) -> String {
        register.outcome(outcome).map { o -> String in if case .other(let u) = o.unit { return u } else { return "money" } } ?? ""
    }

    func responseRow(_ r: RegisterScore.RiskScore, rank: Int, rankShown: String? = nil, alone: Bool = false,
                     alsoOn: [RegisterScore.RiskScore] = []) -> ReportContext.ResponseRow? {
        guard let resp = r.response else { return nil }
        let unit = unitOf(r.outcome)
        let w = words(r.outcome, unit)
        // A row for an outcome other than the entry's own (``effectResponseRows(_:)``).
        let ownOutcome = register.risk(r.id)?.outcome ?? r.outcome
        let isEffect = r.outcome != ownOutcome
        let reliability = FigureFormat.percent(resp.reliability)
        let value = FigureFormat.rounded(resp.value.value)
        // Money avoided against money spent is the one comparison that can say a response
        // does not pay for itself; other units have no exchange rate with the cost. An average
        // is not the whole story: a response that cuts the average of the outcome's worst 1 in
        // 20 years (its ES95) by more than it costs says so instead.
        var flag: String?
        if resp.cost > 0 && unit == "money" && value < resp.cost {
            if let tail = resp.badYearValue {
                let cut = tail.es95
                flag = phrases(cut > resp.cost ? "report.response.bad-year-worth" : "report.response.bad-year-short", ["amount": w.size(max(0, cut))])
            } else {
                flag = phrases("report.response.costs-more")
            }
            // Money is only what the register measures: where it records who the entry would
            // hurt, a response that does not pay for itself in money is there for them, and the
            // page says so rather than leave "saves less than it costs" to read as a case for
            // cutting it.
            if !isEffect, let who = register.risk(r.id)?.borneBy, let said = flag, (resp.badYearValue?.es95 ?? 0) <= resp.cost {
                // The entry's harm on outcomes other than money (people hurt, hours lost) is
                // measured, just not in money: the row names them, where "whom no money figure
                // here measures" read as if nothing in the register counted those people.
                let elsewhere = (register.risk(r.id)?.outcomes ?? []).filter { $0 != r.outcome && unitOf($0) != "money" }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    .compactMap { register.outcome($0).map { "“" + iso($0.title) + "”" } }
                switch bearer(who, outcome: r.outcome) {
                case .unmeasured where !elsewhere.isEmpty:
                    flag = phrases("report.response.protects-elsewhere", ["flag": said, "who": iso(who), "outcomes": list(elsewhere)])
                case .unmeasured: flag = phrases("report.response.protects-unmeasured", ["flag": said, "who": iso(who)])
                case .partly(let baseline):
                    flag = phrases("report.response.protects-beyond-money", ["flag": said, "who": iso(who), "baseline": iso(baseline)])
                case .measured: break
                }
            }
        }
        // One response that avoids harm on several outcomes is ranked on each, and each row sets
        // its whole cost against that row's outcome alone: said in every one of its rows, with
        // what it avoids on the others, so that no row reads as all it buys.
        let others = alsoOn.filter { $0.id == r.id && $0.outcome != r.outcome }
        if !others.isEmpty {
            let items = others.compactMap { o -> String? in
                guard let v = o.response?.value.value, let title = register.outcome(o.outcome)?.title else { return nil }
                return phrases("report.response.also-avoids.item", ["amount": words(o.outcome, unitOf(o.outcome)).size(v), "outcome": iso(title)])
            }
            let also = phrases("report.response.also-avoids", ["others": listInWords(items)])
            flag = flag.map { $0 + phrases("report.list.separator") + also } ?? also
        }
        if responseChosenByOptions(r.id) {
            let chosen = phrases("report.response.option-choice")
            flag = flag.map { chosen + phrases("report.list.separator") + $0 } ?? chosen
        }
        let perThousand: String
        if resp.cost > 0, let vfm = resp.valueForMoney {
            perThousand = w.size(vfm * 1000)
        } else {
            perThousand = phrases("report.response.no-cost")
        }
        return .init(
            rank: rank, risk: e(r.id), riskTitle: e(r.title),
            action: e(isEffect ? phrases("report.response.same-action", ["outcome": iso(register.outcome(ownOutcome)?.title ?? ownOutcome)]) : resp.action),
            // An import writes a cost of 0 until the officer fills it in: the figure is shown as
            // the placeholder it is, never as a free action.
            cost: e(r.needsReview.contains(ReviewMark.responseCost)
                    ? phrases("report.response.cost-placeholder", ["cost": quantity(resp.cost, "money")]) : quantity(resp.cost, "money")),
            value: e(w.size(resp.value.value)), valueError: e("±" + FigureFormat.amount(1.96 * se(resp.value.standardError), significantDigits: 2)),
            perThousand: e(perThousand), flag: flag.map(e), unit: e(unitWord(unit)), isFirstOfUnit: rank == 1,
            unitHeading: e(groupHeading(unit == "money" ? phrases("report.response.group.money", ["per": perThousandMoney, "example": perThousand])
                           : phrases(w.isGain ? "report.response.group.gain" : "report.response.group", ["unit": unit, "per": perThousandMoney]),
                           measure: phrases(unit == "money" ? "report.response.measure.money" : w.isGain ? "report.response.measure.gain" : "report.response.measure",
                                            ["unit": unit, "per": perThousandMoney]),
                           unit: unit == "money" ? phrases("report.response.group.alone.money") : unit, alone: alone)),
            deliveredBy: e(resp.deliveredBy.isEmpty ? register.metadata.organisation : names(resp.deliveredBy)),
            reliability: e(reliability),
            inherentMean: e(w.size(resp.inherentMean)), residualMean: e(w.size(resp.residualMean)),
            rankShown: rankShown ?? FigureFormat.count(rank))
    }

    /// Responses ranked by value for money within each unit — money saved per 1,000 spent is
    /// not comparable with hours per 1,000 — units in the order of the register's outcomes.
    /// Within a unit, costed responses come first, best value first; responses recorded with
    /// no cost follow, by the value they deliver (which already allows for their
    /// reliability): a cost of 0 is more often a missing figure than a free action, so it does
    /// not put a response at the top.
    ///
    /// On the board page a response is ranked within every outcome it avoids harm on, not only
    /// its entry's own: Ward 7's falls response, entered on bed days, avoids 0.381 incidents
    /// for £6,500 as well, and left out of the incidents' ranking it was missing from the list
    /// where it would stand second.
    func responses(_ visibleRisks: [RegisterScore.RiskScore]) -> [ReportContext.ResponseRow] {
        var units: [String] = []
        for o in register.outcomes where !units.contains(unitOf(o.id)) { units.append(unitOf(o.id)) }
        let candidates = visibleRisks + (isCommunity ? [] : visibleRisks.flatMap(effectResponseRows))
        var rows: [ReportContext.ResponseRow] = []
        for unit in units {
            let inUnit = candidates.filter { $0.response != nil && unitOf($0.outcome) == unit }
            let costed = inUnit.filter { $0.response!.cost > 0 }.sorted { a, b in
                let va = a.response!.valueForMoney ?? 0, vb = b.response!.valueForMoney ?? 0
                return va != vb ? va > vb : a.id != b.id ? a.id < b.id : a.outcome < b.outcome
            }
            let free = inUnit.filter { $0.response!.cost <= 0 }.sorted { a, b in
                let va = a.response!.value.value, vb = b.response!.value.value
                return va != vb ? va > vb : a.id != b.id ? a.id < b.id : a.outcome < b.outcome
            }
            let ranked = costed + free
            let shown = meritRanks(ranked, unit: unit)
            rows += ranked.enumerated().compactMap { k, r in
                responseRow(r, rank: k + 1, rankShown: shown[k], alone: ranked.count == 1, alsoOn: candidates.filter { $0.id == r.id })
            }
        }
        return rows
    }

    /// An entry's response on each further outcome of its effects where it avoids harm, as a
    /// copy of the entry's score on that outcome: the response's value there (the entry's
    /// ``RegisterScore/EffectScore/responseValue``) and that value per unit of its one cost.
    /// Empty for an entry without a response or effects.
    func effectResponseRows(_ r: RegisterScore.RiskScore) -> [RegisterScore.RiskScore] {
        guard let response = r.response, let effects = r.effects else { return [] }
        return effects.filter { $0.outcome != r.outcome }.compactMap { effect in
            guard let value = effect.responseValue, value.value > 0 else { return nil }
            var row = r
            row.outcome = effect.outcome
            row.response = response
            row.response!.value = value
            row.response!.valueForMoney = response.cost > 0 ? value.value / response.cost : nil
            row.response!.inherentMean = effect.meanHarm.inherent
            row.response!.residualMean = effect.meanHarm.residual
            row.response!.badYearValue = nil
            return row
        }
    }

    // MARK: Strategies

    /// What a strategy means, in one line.
    func meaning(_ s: Strategy) -> String { phrases("report.strategy.meaning." + s.rawValue) }

    /// The entries the strategy mix counts: those shown that the headline figures assume. The
    /// activities of the other options exclude each other and the headline's own: "£124,000"
    /// of portfolio exposure added three options of which the board will choose one.
    var strategyEntries: [Risk] {
        let counted = Set(score.risks.filter(\.inHeadline).map(\.id))
        return register.risks.filter { visible.contains($0.id) && counted.contains($0.id) }
    }

    /// An entry's mean harm before responses on `outcome`: on its own outcome, or on a further
    /// outcome of its effects, so that the mix counts every harm an entry brings.
    func inherentHarm(_ r: RegisterScore.RiskScore, on outcome: String) -> Double {
        if let effects = r.effects { return effects.first { $0.outcome == outcome }?.meanHarm.inherent ?? 0 }
        return r.outcome == outcome ? r.meanHarm.inherent : 0
    }

    func strategies() -> ([ReportContext.StrategyRow], String?) {
        let shown = strategyEntries
        let rows = Strategy.allCases.map { s -> ReportContext.StrategyRow in
            let entries = shown.filter { $0.strategy == s }
            var byUnit: [(String, Double)] = []
            for o in register.outcomes {
                let unit: String = { if case .other(let u) = o.unit { return u } else { return "money" } }()
                let harm = score.risks.filter { r in entries.contains { $0.id == r.id } }.reduce(0.0) { $0 + inherentHarm($1, on: o.id) }
                if harm > 0 {
                    if let k = byUnit.firstIndex(where: { $0.0 == unit }) { byUnit[k].1 += harm } else { byUnit.append((unit, harm)) }
                }
            }
            return .init(strategy: e(s.rawValue), meaning: e(meaning(s)), entries: entries.count,
                         share: e(FigureFormat.percent(shown.isEmpty ? 0 : Double(entries.count) / Double(shown.count))),
                         exposure: e(byUnit.isEmpty ? "—" : byUnit.map { quantity($0.1, $0.0) }.joined(separator: phrases("report.list.separator"))))
        }
        let used = Set(shown.map(\.strategy))
        let warning: String? = !used.isEmpty && used.isSubset(of: [.portfolio, .reduction])
            ? phrases("report.strategy.warning")
            : (!used.contains(.resilience) && !used.contains(.enablement) ? nil : nil)
        return (rows, warning.map(e))
    }

    /// Notes on the mix against its reference (docs/strategy-mix.md), when it calls for any;
    /// nil when every entry is portfolio or reduction, which ``strategies()`` warns about.
    func strategyNotes() -> [String] {
        let shown = strategyEntries
        let mix = StrategyMix(shown.map(\.strategy))
        // What the mix leaves out, said plainly: the other options' activities.
        let left = otherOptionsNote(score.risks.filter { visible.contains($0.id) && !$0.inHeadline }.map { ($0.id, $0.title) },
                                    key: "report.strategy.other-options").map { [$0] } ?? []
        guard !Set(shown.map(\.strategy)).isSubset(of: [.portfolio, .reduction]) else { return left }
        var notes: [String] = []
        if mix.leansOnFirstTwo {
            notes.append(phrases("report.strategy.reference", [
                "share": FigureFormat.percent(mix.firstTwoShare), "reference": FigureFormat.percent(StrategyMix.referenceShare)]))
        }
        if mix.lacksEnablement { notes.append(phrases("report.strategy.no-enablement")) }
        return left + notes.map(e)
    }

    // MARK: Co-production

    func coproduction() -> ([ReportContext.CoproductionRow], [ReportContext.ContributorRow]) {
        let shown = register.risks.filter { visible.contains($0.id) }
        let rows = shown.map { r in
            ReportContext.CoproductionRow(risk: e(r.id), title: e(r.title), mode: e(r.coproduction.mode.rawValue),
                                          contributors: e(r.coproduction.contributors.isEmpty ? "—" : names(r.coproduction.contributors)),
                                          note: e(r.coproduction.note))
        }
        var people: [ReportContext.ContributorRow] = []
        for c in register.contributors {
            let entries = shown.filter { $0.coproduction.contributors.contains(c.id) || ($0.response?.deliveredBy.contains(c.id) ?? false) }
            let named = !isCommunity || c.isPublic
            let list = entries.map { r in
                phrases("report.contributor.entry", ["risk": entryID(r.id), "role": r.coproduction.contributors.contains(c.id)
                    ? r.coproduction.mode.rawValue : phrases("report.contributor.delivers")])
            }
            people.append(.init(name: e(named ? c.name : contributorName(c.id)), named: named, kind: e(kindWord(c.kind)),
                                entries: e(list.isEmpty ? phrases("report.contributor.no-entries") : list.joined(separator: ", ")), entryCount: entries.count, hasEntries: !entries.isEmpty))
        }
        return (rows, people)
    }

    /// A contributor's kind in words.
    func kindWord(_ k: Contributor.Kind) -> String { phrases("report.contributor.kind." + k.rawValue) }

    // MARK: Perspectives

    /// The officers' perspective: `officers` by id, else the first whose contributors are all
    /// staff or partners, else the first perspective.
    func officersPerspective() -> Perspective? {
        if let p = register.perspectives.first(where: { $0.id == "officers" }) { return p }
        return register.perspectives.first { p in
            !p.contributors.isEmpty && p.contributors.allSatisfy { [.staff, .partner].contains(register.contributor($0)?.kind) }
        } ?? register.perspectives.first
    }

    func isCitizenPerspective(_ p: Perspective) -> Bool {
        p.contributors.contains { [.user, .community].contains(register.contributor($0)?.kind) }
            || (p.contributors.isEmpty && p.id != officersPerspective()?.id)
    }

    func disagreements(_ visibleRisks: [RegisterScore.RiskScore]) -> ([ReportContext.Disagreement], String?) {
        guard register.perspectives.count > 1, let officers = officersPerspective() else { return ([], nil) }
        var found: [(Double, ReportContext.Disagreement)] = []
        let n = FigureFormat.denominator(limits: [])
        for r in visibleRisks {
            guard let theirsO = r.perspectives.first(where: { $0.perspective == officers.id }) else { continue }
            guard let o = score.outcomes.first(where: { $0.id == r.outcome }) else { continue }
            let w = words(o.id, o.unit)
            // The outcome's spread before responses: a difference of 50 days and one of
            // £20,000 are ranked by how much each moves its own outcome.
            let spread = o.inherent.standardDeviation
            for view in r.perspectives where view.perspective != officers.id {
                guard let p = register.perspectives.first(where: { $0.id == view.perspective }), isCitizenPerspective(p) else { continue }
                // Positive when their estimates see the outcome going better than the officers':
                // a smaller loss, which for a gain is a larger gain.
                let better = FigureFormat.rounded(theirsO.meanLoss) - FigureFormat.rounded(view.meanLoss)
                let difference = abs(view.meanLoss - theirsO.meanLoss)
                guard difference > 0 || view.probability != theirsO.probability else { continue }
                let size = spread > 0 ? difference / spread : difference
                let differenceText = difference == 0 ? phrases("report.disagreement.same")
                    : phrases(better > 0 ? "report.disagreement.difference.better" : "report.disagreement.difference.worse", ["amount": w.size(difference)])
                let sentence = phrases(better > 0 ? "report.disagreement.better" : better < 0 ? "report.disagreement.worse" : "report.disagreement.same-mean", [
                    "perspective": p.title, "risk": r.id, "chance": phrases.chance(view.probability, per: n), "theirs": w.outcomePhrase(view.meanLoss),
                    "officers": officers.title, "officersChance": phrases.chance(theirsO.probability, per: n),
                    "officersFigure": w.outcomePhrase(theirsO.meanLoss), "difference": w.size(difference),
                ])
                found.append((size, .init(risk: e(r.id), title: e(r.title), perspective: e(p.title), sentence: e(sentence),
                                          theirChance: e(FigureFormat.simulatedPercent(view.probability)), officersChance: e(FigureFormat.simulatedPercent(theirsO.probability)),
                                          theirMeanLoss: e(w.outcomePhrase(view.meanLoss)), officersMeanLoss: e(w.outcomePhrase(theirsO.meanLoss)),
                                          difference: e(differenceText))))
            }
        }
        let top = found.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.risk < $1.1.risk }.prefix(6).map(\.1)
        return (Array(top), e(officers.title))
    }

    // MARK: Portfolios

    func portfolios() -> [ReportContext.PortfolioRow] {
        score.portfolios.enumerated().map { index, p in
            let def = register.portfolios.first { $0.id == p.id }
            let activities = p.activities.filter { visible.contains($0) }.map { id in
                phrases("report.portfolio.activity", ["risk": id, "title": iso(register.risk(id)?.title ?? "")])
            }
            let shown = { (id: String) in visible.contains(id) }
            let shares = (p.split ?? []).filter { shown($0.risk) }.map { share in
                phrases("report.portfolio.share", ["risk": share.risk, "title": iso(register.risk(share.risk)?.title ?? ""),
                                                   "share": FigureFormat.percent(share.share)])
            }
            // A response the option chooses for several entries is named once, with every entry
            // it handles: a long action repeated for each entry read as two responses.
            var chosen: [(action: String, risks: [String])] = []
            for choice in (p.responses ?? []) where shown(choice.risk) {
                if let k = chosen.firstIndex(where: { $0.action == choice.action }) { chosen[k].risks.append(choice.risk) } else { chosen.append((choice.action, [choice.risk])) }
            }
            let responses = chosen.map { c in
                phrases("report.portfolio.response", ["risk": listInWords(c.risks), "action": iso(c.action)])
            }
            var costs: [String] = []
            // The option's own cost, unless a response it chooses already names the amount: the
            // cell said it twice.
            if let cost = p.cost, let o = score.outcomes.first(where: { $0.id == p.costOutcome }),
               !chosen.contains(where: { $0.action.contains(words(o.id, o.unit).size(cost)) }) {
                costs.append(phrases("report.portfolio.cost", ["amount": words(o.id, o.unit).size(cost), "outcome": iso(o.title)]))
            }
            let members = p.activities + (p.split ?? []).map(\.risk)
            let hidden = members.count - members.filter(shown).count
            // Items joined in a list lose their own full stop: a register's action text that ends
            // a sentence read ".;" before the next item.
            // (A register text ends in the isolation mark that `iso` adds: the stop is before it.)
            let items = (activities + shares + responses + costs).map { item -> String in
                var scalars = Array(item.unicodeScalars)
                let k = scalars.last == Unicode.Scalar(0xFDD1 as UInt32)! ? scalars.count - 2 : scalars.count - 1
                guard k >= 1, scalars[k] == ".", scalars[k - 1] != "." else { return item }
                scalars.remove(at: k)
                return String(String.UnicodeScalarView(scalars))
            }
            var list = items.joined(separator: phrases("report.list.separator"))
            if hidden > 0 { list += (list.isEmpty ? "" : phrases("report.list.separator")) + phrases.plural("report.portfolio.hidden", count: hidden) }
            let means = score.outcomes.map { o in
                p.outcomes.first { $0.outcome == o.id }.map { words(o.id, o.unit).directedPhrase($0.mean.residual.value) } ?? "—"
            }
            let diffs = score.outcomes.map { o -> String in
                guard index > 0, let k = score.outcomes.firstIndex(where: { $0.id == o.id }), k < p.differenceFromFirst.count else { return "—" }
                let d = p.differenceFromFirst[k]
                if d.mean.value == 0 && d.probabilityBetter == 0 && d.probabilityWorse == 0 { return phrases("report.portfolio.same") }
                // A positive difference is more loss: worse, whichever way the outcome points.
                let w = words(o.id, o.unit)
                // With the trials that tie: "0.091 people better (better in 7.9% of trials)" read
                // as a contradiction where the two were the same in nine years in ten.
                let same = max(0, 1 - d.probabilityBetter - d.probabilityWorse)
                // Better on average but worse in more trials (or the other way round): said, with
                // why, so the two figures do not read as a contradiction.
                let key = d.mean.value > 0
                    ? (d.probabilityBetter > d.probabilityWorse ? "report.portfolio.worse.mostly-better" : "report.portfolio.worse")
                    : (d.probabilityWorse > d.probabilityBetter ? "report.portfolio.better.mostly-worse" : "report.portfolio.better")
                var amount = w.size(abs(d.mean.value))
                // Money in the board's table: the difference of the two averages as the column
                // prints them, as every other money figure the page works out ("£36,000" beside
                // "£184,000" and "£148,000", not "£35,800" from the unrounded averages, while
                // the decision page said £36,000 for the same gap).
                if !isCommunity, o.unit == "money", let printed = printedMoneyDifference(p, from: score.portfolios[0], on: o.id),
                   printed != 0, (printed > 0) == (d.mean.value > 0) {
                    amount = w.exactSize(abs(printed))
                }
                let cell = phrases(key,
                               ["amount": amount, "better": FigureFormat.percent(d.probabilityBetter),
                                "worse": FigureFormat.percent(d.probabilityWorse), "same": FigureFormat.percent(same)])
                return isCommunity ? cell : reconciled(cell, option: p, first: score.portfolios[0], outcome: o, difference: d.mean.value)
            }
            return .init(id: e(p.id), title: e(p.title), description: e(def?.description), activities: e(list.isEmpty ? "—" : list),
                         means: means.map(e), differences: diffs.map(e), isFirst: index == 0)
        }
    }

    /// How much more option `p` loses on money outcome `outcome` on average than option `first`,
    /// worked out from the two averages as the options table prints them (each rounded once,
    /// ``FigureFormat/money(_:)``); nil where either has no figure.
    func printedMoneyDifference(_ p: RegisterScore.PortfolioScore, from first: RegisterScore.PortfolioScore, on outcome: String) -> Double? {
        guard let a = p.outcomes.first(where: { $0.outcome == outcome })?.mean.residual.value,
              let b = first.outcomes.first(where: { $0.outcome == outcome })?.mean.residual.value else { return nil }
        return FigureFormat.money(a) - FigureFormat.money(b)
    }

    // MARK: Heat map

    func heatMap(_ visibleRisks: [RegisterScore.RiskScore]) -> ReportContext.Chart? {
        guard !visibleRisks.isEmpty else { return nil }
        var placed: [Charts.Placed] = []
        var byOtherOutcome: [String] = []
        var shownBy: [(id: String, outcome: String)] = []
        for r in visibleRisks where r.inHeadline {
            // Residents are not shown the planned result of an option as a likely risk.
            if isCommunity, let risk = register.risk(r.id), plannedResult(risk, r) != nil { continue }
            guard let chosen = heatChoice(r) else { continue }
            var place = chosen.placed
            if chosen.outcome != r.outcome {
                byOtherOutcome.append(r.id)
                // The board's table names the outcome whose figure places it: "344 hours" beside
                // an entry whose own section shows only money could not be traced.
                if !isCommunity { place.placedOn = iso(outcomeTitle(chosen.outcome)) }
            }
            placed.append(place)
            shownBy.append((r.id, chosen.outcome))
        }
        // Residents are told each outcome's yardstick and which outcome shows each entry, in
        // sentences of their own (``communityHeatNotes(_:_:)``).
        var chart = charts.heatMap(id: "heat", placed: placed, placedByOtherOutcome: isCommunity ? [] : byOtherOutcome)
        if isCommunity {
            let notes = communityHeatNotes(placed, shownBy).map(e).joined(separator: " ")
            if !notes.isEmpty { chart.description += " " + notes }
            chart.lead = nil
            chart.points = []
        }
        chart.note = otherOptionsNote(visibleRisks.filter { !$0.inHeadline }.map { ($0.id, $0.title) }, key: "chart.heat.other-options")
        return chart
    }

    /// Beneath a likelihood-and-impact table: the activities of options the headline figures do
    /// not assume, which it leaves out (placed beside the live risks they would read as risks
    /// the organisation runs), named with why; nil when there are none. One rule for the
    /// generic heat map and the organisation's own matrix.
    func otherOptionsNote(_ entries: [(id: String, title: String)], key: String) -> String? {
        guard !entries.isEmpty, let id = score.run.portfolio else { return nil }
        let option = register.portfolios.first { $0.id == id }?.title ?? id
        let names = entries.map { phrases("chart.heat.entry", ["id": entryID($0.id), "title": iso($0.title)]) }
        return e(phrases.plural(key, count: entries.count, ["entries": listInWords(names), "option": iso(option)]))
    }

    /// "Placed by its harm on Hours of independent living: 344 hours on average in a year in
    /// which it happens, against a reference of 4,210 hours", for an entry the grid places by
    /// another outcome than its own; nil otherwise.
    func placedBy(_ r: RegisterScore.RiskScore) -> String? {
        guard r.inHeadline, let chosen = heatChoice(r), chosen.outcome != r.outcome else { return nil }
        let p = chosen.placed
        return phrases("report.entry.placed-by", ["outcome": iso(outcomeTitle(chosen.outcome)), "harm": p.words.size(p.harm),
                                                   "reference": p.words.size(p.reference)])
    }

    /// The outcome and figures that place entry `r` on the likelihood-and-impact grid; nil
    /// where none of its outcomes is scored. Its own section names them where they are not its
    /// own outcome's, so the grid's figure can be traced.
    func heatChoice(_ r: RegisterScore.RiskScore) -> (outcome: String, placed: Charts.Placed)? {
        // An entry with effects on several outcomes is placed by its harm to people before
        // its harm to money: of the outcomes not counted in money where it does harm
        // (incidents, enquiries, people, hours, wellbeing), the one where that harm weighs
        // most against the outcome's reference; money only where it harms nothing else. A
        // carer who can no longer cope is placed by the hours the person loses, not graded by
        // what the emergency care costs; and a passer-by wrongly accused by the one person
        // hurt, not by the €7,900 it costs.
        let candidates = r.effects.map { effects in effects.map { ($0.outcome, $0.meanHarm.residual, $0.meanBenefit, $0.meanLoss.residual.value) } }
            ?? [(r.outcome, r.meanHarm.residual, r.meanBenefit, r.meanLoss.residual.value)]
        let placements = candidates.compactMap { c in heatPlacement(r, outcome: c.0, meanHarm: c.1, meanBenefit: c.2, meanLoss: c.3) }
        // Harm as the grid counts it: in the board report, net of the benefit where the
        // appetite is on the net outcome, so that hours an entry gives back more than it takes
        // do not hide its cost.
        let harmsPeople = placements.filter { unitOf($0.outcome) != "money" && $0.placed.harm > 0 }
        let pool = harmsPeople.isEmpty ? placements : harmsPeople
        guard let primary = pool.first(where: { $0.outcome == r.outcome }) ?? pool.first else { return nil }
        func weight(_ p: Charts.Placed) -> Double { p.reference > 0 ? p.harm / p.reference : 0 }
        // By the share itself, not its band: two effects in one band (15% of 125 days and
        // 22% of 4,210 hours) are placed by the one that weighs more, as the table says.
        let chosen = pool.reduce(primary) { best, next in weight(next.placed) > weight(best.placed) ? next : best }
        return chosen
    }

    /// One entry placed on the grid by its harm on one outcome: its chance (the entry's), its
    /// average harm on that outcome in a horizon in which it happens, and the outcome's
    /// reference amount. Nil where the outcome is not scored.
    func heatPlacement(_ r: RegisterScore.RiskScore, outcome: String, meanHarm: Double, meanBenefit: Double,
                       meanLoss: Double) -> (outcome: String, placed: Charts.Placed)? {
        guard let o = score.outcomes.first(where: { $0.id == outcome }) else { return nil }
        // Every statement that names an amount of loss on the outcome counts, on the net
        // outcome or on harm alone: the lowest is the reference.
        let threshold = register.appetite.compactMap { s -> Double? in
            guard s.outcome == o.id else { return nil }
            switch s.limit {
            case .lossExceeds(let t, _), .harmExceeds(let t, _): return t > 0 ? t : nil
            case .netBenefitAbove: return nil
            }
        }.min()
        var reference = threshold ?? (isCommunity ? communityYardstick(o).amount
            : max(abs(o.inherent.percentile(0.95)?.value ?? 0), o.inherent.standardDeviation))
        // The board's own yardstick, said where it is shown; residents' pages keep theirs.
        var referenceNote: String?
        if !isCommunity { (reference, referenceNote) = boardYardstick(o, threshold: threshold) }
        let p = r.probability.residual
        // In the board report, where the board's appetite on the outcome is on the net
        // outcome (harm − benefit), an entry is placed by its average harm in a horizon in
        // which it happens net of its benefit in such a horizon (a benefit comes every
        // horizon, so its mean): the appetite weighs the two together, so the grid does too.
        // Where any statement is on harm alone, or none is made, by its harm; and residents'
        // report shows harm, which benefits never hide.
        let statements = register.appetite.filter { $0.outcome == o.id }
        let net = options.audience == .board && !statements.isEmpty && !statements.contains { $0.limit.isOnHarm } && meanBenefit != 0
        let harm = p > 0 ? (net ? max(0, meanHarm / p - meanBenefit) : meanHarm / p) : 0
        return (o.id, .init(id: r.id, title: r.title, probability: p, harm: harm, reference: reference,
                            referenceIsThreshold: threshold != nil, unit: unitWord(o.unit), words: words(o.id, o.unit),
                            netOfBenefit: net,
                            // Placed by its harm, but a net benefit on average: marked, so it
                            // does not read as a top risk.
                            netGain: !net && meanBenefit > 0 && meanLoss < 0 ? meanLoss : nil,
                            markedID: entryID(r.id) == r.id ? nil : entryID(r.id), referenceNote: referenceNote))
    }

    // MARK: Entries in full

    func riskDetails() -> [ReportContext.RiskDetail] {
        let stale = Set(score.staleEntries.map(\.risk))
        let section = FigureFormat.denominator(limits: [])
        let heatShown = !isCommunity && ownMatrix() == nil
        return register.risks.filter { visible.contains($0.id) }.map { r in
            let s = score.risks.first { $0.id == r.id }
            // The board report's tables (the likelihood-and-impact table, the organisation's own
            // matrix) show the entry's chance after responses as "6.3%": its own section shows
            // the same percentage, over the denominator whose fraction it is ("about 63 in 1,000
            // (6.3%)"), never "about 6 in 100 (6%)" beside the matrix's "6.3%" — the rule the
            // verdict sentences follow, with or without a matrix of the organisation's own. One
            // denominator for the whole entry, so its chances still compare at a glance.
            var n = section
            if !isCommunity, let p = s?.probability.residual { n = denominator(for: p, showing: FigureFormat.percent(p), from: n) }
            let unit = score.outcomes.first { $0.id == r.outcome }?.unit ?? ""
            let w = words(r.outcome, unit)
            // An activity of another portfolio option is scored in the comparison alone, as the
            // pool sees it: say so where its own and each perspective's figures would be.
            let otherOption = s.map { !$0.inHeadline } ?? false
            let notScored = phrases("report.entry.other-option")
            let views: [ReportContext.RiskView] = r.estimates.map { est in
                let pv = s?.perspectives.first { $0.perspective == est.perspective }
                let title = register.perspectives.first { $0.id == est.perspective }?.title ?? est.perspective
                return .init(perspective: e(title), chance: e(pv.map { phrases.chance($0.probability, per: n) } ?? (otherOption ? phrases("report.entry.other-option-short") : "—")),
                             meanLoss: e(pv.map { w.outcomePhrase($0.meanLoss) } ?? (otherOption ? "" : "—")), rationale: e(est.rationale))
            }
            return ReportContext.RiskDetail(
                id: e(r.id), title: e(unmarkedTitles[r.id] ?? r.title), description: e(r.description), outcome: e(outcomeTitle(r.outcome)),
                strategy: e(r.strategy.rawValue), owner: e(r.owner), borneBy: e(r.borneBy), mode: e(r.coproduction.mode.rawValue),
                contributors: e(r.coproduction.contributors.isEmpty ? "—" : names(r.coproduction.contributors)),
                coproductionNote: e(r.coproduction.note), review: r.review.map { e($0.description) }, isStale: stale.contains(r.id),
                isConfidential: r.isConfidential, scored: s != nil,
                chanceLabel: e(entryChanceLabel(r)),
                meanLabel: e(phrases(r.strategy.hasBenefit ? "report.entry.mean.activity" : "report.entry.mean")),
                chance: e(s.map { phrases.chance($0.probability.residual, per: n) } ?? "—"),
                chanceWithoutResponses: e(s.map { phrases.chance($0.probability.inherent, per: n) } ?? "—"),
                meanLoss: e(s.map { phrases("report.figure.with-error", ["figure": w.outcomePhrase($0.meanLoss.residual.value),
                                                                          "error": FigureFormat.amount(1.96 * se($0.meanLoss.residual.standardError), significantDigits: 2)]) } ?? "—"),
                meanLossWithoutResponses: e(s.map { w.outcomePhrase($0.meanLoss.inherent.value) } ?? "—"),
                meanBenefit: s.flatMap { $0.meanBenefit > 0 ? e(w.size($0.meanBenefit)) : nil },
                share: e(s?.varianceShare.map { FigureFormat.percent($0) } ?? (otherOption ? notScored : "—")),
                impactRange: e(s.map { w.range($0.impactP10, $0.impactP90) } ?? "—"),
                response: s.flatMap { responseRow($0, rank: 0) }, views: views,
                placedBy: heatShown ? s.flatMap { placedBy($0) }.map { e($0) as String } : nil,
                chanceNote: s.flatMap { entryChanceSame(r, with: phrases.chance($0.probability.residual, per: n), without: phrases.chance($0.probability.inherent, per: n)) }
                    .map { e($0) as String },
                placingMean: heatShown ? s.flatMap { placingMean($0) }.map { e($0.figures) as String } : nil,
                placingMeanLabel: heatShown ? s.flatMap { placingMean($0) }.map { e($0.label) as String } : nil)
        }
    }

    // MARK: Since the last review

    func sinceSection(_ r: ReviewChanges) -> ReportContext.SinceSection {
        func entry(_ c: ReviewChanges.Change) -> String {
            e(c.title.map { phrases("report.since.entry", ["id": c.id, "title": iso($0)]) } ?? c.id)
        }
        func change(_ c: ReviewChanges.Change) -> ReportContext.SinceChange {
            .init(entry: entry(c), field: e(c.field ?? ""), before: e(c.before ?? "—"), after: e(c.after ?? "—"))
        }
        let risks = r.changes.filter { $0.subject == "risk" }
        let whole = r.changes.filter { $0.field == nil && $0.subject == "risk" }
        func listed(_ kind: ReviewChanges.Change.Kind) -> [ReportContext.SinceEntry] {
            whole.filter { $0.kind == kind }.map {
                .init(id: e($0.id), title: e($0.title ?? $0.id), strategy: e($0.after ?? $0.before ?? ""))
            }
        }
        let others = r.changes.filter { $0.subject != "risk" }.map { c in
            ReportContext.SinceChange(
                entry: e(phrases("report.since.other-entry", ["subject": phrases("diff.subject." + c.subject), "id": c.id])),
                field: e(c.field ?? (c.kind == .added ? phrases("diff.change.added") : c.kind == .removed ? phrases("diff.change.removed") : "")),
                before: e(c.before ?? "—"), after: e(c.after ?? "—"))
        }
        func verdictWord(_ within: Bool?) -> String { phrases(within == true ? "report.verdict.within" : "report.verdict.outside") }
        let flipped = r.verdicts.filter(\.flipped).map {
            ReportContext.SinceFlip(outcome: e($0.outcome), statement: e($0.statement),
                                    before: verdictWord($0.withinBefore), after: verdictWord($0.withinAfter))
        }
        // Each figure in the outcome's direction, as everywhere else in the report: a gain as a
        // gain, a net reduction in words rather than as a negative loss, and a change as better
        // or worse rather than with a sign.
        let outcomes = r.outcomes.map { o in
            let w = words(o.id, o.unit)
            func figure(_ label: String, _ f: ReviewChanges.Figure) -> ReportContext.SinceFigure {
                let q = { (v: Double?) in v.map { w.outcomePhrase($0) } ?? "—" }
                var change: String
                switch f.status {
                case .unchanged: change = phrases("report.since.no-change")
                case .added: change = phrases("diff.status.added")
                case .removed: change = phrases("diff.status.removed")
                case .changed, .withinError:
                    // More loss is worse whichever way the outcome points.
                    let d = FigureFormat.rounded(f.after ?? 0) - FigureFormat.rounded(f.before ?? 0)
                    change = d == 0 ? phrases("report.since.no-change")
                        : phrases(d > 0 ? "report.since.worse" : "report.since.better", ["amount": w.size(abs(d))])
                }
                return .init(label: label, before: e(q(f.before)), after: e(q(f.after)), change: e(change),
                             withinError: f.status == .withinError)
            }
            let gain = w.isGain ? ".gain" : ""
            return ReportContext.SinceOutcome(
                title: e(o.title), unit: e(unitWord(o.unit)),
                figures: [figure(phrases("report.figure.mean"), o.mean), figure(phrases("report.figure.p90" + gain), o.p90),
                          figure(phrases("report.figure.p95" + gain), o.p95)])
        }
        return .init(
            revision: e(r.revision), revisionCode: code(r.revision), summary: e(r.summary.capitalisedFirst), newFile: !r.existed,
            added: listed(.added), removed: listed(.removed),
            retagged: risks.filter { $0.field == "strategy" }.map(change),
            changed: risks.filter { $0.field != nil && $0.field != "strategy" }.map(change),
            other: others, flipped: flipped, outcomes: outcomes, hasChanges: !r.changes.isEmpty)
    }
}

extension String {
    /// The first letter in capitals, for a phrase that starts a sentence. Register text in
    /// another language than the page's starts with an invisible language mark and its tag
    /// (``LanguageMark``): the letter after them is the one capitalised, so a Dutch page no
    /// longer starts a sentence with "the council's … committee".
    var capitalisedFirst: String {
        if first == Character("\u{E000}"), let separator = firstIndex(of: Character("\u{E001}")) {
            let text = self[index(after: separator)...]
            return String(self[...separator]) + text.prefix(1).uppercased() + text.dropFirst()
        }
        return prefix(1).uppercased() + dropFirst()
    }
}
