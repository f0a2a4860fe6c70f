import Foundation
import RegisterModel

/// The register `riskreg init` writes: small, complete, commented, valid with no warnings, and
/// scorable as it is, so that a new register starts from something that works and shows the
/// format by example.
public enum StarterRegister {
    /// The starter register's text.
    ///
    /// - Parameters:
    ///   - schemaPath: the JSON Schema for editors, relative to the register's folder.
    ///   - today: review dates are set from it (last reviewed today, next review in three
    ///     months), so the new register has no review warnings.
    ///   - id: the register's id; ``id(forFile:)`` derives one from the file's name.
    public static func text(schemaPath: String = "register.schema.json", today: CalendarDate, id: String = "my-service") -> String {
        let next = today.addingMonths(3)
        return """
        # yaml-language-server: $schema=\(schemaPath)
        #
        # A starter risk register. Replace the example entries with your own; every section
        # below says what it is for. The full reference is docs/register-format.md.
        #
        #   riskreg validate THIS-FILE    every problem at once, with line and column
        #   riskreg score THIS-FILE       outcome distributions and appetite verdicts
        #
        # Keys are lower case with hyphens. Amounts may be written 250k or 1.2m; chances
        # as 30%, 0.3 or 1 in 8; dates as YYYY-MM-DD; booleans only as true or false.

        riskreg: 1                      # the format version; only 1 exists

        # What the register is about. Every likelihood and frequency below refers to the
        # horizon: "30%" means a 30% chance within 12 months.
        register:
          id: \(id)\(String(repeating: " ", count: max(1, 30 - id.count)))# a stable id: letters, digits, . _ -
          title: Community library service
          organisation: Example Town Council
          horizon: 12 months
          currency: GBP                 # needed when an outcome is in money
          owner: Head of libraries
          last-reviewed: \(today)
          next-review: \(next)          # validate warns once this day has passed

        # The public outcomes at stake. Each risk adds into one. An outcome is counted in
        # money or in a unit of its own (hours, incidents, people); units are never mixed.
        outcomes:
          - id: unplanned-cost
            title: Unplanned cost to the library budget
            unit: money
          - id: opening-hours
            title: Library opening hours lost
            unit: hours
            description: Hours the libraries are closed against the published timetable.

        # What the board will accept: here, a cap on the chance of a loss above a threshold.
        # For an outcome whose gains can outweigh its losses, the other shape sets a floor on
        # the chance of a net benefit (net-benefit-above: 0, at-least: 50%); see the reference.
        appetite:
          - outcome: unplanned-cost
            statement: No more than a 1 in 10 chance that unplanned costs exceed 20,000 pounds.
            loss-exceeds: 20k
            at-most: 1 in 10
          - outcome: opening-hours
            statement: No more than a 1 in 10 chance of losing more than 160 opening hours in a year.
            loss-exceeds: 160
            at-most: 1 in 10

        # Who takes part: service users (user), community groups (community), staff and
        # partner bodies (partner). public: true only with their agreement to be named in
        # community reports; the default is false.
        contributors:
          - id: friends-group
            name: Friends of the Library
            kind: community
            public: true
          - id: readers-panel
            name: Readers' panel
            kind: user                  # service users: not named in public reports
          - id: library-staff
            name: Library staff
            kind: staff
            public: true

        # Whose estimates count. Each estimate below names its perspective, and the pooled
        # view weighs them by weight. Leave this section out to have one perspective,
        # officers.
        perspectives:
          - id: officers
            title: Library officers
            contributors: [library-staff]
          - id: readers
            title: Readers
            contributors: [readers-panel]
            weight: 0.5

        # The entries. Each follows one of four strategies: portfolio (choose a mix of
        # activities with less risk attached), reduction, resilience or enablement. Each has at least one estimate: a likelihood (the chance
        # it happens in the horizon) or a frequency (how many times), and an impact, a
        # distribution of the harm each time. pert: [min, most likely, max] suits most
        # judgements; lognormal: [p5, p95] suits costs with a long tail.
        risks:
          - id: LIB-01
            title: The roof of the central library leaks in winter storms
            outcome: unplanned-cost
            strategy: reduction         # make the harm less likely or less bad
            owner: Facilities manager
            borne-by: Library users, when rooms close for repairs
            coproduction:
              mode: co-assessment       # co-commissioning, co-design, co-delivery, co-assessment
              contributors: [library-staff, friends-group]
            estimates:
              - perspective: officers
                likelihood: 1 in 4
                impact: {lognormal: [3k, 40k]}
                rationale: Two leaks in the last eight winters; repairs cost 4k and 25k.
              - perspective: readers
                likelihood: 35%
                impact: {lognormal: [3k, 40k]}
            # What is done about it. A response acts only when it is delivered (reliability),
            # and then cuts the likelihood, the impact or both.
            response:
              action: Clear the gutters every autumn and survey the roof before winter.
              cost: 2500
              delivered-by: [library-staff]
              reliability: 90%
              reduces-likelihood-by: 60%
            review: \(next)

          - id: LIB-02
            title: The branch library closes at short notice when staff are off sick
            outcome: opening-hours
            strategy: resilience        # absorb the harm and recover from it
            owner: Volunteer coordinator
            coproduction:
              mode: co-delivery
              contributors: [friends-group]
              note: The Friends keep a list of volunteers who can help at short notice.
            estimates:
              - perspective: officers
                frequency: 24           # about twice a month ...
                impact: {pert: [2, 4, 8]}   # ... each losing a few hours
            response:
              action: Keep a reserve list of trained volunteers and swap shifts with staff.
              cost: 800
              delivered-by: [friends-group, library-staff]
              reliability: 75%          # a co-produced response may not materialise
              reduces-impact-by: 50%

          - id: LIB-03
            title: The heating fails at the branch library in a cold spell
            outcome: opening-hours
            strategy: reduction
            owner: Facilities manager
            coproduction:
              mode: co-assessment
              contributors: [library-staff, readers-panel]
            estimates:
              - perspective: officers
                likelihood: 25%
                impact: {pert: [8, 24, 60]}   # closed until the engineer has been
              - perspective: readers
                likelihood: 35%
                impact: {pert: [8, 30, 80]}

          # An enablement entry is a risk taken on purpose for its upside: it carries a
          # `benefit` (the upside over the horizon, in the outcome's unit) as well as an
          # impact, and reports weigh the two. For example:
          #
          # - id: LIB-04
          #   title: Volunteer-run evening opening at the branch library
          #   outcome: evening-hours      # an outcome of its own, such as hours gained
          #   strategy: enablement        # a risk worth taking: it has an upside
          #   owner: Head of libraries
          #   borne-by: Library users on evenings the branch cannot open
          #   agreement:                  # who agreed to take this risk, by role: no names
          #     agreed-with: the Friends of the library
          #     date: \(today)
          #   coproduction: {mode: co-design, contributors: [friends-group, readers-panel]}
          #   estimates:
          #     - perspective: officers
          #       likelihood: 30%         # the scheme falters for a while ...
          #       impact: {pert: [10, 40, 120]}
          #       benefit: {pert: [50, 150, 250]}   # ... but adds evening hours in most years

        # Risks that share a driver move together. Give a Spearman rank correlation and
        # the reason; keep values modest (0.2 weak, 0.5 strong).
        correlations:
          - between: [LIB-02, LIB-03]
            rank: 0.3
            reason: Cold winters bring both staff sickness and heating failures.

        # portfolios: compares mixes of portfolio entries (such as in-house against
        # community-run delivery); see docs/register-format.md.

        """
    }
}

extension StarterRegister {
    /// The register id for a new file: its name without the extension, lower case, with every
    /// run of characters an id cannot hold turned into one `-` (`Ward 7 (draft).yaml` gives
    /// `ward-7-draft`); `my-service` when nothing usable is left.
    public static func id(forFile path: String) -> String {
        var name = Substring(path.split(separator: "/").last ?? "")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        var id = ""
        for scalar in name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-" {
                id.unicodeScalars.append(scalar)
            } else if !id.hasSuffix("-") {
                id += "-"
            }
        }
        while let first = id.first, !(first.isLetter || first.isNumber) { id.removeFirst() }
        id = String(id.prefix(64))
        while let last = id.last, last == "-" || last == "." || last == "_" { id.removeLast() }
        return id.isEmpty ? "my-service" : id
    }
}

extension CalendarDate {
    /// The same day `months` months later, or the month's last day when it is shorter.
    func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }
}
