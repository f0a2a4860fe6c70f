import Foundation
import RegisterModel
import Scoring
import TextLayer

/// The community report's own sentences (``ReportContext/Community``), from the catalogue's
/// `community.` phrases. Built from the register's ``CommunityView`` and its score only, like
/// the rest of a community report.
extension ReportBuilder {
    func community() -> ReportContext.Community {
        let m = register.metadata
        let date = CalendarDate(score.run.asOf).map { phrases.date(year: $0.year, month: $0.month, day: $0.day) } ?? score.run.asOf
        let intro = [
            phrases("community.intro", ["organisation": m.organisation, "title": m.title]),
            phrases("community.intro.period", ["next": nextPeriod, "date": date]),
        ].joined(separator: " ")
        // What the page leaves out, in one note at the top: private entries. Why some who helped
        // are not named is said once, where those who helped are listed: said in the note about
        // private entries, and after every such name, it read as secrecy.
        let withheldText = withheld == 0 ? nil : communityWithheld()
        let helpersNotes = [communityHelpersNote(), communityUnnamedNote()].compactMap { $0 }
        let contact = m.contact.map { phrases("community.contact", ["contact": $0]) }
            ?? phrases("community.contact.none", ["organisation": m.organisation])
        let contactIntro = m.contact == nil ? contact : phrases("community.contact.intro")
        // Register text is in the register's language (English when it names none); where the
        // page is in another, that text is marked so that a screen reader pronounces it right.
        let textLanguage = m.language ?? "en"
        let comparisons = communityComparisons()
        let method = phrases("community.method", ["trials": FigureFormat.amount(Double(score.run.trials)), "next": nextPeriod])
        var page = ReportContext.Community(
            heading: e(reportHeading), intro: e(intro), withheld: withheldText.map(e), limits: communityLimits(), options: communityOptions(), optionsNotes: communityOptionsNotes().map(e), entries: communityEntries(),
            helpers: communityHelpers().map(e), helpersNote: helpersNotes.isEmpty ? nil : encode(helpersNotes.joined(separator: " ")), weights: communityWeights().map(e), groups: communityGroups().map(e),
            comparisons: comparisons.map { c in .init(title: e(phrases("community.quoted", ["text": iso(c.title)])), views: c.views.map(e), together: e(c.together)) },
            compared: comparisons.map { e($0.line) }, responses: communityResponses(), responsesCost: e(communityResponsesCost()),
            youSaid: communityYouSaid().map(e), hasSince: review != nil, nextSteps: communityNextSteps().map(e), contact: e(contact),
            contactIntro: e(contactIntro), contactText: m.contact.map(e), method: e(method),
            reproduce: e(phrases("community.reproduce", ["version": RiskregVersion.current, "libyaml": options.libyamlVersion, "date": date,
                                                         "trials": FigureFormat.amount(Double(score.run.trials)), "next": nextPeriod])),
            checkFigures: e(phrases("community.check-figures", ["organisation": m.organisation, "date": date])),
            textLanguage: textLanguage == phrases.language ? nil : e(textLanguage))
        // The limits' figures are one option's, still to be chosen: said before them.
        if !page.options.isEmpty, let id = score.run.portfolio, let option = register.portfolios.first(where: { $0.id == id }) {
            page.limitsIntro = e(phrases(option.isCurrent ? "community.limits.assumed.current" : "community.limits.assumed", ["option": iso(option.title)]))
        }
        page.detailIntro = e(m.decidedBy.map { phrases("community.detail-intro.named", ["who": iso($0)]) } ?? phrases("community.detail-intro"))
        // The glossary explains the words the page uses (``communityGlossary``). The rounding
        // note says once that the tables are a little finer than the text.
        page.glossary = communityGlossary.map(e)
        return page
    }

    // MARK: What is left out

    /// How many entries are confidential, why (the register's `confidential-reason`, or that
    /// the reason is not published), that every figure here is worked out without them, and
    /// who sees the figures with them (`decided-by`). Nothing in it depends on a confidential
    /// entry but their number: it never says whether a verdict would change with them.
    func communityWithheld() -> String {
        let m = register.metadata
        let seen = m.decidedBy.map { phrases.plural("community.withheld.seen", count: withheld, ["who": iso($0.capitalisedFirst)]) }
            ?? phrases.plural("community.withheld.seen.unnamed", count: withheld)
        return [
            phrases.plural("community.withheld.private", count: withheld),
            m.confidentialReason.map { iso(asSentence($0)) } ?? phrases("community.withheld.reason.none"),
            phrases.plural("community.withheld.left-out", count: withheld),
            seen,
            phrases.plural("community.withheld.codes", count: withheld),
        ].joined(separator: " ")
    }

    /// Why some who helped are not named, where the page describes any of them by kind only
    /// ("a partner organisation"): said once, under "Who helped", rather than as a mark after
    /// every such name. Contributors come from the community view, so an unnamed contributor of
    /// a private entry alone never shows here.
    func communityUnnamedNote() -> String? {
        register.contributors.contains { !$0.isPublic } ? phrases("community.unnamed.note") : nil
    }

    /// Register text as a sentence of its own: a full stop added where it ends without one.
    func asSentence(_ text: String) -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        return text.last.map { ".!?".contains($0) } ?? true ? text : text + "."
    }

    // MARK: What happens next

    /// The next decision (what, who, when), how to respond, and when the list is looked at
    /// again, from the register's `next-decision`, `next-decision-date`, `how-to-respond` and
    /// `next-review`.
    func communityNextSteps() -> [String] {
        let m = register.metadata
        func day(_ d: CalendarDate) -> String { phrases.date(year: d.year, month: d.month, day: d.day) }
        var lines: [String] = []
        if let decision = m.nextDecision {
            lines.append(m.nextDecisionDate.map { phrases("community.next.decision.dated", ["decision": decision, "date": day($0)]) }
                ?? phrases("community.next.decision", ["decision": decision]))
        } else if let date = m.nextDecisionDate {
            lines.append(phrases("community.next.date", ["date": day(date)]))
        }
        if let respond = m.howToRespond { lines.append(phrases("community.next.respond", ["respond": respond])) }
        if let review = m.nextReview { lines.append(phrases("community.next.review", ["date": day(review)])) }
        return lines
    }

    // MARK: What is being done

    /// Where the responses' costs are paid from (`response-budget`), or that they are paid
    /// separately: no outcome's figures hold them, and "its cost is not counted in …" alone left
    /// a resident asking where it is counted. Nil when no response costs anything.
    func communityResponsesCost() -> String? {
        guard score.risks.contains(where: { visible.contains($0.id) && ($0.response?.cost ?? 0) > 0 }) else { return nil }
        let paid = register.metadata.responseBudget.map { phrases("community.responses.paid-from", ["budget": iso($0)]) }
            ?? phrases("community.responses.paid-separately")
        // An option's own cost is counted in an outcome: "not counted" alone read as if no cost
        // were, beside an option whose cost the page has just said is in the limit. One rule,
        // said once: the actions' costs are not counted, an option's own cost is.
        let counted = score.portfolios.count > 1 ? score.portfolios.compactMap { p -> String? in
            guard (p.cost ?? 0) > 0, let id = p.costOutcome else { return nil }
            return register.outcome(id)?.title
        } : []
        guard !counted.isEmpty else { return paid }
        var titles: [String] = []
        for t in counted where !titles.contains(t) { titles.append(t) }
        return paid + " " + phrases("community.responses.own-cost-counted", [
            "outcomes": list(titles.map { phrases("community.quoted", ["text": iso($0)]) })])
    }

    /// The board's response rows, each saying first whom it protects (the entry's `borne-by`)
    /// and from what: a resident reading "costs €6,000, avoids €279 of loss; that is less than
    /// it costs" learned first that their protection does not pay for itself. Weighing an
    /// action's cost against the harm it prevents is left to the board report; this page gives
    /// the cost, and what the action changes is said with the entry it belongs to.
    func communityResponses() -> [ReportContext.CommunityResponse] {
        let shown = score.risks.filter { visible.contains($0.id) }
        let rows = responses(shown)
        return rows.map { row in
            let risk = shown.first { e($0.id) == row.risk }
            let borneBy = risk.flatMap { register.risk($0.id)?.borneBy }
            let protects = phrases(borneBy == nil ? "community.response.protects.unnamed" : "community.response.protects",
                                   ["who": borneBy ?? "", "title": risk?.title ?? ""])
            var avoids = phrases("community.response.avoids.money", ["amount": row.value])
            if let risk, let resp = risk.response, unitOf(risk.outcome) != "money" {
                let unit = unitOf(risk.outcome)
                let key = words(risk.outcome, unit).isGain ? "community.response.avoids.gain" : "community.response.avoids.count"
                avoids = e(phrases(key, ["amount": roughly(resp.value.value, unit)]))
            }
            return .init(riskTitle: row.riskTitle, action: row.action, deliveredBy: row.deliveredBy, cost: row.cost, value: row.value,
                         avoids: avoids, protects: e(protects))
        }
    }

    // MARK: The horizon in words

    /// The register's horizon in whole units: 24 months are 2 years, 52 weeks 1 year, so that
    /// a sentence says "the next 2 years" rather than "the next 24 months".
    var horizonInWords: (count: Int, unit: Horizon.Unit) { Self.horizonInWords(register.metadata.horizon) }

    static func horizonInWords(_ h: Horizon) -> (count: Int, unit: Horizon.Unit) {
        switch h.unit {
        case .month where h.count % 12 == 0: return (h.count / 12, .year)
        case .week where h.count % 52 == 0: return (h.count / 52, .year)
        case .day where h.count % 365 == 0: return (h.count / 365, .year)
        case .day where h.count % 7 == 0: return (h.count / 7, .week)
        default: return (h.count, h.unit)
        }
    }

    /// The time every figure covers, as the time ahead: "the next year", "the next 6 months",
    /// "de komende 2 jaar". One phrase per unit and plural form, so each language can give
    /// its own article and word order.
    ///
    /// Where the register names its period (`period: 2027`), that name: "in 2027" rather than
    /// "in the next year", which a resident reading in December cannot place.
    var nextPeriod: String {
        if let name = register.metadata.period { return iso(name) }
        let (count, unit) = horizonInWords
        return phrases.plural("community.horizon.next." + unit.rawValue, count: count, ["count": FigureFormat.count(count)])
    }

    /// What an icon array's marks stand for: "years", "periods of 6 months".
    var periodsWord: String {
        let (count, unit) = horizonInWords
        return phrases.plural("community.horizon.periods." + unit.rawValue, count: count, ["count": FigureFormat.count(count)])
    }

    // MARK: Pictures of chances

    /// The chance `p` of something bad as marks out of `total` (100, or 1,000 where the
    /// section's chances are out of 1,000), one filled mark for each time the bad case comes up
    /// if the period played out `total` times. A filled mark always means the bad case, in
    /// every picture: for an aim (a chance of doing better than planned) the caller passes the
    /// chance of falling short.
    ///
    /// The picture's words say what a mark is, as a reader says it: "Imagine the next year
    /// played out a hundred times. Each filled square is one time it goes past the limit: 11 of
    /// the 100. No more than 20 may." — the phrase `key` with the period ("the next year", not
    /// "years", which read as real years), the marks and, for a limit, the limit over the same
    /// total.
    func iconArray(_ p: Double, total: Int = 100, key: String, limit: Double? = nil, words: [String: String] = [:]) -> ReportContext.IconArray {
        // A chance below 1 in `total` fills no mark, as its words say "less than 1 in 100": one
        // filled mark beside them read as 1 of the 100.
        var marked = p.isFinite ? Int((min(max(p, 0), 1) * Double(total)).rounded()) : 0
        if case .fewerThanOne = FigureFormat.frequency(p, per: total) { marked = 0 }
        let label = phrases.filled(key, words.merging(["marked": FigureFormat.amount(Double(marked)), "total": FigureFormat.amount(Double(total)),
                                                       "times": phrases("community.icons.times.\(total)"), "next": nextPeriod,
                                                       "limit": FigureFormat.amount((min(max(limit ?? 0, 0), 1) * Double(total)).rounded())]) { _, new in new })
        var svg = ""
        var rows: [String] = []
        if options.format == .html {
            // 100 marks are one block of ten rows of ten. 1,000 marks are ten such blocks, five
            // across and two down, with a wider gap between blocks: a reader counts hundreds by
            // the blocks, and the picture is wide rather than tall, so that at a phone's width
            // (the stylesheet lets it fill the column) a mark is still about 5 px, not a blur.
            let size = total == 100 ? 14.0 : 6.0, gap = total == 100 ? 4.0 : 1.5, blockGap = 6.0
            let blocksAcross = total == 100 ? 1 : 5
            let block = 10 * (size + gap) - gap
            // One path for the filled marks and one for the empty ones keeps 1,000 marks small.
            var on = "", off = ""
            for k in 0..<total {
                let b = k / 100, i = k % 100
                let x = Double(b % blocksAcross) * (block + blockGap) + Double(i % 10) * (size + gap)
                let y = Double(b / blocksAcross) * (block + blockGap) + Double(i / 10) * (size + gap)
                let square = "M\(SVG.n(x)) \(SVG.n(y))h\(SVG.n(size))v\(SVG.n(size))h-\(SVG.n(size))z"
                if k < marked { on += square } else { off += square }
            }
            var body = ""
            if !on.isEmpty { body += "<path class=\"icon-on\" d=\"\(on)\"/>" }
            if !off.isEmpty { body += "<path class=\"icon-off\" d=\"\(off)\"/>" }
            let blocksDown = total / 100 / blocksAcross
            let width = Double(blocksAcross) * (block + blockGap) - blockGap, height = Double(blocksDown) * (block + blockGap) - blockGap
            let cls = total == 100 ? "icons" : "icons icons-1000"
            // The caption beside the picture says it in a sentence; a screen reader reads that
            // rather than the picture.
            svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cls)\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" aria-hidden=\"true\">\(body)</svg>"
        } else if total == 100 {
            rows = (0..<10).map { row in
                String((0..<10).map { col in row * 10 + col < marked ? "■" : "□" })
            }
        }
        return .init(total: total, marked: marked, label: e(label), svg: svg, rows: rows)
    }

    /// "about 1 in 8", or "less than 1 in 2,000", in plain words.
    func frequencyWords(_ p: Double) -> String { shortChance(p) }

    // MARK: Limits

    func communityLimits() -> [ReportContext.CommunityLimit] {
        score.appetite.enumerated().map { k, v in
            let outcome = score.outcomes.first { $0.id == v.outcome }
            let unit = outcome?.unit ?? ""
            let title = outcome?.title ?? v.outcome
            let limit = phrases.limitFrequency(v.limit, per: verdictDenominator)
            let estimate = phrases(isAlmostCertain(v.probability.value, per: verdictDenominator) ? "community.limit.estimate.almost-certain" : "community.limit.estimate",
                                   ["chance": communityChance(v.probability.value, per: verdictDenominator)])
            let rule: String
            // Counted from a baseline, the amount is above it: "more than 25 incidents above the
            // police forecast", never "25 incidents worse than planned".
            let baseline = register.outcome(v.outcome)?.baseline
            let counted = baseline == nil ? "" : ".baseline"
            // What one filled square of the picture stands for: a year past the amount, in the
            // words of the rule. "Each filled square is one time it goes past the limit: 14 of
            // the 100. No more than 25 may." gave the amount and the chance allowed one name,
            // and read as a limit broken 14 times and allowed to be.
            var what = "community.icons.limit.what.loss" + counted
            // The least whole count past a limit in whole numbers, where the rule says it so.
            var whole: Double?
            switch v.kind {
            case .lossExceeds where baseline == nil && unit != "money" && !words(v.outcome, unit).hasBenefit:
                // A count that can only rise, counted from nothing: "more than 1 patient", not
                // "more than 1 patient worse than planned", as if some were planned.
                // In whole numbers, as the board's page says it: "2 patients or more", never "more
                // than 1 patient", which a reader took for a part of a second patient.
                let least = leastPastLimit(v, words(v.outcome, unit))
                what = "community.icons.limit.what.loss.count" + (least == nil ? "" : ".at-least")
                rule = phrases("community.limit.loss.count" + (least == nil ? "" : ".at-least"),
                               ["limit": limit, "outcome": title, "amount": quantity(least ?? v.threshold, unit), "next": nextPeriod])
                whole = least
            case .lossExceeds where words(v.outcome, unit).budgetWording:
                // Money the budget does not cover, never "more than £120,000 above the ward
                // budget", which read as an overspend of the whole budget.
                what = "community.icons.limit.what.loss.baseline.money"
                rule = phrases("community.limit.loss.baseline.money", ["limit": limit, "outcome": title, "amount": quantity(v.threshold, unit),
                                                                       "next": nextPeriod, "baseline": baseline ?? ""])
            case .lossExceeds:
                rule = phrases("community.limit.loss" + counted, ["limit": limit, "outcome": title, "amount": quantity(v.threshold, unit),
                                                                 "next": nextPeriod, "baseline": baseline ?? ""])
            case .harmExceeds where v.threshold == 0:
                // A limit on any harm at all ("people hurt") is said as such: "more than 0 people
                // past what was planned" reads as if someone planned for people to be hurt. With
                // the outcome's own words for harm (`any-harm`) it is one line: "Chance that
                // someone is hurt …: 14 in 100; accepted: at most 25 in 100."
                what = "community.icons.limit.what.harm.any" + (register.outcome(v.outcome)?.anyHarm == nil ? "" : ".said")
                if let harm = register.outcome(v.outcome)?.anyHarm {
                    rule = phrases("community.limit.harm.any.said", ["harm": iso(harm), "chance": shortChance(v.probability.value, per: verdictDenominator),
                                                                     "limit": limit, "next": nextPeriod]).capitalisedFirst
                } else {
                    rule = phrases("community.limit.harm.any", ["limit": limit, "outcome": title, "next": nextPeriod])
                }
            case .harmExceeds:
                what = "community.icons.limit.what.harm" + counted
                rule = phrases("community.limit.harm" + counted, ["limit": limit, "outcome": title, "amount": quantity(v.threshold, unit),
                                                                 "next": nextPeriod, "baseline": baseline ?? ""])
            case .netBenefitAbove:
                rule = phrases("community.limit.gain" + gainCounted(v), ["limit": limit, "outcome": title, "next": nextPeriod,
                                                                        "baseline": baseline ?? "", "amount": quantity(v.threshold, unit)])
            }
            let status = !v.decisive ? "close" : (v.withinAppetite ? "within" : "outside")
            // A floor on the chance of a gain is an aim to reach, not a limit to stay under:
            // missing it is falling short, never "over the limit".
            let kind = v.kind == .netBenefitAbove && status != "close" ? "aim." + status : status
            // An estimate for a period still to come is said as one: "so we expect to meet the aim",
            // never "the aim is met".
            let verdict = phrases("community.limit.expect.status." + kind)
            let about = register.outcome(v.outcome)?.description
            // Two limits on one outcome (on the net outcome and on harm alone, or at two amounts)
            // get headings that tell them apart.
            let heading: String
            switch v.kind {
            case _ where score.appetite.filter({ $0.outcome == v.outcome }).count < 2: heading = title
            case .harmExceeds: heading = phrases("community.limit.heading.harm", ["outcome": title])
            case .lossExceeds: heading = phrases("community.limit.heading.amount", ["outcome": title, "amount": quantity(v.threshold, unit)])
            case .netBenefitAbove: heading = title
            }
            // What happens if the limit is not kept: the register's words, or that the board
            // takes it up. The score's statements are the register's, in the same order.
            let statement = register.appetite.indices.contains(k) && register.appetite[k].outcome == v.outcome ? register.appetite[k] : nil
            // Where the page has just said the limit is not kept, what happens is said as what
            // follows from it ("Because it is over the limit: …"), not as if it had not happened.
            let aim = (v.kind == .netBenefitAbove ? ".aim" : "") + (status == "outside" ? ".over" : "")
            // Without the register's words, whoever it names as deciding (`decided-by`) takes it up.
            let ifMissed = statement?.ifMissed.map { phrases("community.limit.if-missed" + aim, ["action": $0]) }
                ?? register.metadata.decidedBy.map { phrases("community.limit.if-missed.named" + aim, ["who": iso($0)]) }
                ?? phrases("community.limit.if-missed.default" + aim)
            // Filled marks are the bad case here too: for an aim, the times it falls short. The
            // outcome is named: "one time it does not end above the 2027 plan" left "it" to guess.
            // A filled mark for an aim is a year that does not end as the aim wants, said from what
            // the outcome is counted from ("above the ward's usual bedside nursing time"), or as a
            // net gain where it is counted from nothing: never "better than planned" where
            // nothing was planned.
            let aimKey = "community.icons.aim" + (baseline == nil ? (v.threshold == 0 ? "" : ".amount") : gainCounted(v))
            let icons = v.kind == .netBenefitAbove
                ? iconArray(1 - v.probability.value, total: verdictDenominator, key: aimKey, limit: 1 - v.limit,
                            words: ["baseline": iso(baseline ?? ""), "amount": quantity(v.threshold, unit), "outcome": iso(title)])
                : iconArray(v.probability.value, total: verdictDenominator, key: "community.icons.limit", limit: v.limit,
                            words: ["what": phrases(what, ["outcome": iso(title), "amount": quantity(whole ?? v.threshold, unit), "baseline": baseline ?? "",
                                                           "harm": iso(register.outcome(v.outcome)?.anyHarm ?? "")])])
            // A limit on harm alone says, beside it, what the same plans prevent on average, so
            // that "over the limit" on harm does not read as if they only did harm.
            // Over the limit on harm alone while the harm goes down overall, one plain sentence
            // after the verdict says both: "over the limit" beside "about 2 incidents less"
            // took a reader two readings.
            var prevents: String?, overall: String?
            if v.kind == .harmExceeds, !words(v.outcome, unit).isGain {
                let benefit = meanBenefit(on: v.outcome)
                if FigureFormat.rounded(benefit, significantDigits: 2).rounded() >= 1 {
                    let mean = outcome.map { words(v.outcome, unit).directed($0.residual.mean.value) } ?? 0
                    if status == "outside", mean < 0, let net = outcome?.residual.mean.value {
                        // What the plans prevent, what they cause and what is left, each as the
                        // page says it elsewhere: "prevents about 4" at the top beside "about 2
                        // incidents less" on the option read as two figures for one thing.
                        overall = phrases("community.limit.harm.prevents.over", [
                            "amount": roughly(benefit, unit), "next": nextPeriod, "caused": roughly(max(benefit + net, 0), unit),
                            "net": optionAverage(v.outcome, unit: unit, mean: net)])
                    } else {
                        prevents = phrases("community.limit.harm.prevents", ["amount": roughly(benefit, unit), "next": nextPeriod])
                    }
                }
            }
            // With the outcome's own words for harm, the rule already gives the chance.
            let said = v.kind == .harmExceeds && v.threshold == 0 && register.outcome(v.outcome)?.anyHarm != nil
            return .init(outcome: e(heading), sentence: e(([rule] + [prevents].compactMap { $0 } + (said ? [] : [estimate]) + [verdict] + [overall].compactMap { $0 }).joined(separator: " ")),
                         differences: ((v.kind == .harmExceeds ? groupsDiffer(on: v.outcome) : []) + [groupsVerdict(v), equalWeightsChange(v)].compactMap { $0 }).map(e),
                         status: e(phrases("community.limit.expect.label." + kind)), statusClass: status,
                         icons: icons, about: about.map(e), ifMissed: e(ifMissed),
                         statement: statement?.statement.map { text in
                             e(register.metadata.decidedBy.map { phrases("community.limit.statement.named", ["who": iso($0), "text": iso(text)]) }
                                 ?? phrases("community.limit.statement", ["text": iso(text)]))
                         })
        }
    }

    /// What the entries in the page's figures gain on `outcome` in a period, on average, all
    /// together: their benefits on it as their own outcome or as an effect.
    func meanBenefit(on outcome: String) -> Double {
        score.risks.filter(\.inHeadline).reduce(0) { sum, r in
            sum + (r.effects.map { $0.filter { $0.outcome == outcome }.reduce(0) { $0 + $1.meanBenefit } }
                ?? (r.outcome == outcome ? r.meanBenefit : 0))
        }
    }

    /// Where a residents' or volunteers' group saw the chance of an entry on `outcome` very
    /// differently from the officers (by half again or more and 3 in 100 or more, or by 10 in
    /// 100 or more), said beside a limit on harm so that a reassuring verdict does not hide that
    /// the people at risk think the risk is larger. Every entry that carries a fair part of the
    /// outcome's harm (a fifth or more of its average), heaviest first, alike: only the heaviest
    /// was said, and Leiden explained the volunteers' hurt on a round but not the passer-by
    /// wrongly named, the other half of the same chance. A minor entry's disagreement stays out:
    /// beside a limit that a major entry drives it reads as if it were the cause. Where no entry
    /// carries a fifth, the heaviest alone. Each group's chance is given with the groups counted
    /// together and the chance with the planned actions, so that the figure the page uses does
    /// not read as one group's.
    func groupsDiffer(on outcome: String) -> [String] {
        guard register.perspectives.count > 1, let officers = officersPerspective() else { return [] }
        var found: [(weight: Double, size: Double, line: String)] = []
        var total = 0.0
        for r in score.risks where r.inHeadline {
            total += r.effects.map { $0.filter { $0.outcome == outcome }.reduce(0) { $0 + $1.meanHarm.residual } }
                ?? (r.outcome == outcome ? r.meanHarm.residual : 0)
        }
        for r in score.risks where r.inHeadline {
            guard let risk = register.risk(r.id), risk.outcomes.contains(outcome),
                  let theirsO = risk.estimates.first(where: { $0.perspective == officers.id })?.statedChance else { continue }
            let weight = r.effects.map { $0.filter { $0.outcome == outcome }.reduce(0) { $0 + $1.meanHarm.residual } }
                ?? (r.outcome == outcome ? r.meanHarm.residual : 0)
            var best: (size: Double, line: String)?
            for p in register.perspectives where p.id != officers.id && isCitizenPerspective(p) {
                guard let theirs = risk.estimates.first(where: { $0.perspective == p.id })?.statedChance else { continue }
                let gap = abs(theirs - theirsO)
                guard gap >= 0.1 || (gap >= 0.03 && max(theirs, theirsO) >= 1.5 * min(theirs, theirsO)) else { continue }
                // The figure with the planned actions comes from the groups together, and is said
                // so: "8 in 100 according to the officers … with the planned actions it is 8 in
                // 100" read as if the page had taken the officers' figure.
                let same = frequencyWords(r.probability.inherent) == frequencyWords(r.probability.residual)
                // "Together" is of the groups that estimated the entry: where a group gave no
                // estimate for it, "all groups counted together" read as if it had.
                let estimated = register.perspectives.filter { g in risk.estimates.contains { $0.perspective == g.id } }.count
                let some = estimated < register.perspectives.count ? ".some" : ""
                let key = score.run.view == "pooled" ? "community.limit.groups-differ.used" + (same ? ".same" : "") + some : "community.limit.groups-differ"
                let groups = phrases(estimated == 2 ? "community.limit.groups-differ.groups.two" : "community.limit.groups-differ.groups.other",
                                     ["count": FigureFormat.count(estimated)])
                let line = phrases(key, ["who": iso(p.title), "entry": iso(r.title), "theirs": frequencyWords(theirs),
                                         "officers": iso(officers.title), "officersChance": frequencyWords(theirsO),
                                         "together": frequencyWords(r.probability.inherent), "used": frequencyWords(r.probability.residual),
                                         "groups": groups])
                let size = abs(log(max(theirs, 1e-6) / max(theirsO, 1e-6)))
                if best == nil || size > best!.size { best = (size, line) }
            }
            if let best { found.append((weight, best.size, best.line)) }
        }
        let sorted = found.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.size > $1.size }
        let fair = sorted.filter { total > 0 && $0.weight >= total / 5 }
        return (fair.isEmpty ? Array(sorted.prefix(1)) : fair).map(\.line)
    }

    /// Where the limit is kept on some groups' own estimates and not on others', one plain
    /// sentence saying so: "On the estimates of “Patients” alone, this limit is kept; on those
    /// of “Ward clinicians” and “Carers”, it is not." Nil where every group's verdict is the
    /// same, or the page is not worked out on the groups together.
    func groupsVerdict(_ v: RegisterScore.AppetiteVerdict) -> String? {
        guard score.run.view == "pooled", v.perspectives.count > 1 else { return nil }
        func title(_ id: String) -> String { phrases("community.quoted", ["text": iso(register.perspectives.first { $0.id == id }?.title ?? id)]) }
        let kept = v.perspectives.filter(\.withinAppetite).map { title($0.id) }
        let missed = v.perspectives.filter { !$0.withinAppetite }.map { title($0.id) }
        guard !kept.isEmpty, !missed.isEmpty else { return nil }
        let verdict = phrases(v.kind == .netBenefitAbove ? "community.limit.groups-verdict.aim" : "community.limit.groups-verdict",
                              ["kept": list(kept), "missed": list(missed)])
        return ([verdict] + groupsFilledIn(on: v.outcome, v.perspectives.map(\.id))).joined(separator: " ")
    }

    /// For each of `groups` that gave its own estimates for only some of the entries in the
    /// page's figures on `outcome`, whose figures fill in the rest: a group's verdict rests on
    /// its own estimates where it gave them and on everyone's together elsewhere (the scoring
    /// rule of docs/results.md, "Perspectives"), and "on the estimates of “Carers”, it is not"
    /// read as if carers had judged every entry when they gave estimates for 3.
    func groupsFilledIn(on outcome: String, _ groups: [String]) -> [String] {
        let entries = score.risks.filter { $0.inHeadline && (register.risk($0.id)?.outcomes.contains(outcome) ?? false) }.compactMap { register.risk($0.id) }
        guard !entries.isEmpty else { return [] }
        // Groups that gave the same number are said together, rather than one sentence twice.
        var counts: [Int] = []
        var named: [Int: [String]] = [:]
        for id in groups {
            guard let p = register.perspectives.first(where: { $0.id == id }) else { continue }
            let own = entries.filter { $0.estimates.contains { $0.perspective == id } }.count
            guard own < entries.count else { continue }
            if named[own] == nil { counts.append(own) }
            named[own, default: []].append(phrases("community.quoted", ["text": iso(p.title)]))
        }
        return counts.map { own in
            let who = named[own]!
            let key = "community.limit.groups-filled-in" + (own == 0 ? ".none" : "") + (who.count > 1 ? ".several" : "")
            return phrases(key, ["who": list(who), "count": FigureFormat.count(own), "total": FigureFormat.count(entries.count)])
        }
    }

    /// A chance as a natural frequency alone, over the section's denominator as
    /// ``communityChance(_:per:)`` gives it: "14 in 100", "fewer than 1 in 1,000".
    func shortChance(_ p: Double, per n: Int = 100) -> String {
        if p > 0.999 { return phrases("chance.almost-certain", ["k": FigureFormat.count(n - 1), "n": FigureFormat.count(n)]) }
        if p < 0.001 { return lessThanOne(in: max(n, 1_000)) }
        if case .fewerThanOne(let below) = FigureFormat.frequency(p, per: n) { return lessThanOne(in: below) }
        return phrases.naturalFrequency(p, per: n)
    }

    /// A chance as residents read it, with its percentage, over the section's one denominator
    /// (100, or the limits' 1,000 where a limit is not a whole number in 100), by the rule of
    /// docs/results.md: a small chance keeps the denominator, with the percentage's own fraction
    /// beside it ("fewer than 1 in 100: about 3 in 1,000 (0.3%)"), so "43 in 1,000" never
    /// stands alone beside "7 in 100". Below the percentage's resolution the
    /// words alone say it, "fewer than 1 in 1,000" (never "1 in 1,000 (<0.1%)", whose two
    /// halves disagree), and never "no chance": a simulation that never saw something happen
    /// shows it is rarer than its resolution, not impossible.
    ///
    /// A chance the simulation saw in every year is not certain, as the detail tables say
    /// (">99.9%"): it reads "almost certain: more than 999 in 1,000 (>99.9%)", never "certain
    /// (100%)" above a table that says otherwise.
    func communityChance(_ p: Double, per n: Int = 100) -> String {
        if p < 0.001 { return lessThanOne(in: max(n, 1_000)) }
        // Fewer than 1 in 100, yet shown as a percentage: the percentage's own fraction is given
        // beside it, "fewer than 1 in 100: about 1 in 1,000 (0.1%)", never "fewer than 1 in 100
        // (0.1%)", whose two halves a reader sets side by side and finds ten times apart.
        if case .fewerThanOne(let below) = FigureFormat.frequency(p, per: n), below < 1_000 {
            // Just below 1 in 100, the fraction over 1,000 rounds up to it ("about 10 in 1,000"
            // for 0.97%): the bound stands alone, with a percentage that reads below it.
            if (p * 1_000).rounded() * Double(below) >= 1_000 {
                return phrases("community.chance", ["frequency": lessThanOne(in: below), "percent": FigureFormat.percent(p, per: n)])
            }
            return phrases("community.chance.under", ["n": FigureFormat.count(below), "frequency": phrases.naturalFrequency(p, per: 1_000),
                                                      "percent": FigureFormat.percent(p, per: 1_000)])
        }
        // Beside ">99.9%" the words go to the same resolution, as "fewer than 1 in 1,000" does
        // at the other end: "more than 99 in 100 (>99.9%)" gave one chance two precisions.
        if p > 0.999 {
            let m = max(n, 1_000)
            return phrases("community.chance", ["frequency": phrases("chance.almost-certain", ["k": FigureFormat.count(m - 1), "n": FigureFormat.count(m)]),
                                                "percent": FigureFormat.simulatedPercent(p)])
        }
        return phrases("community.chance", ["frequency": phrases.naturalFrequency(p, per: n), "percent": communityPercent(p, per: n)])
    }

    /// A chance below what the page can show, "less than 1 in 1,000": a chance is an amount,
    /// so "the chance is fewer than 1 in 1,000" was a slip a reader stopped at.
    func lessThanOne(in n: Int) -> String {
        phrases("community.chance.less-than", ["n": FigureFormat.count(n)])
    }

    /// Whether a chance reads as "almost certain: more than 99 in 100": said of what happens,
    /// never of the chance ("the chance is almost certain").
    func isAlmostCertain(_ p: Double, per n: Int) -> Bool {
        if p > 0.999 { return true }
        if case .moreThan = FigureFormat.frequency(p, per: n) { return true }
        return false
    }

    /// Whether an amount of this unit is counted ("16 incidents fewer") rather than measured
    /// ("840 hours less"): every unit but money and the measures the catalogue lists
    /// (`community.units.measured`, words separated by `|`).
    func countsThings(_ unit: String) -> Bool {
        guard unit != "money" else { return false }
        let measured = phrases("community.units.measured").split(separator: "|").map { $0.lowercased() }
        return !measured.contains(unit.lowercased())
    }

    /// The percentage beside "k in n" as residents read it: the fraction's own, by the one
    /// rule of ``FigureFormat/percent(_:per:)`` — "7 in 100 (7%)", never "7 in 100 (7.5%)".
    func communityPercent(_ p: Double, per n: Int) -> String {
        FigureFormat.percent(p, per: n)
    }

    // MARK: Entries

    func modeWords(_ mode: Coproduction.Mode) -> String { phrases("community.mode." + mode.rawValue) }

    func communityEntries() -> [ReportContext.CommunityEntry] {
        register.risks.compactMap { r -> ReportContext.CommunityEntry? in
            guard let s = score.risks.first(where: { $0.id == r.id }) else { return nil }
            let unit = unitOf(r.outcome)
            let p = s.probability.residual
            let planned = plannedResult(r, s)
            // An activity chosen for its gain: the chance is of its going wrong, not of the activity.
            // Where the entry could happen to many (`at-risk`), the chance is that it happens to at
            // least one of them, said as such: "A family carer can no longer cope … 98 in 100"
            // read as a carer's own chance.
            let likelyKey = (r.strategy.hasBenefit ? "community.entry.likely.activity" : "community.entry.likely")
                + (r.atRisk == nil ? "" : ".at-risk")
            let likely = planned.map { phrases("community.entry.likely.planned", ["options": $0]) } ?? (p <= 0
                ? phrases("community.entry.likely.never", ["next": nextPeriod])
                : phrases(likelyKey, ["chance": communityChance(p), "next": nextPeriod, "who": r.atRisk.map(iso) ?? ""]))
            var action: String?, effect: String?
            if let resp = r.response {
                let who = resp.deliveredBy.isEmpty ? register.metadata.organisation : names(resp.deliveredBy)
                action = phrases("community.entry.action", ["action": resp.action, "who": who])
                let p0 = s.probability.inherent
                if abs(p0 - p) > 1e-9 {
                    // "The chance would be almost certain" said it of the chance, not of what happens.
                    effect = phrases(isAlmostCertain(p0, per: 100) ? "community.entry.effect.likely.almost-certain" : "community.entry.effect.likely",
                                     ["chance": communityChance(p0)])
                } else if s.meanHarm.inherent > s.meanHarm.residual, p > 0 {
                    effect = phrases("community.entry.effect.harm", ["amount": roughly(s.meanHarm.inherent / p, unit)])
                }
            }
            let unchecked = Set(r.needsReview)
            let (harm, gain) = harmAndGain(r, s, onPurpose: r.strategy == .enablement && !unchecked.contains("strategy"), planned: planned != nil)
            let helped: String?
            if unchecked.contains("coproduction") {
                // An import names one placeholder contributor on every entry: that is not who
                // helped, so the page says it is not known yet rather than naming anyone.
                helped = phrases("community.entry.helped.unknown")
            } else if r.coproduction.contributors.isEmpty {
                helped = nil
            } else {
                // Without an action, "they helped plan what is done" points at nothing.
                let how = switch (r.coproduction.mode, r.response == nil) {
                case (.coDelivery, true): phrases("community.mode.co-delivery.no-action")
                case (.coDesign, true), (.coCommissioning, true): phrases("community.mode.planned.no-action")
                // A planned result has no chance to judge.
                case (.coAssessment, _) where planned != nil: phrases("community.mode.planned.no-action")
                default: modeWords(r.coproduction.mode)
                }
                helped = phrases("community.entry.helped", ["names": names(r.coproduction.contributors), "how": how])
            }
            var entry = ReportContext.CommunityEntry(id: e(r.id), title: e(r.title), description: r.description.map(e), likely: e(likely),
                         icons: planned == nil ? iconArray(p, key: "community.icons.happens") : .init(total: 0, marked: 0, label: "", svg: "", rows: []),
                         harm: e(harm),
                         affected: r.borneBy.map { e(phrases("community.entry.affected", ["who": $0])) },
                         action: action.map(e), actionEffect: effect.map(e), gain: gain.map(e), helpedBy: helped.map(e),
                         option: planned == nil ? option(r, s).map(e) : nil, unchecked: uncheckedNote(r).map(e))
            entry.hasIcons = planned == nil
            // Who gains and what matters to them stand beside who would be hurt: a gain shown
            // only as a number ("about £200,000 saved") leaves out the people it is for.
            entry.gainsTo = r.benefitTo.map { e(phrases("community.entry.gains-to", ["who": $0])) }
            entry.whatMatters = r.agreement?.whatMatters.map { e(phrases("community.entry.what-matters", ["what": $0])) }
            entry.net = planned == nil ? netEffect(r, s).map(e) : nil
            entry.notEstimated = notEstimated(r).map(e)
            return entry
        }
    }

    /// The residents' and service users' groups (a perspective with a service user or a
    /// community group among its contributors) who gave no estimate for `r`, where another group
    /// did, said plainly: a reader who sees "Social workers … 79; Family carers: 88" cannot tell
    /// that the people who draw on care were not asked, or did not answer, and whose figures
    /// stand in. Community groups count too: Leiden's volunteers, silent on the street lights on
    /// their own patrol routes, were otherwise missing without a word.
    func notEstimated(_ r: Risk) -> String? {
        guard register.perspectives.count > 1 else { return nil }
        let estimated = Set(r.estimates.map(\.perspective))
        let missing = register.perspectives.filter { p in
            !estimated.contains(p.id) && isCitizenPerspective(p)
        }
        guard !missing.isEmpty, !estimated.isEmpty else { return nil }
        let others = register.perspectives.filter { estimated.contains($0.id) }.map { phrases("community.quoted", ["text": iso($0.title)]) }
        return phrases.plural("community.entry.not-estimated", count: missing.count, [
            "groups": list(missing.map { phrases("community.quoted", ["text": iso($0.title)]) }), "others": list(others)])
    }

    /// What an entry does when it happens, on every outcome it affects, and what people gain
    /// from it over the horizon, each in the outcome's direction: a harm to a gain-like outcome
    /// is that much less of it, a benefit to a loss-like outcome that much less harm — never
    /// "a gain of 15 incidents".
    func harmAndGain(_ r: Risk, _ s: RegisterScore.RiskScore, onPurpose: Bool, planned: Bool = false) -> (harm: String, gain: String?) {
        let p = s.probability.residual
        let parts: [(outcome: String, harm: Double, benefit: Double)] = s.effects.map { effects in
            effects.map { ($0.outcome, p > 0 ? $0.meanHarm.residual / p : 0, $0.meanBenefit) }
        } ?? [(r.outcome, p > 0 ? s.meanHarm.residual / p : 0, s.meanBenefit)]
        func part(_ outcome: String, _ amount: Double, more: Bool, digits: Int = 2) -> String {
            entryChange(more ? "community.entry.more" : lessKey(outcome), amount, outcome, digits: digits)
        }
        func isGain(_ outcome: String) -> Bool { words(outcome, unitOf(outcome)).isGain }
        // A whole count that a time it happens brings only now and then, said as how many it
        // brings in ten times: misuse of a direct payment "leads to a section 42 enquiry", yet
        // "hardly any more (less than 1 enquiry)" when it happens read as a contradiction; "about
        // 4 enquiries more … for every 10 times it happens" says that only some times do.
        func harmPart(_ outcome: String, _ amount: Double) -> String {
            let unit = unitOf(outcome), tenths = (amount * 10).rounded()
            guard !isGain(outcome), words(outcome, unit).isWholeCount, countsThings(unit), tenths >= 1, tenths <= 9 else {
                // A planned result happens every time, so what it brings is its average, written
                // as an option's parts write it (``figureDigits(_:on:)``): "about 1,400 hours
                // less" beside "1,420 less with CS-12" read as two figures.
                return part(outcome, amount, more: !isGain(outcome), digits: planned ? figureDigits(r.id, on: outcome) : 2)
            }
            return phrases("community.entry.more.per-ten", ["amount": phrases("community.amount.about", ["amount": quantity(tenths, unit)]),
                                                            "outcome": outcomeTitle(outcome)])
        }
        // An outcome the entry only benefits is left out of "if it happens", unless nothing
        // else is left to say.
        var harms = parts.filter { $0.harm > 0 }.map { harmPart($0.outcome, $0.harm) }
        if harms.isEmpty { harms = [part(r.outcome, 0, more: !isGain(r.outcome))] }
        // An activity's chance is the chance that it goes wrong, so what follows is what going
        // wrong brings: "if it happens" beside "Evening rounds by volunteers" read as the rounds
        // themselves being the harm.
        let harmKey = planned ? "community.entry.harm.planned" : r.strategy.hasBenefit ? "community.entry.harm.activity" : "community.entry.harm"
        let harm = phrases(harmKey, ["parts": list(harms)])
        // Money a gain leaves unspent is money saved against the plan: "about £190,000 less in
        // “Adult social care budget”" reads as a cut to care.
        // A gain is written with as many figures as what the entry comes to all told on the
        // same outcome, so that the two never read as one figure (``figureDigits(_:on:)``).
        func saved(_ outcome: String, _ amount: Double) -> String {
            let baseline = register.outcome(outcome)?.baseline
            return phrases(baseline == nil ? "community.entry.saved" : "community.entry.saved.baseline",
                           ["amount": roughly(amount, "money", digits: figureDigits(r.id, on: outcome)), "outcome": outcomeTitle(outcome),
                            "baseline": baseline ?? ""])
        }
        let gains = parts.filter { $0.benefit > 0 }.map {
            unitOf($0.outcome) == "money" && !isGain($0.outcome) ? saved($0.outcome, $0.benefit)
                : part($0.outcome, $0.benefit, more: isGain($0.outcome), digits: figureDigits(r.id, on: $0.outcome))
        }
        guard !gains.isEmpty else { return (harm, nil) }
        // "Because the gain is worth it" is said of a gain to people, not of money alone: a
        // saving to the budget is not what makes a risk to a person worth taking.
        let onlyMoney = parts.filter { $0.benefit > 0 }.allSatisfy { unitOf($0.outcome) == "money" }
        let key = !onPurpose ? "community.entry.gain" : onlyMoney ? "community.entry.gain.on-purpose.money" : "community.entry.gain.on-purpose"
        let gain = phrases(key, ["parts": list(gains), "next": nextPeriod])
        return (harm, gain)
    }

    /// "16 incidents fewer", "840 hours less": less of what is counted is fewer.
    func lessKey(_ outcome: String) -> String {
        countsThings(unitOf(outcome)) ? "community.entry.fewer" : "community.entry.less"
    }

    /// Where an entry both harms and benefits one outcome (evening rounds that deter burglars
    /// and sometimes stop), what it comes to on that outcome in a period, on average, counting
    /// the times it goes wrong: "about 10 incidents more if it happens" beside "about 16
    /// incidents less" left a resident asking which way it goes. Nil where no outcome has both.
    func netEffect(_ r: Risk, _ s: RegisterScore.RiskScore) -> String? {
        let parts: [(outcome: String, harm: Double, benefit: Double)] = s.effects.map { effects in
            effects.map { ($0.outcome, $0.meanHarm.residual, $0.meanBenefit) }
        } ?? [(r.outcome, s.meanHarm.residual, s.meanBenefit)]
        // Where the harm is too small to move the rounded gain, the gain already says it.
        guard showsNet(s) else { return nil }
        // "All told" is all of it: every outcome the entry reaches, also one it only harms or
        // only gains on. Supported living's line without its hours, beside "about 3,700 hours
        // more", read as if the hours did not count.
        let reached = parts.filter { $0.harm > 0 || $0.benefit > 0 }
        let said = reached.map { p -> String in
            let net = p.benefit - p.harm
            let gain = words(p.outcome, unitOf(p.outcome)).isGain
            // More of a gain, less of a loss: which way the net goes in the outcome's own terms.
            let more = gain ? net > 0 : net < 0
            // Money a loss-like outcome comes out ahead by is money saved against the plan.
            if !gain, net > 0, unitOf(p.outcome) == "money" {
                let baseline = register.outcome(p.outcome)?.baseline
                return phrases(baseline == nil ? "community.entry.saved" : "community.entry.saved.baseline",
                               ["amount": roughly(net, "money", digits: figureDigits(r.id, on: p.outcome)), "outcome": outcomeTitle(p.outcome),
                                "baseline": baseline ?? ""])
            }
            return entryChange(more ? "community.entry.more" : lessKey(p.outcome), abs(net), p.outcome, digits: figureDigits(r.id, on: p.outcome))
        }
        return phrases("community.entry.net", ["parts": list(said), "next": nextPeriod])
    }

    /// One part of an entry's line, "about 8 incidents more in “…”" (`key`), and a part under 1
    /// as the little it is: "hardly any more in “Safeguarding enquiries” (less than 1 enquiry)",
    /// never "less than 1 enquiry more", which read as a smaller rise than none.
    ///
    /// `digits` is the significant figures shown: two, or the page's own for this figure
    /// (``figureDigits(_:on:)``).
    func entryChange(_ key: String, _ amount: Double, _ outcome: String, digits: Int = 2) -> String {
        let unit = unitOf(outcome)
        if unit != "money", amount > 0, FigureFormat.rounded(amount, significantDigits: digits).rounded() < 1 {
            return phrases(key + ".under-one", ["unit": phrases.singularUnit(unit) ?? unit, "outcome": outcomeTitle(outcome)])
        }
        return phrases(key, ["amount": roughly(amount, unit, digits: digits), "outcome": outcomeTitle(outcome)])
    }

    /// The options an entry is the planned result of, in words ("“A” or “B”"): an entry that
    /// comes with some options but not all and happens in every trial with and without
    /// responses, such as scheduled rounds stopping under the options without them. It is what
    /// choosing such an option means, not a risk, so the page gives it no chance or picture.
    /// Nil for any other entry.
    func plannedResult(_ r: Risk, _ s: RegisterScore.RiskScore) -> String? {
        let holding = register.portfolios.filter { $0.risks.contains(r.id) }
        guard s.probability.residual >= 1, s.probability.inherent >= 1, !holding.isEmpty, holding.count < register.portfolios.count else { return nil }
        let titles = holding.map { phrases("community.quoted", ["text": $0.title]) }
        guard titles.count > 1 else { return titles[0] }
        return phrases("community.list.or", ["list": titles.dropLast().joined(separator: ", "), "last": titles.last!])
    }

    /// For an entry some portfolios include and others leave out: the options it comes with,
    /// by their names, and whether the page's figures assume one of them. One rule for every
    /// such entry, whether it is an activity the options choose between or a risk that only
    /// comes with some of them: an entry's title and its option's title are often near the
    /// same and never identical ("Evening rounds by volunteers" in "Keep the evening rounds"),
    /// and "this is one of the options" left a reader to guess which, or said "one" of an
    /// entry that two options share.
    func option(_ r: Risk, _ s: RegisterScore.RiskScore) -> String? {
        // Listed or split: an option that gives an entry to some of the people still has it.
        let holding = register.portfolios.filter { $0.members.contains(r.id) }
        guard !holding.isEmpty, holding.count < register.portfolios.count,
              let headline = register.portfolios.first(where: { $0.id == score.run.portfolio }) else { return nil }
        let quoted = holding.map { iso(phrases("community.quoted", ["text": $0.title])) }
        let options = quoted.count == 1 ? phrases("community.entry.options.one", ["option": quoted[0]])
            : phrases("community.entry.options.many", ["options": list(quoted)])
        let assumed = iso(phrases("community.quoted", ["text": headline.title]))
        let inHeadline = holding.contains { $0.id == headline.id }
        let key = switch (inHeadline, holding.count == 1) {
        case (true, true): "community.entry.options.in.one"
        case (true, false): "community.entry.options.in.many"
        case (false, true): "community.entry.options.out.one"
        case (false, false): "community.entry.options.out.many"
        }
        return phrases(key, ["options": options, "assumed": assumed])
    }

    /// What an entry's `needs-review` leaves to check, in the words this page uses for those
    /// parts; nil when nothing is, or only parts the page does not show.
    func uncheckedNote(_ r: Risk) -> String? {
        let shown = ["estimates", "outcome", "strategy", "response", ReviewMark.responseCost, "coproduction"]
        let parts = shown.filter(r.needsReview.contains).map { phrases("community.unchecked." + $0) }
        guard !parts.isEmpty else { return nil }
        return phrases("community.entry.unchecked", ["parts": list(parts)])
    }

    /// An average as a sentence says it, with its "about": money to two significant digits
    /// ("about €6,200"), and a count of people, incidents, hours or points in whole numbers
    /// ("about 19 incidents", "about 1 person"), since "about 1.0 people" or "0.79 incidents"
    /// claim a precision the estimates lack and read as parts of people. An average below one
    /// is "under 1 incident", never "about 0".
    func roughly(_ value: Double, _ unit: String, digits: Int = 2) -> String {
        let r = FigureFormat.rounded(value, significantDigits: digits)
        if unit == "money" { return phrases("community.amount.about", ["amount": quantity(r, unit)]) }
        if r.rounded() < 1 && value > 0 {
            return phrases("community.amount.under-one", ["unit": phrases.singularUnit(unit) ?? unit])
        }
        return phrases("community.amount.about", ["amount": quantity(r.rounded(), unit)])
    }

    /// "a, b and c" in the report's language.
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return phrases("community.list.and", ["list": items.dropLast().joined(separator: ", "), "last": items.last!])
    }

    private func outcomeTitle(_ id: String) -> String { register.outcome(id)?.title ?? id }

    /// The names after a label inside a line ("Who does it: …", "Who helped: …"), where the
    /// first reads mid-sentence too: "Who does it: neighbourhood police (wijkagenten)".
    private func names(_ ids: [String]) -> String {
        var seen = Set<String>()
        return nameList(ids.map(helperName).filter { seen.insert($0).inserted }, afterLabel: true)
    }

    /// Contributors' names as a list, "a, b and c", each after the first as it reads
    /// mid-sentence (``MidSentenceNames``): "Buurtpreventie Noord and neighbourhood police".
    /// - Parameter afterLabel: the list follows a label inside a line, so its first name reads
    ///   mid-sentence as well; otherwise the list may start a sentence and the first keeps its
    ///   capital.
    func nameList(_ names: [String], afterLabel: Bool = false) -> String {
        list(names.enumerated().map { $0.offset == 0 && !afterLabel ? $0.element : midSentenceNames[$0.element] ?? $0.element })
    }

    /// A contributor's name where they agreed to be named, otherwise their kind in words.
    func helperName(_ id: String) -> String {
        guard let c = register.contributor(id) else { return id }
        if c.isPublic { return c.name }
        // The register's own words for the group where it gives them ("patients on Ward 7").
        return c.unnamedAs.map { phrases("community.unnamed.described", ["who": $0]) } ?? phrases("community.unnamed." + c.kind.rawValue)
    }

    // MARK: Who helped

    /// Each contributor with what they did. Co-production an import only placeholds (marked
    /// `needs-review: [coproduction]`) is not counted as anyone's help: ``communityHelpersNote()``
    /// says how many entries do not yet record who helped. Contributors who are not named are
    /// grouped by kind, so two unnamed partners make one line rather than two alike.
    func communityHelpers() -> [String] {
        let recorded = register.risks.filter { !$0.needsReview.contains("coproduction") }
        var order: [String] = []
        var tally: [String: (judged: Int, delivers: Int, own: Bool, owned: Int, groups: [String])] = [:]
        for c in register.contributors {
            let judged = recorded.filter { $0.coproduction.contributors.contains(c.id) }.count
            let delivers = register.risks.filter { $0.response?.deliveredBy.contains(c.id) ?? false }.count
            // The groups whose estimates the contributor's count with: a reader of "gave estimates"
            // needs to know where those estimates went.
            let all = register.perspectives.filter { $0.contributors.contains(c.id) && !$0.contributors.allSatisfy(isPlaceholder) }
            // A group of its own: the contributor is its only member, or an unnamed group is
            // titled as its contributor is.
            let name = helperName(c.id)
            let own = all.contains { $0.contributors == [c.id] || $0.title == name }
            // How many entries its own group estimated: "worked with us on 3 entries" counts
            // co-production, which a reader set against "gave its own estimates for five
            // entries" elsewhere; both counts are given, each for what it is.
            let ownIDs = Set(all.filter { $0.contributors == [c.id] || $0.title == name }.map(\.id))
            let owned = register.risks.filter { r in r.estimates.contains { ownIDs.contains($0.perspective) } }.count
            let groups = all.filter { $0.contributors != [c.id] && $0.title != name }.map(\.title)
            guard judged + delivers > 0 || !all.isEmpty else { continue }
            if tally[name] == nil { order.append(name) }
            let before = tally[name] ?? (0, 0, false, 0, [])
            tally[name] = (before.judged + judged, before.delivers + delivers, before.own || own, max(before.owned, owned),
                           before.groups + groups.filter { !before.groups.contains($0) })
        }
        return order.map { name in
            let t = tally[name]!
            // Each part in two forms: first after the name ("worked with us on 7 entries"), or
            // later, as the language goes on ("It helps with 3 actions." in English; in Dutch the
            // same clause after a semicolon): short clauses rather than one long sentence.
            var parts: [(first: String, then: String)] = []
            if t.judged > 0 { let p = phrases.plural("community.helper.worked-on", count: t.judged); parts.append((p, p)) }
            if t.delivers > 0 {
                parts.append((phrases.plural("community.helper.delivers", count: t.delivers), phrases.plural("community.helper.delivers.then", count: t.delivers)))
            }
            // A group of its own gave its own estimates; a member of a larger group gave them as
            // part of it.
            if t.own && t.owned > 0 {
                parts.append((phrases.plural("community.helper.estimated.count", count: t.owned),
                              phrases.plural("community.helper.estimated.count.then", count: t.owned)))
            } else if t.own {
                parts.append((phrases("community.helper.estimated"), phrases("community.helper.estimated.then")))
            }
            if !t.groups.isEmpty {
                let groups = list(t.groups.map { phrases("community.quoted", ["text": $0]) })
                parts.append((phrases("community.helper.estimated-in", ["groups": groups]), phrases("community.helper.estimated-in.then", ["groups": groups])))
            }
            let what = ([parts.first?.first].compactMap { $0 } + parts.dropFirst().map(\.then)).joined(separator: phrases("community.helper.separator"))
            return phrases("community.helper", ["name": name, "what": what]).capitalisedFirst
        }
    }

    /// A contributor an import wrote as a stand-in, named only by entries whose co-production is
    /// still to be checked.
    func isPlaceholder(_ id: String) -> Bool {
        let naming = register.risks.filter { $0.coproduction.contributors.contains(id) }
        return !naming.isEmpty && naming.allSatisfy { $0.needsReview.contains("coproduction") }
            && !register.risks.contains { $0.response?.deliveredBy.contains(id) ?? false }
    }

    /// How many entries do not record yet who helped; nil when every entry does.
    func communityHelpersNote() -> String? {
        let unknown = register.risks.filter { $0.needsReview.contains("coproduction") }.count
        return unknown == 0 ? nil : phrases.plural("community.helpers.unknown", count: unknown)
    }

    // MARK: How estimates counted

    /// How much each group's estimates count next to the officers', each with the register's
    /// reason where it gives one (`weight-reason`); where a group counts more or less than the
    /// officers and the register gives no reason, one sentence on who sets the weights.
    func communityWeights() -> [String] {
        guard register.perspectives.count > 1, let officers = officersPerspective(), officers.weight > 0 else { return [] }
        let others = register.perspectives.filter { $0.id != officers.id }
        var lines = others.map { p -> String in
            var line = weightSentence(p, officers)
            if let by = p.weightSetBy { line += " " + phrases("community.weight.set-by", ["who": iso(by)]) }
            if let reason = p.weightReason { line += " " + asSentence(reason) }
            return line
        }
        if others.contains(where: { $0.weight != officers.weight && $0.weightReason == nil && $0.weightSetBy == nil }) {
            lines.append(phrases("community.weight.how", ["organisation": register.metadata.organisation]))
        }
        // What the weights changed: whether any limit or aim would read otherwise with every
        // group counting the same (``communityEqualWeights()``).
        // What each group's own estimates changed: every figure worked out again without them
        // (``communityWithoutGroups()``).
        return lines + communityEqualWeights() + communityWithoutGroups()
    }

    /// "The estimates of … count half as much as those of …".
    private func weightSentence(_ p: Perspective, _ officers: Perspective) -> String {
        let ratio = p.weight / officers.weight
        let key: String
        switch ratio {
        case 1: key = "community.weight.same"
        case 0.5: key = "community.weight.half"
        case 2: key = "community.weight.twice"
        case 0: key = "community.weight.none"
        default: key = ratio < 1 ? "community.weight.less" : "community.weight.more"
        }
        return phrases(key, ["who": p.title, "officers": officers.title, "ratio": FigureFormat.ratio(ratio < 1 ? 1 / ratio : ratio)]).capitalisedFirst
    }

    /// Each group that gave estimates: who is in it (named only where they agreed) and for how
    /// many of the entries on this page, counted from the estimates themselves.
    func communityGroups() -> [String] {
        guard register.perspectives.count > 1 else { return [] }
        return register.perspectives.compactMap { p -> String? in
            let count = register.risks.filter { r in r.estimates.contains { $0.perspective == p.id } }.count
            guard count > 0 else { return nil }
            var seen = Set<String>()
            let members = p.contributors.filter { !isPlaceholder($0) }.map(helperName).filter { $0 != p.title && seen.insert($0).inserted }
            let estimates = phrases.plural("community.group.estimates", count: count)
            let key = members.isEmpty ? "community.group.alone" : members.count == 1 ? "community.group.member" : "community.group.members"
            return phrases(key, ["group": p.title, "members": nameList(members), "estimates": estimates]).capitalisedFirst
        }
    }

    /// One entry's chances as each group that estimated it sees them, and all of them together.
    struct Comparison {
        var title: String
        var views: [String]
        var together: String
        /// The same in one sentence, for templates that show a line per entry.
        var line: String
    }

    /// The entries where a residents' or service users' group saw the chance differently from
    /// the officers (by 2 in 100 or more), largest difference first: each with every group that
    /// estimated it, so "all groups together" never follows only two of three.
    func communityComparisons() -> [Comparison] {
        guard register.perspectives.count > 1, let officers = officersPerspective() else { return [] }
        var found: [(Double, String, Comparison)] = []
        for r in score.risks {
            guard let risk = register.risk(r.id) else { continue }
            let estimated = Set(risk.estimates.map(\.perspective))
            // Only groups that estimated this entry: another group's figures here are the pool's.
            // Each group's chance as it stated it, so that "together" follows from the figures
            // shown (a reader adds them up with the weights and gets the same).
            let views = register.perspectives.filter { estimated.contains($0.id) }.compactMap { p in
                risk.estimates.first { $0.perspective == p.id }.map { (p, $0.statedChance) }
            }
            guard let theirsO = views.first(where: { $0.0.id == officers.id })?.1 else { continue }
            let sizes = views.filter { $0.0.id != officers.id && isCitizenPerspective($0.0) }.compactMap { view -> Double? in
                let a = view.1, b = theirsO
                guard a > 0 || b > 0, abs(a - b) >= 0.02 else { return nil }
                return abs(log(max(a, 1e-6) / max(b, 1e-6)))
            }
            guard let size = sizes.max() else { continue }
            // The residents' and service users' groups that gave no estimate are named too:
            // their absence from the list was easy to miss.
            let silent = register.perspectives.filter { p in
                !estimated.contains(p.id) && isCitizenPerspective(p)
            }
            let shown = views.map { phrases("community.compared.view", ["who": $0.0.title, "chance": frequencyWords($0.1)]).capitalisedFirst }
                + silent.map { phrases("community.compared.view.none", ["who": $0.title]).capitalisedFirst }
            // The groups' chances are before the planned actions; the one used is after them, so
            // both are given, or the used one looks lower than every group's. "Together" is the
            // chance the entry itself shows ("Without this, the chance would be …"), as the
            // simulation gives it: the weighted average of the stated chances can round to
            // another number (12 beside 11), and one chance is given one number on the page.
            let pooled = r.probability.inherent
            var together = abs(r.probability.inherent - r.probability.residual) < 0.005 || score.run.view != "pooled"
                ? phrases("community.compared.together", ["together": frequencyWords(pooled)])
                : phrases("community.compared.together.actions", ["together": frequencyWords(pooled),
                                                                 "used": frequencyWords(r.probability.residual)])
            if let note = togetherByHand(risk, r) { together += " " + note }
            let line = phrases("community.compared.line", ["title": r.title, "views": shown.joined(separator: phrases("community.compared.separator")),
                                                          "together": together])
            found.append((size, r.id, Comparison(title: r.title, views: shown, together: together, line: line)))
        }
        return found.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(6).map(\.2)
    }

    /// Where the groups' figures, counted together by hand, give a chance that rounds to
    /// another whole number in 100 than the simulation's, and the two differ by no more than
    /// the simulation's own error: the figure by hand, and why the two round apart. The same
    /// estimates (10 and 5 in 100, counting the same) read "7 in 100" together on one page and
    /// "8 in 100" on another: 7.5 by hand, which the simulation's possible years put a little
    /// below on one page and a little above on the other. Nil where both round alike, or where
    /// the page is not worked out on the groups together.
    ///
    /// The figure by hand is worked out from the groups' figures as the page shows them (whole
    /// numbers in 100), as a reader works it out: from the stated 8.4 and 15 it gave "11.7",
    /// where a reader adding up the page's 8 and 15 gets 11.5. Nil where a group's figure is not
    /// shown as a whole number in 100.
    func togetherByHand(_ risk: Risk, _ r: RegisterScore.RiskScore) -> String? {
        guard score.run.view == "pooled", risk.estimates.count > 1 else { return nil }
        let weights = Dictionary(register.perspectives.map { ($0.id, $0.weight) }, uniquingKeysWith: { first, _ in first })
        var shownSum = 0.0, weightSum = 0.0
        for estimate in risk.estimates {
            guard case .about(let k, 100) = FigureFormat.frequency(estimate.statedChance, per: 100) else { return nil }
            let w = weights[estimate.perspective] ?? 1
            shownSum += w * Double(k) / 100
            weightSum += w
        }
        guard weightSum > 0 else { return nil }
        let exact = shownSum / weightSum, simulated = r.probability.inherent
        guard FigureFormat.frequency(exact, per: 100) != FigureFormat.frequency(simulated, per: 100),
              abs(exact - simulated) <= 3 * max(r.probabilityStandardError.inherent, 1e-9) else { return nil }
        let tenths = (exact * 1_000).rounded() / 10
        let figure = tenths == tenths.rounded() ? FigureFormat.amount(tenths) : FigureFormat.amount(tenths, significantDigits: tenths < 10 ? 2 : 3)
        return phrases("community.compared.together.by-hand", ["exact": figure])
    }

    // MARK: You said, we did

    func communityYouSaid() -> [String] {
        guard let review else { return [] }
        let citizen = Set(register.perspectives.filter(isCitizenPerspective).map(\.id))
        let community = Set(register.contributors.filter { [.user, .community].contains($0.kind) }.map(\.id))
        func helped(_ id: String) -> Bool {
            guard let r = register.risk(id) else { return false }
            return r.estimates.contains { citizen.contains($0.perspective) } || r.coproduction.contributors.contains { community.contains($0) }
        }
        var lines: [String] = []
        var seen = Set<String>()
        for c in review.changes where c.subject == "risk" && !c.confidential {
            let title = c.title ?? c.id
            switch c.kind {
            case .added where helped(c.id):
                lines.append(phrases("community.since.added", ["title": title]))
            case .removed:
                lines.append(phrases("community.since.removed", ["title": title]))
            case .changed where helped(c.id):
                let field = c.field.map { f -> String in
                    let key = "community.since.field." + (f.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? f)
                    return phrases.phrases[key] == nil ? phrases("community.since.field.other") : phrases(key)
                } ?? phrases("community.since.field.other")
                let line = phrases("community.since.changed", ["title": title, "what": field])
                if seen.insert(line).inserted { lines.append(line) }
            default: break
            }
        }
        return lines
    }
}
