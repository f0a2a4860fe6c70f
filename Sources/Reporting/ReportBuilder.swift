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

    public init(register: Register, score: RegisterScore, options: ReportOptions, since review: ReviewChanges? = nil) {
        self.review = review
        self.score = score
        self.options = options
        phrases = Phrasebook.builtIn(options.language) ?? .english
        if options.audience == .community {
            let view = CommunityView(register, phrases: phrases)
            self.register = view.register
            withheld = view.withheldEntries
        } else {
            self.register = register
            withheld = 0
        }
        if options.format == .html {
            encode = { HTMLText.escape($0) }
        } else {
            // No links from register text, in Markdown as in HTML: an address or a mail address
            // stays text a reader can copy, never a link a template did not make.
            encode = { MarkdownText.escape($0, links: .none) }
        }
        visible = Set(self.register.risks.filter { options.audience == .board || !$0.isConfidential }.map(\.id))
    }

    var isCommunity: Bool { options.audience == .community }

    func e(_ text: String) -> String { encode(text) }
    func e(_ text: String?) -> String? { text.map(encode) }

    /// Text for inside a code span: in Markdown only backticks and pipes change; in HTML it is
    /// escaped as everywhere.
    private func code(_ text: String) -> String {
        options.format == .markdown ? MarkdownText.codeSpan(text) : encode(text)
    }

    private var charts: Charts {
        Charts(encode: encode, isHTML: options.format == .html, currency: register.metadata.currency, phrases: phrases)
    }

    /// A standard error as reported: not a number (printed `n/a`) when there are too few trials
    /// for it to mean anything, rather than a misleading ±0.
    func se(_ standardError: Double) -> Double {
        score.run.trials >= FigureFormat.fewestTrialsForError ? standardError : .nan
    }

    func unitWord(_ unit: String) -> String { unit == "money" ? (register.metadata.currency ?? "money") : unit }

    func quantity(_ value: Double, _ unit: String) -> String {
        FigureFormat.quantity(value, unit: unit, currency: register.metadata.currency)
    }

    var horizonPhrase: String {
        let h = register.metadata.horizon
        return phrases("report.horizon-phrase", ["period": h.count == 1 ? phrases("report.unit." + h.unit.rawValue) : h.description])
    }

    /// "year" for a horizon of 12 months or 1 year, "month" for 1 month, else "period of 6 months".
    var periodWord: String {
        let h = register.metadata.horizon
        if (h.count == 12 && h.unit == .month) || (h.count == 52 && h.unit == .week) { return phrases("report.unit.year") }
        return h.count == 1 ? phrases("report.unit." + h.unit.rawValue) : phrases("report.period-of", ["horizon": h.description])
    }

    private func outcomeTitle(_ id: String) -> String { register.outcome(id)?.title ?? id }

    func contributorName(_ id: String) -> String {
        guard let c = register.contributor(id) else { return id }
        if !isCommunity || c.isPublic { return c.name }
        return unnamed(c.kind)
    }

    /// A contributor who did not agree to be named, described by kind.
    func unnamed(_ kind: Contributor.Kind) -> String {
        phrases("report.contributor.unnamed." + kind.rawValue)
    }

    private func names(_ ids: [String]) -> String {
        var seen = Set<String>()
        return ids.map(contributorName).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    public func build() -> ReportContext {
        let m = register.metadata
        let visibleRisks = score.risks.filter { visible.contains($0.id) }
        let withheldNote = withheld == 0 ? nil : e(phrases.plural("report.withheld-note", count: withheld))
        let viewTitle = score.run.view == "pooled"
            ? phrases("report.view.pooled", ["count": String(register.perspectives.count)])
            : (register.perspectives.first { $0.id == score.run.view }?.title ?? score.run.view)
        let heading = phrases(isCommunity ? "report.heading.community" : "report.heading.board", ["title": m.title])

        var context = ReportContext(
            report: .init(format: options.format.rawValue, audience: options.audience.rawValue, isBoard: !isCommunity,
                          isCommunity: isCommunity, isHTML: options.format == .html, isMarkdown: options.format == .markdown,
                          heading: e(heading), language: phrases.language),
            register: .init(id: e(m.id), title: e(m.title), organisation: e(m.organisation), description: e(m.description),
                            horizon: e(m.horizon.description), horizonPhrase: e(horizonPhrase), currency: e(m.currency),
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
            portfolios: [], portfolioOutcomes: score.outcomes.map { e($0.title) }, heatMap: nil, risks: [],
            withheldCount: withheld, withheldNote: withheldNote)
        // The community report leaves the section out: a change list would name or measure
        // confidential entries, and outcome totals moving would hint at them.
        if !isCommunity, let review { context.since = sinceSection(review) }
        if !isCommunity { context.decision = decisionPage() }
        context.outcomes = score.outcomes.enumerated().map { outcomeSection($1, index: $0, visibleRisks: visibleRisks, includesWithheld: withheld > 0) }
        (context.strategies, context.strategyWarning) = strategies()
        context.strategyNotes = strategyNotes()
        if !isCommunity { context.chosenRisks = chosenRisks() }
        (context.coproduction, context.contributors) = coproduction()
        (context.disagreements, context.officersPerspective) = disagreements(visibleRisks)
        context.portfolios = portfolios()
        if !isCommunity { context.matrix = ownMatrix() }
        context.heatMap = context.matrix == nil ? heatMap(visibleRisks) : nil
        context.risks = riskDetails()
        context.reliance = isCommunity ? [] : reliance()
        if !isCommunity { addCitizenTime(to: &context) }
        if isCommunity { context.community = community() }
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

    /// The outcomes some entry states a benefit on (its own outcome or an effect's), where net
    /// loss and harm differ.
    var outcomesWithBenefits: Set<String> {
        var ids: Set<String> = []
        for risk in register.risks {
            for e in risk.estimates {
                if e.benefit != nil { ids.insert(risk.outcome) }
                for effect in e.effects where effect.benefit != nil { ids.insert(effect.outcome) }
            }
        }
        return ids
    }

    func verdicts() -> [ReportContext.Verdict] {
        score.appetite.map { v in
            let outcome = score.outcomes.first { $0.id == v.outcome }
            let unit = outcome?.unit ?? ""
            let title = outcome?.title ?? v.outcome
            let p = v.probability.value
            let chance = phrases.chancePhrase(p, standardError: se(v.probability.standardError)).capitalisedFirst
            let limit = phrases("report.limit", ["frequency": phrases.limitFrequency(v.limit), "percent": FigureFormat.percent(v.limit)])
            var status = phrases(v.withinAppetite ? "report.verdict.within" : "report.verdict.outside")
            if !v.decisive { status = phrases("report.verdict.too-close", ["status": status]) }
            let verdictStatus = phrases(v.withinAppetite ? "report.status.within" : "report.status.outside")
            let sentence: String
            switch v.kind {
            case .lossExceeds:
                // Where benefits count towards the outcome, the verdict says it is net of them.
                let key = outcomesWithBenefits.contains(v.outcome) ? "report.verdict.loss-exceeds-net" : "report.verdict.loss-exceeds"
                sentence = phrases(key, ["chance": chance, "outcome": title, "amount": quantity(v.threshold, unit),
                                         "horizon": horizonPhrase, "limit": limit, "status": status])
            case .harmExceeds:
                sentence = phrases("report.verdict.harm-exceeds", ["chance": chance, "outcome": title, "amount": quantity(v.threshold, unit),
                                                                   "horizon": horizonPhrase, "limit": limit, "status": status])
            case .netBenefitAbove:
                let what = v.threshold == 0 ? phrases("report.verdict.net-benefit") : phrases("report.verdict.net-benefit-above", ["amount": quantity(v.threshold, unit)])
                sentence = phrases("report.verdict.net-benefit-sentence", ["chance": chance, "benefit": what, "outcome": title,
                                                                           "horizon": horizonPhrase, "limit": limit, "status": status])
            }
            return ReportContext.Verdict(
                outcome: e(title), sentence: e(sentence), statement: e(v.statement), withinAppetite: v.withinAppetite,
                decisive: v.decisive, status: e(v.decisive ? verdictStatus : phrases("report.status.too-close", ["status": verdictStatus])),
                statusClass: !v.decisive ? "close" : (v.withinAppetite ? "within" : "outside"),
                chance: e(FigureFormat.percent(p)), chanceWithoutResponses: e(FigureFormat.percent(v.inherentProbability.value)),
                limit: e(FigureFormat.percent(v.limit)))
        }
    }

    // MARK: Outcomes

    /// Appetite points on the exceedance curve: P(loss > t) ≤ a, or for a net-benefit floor,
    /// P(loss ≥ −t) ≤ 1 − a.
    /// A `harm-exceeds` statement has no point here: the curve is of net loss.
    func appetitePoints(_ outcome: String, unit: String) -> [(loss: Double, p: Double, label: String)] {
        register.appetite.filter { $0.outcome == outcome }.compactMap { s in
            switch s.limit {
            case .harmExceeds:
                return nil
            case .lossExceeds(let t, let a):
                return (t, a, phrases("report.appetite-point.loss", ["frequency": phrases.naturalFrequency(a), "amount": quantity(t, unit)]))
            case .netBenefitAbove(let t, let a):
                return (-t, 1 - a, phrases("report.appetite-point.benefit", ["percent": FigureFormat.percent(a), "amount": quantity(t, unit)]))
            }
        }
    }

    func outcomeSection(_ o: RegisterScore.OutcomeScore, index: Int, visibleRisks: [RegisterScore.RiskScore], includesWithheld: Bool) -> ReportContext.OutcomeSection {
        let unit = o.unit
        func fig(_ label: String, _ r: Statistic?, _ i: Statistic?) -> ReportContext.FigureRow {
            .init(label: e(label), residual: e(r.map { FigureFormat.amount($0.value) } ?? "—"),
                  residualError: e(r.map { "±" + FigureFormat.amount(1.96 * se($0.standardError)) } ?? ""),
                  inherent: e(i.map { FigureFormat.amount($0.value) } ?? "—"))
        }
        let figures = [
            fig(phrases("report.figure.mean"), o.residual.mean, o.inherent.mean),
            fig(phrases("report.figure.p50"), o.residual.percentile(0.5), o.inherent.percentile(0.5)),
            fig(phrases("report.figure.p90"), o.residual.percentile(0.9), o.inherent.percentile(0.9)),
            fig(phrases("report.figure.p95"), o.residual.percentile(0.95), o.inherent.percentile(0.95)),
            fig(phrases("report.figure.p99"), o.residual.percentile(0.99), o.inherent.percentile(0.99)),
            fig(phrases("report.figure.es95"), o.residual.expectedShortfall95, o.inherent.expectedShortfall95),
        ]
        let p50 = o.residual.percentile(0.5)?.value ?? .nan
        let p90 = o.residual.percentile(0.9)?.value ?? .nan
        func phrase(_ v: Double) -> String {
            v < 0 ? phrases("report.outcome.net-benefit-of", ["amount": quantity(-v, unit)]) : phrases("report.outcome.loss-of", ["amount": quantity(v, unit)])
        }
        let summary = phrases("report.outcome.summary", ["period": periodWord, "typical": phrase(p50), "bad": phrase(p90)])
        let drivers = o.drivers.filter { visible.contains($0) }.prefix(5).compactMap { id -> ReportContext.Driver? in
            guard let r = visibleRisks.first(where: { $0.id == id }) else { return nil }
            return .init(id: e(r.id), title: e(r.title), share: e(r.varianceShare.map { FigureFormat.percent(max(0, $0)) } ?? "—"),
                         meanLoss: e(quantity(r.meanLoss.residual.value, unit)))
        }
        let points = appetitePoints(o.id, unit: unit)
        let thresholds = points.map(\.loss)
        let views: [(title: String, brief: RegisterScore.OutcomeBrief)] = score.perspectives.compactMap { p in
            p.outcomes.first { $0.outcome == o.id }.map { (p.title, $0) }
        }
        let slug = "o\(index + 1)"
        return ReportContext.OutcomeSection(
            id: e(o.id), title: e(o.title), description: e(register.outcome(o.id)?.description), unit: e(unitWord(unit)),
            summary: e(summary), figures: figures,
            netBenefitChance: e(phrases("report.outcome.net-benefit-chance", ["with": FigureFormat.percent(o.residual.probabilityNetBenefit.value),
                                                                              "without": FigureFormat.percent(o.inherent.probabilityNetBenefit.value)])),
            drivers: Array(drivers),
            includesWithheld: includesWithheld && register.risks.contains { $0.isConfidential && $0.outcome == o.id },
            disagreement: o.disagreementP90Ratio.map { e(FigureFormat.ratio($0)) },
            histogram: charts.histogram(id: "\(slug)-hist", outcome: o, thresholds: thresholds),
            exceedance: charts.exceedance(id: "\(slug)-lec", outcome: o, appetite: points),
            tornado: charts.tornado(id: "\(slug)-tornado", outcome: o, risks: visibleRisks.filter { $0.outcome == o.id }),
            perspectives: charts.perspectives(id: "\(slug)-views", outcome: o, views: views))
    }

    // MARK: Responses

    func responseRow(_ r: RegisterScore.RiskScore, rank: Int) -> ReportContext.ResponseRow? {
        guard let resp = r.response else { return nil }
        let unit = register.outcome(r.outcome).map { o -> String in if case .other(let u) = o.unit { return u } else { return "money" } } ?? ""
        let reliability = FigureFormat.percent(resp.reliability)
        return .init(
            rank: rank, risk: e(r.id), riskTitle: e(r.title), action: e(resp.action),
            cost: e(FigureFormat.quantity(resp.cost, unit: "money", currency: register.metadata.currency)),
            value: e(quantity(resp.value.value, unit)), valueError: e("±" + FigureFormat.amount(1.96 * se(resp.value.standardError))),
            perThousand: e(resp.valueForMoney.map { phrases("report.amount-unit", ["amount": FigureFormat.amount($0 * 1000), "unit": unitWord(unit)]) } ?? "—"),
            deliveredBy: e(resp.deliveredBy.isEmpty ? register.metadata.organisation : names(resp.deliveredBy)),
            reliability: e(reliability),
            inherentMean: e(quantity(resp.inherentMean, unit)), residualMean: e(quantity(resp.residualMean, unit)))
    }

    func responses(_ visibleRisks: [RegisterScore.RiskScore]) -> [ReportContext.ResponseRow] {
        let ranked = visibleRisks.filter { $0.response != nil }.sorted { a, b in
            let va = a.response!.valueForMoney ?? .infinity, vb = b.response!.valueForMoney ?? .infinity
            return va != vb ? va > vb : a.id < b.id
        }
        return ranked.enumerated().compactMap { responseRow($1, rank: $0 + 1) }
    }

    // MARK: Strategies

    /// What a strategy means, in one line.
    func meaning(_ s: Strategy) -> String { phrases("report.strategy.meaning." + s.rawValue) }

    func strategies() -> ([ReportContext.StrategyRow], String?) {
        let shown = register.risks.filter { visible.contains($0.id) }
        let rows = Strategy.allCases.map { s -> ReportContext.StrategyRow in
            let entries = shown.filter { $0.strategy == s }
            var byUnit: [(String, Double)] = []
            for o in register.outcomes {
                let unit: String = { if case .other(let u) = o.unit { return u } else { return "money" } }()
                let harm = score.risks.filter { r in entries.contains { $0.id == r.id } && r.outcome == o.id }.reduce(0.0) { $0 + $1.meanHarm.inherent }
                if harm > 0 {
                    if let k = byUnit.firstIndex(where: { $0.0 == unit }) { byUnit[k].1 += harm } else { byUnit.append((unit, harm)) }
                }
            }
            return .init(strategy: e(s.rawValue), meaning: e(meaning(s)), entries: entries.count,
                         share: e(FigureFormat.percent(shown.isEmpty ? 0 : Double(entries.count) / Double(shown.count))),
                         exposure: e(byUnit.isEmpty ? "—" : byUnit.map { quantity($0.1, $0.0) }.joined(separator: "; ")))
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
        let shown = register.risks.filter { visible.contains($0.id) }
        let mix = StrategyMix(shown.map(\.strategy))
        guard !Set(shown.map(\.strategy)).isSubset(of: [.portfolio, .reduction]) else { return [] }
        var notes: [String] = []
        if mix.leansOnFirstTwo {
            notes.append(phrases("report.strategy.reference", [
                "share": FigureFormat.percent(mix.firstTwoShare), "reference": FigureFormat.percent(StrategyMix.referenceShare)]))
        }
        if mix.lacksEnablement { notes.append(phrases("report.strategy.no-enablement")) }
        return notes.map(e)
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
                phrases("report.contributor.entry", ["risk": r.id, "role": r.coproduction.contributors.contains(c.id)
                    ? r.coproduction.mode.rawValue : phrases("report.contributor.delivers")])
            }
            people.append(.init(name: e(named ? c.name : unnamed(c.kind)), named: named, kind: e(kindWord(c.kind)),
                                entries: e(list.isEmpty ? "—" : list.joined(separator: ", ")), entryCount: entries.count, hasEntries: !entries.isEmpty))
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
        for r in visibleRisks {
            guard let theirsO = r.perspectives.first(where: { $0.perspective == officers.id }) else { continue }
            let unit = score.outcomes.first { $0.id == r.outcome }?.unit ?? ""
            for view in r.perspectives where view.perspective != officers.id {
                guard let p = register.perspectives.first(where: { $0.id == view.perspective }), isCitizenPerspective(p) else { continue }
                let a = abs(view.meanLoss), b = abs(theirsO.meanLoss)
                guard a > 0 || b > 0 else { continue }
                let ratio = max(a, b) / max(min(a, b), 1e-12)
                let size = abs(log(max(ratio, 1)))
                let sentence = phrases(a > b ? "report.disagreement.higher" : "report.disagreement.lower", [
                    "perspective": p.title, "risk": r.id, "chance": phrases.chance(view.probability), "meanLoss": quantity(view.meanLoss, unit),
                    "officers": officers.title, "officersChance": phrases.chance(theirsO.probability),
                    "officersMeanLoss": quantity(theirsO.meanLoss, unit), "ratio": FigureFormat.ratio(ratio),
                ])
                found.append((size, .init(risk: e(r.id), title: e(r.title), perspective: e(p.title), sentence: e(sentence),
                                          theirChance: e(FigureFormat.percent(view.probability)), officersChance: e(FigureFormat.percent(theirsO.probability)),
                                          theirMeanLoss: e(quantity(view.meanLoss, unit)), officersMeanLoss: e(quantity(theirsO.meanLoss, unit)),
                                          ratio: e(FigureFormat.ratio(ratio)))))
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
                phrases("report.portfolio.activity", ["risk": id, "title": register.risk(id)?.title ?? ""])
            }
            let hidden = p.activities.count - p.activities.filter { visible.contains($0) }.count
            var list = activities.joined(separator: phrases("report.list.separator"))
            if hidden > 0 { list += (list.isEmpty ? "" : phrases("report.list.separator")) + phrases.plural("report.portfolio.hidden", count: hidden) }
            let means = score.outcomes.map { o in
                p.outcomes.first { $0.outcome == o.id }.map { quantity($0.mean.residual.value, o.unit) } ?? "—"
            }
            let diffs = score.outcomes.map { o -> String in
                guard index > 0, let k = score.outcomes.firstIndex(where: { $0.id == o.id }), k < p.differenceFromFirst.count else { return "—" }
                let d = p.differenceFromFirst[k]
                if d.mean.value == 0 && d.probabilityBetter == 0 && d.probabilityWorse == 0 { return phrases("report.portfolio.same") }
                return phrases("report.portfolio.difference", ["difference": (d.mean.value > 0 ? "+" : "") + quantity(d.mean.value, o.unit),
                                                               "better": FigureFormat.percent(d.probabilityBetter)])
            }
            return .init(id: e(p.id), title: e(p.title), description: e(def?.description), activities: e(list.isEmpty ? "—" : list),
                         means: means.map(e), differences: diffs.map(e), isFirst: index == 0)
        }
    }

    // MARK: Heat map

    func heatMap(_ visibleRisks: [RegisterScore.RiskScore]) -> ReportContext.Chart? {
        guard !visibleRisks.isEmpty else { return nil }
        var placed: [Charts.Placed] = []
        for r in visibleRisks {
            guard let o = score.outcomes.first(where: { $0.id == r.outcome }) else { continue }
            let threshold = register.appetite.compactMap { s -> Double? in
                if s.outcome == o.id, case .lossExceeds(let t, _) = s.limit, t > 0 { return t } else { return nil }
            }.min()
            let reference = threshold ?? max(abs(o.inherent.percentile(0.95)?.value ?? 0), o.inherent.standardDeviation)
            let p = r.probability.residual
            let harm = p > 0 ? r.meanHarm.residual / p : 0
            placed.append(.init(id: r.id, title: r.title, probability: p, harm: harm, reference: reference,
                                referenceIsThreshold: threshold != nil, unit: unitWord(o.unit)))
        }
        return charts.heatMap(id: "heat", placed: placed)
    }

    // MARK: Entries in full

    func riskDetails() -> [ReportContext.RiskDetail] {
        let stale = Set(score.staleEntries.map(\.risk))
        return register.risks.filter { visible.contains($0.id) }.map { r in
            let s = score.risks.first { $0.id == r.id }
            let unit = score.outcomes.first { $0.id == r.outcome }?.unit ?? ""
            let views: [ReportContext.RiskView] = r.estimates.map { est in
                let pv = s?.perspectives.first { $0.perspective == est.perspective }
                let title = register.perspectives.first { $0.id == est.perspective }?.title ?? est.perspective
                return .init(perspective: e(title), chance: e(pv.map { phrases.chance($0.probability) } ?? "—"),
                             meanLoss: e(pv.map { quantity($0.meanLoss, unit) } ?? "—"), rationale: e(est.rationale))
            }
            return ReportContext.RiskDetail(
                id: e(r.id), title: e(r.title), description: e(r.description), outcome: e(outcomeTitle(r.outcome)),
                strategy: e(r.strategy.rawValue), owner: e(r.owner), borneBy: e(r.borneBy), mode: e(r.coproduction.mode.rawValue),
                contributors: e(r.coproduction.contributors.isEmpty ? "—" : names(r.coproduction.contributors)),
                coproductionNote: e(r.coproduction.note), review: r.review.map { e($0.description) }, isStale: stale.contains(r.id),
                isConfidential: r.isConfidential, scored: s != nil,
                chance: e(s.map { phrases.chance($0.probability.residual) } ?? "—"),
                chanceWithoutResponses: e(s.map { phrases.chance($0.probability.inherent) } ?? "—"),
                meanLoss: e(s.map { phrases("report.figure.with-error", ["figure": quantity($0.meanLoss.residual.value, unit),
                                                                          "error": FigureFormat.amount(1.96 * se($0.meanLoss.residual.standardError))]) } ?? "—"),
                meanLossWithoutResponses: e(s.map { quantity($0.meanLoss.inherent.value, unit) } ?? "—"),
                meanBenefit: s.flatMap { $0.meanBenefit > 0 ? e(quantity($0.meanBenefit, unit)) : nil },
                share: e(s?.varianceShare.map { FigureFormat.percent(max(0, $0)) } ?? "—"),
                impactRange: e(s.map { phrases("report.range", ["from": FigureFormat.amount($0.impactP10), "to": quantity($0.impactP90, unit)]) } ?? "—"),
                response: s.flatMap { responseRow($0, rank: 0) }, views: views)
        }
    }

    // MARK: Since the last review

    func sinceSection(_ r: ReviewChanges) -> ReportContext.SinceSection {
        func entry(_ c: ReviewChanges.Change) -> String {
            e(c.title.map { phrases("report.since.entry", ["id": c.id, "title": $0]) } ?? c.id)
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
        let outcomes = r.outcomes.map { o in
            func figure(_ label: String, _ f: ReviewChanges.Figure) -> ReportContext.SinceFigure {
                let q = { (v: Double?) in v.map { quantity($0, o.unit) } ?? "—" }
                var change: String
                switch f.status {
                case .unchanged: change = phrases("report.since.no-change")
                case .added: change = phrases("diff.status.added")
                case .removed: change = phrases("diff.status.removed")
                case .changed, .withinError:
                    let d = (f.after ?? 0) - (f.before ?? 0)
                    change = (d > 0 ? "+" : d < 0 ? "−" : "") + quantity(abs(d), o.unit)
                }
                return .init(label: label, before: e(q(f.before)), after: e(q(f.after)), change: e(change),
                             withinError: f.status == .withinError)
            }
            return ReportContext.SinceOutcome(
                title: e(o.title), unit: e(unitWord(o.unit)),
                figures: [figure(phrases("report.figure.mean"), o.mean), figure(phrases("report.since.p90"), o.p90),
                          figure(phrases("report.since.p95"), o.p95)])
        }
        return .init(
            revision: e(r.revision), revisionCode: code(r.revision), summary: e(r.summary), newFile: !r.existed,
            added: listed(.added), removed: listed(.removed),
            retagged: risks.filter { $0.field == "strategy" }.map(change),
            changed: risks.filter { $0.field != nil && $0.field != "strategy" }.map(change),
            other: others, flipped: flipped, outcomes: outcomes, hasChanges: !r.changes.isEmpty)
    }
}

extension String {
    /// The first letter in capitals, for a phrase that starts a sentence.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
