import Foundation
import RegisterModel
import Reporting
import Scoring
import Testing
import TextLayer
import _TestSupport

/// What the community report shows, as a resident, a patient or a person who draws on care reads
/// it: every outcome of every option's entries, whose chance a chance is, what the list is about,
/// aims said from what they are counted from, costs that can only rise, whose figures fill in for
/// a group that gave few estimates, and counts of people that are none in most years.
@Suite("What the community report shows", .serialized)
struct CommunityContentTests {
    static func page(_ name: String, _ language: String = "en", format: ReportOptions.Format = .markdown,
                     _ change: (inout Register) -> Void = { _ in }) throws -> String {
        var register = try ReportFixtures.load(name)
        change(&register)
        return try ReportFixtures.render(register, format: format, audience: .community, trials: 1_000, language: language)
    }

    /// The text of one entry's section on a Markdown page, from its heading to the next.
    static func entry(_ page: String, _ id: String) throws -> String {
        let start = try #require(page.range(of: #"### [^\n]* \(\#(id)\)\n"#, options: .regularExpression), "no entry \(id)")
        let rest = page[start.upperBound...]
        return String(rest).components(separatedBy: "\n### ").first ?? ""
    }

    /// The text of one outcome's part of the detail section.
    static func section(_ page: String, _ heading: String) throws -> String {
        let parts = page.components(separatedBy: "\n### \(heading)\n")
        try #require(parts.count > 1, "no section \(heading)")
        return parts.last!.components(separatedBy: "\n### ").first ?? ""
    }

    // MARK: Every outcome of every option

    /// AS-08 (supported living) showed only "about £120,000 saved … in “Adult social care
    /// budget”" though the register gives it hours and wellbeing, as it does the assumed AS-06;
    /// W7-08 showed only nursing time beside its bed days and ward costs. An option set aside
    /// lists every outcome its entry affects, as the assumed one does.
    @Test func anOptionSetAsideShowsEveryOutcomeItAffects() throws {
        let care = try Self.page("adult-social-care-positive-risk")
        let supported = try Self.entry(care, "AS-08")
        #expect(supported.contains("in “Hours of independent living”"), "\(supported)")
        #expect(supported.contains("in “Wellbeing of the people taking part”"), "\(supported)")
        #expect(supported.contains("in “Overspend on care and support”"))
        let ward = try Self.page("ward-7-patient-partnership")
        let plans = try Self.entry(ward, "W7-08")
        #expect(plans.contains("in “Bed days”"), "\(plans)")
        #expect(plans.contains("in “Costs beyond the ward budget”"), "\(plans)")
        #expect(plans.contains("in “Nursing time”"))
        let dutch = try Self.page("adult-social-care-positive-risk", "nl")
        let supportedNL = try Self.entry(dutch, "AS-08")
        #expect(supportedNL.contains("„Hours of independent living”"), "\(supportedNL)")
        #expect(supportedNL.contains("„Wellbeing of the people taking part”"), "\(supportedNL)")
    }

    /// The score gives an option set aside its figures on each outcome its entries affect, as it
    /// does an entry in the headline, without a share of a headline outcome's variance.
    @Test func theScoreGivesAnOptionSetAsideItsEffects() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let score = try Scorer.score(register, options: ScoringOptions(seed: 7, trials: 500, jobs: 2, asOf: ReportFixtures.asOf))
        let supported = try #require(score.risks.first { $0.id == "AS-08" })
        #expect(!supported.inHeadline)
        let effects = try #require(supported.effects)
        #expect(effects.map(\.outcome) == register.risk("AS-08")!.outcomes)
        #expect(effects.allSatisfy { $0.varianceShare == nil })
        #expect(effects.dropFirst().contains { $0.meanBenefit > 0 })
        // Its own outcome's figures are the entry's own.
        #expect(effects[0].meanBenefit == supported.meanBenefit)
    }

    // MARK: Whose chance it is

    /// "A family carer can no longer cope … How likely: 98 in 100" read as a carer's own chance,
    /// and "Shared Lives arrangements for 12 people … 82 in 100" as one person's. Where the
    /// register says whom the entry could happen to (`at-risk`), the chance is said as that of its
    /// happening at least once to any of them, not the chance for any one.
    @Test func aChanceAboutManyPeopleSaysItIsNotOnePersons() throws {
        let care = try Self.page("adult-social-care-positive-risk")
        let carers = try Self.entry(care, "AS-12")
        #expect(carers.contains("- How likely it is that, in 2027/28, it happens at least once to any of the borough's family carers: "), "\(carers)")
        #expect(carers.contains(". That is not the chance for any one of them, which is smaller."))
        let shared = try Self.entry(care, "AS-06")
        #expect(shared.contains("this activity goes wrong in the way described above at least once for any of the 12 people: "), "\(shared)")
        // An entry that names no one keeps the plain sentence.
        let shortage = try Self.entry(care, "AS-11")
        #expect(shortage.contains("- How likely in 2027/28: "), "\(shortage)")
        let dutch = try Self.page("community-safety-leiden", "nl")
        let hurt = try Self.entry(dutch, "CS-04")
        #expect(hurt.contains("- Kans dat het in 2027 minstens één keer gebeurt bij een van de vrijwilligers (ongeveer 45): "), "\(hurt)")
        #expect(hurt.contains("Dat is niet de kans voor ieder van hen apart; die is kleiner."))
        let english = try Self.page("community-safety-leiden", "en")
        #expect(try Self.entry(english, "CS-04").contains("it happens at least once to any of the volunteers (about 45): "))
        // Without `at-risk`, the old sentence.
        let plain = try Self.page("community-safety-leiden", "nl") { r in
            r.risks = r.risks.map { var risk = $0; risk.atRisk = nil; return risk }
        }
        #expect(try Self.entry(plain, "CS-04").contains("- De kans dat het in 2027 gebeurt: "))
    }

    /// `at-risk` is register text like any other: read in each language, and withheld where it
    /// names a confidential entry.
    @Test func atRiskIsReadAndWithheldLikeOtherText() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        #expect(register.risk("CS-04")?.atRisk == "the volunteers (about 45)")
        let confidential = try #require(register.risks.first { $0.isConfidential })
        var leaky = register
        leaky.risks = leaky.risks.map { r in
            var r = r
            if r.id == "CS-04" { r.atRisk = "the people named in \(confidential.id)" }
            return r
        }
        let view = CommunityView(leaky, phrases: Phrasebook.english)
        #expect(view.register.risk("CS-04")?.atRisk == Phrasebook.english("community.withheld-text"))
    }

    // MARK: What the list is about

    /// The register's description ("Risks of the ways Ward 7, a 28-bed ward for older people,
    /// shares care …") sat in "For those who want the detail", after the glossary, without a
    /// heading. It opens the page, under a plain heading.
    @Test func whatTheListIsAboutComesFirst() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        let about = try #require(ward.range(of: "\n## What this list is about\n\nRisks of the ways Ward 7, a 28-bed ward for older people"), "\(ward.prefix(3_000))")
        let limits = try #require(ward.range(of: "\n## Are things within the limits that were set?"))
        #expect(about.lowerBound < limits.lowerBound)
        #expect(ward.components(separatedBy: "Risks of the ways Ward 7, a 28-bed ward").count == 2)
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(dutch.contains("\n## Waar deze lijst over gaat\n\nRisico's voor de samenwerking tussen de gemeente"))
        let detail = try #require(dutch.components(separatedBy: "## Voor wie het precies wil weten").last)
        #expect(!detail.contains("Risico's voor de samenwerking tussen de gemeente"))
        let html = try Self.page("community-safety-leiden", "nl", format: .html)
        #expect(CommunityFirstReadTests.matches(html, #"<h2>Waar deze lijst over gaat</h2>\n<p dir="auto">Risico[^ ]*s voor de samenwerking"#))
        #expect(html.components(separatedBy: "s voor de samenwerking tussen de gemeente").count == 2)
    }

    // MARK: Aims said from their baseline

    /// "One time it does not end better than planned" where the baseline is "the ward's usual
    /// bedside nursing time" and the aim "more than 260 points above people's scores": nothing
    /// was planned. A filled mark for an aim is said from what the outcome is counted from.
    @Test func anAimsPictureSaysWhatItIsCountedFrom() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        #expect(!ward.contains("better than planned"))
        #expect(ward.contains("Each filled square is one time “Nursing time” does not end above the ward's usual bedside nursing time: "))
        #expect(ward.contains("Each filled square is one time “Bed days” does not end below the bed days the ward's patients usually need: "))
        let care = try Self.page("adult-social-care-positive-risk")
        #expect(care.contains("Each filled square is one time “Wellbeing of the people taking part” does not end more than 260 points above people's scores before they started: "))
        #expect(!care.contains("better than planned"))
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(!dutch.contains("beter uitpakt dan gepland"))
        #expect(dutch.contains("Elk gekleurd hokje staat voor één keer dat „Vrijwilligersuren op straat” niet boven het plan uitkomt: "), "\(dutch)")
        // Counted from nothing: a net gain, not a plan.
        let plain = try Self.page("community-safety-leiden", "en") { r in r.outcomes = r.outcomes.map { var o = $0; o.baseline = nil; return o } }
        #expect(plain.contains("Each filled square is one time “Volunteer hours on the street” does not end with a net gain: "))
        #expect(!plain.contains("better than planned"))
        let plainNL = try Self.page("community-safety-leiden", "nl") { r in r.outcomes = r.outcomes.map { var o = $0; o.baseline = nil; return o } }
        #expect(plainNL.contains("Elk gekleurd hokje staat voor één keer dat „Vrijwilligersuren op straat” per saldo geen winst oplevert: "))
    }

    // MARK: Costs that can only rise

    /// The Leiden costs showed a column "Kans op een netto-afname: <0,1%" beside "it can only
    /// rise": the only entry that saves costs belongs to an option the page does not assume.
    /// Where no entry in the page's figures lowers an outcome, nothing speaks of its falling.
    @Test func costsNoScoredEntryLowersCanOnlyRise() throws {
        let dutch = try Self.page("community-safety-leiden", "nl")
        let costs = try Self.section(dutch, "Overschrijding van de convenantbegroting 2027")
        #expect(!costs.contains("netto-afname"), "\(costs)")
        #expect(!costs.contains("minteken"))
        let english = try Self.page("community-safety-leiden", "en")
        let costsEN = try Self.section(english, "Overspend on the partnership's 2027 budget")
        #expect(!costsEN.contains("net reduction"), "\(costsEN)")
        #expect(costsEN.contains("so here it is never below zero; under another option an entry takes something off it"))
        // The burglaries, which the rounds lower, keep theirs.
        #expect(try Self.section(english, "Residential burglaries and street robberies in the partnership area").contains("Chance of a net reduction"))
    }

    // MARK: Groups with few estimates

    /// "On the estimates of “Ward clinicians” and “Carers”, it is not [kept]", while carers gave
    /// estimates for 3 entries: whose figures fill in the rest is said plainly.
    @Test func aGroupsVerdictSaysWhoseFiguresFillIn() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        #expect(CommunityFirstReadTests.matches(ward, #"“Carers” gave their own estimates for [0-9]+ of the [0-9]+ entries that count here; for the others, their figures use the other groups' estimates together\."#), "\(ward)")
        let dutch = try Self.page("ward-7-patient-partnership", "nl")
        #expect(CommunityFirstReadTests.matches(dutch, #"„Carers” gaf eigen schattingen voor [0-9]+ van de [0-9]+ onderdelen die hier meetellen; voor de andere onderdelen tellen in hun cijfers de schattingen van de andere groepen samen\."#))
    }

    /// People who draw on care gave no estimate for AS-06 (Shared Lives), and the page did not
    /// say so: the entry and the comparison of estimates say it.
    @Test func anEntryThePeopleItIsForDidNotEstimateSaysSo() throws {
        let care = try Self.page("adult-social-care-positive-risk")
        let shared = try Self.entry(care, "AS-06")
        #expect(shared.contains("- “People who draw on care and support” gave no estimate for this entry; its figures come from the estimates of “Social workers and practitioners” and “Family carers”."), "\(shared)")
        #expect(care.contains("  - People who draw on care and support: no estimate of their own\n"))
        // An entry they estimated says nothing of the kind about them.
        #expect(!(try Self.entry(care, "AS-05")).contains("“People who draw on care and support” gave no estimate"))
        let dutch = try Self.page("adult-social-care-positive-risk", "nl")
        #expect(try Self.entry(dutch, "AS-06").contains("- De groep „People who draw on care and support” gaf voor dit onderdeel geen eigen schatting. De cijfers komen uit de schattingen van „Social workers and practitioners” en „Family carers”."))
        #expect(dutch.contains("  - People who draw on care and support: geen eigen schatting\n"))
    }

    /// A community group's silence is said as a service users' group's is: Leiden's volunteers
    /// gave no estimate for the street lights on their own patrol routes (CS-11), and the page
    /// said nothing, where the other pages named every group that gave none.
    @Test func anEntryACommunityGroupDidNotEstimateSaysSo() throws {
        let leiden = try Self.page("community-safety-leiden")
        let lights = try Self.entry(leiden, "CS-11")
        #expect(lights.contains("- “Volunteers” gave no estimate for this entry; its figures come from the estimates of “Municipality and police” and “Residents' panel”."), "\(lights)")
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(try Self.entry(dutch, "CS-11").contains("- De groep „Vrijwilligers” gaf voor dit onderdeel geen eigen schatting. De cijfers komen uit de schattingen van „Gemeente en politie” en „"))
    }

    // MARK: Counts of people that are none in most years

    /// "In a 1 in 10 bad year, none: at least 9 years in 10 see no rise at all" and "A 1 in 10
    /// bad year brings none: at least 9 years in 10 see no rise at all with responses" read as
    /// garbled, and a count of patients does not "rise".
    @Test func aCountThatIsNoneInMostYearsSaysSoPlainly() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        let privacy = try Self.section(ward, "Patients whose confidential information is overheard")
        #expect(!ward.contains("see no rise at all"))
        #expect(privacy.contains("; in at least 9 years in 10, there is not a single patient."), "\(privacy)")
        // A rare count says how often it comes, and no "in a year" after that.
        #expect(!privacy.contains("years in a year"), "\(privacy)")
        #expect(privacy.contains("With the planned actions, in at least 9 years in 10, there is not a single patient; without them, a 1 in 10 bad year brings 1 patient or more."), "\(privacy)")
        let dutch = try Self.page("ward-7-patient-partnership", "nl")
        #expect(!dutch.contains("geen enkele toename"))
        #expect(CommunityFirstReadTests.matches(dutch, #"; in minstens 9 van de 10 [a-z]+ is er geen enkele patient\."#), "\(dutch)")
    }
}
