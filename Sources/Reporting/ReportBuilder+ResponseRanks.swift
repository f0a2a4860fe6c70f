import Scoring
import TextLayer

/// Which responses earn a rank in the value-for-money table.
///
/// A rank says a response is worth more than the next. A money response that saves less on
/// average than it costs was ranked "1" only because it was alone in its group, or first among
/// others that do not pay either: it is shown "—", and the numbers count only those that earn a
/// place. A response alone in its unit is compared with nothing, and one costed at 0 has no value
/// per unit of cost to compare by, so neither is ranked. Nor is a response the options choose
/// (``responseChosenByOptions(_:)``).
extension ReportBuilder {
    /// The ranks to show for `scores`, one unit's responses in table order.
    func meritRanks(_ scores: [RegisterScore.RiskScore], unit: String) -> [String] {
        let unranked = phrases("report.response.unranked")
        guard scores.count > 1 else { return scores.map { _ in unranked } }
        var next = 0
        return scores.map { s in
            guard let r = s.response, !responseChosenByOptions(s.id) else { return unranked }
            // The test the table's flag uses: money saved, as shown, below the cost.
            if unit == "money", r.cost > 0, FigureFormat.rounded(r.value.value) < r.cost { return unranked }
            // A response costed at 0 has no value per £1,000 to rank by: its row says "not
            // comparable", and a "3" beside that would claim a comparison the table did not make.
            if r.cost <= 0 { return unranked }
            next += 1
            return FigureFormat.count(next)
        }
    }

    /// Whether the register's options choose entry `id`'s response, one of them putting another
    /// in its place. Such a response is part of the choice between options, and what it does is
    /// bought together with the option's own cost, which the value-for-money table does not
    /// count: Ward 7's falls response ranked second on "£6,500" of prompts and non-slip socks
    /// for a cut in falls that the observing nurse, paid from the option's £48,000, makes. The
    /// options' comparison counts both, so the table shows the row but does not rank it.
    func responseChosenByOptions(_ id: String) -> Bool {
        register.portfolios.contains { $0.responses.contains { $0.risk == id } }
    }

    /// A group's heading, saying where its one response is not ranked: "Points protected per
    /// £1,000 spent (the only response counted in points, so it has no rank)", by the `measure`
    /// alone, never "Ranked by … (… so not ranked)", which contradicted itself.
    func groupHeading(_ heading: String, measure: String, unit: String, alone: Bool) -> String {
        alone ? phrases("report.response.group.alone", ["measure": measure, "unit": unit]).capitalisedFirst : heading
    }
}
