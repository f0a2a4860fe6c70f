import Foundation
import RegisterModel
@testable import Reporting
import Scoring
import Testing
import _TestSupport

/// The figures residents' pages show: each the figure its sentence, limit or aim is about.
@Suite("Community figures", .serialized)
struct CommunityFiguresTests {
    static func render(_ name: String, _ audience: ReportOptions.Audience = .community, _ language: String = "en", trials: Int = 2_000) throws -> String {
        try ReportFixtures.render(try ReportFixtures.load(name), format: .markdown, audience: audience, trials: trials, language: language)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The lines of an entry's section on a residents' page, from its heading to the next.
    static func entry(_ page: String, _ id: String) -> [Substring] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("### ") && $0.hasSuffix("(\(id))") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("#") })
    }

    /// The rows of the likelihood-and-impact table.
    static func heatRows(_ page: String) -> [Substring] {
        guard let start = page.range(of: "**Likelihood and impact of each entry.**") else { return [] }
        return Array(page[start.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2))
    }

    /// "the table shows the one where its harm weighs most, such as people hurt rather than
    /// money", yet a direct payment taken by someone close, a Shared Lives breakdown, a carer who
    /// can no longer cope and a capacity challenge were graded in £ against the £50,000
    /// yardstick. An entry that does harm on any outcome not counted in money (its "If it
    /// happens" names one) is graded on such an outcome; money grades only an entry that harms
    /// nothing else.
    @Test(arguments: ReportFixtures.examples)
    func noEntryThatHarmsPeopleIsGradedInMoney(_ name: String) throws {
        let register = try ReportFixtures.load(name)
        let people = register.outcomes.filter { if case .other = $0.unit { return true } else { return false } }.map(\.title)
        let community = try Self.render(name)
        var checked = 0
        for risk in register.risks where !risk.isConfidential {
            guard let harm = Self.entry(community, risk.id).first(where: { $0.hasPrefix("- If it happens, on average:") }) else { continue }
            let harmsPeople = people.contains { harm.contains("in “\($0)”") }
            for (audience, page) in [("community", community)] {
                guard let row = Self.heatRows(page).first(where: { $0.contains("(\(risk.id)") }) else { continue }
                let yardstick = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
                let inMoney = yardstick.contains("£") || yardstick.contains("€")
                if harmsPeople {
                    #expect(!inMoney, "\(name) \(audience): \(risk.id) harms people (\(harm)) but is graded in money: \(row)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0, "\(name): no entry that harms people was found in the tables")
        #expect(!community.contains("the table shows the one where its harm weighs most, such as people hurt rather than money"))
        if community.contains("Where an entry affects more than one outcome") {
            #expect(community.contains("the table shows its harm to people before money"))
        }
    }

    /// The entries a resident named, each graded on the outcome the page says is the
    /// harm counted first or the person's own: hours, enquiries.
    @Test func theCareEntriesAreGradedByThePeopleTheyHarm() throws {
        let page = try Self.render("adult-social-care-positive-risk")
        let rows = Self.heatRows(page)
        for id in ["AS-04", "AS-06", "AS-12", "AS-13"] {
            let row = try #require(rows.first { $0.contains("(\(id)") }, "\(id)")
            #expect(!row.contains("£"), "\(row)")
            #expect(Self.matches(String(row), #"of [0-9,]+ (hours|enquiries|points)\)"#), "\(row)")
        }
        // The board's table places them by the same rule, and says so.
        let board = try Self.render("adult-social-care-positive-risk", .board)
        #expect(board.contains("harm counted in anything but money (incidents, hours, people) comes before money"))
        for id in ["AS-04", "AS-06", "AS-12", "AS-13"] {
            let row = try #require(Self.heatRows(board).first { $0.hasPrefix("| \(id) |") }, "\(id)")
            #expect(!row.contains("£"), "\(row)")
        }
    }

    /// "All told" gave supported living's money and wellbeing but not its 3,700 hours, the
    /// falls plans' nursing time but not their bed days, and Shared Lives without its
    /// enquiries: every outcome the entry reaches, harmed or gained, is in it.
    @Test func allToldNamesEveryOutcomeTheEntryReaches() throws {
        for name in ReportFixtures.examples {
            let register = try ReportFixtures.load(name)
            let page = try Self.render(name)
            for risk in register.risks where !risk.isConfidential {
                let lines = Self.entry(page, risk.id)
                guard let net = lines.first(where: { $0.hasPrefix("- All told, on average:") }) else { continue }
                let named = lines.filter { $0.hasPrefix("- If it happens, on average:") || $0.hasPrefix("- What people gain") || $0.hasPrefix("- What is saved") }
                // An outcome is named by its title or, after the title's first use, its short name.
                for outcome in register.outcomes {
                    let names = ([outcome.title] + [outcome.titleShort].compactMap { $0 }).map { "“\($0)”" }
                    guard named.contains(where: { line in names.contains { line.contains($0) } }) else { continue }
                    #expect(names.contains { net.contains($0) }, "\(name) \(risk.id): “All told” leaves out “\(outcome.title)”: \(net)")
                }
            }
        }
        let care = try Self.render("adult-social-care-positive-risk")
        let living = try #require(Self.entry(care, "AS-08").first { $0.hasPrefix("- All told") })
        #expect(living.contains("hours more in “Hours of independent living”"), "\(living)")
        let sharedLives = try #require(Self.entry(care, "AS-06").first { $0.hasPrefix("- All told") })
        #expect(sharedLives.contains("“Safeguarding enquiries”"), "\(sharedLives)")
        let ward = try Self.render("ward-7-patient-partnership")
        let plans = try #require(Self.entry(ward, "W7-08").first { $0.hasPrefix("- All told") })
        #expect(plans.contains("days less in “Bed days”"), "\(plans)")
    }

    /// "Limit: at least 75 in 100 chance of a net gain … 99.7%: within the limit": an aim is a
    /// gain the board wants, said as an aim that is met or not; limits stay limits.
    @Test func anAimInTheTablesIsAnAimMetOrNot() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(!ward.contains("| Limit: at least"), "an aim read as a limit")
        #expect(Self.matches(ward, #"\| Aim: at least 75 in 100 chance of a net gain \| [^|]+ \| [0-9.<>%]+: (met|not met) \|"#))
        #expect(Self.matches(ward, #"\| Limit: at most 5 in 100 chance of harm alone above 4 incidents \| [^|]+ \| [0-9.]+%: (within|over) the limit \|"#))
        let care = try Self.render("adult-social-care-positive-risk")
        #expect(Self.matches(care, #"\| Aim: at least 60 in 100 chance of a gain of more than 260 points \| [0-9]+% \| [0-9]+%: (met|not met) \|"#))
        let dutch = try Self.render("community-safety-leiden", .community, "nl")
        #expect(!dutch.contains("| Grens: minstens"))
        #expect(Self.matches(dutch, #"\| Doel: minstens een kans van 70 op 100 [^|]+ \| [^|]+ \| [0-9,<>%]+: (gehaald|niet gehaald) \|"#), "\(dutch)")
    }

    /// The W7 table gave "1 in 100" for more than 4 incidents, net, beside "6%: over the limit"
    /// for more than 4 of harm alone; ASC's groups all showed ">99.9%" chance of a net gain
    /// while the aim, a gain above 260 points, was "not met" on two groups' estimates. The
    /// summary gives the limit's own chance and the group table each group's, in residents'
    /// words, and the net rows say what they count.
    @Test func theDetailTablesShowWhatTheLimitIsAbout() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(Self.matches(ward, #"The limit counts only the harm the plans themselves cause, leaving out the harm they prevent: the chance of that harm going above 4 incidents is [0-9.]+% with the planned actions, [0-9.]+% without them\."#))
        #expect(ward.contains("| Estimates of | Average number (incidents; a minus sign is a net reduction) | 1 in 10 bad year (incidents) | Chance of a net reduction | Chance of the harm alone above 4 incidents |"), "\(ward)")
        #expect(ward.contains("The numbers in the rows are net: the harm the plans cause less the harm they prevent."))
        #expect(ward.contains("| Chance of more than £120,000 | Chance of more than £250,000 |"))

        let care = try Self.render("adult-social-care-positive-risk", trials: 4_000)
        #expect(Self.matches(care, #"The aim is about a gain of more than 260 points: the chance of that is [0-9.]+% with the planned actions, [0-9.]+% without them\."#))
        let wellbeing = try #require(care.components(separatedBy: "**Each group's estimates: Wellbeing of the people taking part.**").dropFirst().first)
        #expect(wellbeing.contains("| Chance of a net gain | Chance of a gain of more than 260 points |"), "\(wellbeing.prefix(800))")
        // Each group's chance of more than 260 points agrees with the verdict the page gives it.
        let aim = try #require(care.components(separatedBy: "### Wellbeing of the people taking part: ").dropFirst().first?.components(separatedBy: "\n#").first)
        let verdict = try #require(aim.split(separator: "\n").first { $0.hasPrefix("On the estimates of ") }, "\(aim)")
        let rows = wellbeing.split(separator: "\n").drop { !$0.hasPrefix("| ---") }.dropFirst().prefix { $0.hasPrefix("|") }
        #expect(rows.count == 3, "\(rows)")
        let missed = String(verdict.components(separatedBy: "on those of ").dropFirst().first?.components(separatedBy: "it is not").first ?? "")
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let chance = Double(cells.last!.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "\\>", with: "").replacingOccurrences(of: "<", with: "")) ?? .nan
            #expect((chance < 60) == missed.contains("“\(cells[0])”"), "\(row) against \(verdict)")
        }
    }

    /// "about £75,000 more than the ward budget" and "€ 1.800 meer dan de begroting 2027" read
    /// as an overspend of the whole budget, and "€ 4.000 minder dan de begroting 2027" as a cut
    /// beside "it can only rise". Money counted from a budget is money the budget does not
    /// cover, or money saved against it.
    @Test func costsOutsideTheBudgetAreSaidAsSuch() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(!ward.contains("more than the ward budget"))
        #expect(!ward.contains("above the ward budget"))
        #expect(Self.matches(ward, #"“Costs beyond the ward budget”: about £[0-9,]+ over the ward budget\n"#), "\(ward)")
        #expect(ward.contains("in 2027/28, the chance that “Costs beyond the ward budget” comes to more than £120,000 over the ward budget should be at most 10 in 100."))
        #expect(Self.matches(ward, #"in a 1 in 10 bad year, £[0-9,]+ or more over the ward budget\."#))
        let dutch = try Self.render("community-safety-leiden", .community, "nl")
        #expect(!dutch.contains("meer dan de begroting"))
        #expect(!dutch.contains("minder dan de begroting"))
        // "€ 50.000 buiten de begroting 2027", twenty times over, read as translated: money the
        // budget does not cover is money above it ("boven"), and a saving is made on it.
        #expect(!ReportFixtures.matches(dutch, #"€ [0-9.]+ buiten de begroting"#))
        #expect(Self.matches(dutch, #"„(Overschrijding van de convenantbegroting 2027|Overschrijding begroting)”: ongeveer € [0-9.]+ (boven de begroting|bespaard op de begroting)\n"#))
        #expect(dutch.contains("uitkomt op meer dan € 50.000 boven de begroting, mag hooguit 10 op 100 zijn."))
    }

    /// "fewer than 1 in 100 (0.1%)": 0.1% is 1 in 1,000. The words give the percentage's own
    /// fraction beside the section's denominator.
    @Test func aSmallChanceAndItsPercentageAgree() throws {
        let (language, one, four) = ("en", "less than 1 in 100: about 1 in 1,000 (0.1%)", "less than 1 in 100: about 4 in 1,000 (0.4%)")
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let options = ReportOptions(format: .markdown, audience: .community, libyamlVersion: "", command: "", language: language)
        let score = try Scorer.score(Report.registerToScore(register, options: options),
                                     options: ScoringOptions(seed: 7, trials: 200, jobs: 1, asOf: ReportFixtures.asOf))
        let builder = ReportBuilder(register: register, score: score, options: options)
        #expect(builder.communityChance(0.0012) == one)
        #expect(builder.communityChance(0.0041) == four)
        let pairs = ChanceAgreement.pairs(in: builder.communityChance(0.0012))
        #expect(pairs.allSatisfy { $0.agrees }, "\(pairs)")
        // Below the percentage's resolution and from 1 in 100 up, as before.
        #expect(!builder.communityChance(0.0003).contains(":"))
        #expect(!builder.communityChance(0.03).contains("1,000") && !builder.communityChance(0.03).contains("1.000"))
    }
}
