import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// What residents reading the example community reports cold found misleading or unreadable,
/// each checked on the reports as the shipped templates render them.
@Suite("Community reports read cold", .serialized)
struct CommunityColdReadingTests {
    static func leiden(_ language: String, format: ReportOptions.Format = .markdown, trials: Int = 1_000,
                       _ change: (inout Register) -> Void = { _ in }) throws -> String {
        var register = try ReportFixtures.load("community-safety-leiden")
        change(&register)
        return try ReportFixtures.render(register, format: format, audience: .community, trials: trials, language: language)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// "gemiddeld 5,64 incidenten per jaar" read as six burglaries a year, when it is six above
    /// the police forecast of about 140: figures counted from a baseline say so in the sentence.
    @Test func figuresCountedFromABaselineSaySo() throws {
        let english = try Self.leiden("en")
        #expect(english.contains("ending more than 25 incidents above the police forecast (about 140 a year) in the next year should be at most"))
        #expect(Self.matches(english, #"After responses we expect, on average, [0-9.,]+ incidents (more|less) than the police forecast \(about 140 a year\) in a year; in a 1 in 10 bad year, [0-9.,]+ incidents or more above the police forecast"#), "\(english)")
        let dutch = try Self.leiden("nl")
        #expect(dutch.contains("in het komende jaar meer dan 25 incidenten boven de prognose van de politie (ongeveer 140 per jaar) uitkomt, mag hooguit"))
        #expect(dutch.contains("in het komende jaar meer dan € 50.000 boven de begroting 2027 uitkomt"))
        #expect(Self.matches(dutch, #"Na maatregelen verwachten we per jaar gemiddeld [0-9.,]+ incidenten (méér|minder) dan de prognose van de politie \(ongeveer 140 per jaar\); in een slecht jaar \(1 op 10\) [0-9.,]+ incidenten of meer boven de prognose"#))
        #expect(!dutch.contains("slechter uitvalt dan gepland"))
        // Without a baseline the figures are counted from nothing, and say nothing of one.
        let plain = try Self.leiden("en") { r in r.outcomes = r.outcomes.map { var o = $0; o.baseline = nil; return o } }
        #expect(!plain.contains("above the police forecast (about 140 a year) in the next year"))
        #expect(Self.matches(plain, #"After responses we expect, on average, [0-9.,]+ incidents in a year"#))
    }

    /// An aim on the net benefit of an outcome counted from a baseline read "ending above the bed
    /// days the ward's patients usually need" for bed days, where the aim is to end below them,
    /// and "ending above people's scores when they joined" for an aim of more than 100 wellbeing
    /// points above them. The aim says which side of the baseline, and by how much.
    @Test func anAimCountedFromABaselineSaysWhichSideAndHowFar() throws {
        let ward = try ReportFixtures.render(try ReportFixtures.load("ward-7-patient-partnership"), format: .markdown, audience: .community, trials: 500)
        #expect(ward.contains("the chance of “Bed days” ending below the bed days the ward's patients usually need in the next year should be at least 60 in 100"))
        #expect(!ward.contains("ending above the bed days"))
        #expect(ward.contains("the chance of “Nursing time” ending above the ward's usual bedside nursing time in the next year"))
        let care = try ReportFixtures.render(try ReportFixtures.load("adult-social-care-positive-risk"), format: .markdown, audience: .community, trials: 500)
        #expect(care.contains("ending more than 100 points above people's scores when they joined in the next year should be at least 60 in 100"))
        #expect(care.contains("chance of ending more than 100 points above people's scores when they joined: "))
        #expect(!care.contains("ending above people's scores"))
    }

    /// "How your estimates counted" compared two groups of three and then gave "all groups
    /// together"; the residents' own figures were missing, and the panel's entry count (five)
    /// did not match "Who helped" (three). Each group is listed with its members and the number
    /// of entries it estimated, counted from the estimates; each comparison names every group
    /// that estimated the entry; an unnamed member of a group says which group.
    @Test func everyGroupsEstimatesAreShownWithWhoIsInIt() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let public_ = register.risks.filter { !$0.isConfidential }
        func count(_ perspective: String) -> Int { public_.filter { r in r.estimates.contains { $0.perspective == perspective } }.count }
        let dutch = try Self.leiden("nl")
        let section = try #require(dutch.components(separatedBy: "## Hoe uw inschattingen meetelden").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(section.contains("- Bewonerspanel: Bewonerspanel Leiden Noord schatte \(count("bewoners")) onderdelen in."), "\(section)")
        #expect(section.contains("- Gemeente en politie: team Openbare Orde en Veiligheid (OOV), wijkregisseur Noord en "), "\(section)")
        #expect(section.contains(". Samen schatten zij \(count("gemeente")) onderdelen in."))
        #expect(!section.contains("Alle groepen samen"))
        // The residents' own chance appears wherever they estimated an entry that is compared.
        let rounds = try #require(section.components(separatedBy: "- „Avondrondes door vrijwilligers”\n").dropFirst().first)
        let lines = rounds.split(separator: "\n").prefix { $0.hasPrefix("  - ") }
        #expect(lines.contains { $0.hasPrefix("  - Bewonerspanel: de kans is ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  - Vrijwilligers: ") })
        #expect(lines.contains { $0.hasPrefix("  - Gemeente en politie: ") })
        #expect(lines.last?.hasPrefix("  - De groepen samen: ") == true, "\(lines)")
        // A member of a group says whose estimates theirs are part of; one who asked not to be
        // named, too.
        #expect(dutch.contains("; helpt bij 3 maatregelen; schatte mee als deel van „Vrijwilligers”."))
        let unnamed = { (r: inout Register) in
            r.contributors = r.contributors.map { var c = $0; if c.id == "wijkregisseur" { c.isPublic = false }; return c }
        }
        let hidden = try Self.leiden("nl", unnamed)
        #expect(hidden.contains("- Personeel dat anoniem wil blijven: ") && hidden.contains("schatte mee als deel van „Gemeente en politie”."), "\(hidden)")
        let english = try Self.leiden("en", unnamed)
        #expect(english.contains("- Staff who asked not to be named: ") && english.contains("Its estimates are part of “Municipality and police”."), "\(english)")
        // Adult social care's travellers are not named.
        let care = try ReportFixtures.render(try ReportFixtures.load("adult-social-care-positive-risk"), format: .markdown, audience: .community, trials: 500)
        #expect(care.contains("- A group of service users who asked not to be named: worked with us on one entry. Its estimates are part of “People who draw on care and support”."), "\(care)")
        #expect(!english.contains("All groups together"))
    }

    /// "It costs €6,000 and on average avoids €449" read as money wasted: where a response
    /// avoids less money than it costs, the page says what it protects, in the entry's own
    /// words (who would be hurt); where the costs are paid from is said once, above the list.
    @Test func responsesThatCostMoreThanTheyAvoidSayWhatTheyProtect() throws {
        let dutch = try Self.leiden("nl")
        let done = try #require(dutch.components(separatedBy: "### Wat er wordt gedaan").dropFirst().first?.components(separatedBy: "\n## ").first)
        let volunteer = try #require(done.split(separator: "\n").first { $0.contains("Een vrijwilliger raakt gewond") })
        #expect(volunteer.hasSuffix("Dat is minder dan de maatregel kost: hij beschermt vooral wat niet in geld is uit te drukken („Vrijwilligers en hun gezinnen”)."), "\(volunteer)")
        // A response measured in incidents has no exchange rate with its cost: no note.
        let burglary = try #require(done.split(separator: "\n").first { $0.contains("Inbraakreeks in Stevenshof") })
        #expect(!burglary.contains("niet in geld"), "\(burglary)")
        let english = try Self.leiden("en")
        #expect(english.contains("That is less than it costs: it mainly protects what money does not measure (“Volunteers and their families”)."))
    }

    /// Residents asked who decides on the cameras, when, and whether they can object; the page
    /// had only a phone number. The register's `next-decision`, its date and `how-to-respond`
    /// are shown under "What happens next", with the date the list is next reviewed; the gap a
    /// private entry leaves in the codes is explained without naming it.
    @Test func whatHappensNextIsShown() throws {
        let dutch = try Self.leiden("nl")
        let next = try #require(dutch.components(separatedBy: "## Wat er nu gebeurt\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(next.contains("Kiest het convenantoverleg voor camera's, dan neemt de burgemeester daarna een apart besluit over het cameratoezicht."), "\(next)")
        #expect(next.contains("of geen vaste rondes. Dat besluit valt op 19 januari 2027."), "\(next)")
        #expect(next.contains("Dan kunt u binnen zes weken na de bekendmaking van dat besluit bezwaar maken bij de burgemeester."))
        #expect(next.contains("Op 16 maart 2027 wordt de hele lijst opnieuw bekeken."))
        #expect(dutch.contains("Daarom kan er een nummer ontbreken in de codes van de onderdelen."))
        // Without the fields the section keeps only the review date.
        let bare = try Self.leiden("en") { r in
            r.metadata.nextDecision = nil
            r.metadata.nextDecisionDate = nil
            r.metadata.howToRespond = nil
        }
        let section = try #require(bare.components(separatedBy: "## What happens next\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(section.trimmingCharacters(in: .whitespacesAndNewlines) == "The whole list is looked at again on 16 March 2027.", "\(section)")
    }

    /// "going more than 0 people past what was planned" read as if someone had planned for
    /// people to be hurt: a limit on any harm at all says so.
    @Test func aLimitOnAnyHarmSaysAnyHarm() throws {
        // Without the outcome's own words for harm (`any-harm`).
        let plain = { (r: inout Register) in r.outcomes = r.outcomes.map { var o = $0; o.anyHarm = nil; return o } }
        let english = try Self.leiden("en", plain)
        #expect(english.contains("The limit: the chance of any harm at all to “People hurt, threatened or wrongly accused"), "\(english)")
        #expect(!english.contains("more than 0 people"))
        let dutch = try Self.leiden("nl", plain)
        #expect(dutch.contains("De grens: de kans dat er in het komende jaar schade is bij „Mensen die door het werk van het convenant"))
        #expect(!dutch.contains("meer dan 0 personen"))
    }
}
