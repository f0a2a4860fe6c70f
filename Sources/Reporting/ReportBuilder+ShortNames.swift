import Foundation
import RegisterModel
import TextLayer

extension ReportBuilder {
    /// Baselines longer than this many words are given a short name of the report's own ("the
    /// baseline") when the register gives none and they have no part in brackets to drop.
    static let longBaselineWords = 8

    /// The register's long phrases that the report writes in full once per section and by a
    /// short name after (``ShortNames``), the period and baselines in a community report once in
    /// all: its
    /// period, in a community report its outcomes' titles that have a `title-short` (tied to it
    /// at their first use in running text), and its
    /// outcomes' baselines, each with the
    /// register's short name (`period-short`, `baseline-short`) or, without one, the phrase less
    /// its closing part in brackets. A long baseline with neither is called "the baseline",
    /// when it is the only such one, so that the name cannot point to two.
    var shortNames: [ShortNames.Name] {
        var names: [ShortNames.Name] = []
        func add(_ full: String, _ short: String, once: Bool = false) {
            guard full != short, !short.isEmpty else { return }
            let defined = full.range(of: short, options: .caseInsensitive) != nil ? full
                : phrases("report.short-name.defined", ["full": full, "short": short])
            names.append(.init(full: e(full), defined: e(defined), short: e(short), once: once))
        }
        let m = register.metadata
        // A community report opens with the period every figure is for ("All figures are for
        // …"), so it is written in full there only; per part, five parts said it five times.
        if let period = m.period, let short = m.periodShort ?? ShortNames.withoutClosingBrackets(period) { add(period, short, once: isCommunity) }
        let long = register.outcomes.filter { o in
            guard o.baselineShort == nil, let b = o.baseline else { return false }
            return ShortNames.withoutClosingBrackets(b) == nil && b.split(separator: " ").count > Self.longBaselineWords
        }
        // An outcome's title is shortened in the residents' report only. Headings keep it in
        // full; in each part's running text its first use is in full, tied to the short name
        // when the part uses it again ("“People hurt, …” (“People harmed …” below)"), so that
        // a reader who meets the short name knows which outcome it is.
        if isCommunity {
            for o in register.outcomes {
                guard let short = o.titleShort, !short.isEmpty, short != o.title else { continue }
                names.append(.init(full: e(o.title), defined: e(o.title), short: e(short),
                                   tie: e(phrases("report.short-name.tie", ["short": short]))))
            }
        }
        // A baseline, like the period, is written in full once in all in a community report: the
        // adult social care page said "the hours people would have if every journey were
        // escorted, every PA absence were covered, and the 12 people stayed in their care homes"
        // once in each part, and a resident read the same long phrase again and again.
        for o in register.outcomes {
            guard let baseline = o.baseline else { continue }
            if let short = o.baselineShort ?? ShortNames.withoutClosingBrackets(baseline) {
                add(baseline, short, once: isCommunity)
            } else if long.count == 1, long[0].id == o.id {
                add(baseline, phrases("report.short-name.baseline"), once: isCommunity)
            }
        }
        return names
    }
}
