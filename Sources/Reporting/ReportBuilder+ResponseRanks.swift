import Scoring
import TextLayer

/// Which responses earn a rank in the value-for-money table.
///
/// A rank says a response is worth more than the next. A money response that saves less on
/// average than it costs was ranked "1" only because it was alone in its group, or first among
/// others that do not pay either: it is shown "—", and the numbers count only those that earn a
/// place. A response alone in its unit is compared with nothing, and one costed at 0 has no value
/// per unit of cost to compare by, so neither is ranked.
extension ReportBuilder {
    /// The ranks to show for `scores`, one unit's responses in table order.
    func meritRanks(_ scores: [RegisterScore.RiskScore], unit: String) -> [String] {
        let unranked = phrases("report.response.unranked")
        guard scores.count > 1 else { return scores.map { _ in unranked } }
        var next = 0
        return scores.map { s in
            guard let r = s.response else { return unranked }
            // The test the table's flag uses: money saved, as shown, below the cost.
            if unit == "money", r.cost > 0, FigureFormat.rounded(r.value.value) < r.cost { return unranked }
            // A response costed at 0 has no value per £1,000 to rank by: its row says "not
            // comparable", and a "3" beside that would claim a comparison the table did not make.
            if r.cost <= 0 { return unranked }
            next += 1
            return FigureFormat.count(next)
        }
    }

    /// A group's heading, saying where its one response is not ranked: "Points protected per
    /// £1,000 spent (the only response counted in points, so it has no rank)", by the `measure`
    /// alone, never "Ranked by … (… so not ranked)", which contradicted itself.
    func groupHeading(_ heading: String, measure: String, unit: String, alone: Bool) -> String {
        alone ? phrases("report.response.group.alone", ["measure": measure, "unit": unit]).capitalisedFirst : heading
    }
}
