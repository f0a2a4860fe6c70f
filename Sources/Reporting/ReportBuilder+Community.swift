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
            phrases("community.intro.period", ["period": periodWord, "date": date]),
        ].joined(separator: " ")
        let withheldText = withheld == 0 ? nil : phrases.plural("community.withheld", count: withheld)
        let contact = m.contact.map { phrases("community.contact", ["contact": $0]) }
            ?? phrases("community.contact.none", ["organisation": m.organisation])
        let method = phrases("community.method", ["trials": FigureFormat.amount(Double(score.run.trials)), "period": periodWord])
        return .init(
            intro: e(intro), withheld: withheldText.map(e), limits: communityLimits(), entries: communityEntries(),
            helpers: communityHelpers().map(e), weights: communityWeights().map(e), compared: communityCompared().map(e),
            youSaid: communityYouSaid().map(e), hasSince: review != nil, contact: e(contact), method: e(method))
    }

    // MARK: Pictures of chances

    /// `p` as marks out of 100, or out of 1,000 when it is below 5 in 100, so that a small
    /// chance still fills a mark or more.
    func iconArray(_ p: Double, what: String) -> ReportContext.IconArray {
        let total = p > 0 && p < 0.05 ? 1_000 : 100
        let marked = p.isFinite ? Int((min(max(p, 0), 1) * Double(total)).rounded()) : 0
        let label = phrases("community.icons.label", ["marked": FigureFormat.amount(Double(marked)), "total": FigureFormat.amount(Double(total)),
                                                      "what": what])
        var svg = ""
        var rows: [String] = []
        if options.format == .html {
            let columns = total == 100 ? 10 : 40
            let size = total == 100 ? 14.0 : 7.0, gap = total == 100 ? 4.0 : 2.0
            let lines = total / columns
            // One path for the filled marks and one for the empty ones keeps 1,000 marks small.
            var on = "", off = ""
            for k in 0..<total {
                let x = Double(k % columns) * (size + gap), y = Double(k / columns) * (size + gap)
                let square = "M\(SVG.n(x)) \(SVG.n(y))h\(SVG.n(size))v\(SVG.n(size))h-\(SVG.n(size))z"
                if k < marked { on += square } else { off += square }
            }
            var body = ""
            if !on.isEmpty { body += "<path class=\"icon-on\" d=\"\(on)\"/>" }
            if !off.isEmpty { body += "<path class=\"icon-off\" d=\"\(off)\"/>" }
            let width = Double(columns) * (size + gap) - gap, height = Double(lines) * (size + gap) - gap
            svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icons\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">\(body)</svg>"
        } else if total == 100 {
            rows = (0..<10).map { row in
                String((0..<10).map { col in row * 10 + col < marked ? "●" : "○" })
            }
        }
        return .init(total: total, marked: marked, label: e(label), svg: svg, rows: rows)
    }

    /// "about 1 in 8", or "less than 1 in 2,000", in plain words.
    func frequencyWords(_ p: Double) -> String { phrases.naturalFrequency(p) }

    // MARK: Limits

    func communityLimits() -> [ReportContext.CommunityLimit] {
        score.appetite.map { v in
            let outcome = score.outcomes.first { $0.id == v.outcome }
            let unit = outcome?.unit ?? ""
            let title = outcome?.title ?? v.outcome
            let limit = phrases.limitFrequency(v.limit)
            let estimate = phrases("community.limit.estimate", ["frequency": frequencyWords(v.probability.value),
                                                                "percent": FigureFormat.percent(v.probability.value)])
            let rule: String
            switch v.kind {
            case .lossExceeds:
                rule = phrases("community.limit.loss", ["organisation": register.metadata.organisation, "limit": limit,
                                                        "outcome": title, "amount": quantity(v.threshold, unit), "period": periodWord])
            case .harmExceeds:
                rule = phrases("community.limit.harm", ["organisation": register.metadata.organisation, "limit": limit,
                                                        "outcome": title, "amount": quantity(v.threshold, unit), "period": periodWord])
            case .netBenefitAbove:
                rule = phrases("community.limit.gain", ["organisation": register.metadata.organisation, "limit": limit,
                                                        "outcome": title, "period": periodWord])
            }
            let status = !v.decisive ? "close" : (v.withinAppetite ? "within" : "outside")
            let verdict = phrases("community.limit.status." + status)
            let what = v.kind == .netBenefitAbove ? phrases("community.icons.limit-gain") : phrases("community.icons.limit-loss")
            return .init(outcome: e(title), sentence: e([rule, estimate, verdict].joined(separator: " ")),
                         status: e(phrases("community.limit.label." + status)), statusClass: status,
                         icons: iconArray(v.probability.value, what: what))
        }
    }

    // MARK: Entries

    func modeWords(_ mode: Coproduction.Mode) -> String { phrases("community.mode." + mode.rawValue) }

    func communityEntries() -> [ReportContext.CommunityEntry] {
        register.risks.compactMap { r -> ReportContext.CommunityEntry? in
            guard let s = score.risks.first(where: { $0.id == r.id }) else { return nil }
            let unit = score.outcomes.first { $0.id == r.outcome }?.unit ?? ""
            let p = s.probability.residual
            let likely = p <= 0
                ? phrases("community.entry.likely.never", ["period": periodWord])
                : phrases("community.entry.likely", ["frequency": frequencyWords(p), "percent": FigureFormat.percent(p), "period": periodWord])
            let harmWhen = p > 0 ? s.meanHarm.residual / p : 0
            let harm = phrases("community.entry.harm", ["amount": quantity(harmWhen, unit), "outcome": outcomeTitle(r.outcome)])
            var action: String?, effect: String?
            if let resp = r.response {
                let who = resp.deliveredBy.isEmpty ? register.metadata.organisation : names(resp.deliveredBy)
                action = phrases("community.entry.action", ["action": resp.action, "who": who])
                let p0 = s.probability.inherent
                if abs(p0 - p) > 1e-9 {
                    effect = phrases("community.entry.effect.likely", ["frequency": frequencyWords(p0), "percent": FigureFormat.percent(p0)])
                } else if s.meanHarm.inherent > s.meanHarm.residual, p > 0 {
                    effect = phrases("community.entry.effect.harm", ["amount": quantity(s.meanHarm.inherent / p, unit)])
                }
            }
            var gain: String?
            if s.meanBenefit > 0 {
                gain = phrases(r.strategy == .enablement ? "community.entry.gain.on-purpose" : "community.entry.gain",
                               ["amount": quantity(s.meanBenefit, unit), "period": periodWord])
            }
            let helped = r.coproduction.contributors.isEmpty ? nil
                : phrases("community.entry.helped", ["names": names(r.coproduction.contributors), "how": modeWords(r.coproduction.mode)])
            return .init(id: e(r.id), title: e(r.title), description: r.description.map(e), likely: e(likely),
                         icons: iconArray(p, what: phrases("community.icons.entry", ["period": periodWord])), harm: e(harm),
                         affected: r.borneBy.map { e(phrases("community.entry.affected", ["who": $0])) },
                         action: action.map(e), actionEffect: effect.map(e), gain: gain.map(e), helpedBy: helped.map(e))
        }
    }

    private func outcomeTitle(_ id: String) -> String { register.outcome(id)?.title ?? id }

    private func names(_ ids: [String]) -> String {
        var seen = Set<String>()
        let all = ids.map(helperName).filter { seen.insert($0).inserted }
        guard all.count > 1 else { return all.first ?? "" }
        return phrases("community.list.and", ["list": all.dropLast().joined(separator: ", "), "last": all.last!])
    }

    /// A contributor's name where they agreed to be named, otherwise their kind in words.
    func helperName(_ id: String) -> String {
        guard let c = register.contributor(id) else { return id }
        return c.isPublic ? c.name : phrases("community.unnamed." + c.kind.rawValue)
    }

    // MARK: Who helped

    func communityHelpers() -> [String] {
        register.contributors.compactMap { c in
            let judged = register.risks.filter { $0.coproduction.contributors.contains(c.id) }.count
            let delivers = register.risks.filter { $0.response?.deliveredBy.contains(c.id) ?? false }.count
            let estimates = register.perspectives.filter { $0.contributors.contains(c.id) }.count > 0
            guard judged + delivers > 0 || estimates else { return nil }
            var parts: [String] = []
            if judged > 0 { parts.append(phrases.plural("community.helper.worked-on", count: judged)) }
            if delivers > 0 { parts.append(phrases.plural("community.helper.delivers", count: delivers)) }
            if estimates { parts.append(phrases("community.helper.estimated")) }
            let what = parts.count > 1
                ? phrases("community.list.and", ["list": parts.dropLast().joined(separator: ", "), "last": parts.last!]) : parts[0]
            return phrases("community.helper", ["name": helperName(c.id), "what": what]).capitalisedFirst
        }
    }

    // MARK: How estimates counted

    func communityWeights() -> [String] {
        guard register.perspectives.count > 1, let officers = officersPerspective(), officers.weight > 0 else { return [] }
        return register.perspectives.filter { $0.id != officers.id }.map { p in
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
    }

    func communityCompared() -> [String] {
        guard register.perspectives.count > 1, let officers = officersPerspective() else { return [] }
        var found: [(Double, String, String)] = []
        for r in score.risks {
            guard let theirsO = r.perspectives.first(where: { $0.perspective == officers.id }) else { continue }
            for view in r.perspectives where view.perspective != officers.id {
                guard let p = register.perspectives.first(where: { $0.id == view.perspective }), isCitizenPerspective(p) else { continue }
                let a = view.probability, b = theirsO.probability
                guard a > 0 || b > 0, abs(a - b) >= 0.02 else { continue }
                let size = abs(log(max(a, 1e-6) / max(b, 1e-6)))
                var sentence = phrases(a > b ? "community.compared.more" : "community.compared.less", [
                    "who": p.title, "title": r.title, "officers": officers.title,
                    "theirs": frequencyWords(a), "officersChance": frequencyWords(b),
                ]).capitalisedFirst
                if score.run.view == "pooled" {
                    sentence += " " + phrases("community.compared.changed", ["used": frequencyWords(r.probability.residual)])
                }
                found.append((size, r.id, sentence))
            }
        }
        return found.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(6).map(\.2)
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
