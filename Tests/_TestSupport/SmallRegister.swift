/// Small registers written for one test. The lines every such register repeats — the register
/// line, a staff contributor and the officers' perspective, each entry's owner and
/// co-production — are written here once, so a fixture shows only what its test is about.
///
/// Items are YAML flow mappings as they would stand after `- ` in the register, for example
/// `"{id: incidents, title: Incidents, unit: incidents}"`.
public enum SmallRegister {
    public static let staff = "{id: staff, name: Staff, kind: staff}"
    public static let officers = "{id: officers, title: Officers, contributors: [staff]}"
    public static let budget = "{id: budget, title: Budget, unit: money}"
    public static let incidents = "{id: incidents, title: Incidents, unit: incidents}"
    public static let volunteerHours = "{id: hours, title: Volunteer hours, unit: hours, direction: gain}"

    /// A whole register: one-year horizon, pounds, and the sections given.
    public static func yaml(outcomes: [String], appetite: [String] = [], contributors: [String] = [staff],
                            perspectives: [String] = [officers], entries: [String], portfolios: [String] = []) -> String {
        var lines = ["riskreg: 1", "register: {id: t, title: T, organisation: O, horizon: 12 months, currency: GBP}"]
        func section(_ name: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("\(name):")
            lines += items.map { "  - \($0)" }
        }
        section("outcomes", outcomes)
        section("appetite", appetite)
        section("contributors", contributors)
        section("perspectives", perspectives)
        lines.append("risks:")
        lines += entries
        section("portfolios", portfolios)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One entry of the `risks` list, owned by "Lead". `more` holds further keys of the entry as
    /// `key: value` lines, such as a response.
    public static func entry(_ id: String, _ title: String, outcome: String, strategy: String = "reduction",
                             coproduction: String = "{mode: co-design, contributors: [staff]}",
                             estimates: [String], more: [String] = []) -> String {
        let fields = ["title: \(title)", "outcome: \(outcome)", "strategy: \(strategy)", "owner: Lead",
                      "coproduction: \(coproduction)", "estimates:"]
            + estimates.map { "  - \($0)" } + more
        return (["  - id: \(id)"] + fields.map { "    \($0)" }).joined(separator: "\n")
    }

    /// A budget entry most fixtures carry so that money has an outcome of its own.
    public static let runningCosts = entry("R-01", "Running costs overrun", outcome: "budget",
                                           estimates: ["{perspective: officers, likelihood: 30%, impact: {pert: [1k, 5k, 20k]}}"])
}

extension SmallRegister {
    /// One enablement entry on hours of independent living, certain to happen: officers expect a
    /// harm of 300 hours and no gain (a net loss of 300 hours), residents the same harm and a
    /// gain of 598 (a net gain of 298 hours). Fixed figures, so every figure from it is exact.
    public static func netLossAgainstNetGain(appetite: [String] = []) -> String {
        yaml(outcomes: ["{id: hours, title: Hours of independent living, unit: hours, direction: gain}"],
             appetite: appetite,
             contributors: ["{id: staff, name: Social workers, kind: staff, public: true}",
                            "{id: people, name: Residents, kind: community, public: true}"],
             perspectives: ["{id: officers, title: Officers, contributors: [staff], weight: 1}",
                            "{id: residents, title: Residents, contributors: [people], weight: 1}"],
             entries: [entry("E1", "Living at home with support", outcome: "hours", strategy: "enablement",
                             coproduction: "{mode: co-design, contributors: [people]}",
                             estimates: ["{perspective: officers, likelihood: 100%, impact: 300, benefit: 0}",
                                         "{perspective: residents, likelihood: 100%, impact: 300, benefit: 598}"],
                             more: ["borne-by: The person", "agreement: {agreed-with: the person, date: 2026-09-01}"])])
    }
}
