import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// What a resident reading the Leiden community report cold needed in order to weigh the
/// choice put to them: the options side by side, harm to people said as
/// harm to people, why an entry is private and who sees it, dates that agree, counts that
/// agree, and where the actions' costs go.
@Suite("Community reports: the choice and what it rests on", .serialized)
struct CommunityChoicesTests {
    static func leiden(_ language: String, _ change: (inout Register) -> Void = { _ in }) throws -> String {
        try CommunityFirstReadTests.leiden(language, change)
    }

    static func section(_ page: String, _ heading: String) throws -> String {
        try #require(page.components(separatedBy: heading + "\n").dropFirst().first?.components(separatedBy: "\n## ").first, "no \(heading)")
    }

    /// "I'm asked to react to rounds vs cameras vs no scheduled rounds, but every verdict
    /// assumes one option": each option gets every limit with its chance and verdict, each
    /// outcome's average, and its own cost with where it is counted.
    @Test(arguments: ["en", "nl"]) func everyOptionShowsEveryLimitEveryAverageAndItsCost(_ language: String) throws {
        let register = try ReportFixtures.load("community-safety-leiden").inLanguage(language)
        let page = try Self.leiden(language)
        let en = language == "en"
        let book = try #require(Phrasebook.builtIn(language))
        let verdicts = ["within", "outside", "close", "aim.within", "aim.outside"].map { book("community.options.status." + $0) }
        let section = try Self.section(page, en ? "## The options side by side" : "## De varianten naast elkaar")
        let options = Array(section.components(separatedBy: "\n### ").dropFirst())
        #expect(options.count == register.portfolios.count, "\(section)")
        for (text, portfolio) in zip(options, register.portfolios) {
            #expect(text.hasPrefix(portfolio.title + "\n"), "\(text)")
            let lines = text.split(separator: "\n")
            let limits = lines.filter { $0.hasPrefix("- ") && ($0.contains(en ? "; accepted: at most " : "; toegestaan: hooguit ") || $0.contains(en ? "; aim: at least " : "; doel: minstens ")) }
            #expect(limits.count == register.appetite.count, "\(text)")
            #expect(limits.allSatisfy { l in verdicts.contains { l.hasSuffix(" " + $0) } }, "\(limits)")
            #expect(lines.filter { $0.hasPrefix("  - ") }.count == register.outcomes.count, "\(text)")
            let costLine = lines.first { $0.hasPrefix(en ? "- The option's own cost" : "- De eigen kosten van deze variant") }
            if portfolio.cost != nil {
                #expect(costLine?.contains(en ? "€32,000" : "€ 32.000") == true, "\(text)")
                #expect(costLine?.contains(en ? "so the chance given above for it already includes this cost" : "Ze zijn dus al meegeteld in de kans hierboven.") == true)
            } else {
                #expect(costLine == nil)
            }
            #expect(text.contains(en ? "The rest of this page assumes this option." : "De rest van deze pagina gaat uit van deze variant.") == (portfolio.id == "rondes"))
        }
        // The option the page assumes has the limits' own chances; an option without evening
        // rounds leaves out the volunteer hurt on a round, so its chance of harm is lower.
        let harm = en ? #"Chance that someone is hurt, threatened or wrongly accused: ([0-9]+) in 100"# : #"Kans dat iemand gewond raakt, wordt bedreigd of ten onrechte wordt verdacht: ([0-9]+) op 100"#
        let pattern = try Regex(harm)
        func chance(_ text: String) -> Int? {
            text.firstMatch(of: pattern).flatMap { $0.output[1].substring }.flatMap { Int(String($0)) }
        }
        let limitsSection = try Self.section(page, en ? "## Are things within the limits that were set?" : "## Blijft alles binnen de afgesproken grenzen?")
        let assumed = try #require(chance(options[0])), camera = try #require(chance(options[1]))
        // The Dutch limits section says the harm limit as the other limits: "De grens: de kans
        // dat … mag hooguit 25 op 100 zijn. Wij schatten die kans op 14 op 100."
        let limitChance = en ? chance(limitsSection)
            : limitsSection.firstMatch(of: try Regex(#"wordt verdacht, mag hooguit 25 op 100 zijn\. Wij schatten die kans op ([0-9]+) op 100"#))
                .flatMap { $0.output[1].substring }.flatMap { Int(String($0)) }
        #expect(assumed == limitChance)
        #expect(camera < assumed, "\(options[1])")
    }

    /// Without options to compare, there is no such section.
    @Test func aRegisterWithoutOptionsHasNoComparison() throws {
        let page = try ReportFixtures.render(try ReportFixtures.load("community-safety-leiden").removingPortfolios(), format: .markdown,
                                             audience: .community, trials: 500)
        #expect(!page.contains("## The options side by side"))
    }

    /// "Binnen de grens for a 14% chance that someone is hurt reads as reassurance, and
    /// nothing points out that the volunteers themselves say 15 in 100 against 8": a limit on
    /// any harm to people is a chance that someone is hurt, in the register's words, with the
    /// groups that see it very differently beside it; the detail tables count people, not a loss.
    @Test func harmToPeopleIsTheChanceThatSomeoneIsHurt() throws {
        let english = try Self.leiden("en")
        #expect(CommunityFirstReadTests.matches(english, #"Chance that someone is hurt, threatened or wrongly accused: [0-9]+ in 100; accepted: at most 25 in 100\."#))
        #expect(english.contains("How likely is “A volunteer is hurt or threatened on an evening round”? Before the planned actions: 15 in 100 according to “Volunteers”, 8 in 100 according to “Municipality and police”"), "\(english)")
        let dutch = try Self.leiden("nl")
        #expect(CommunityFirstReadTests.matches(dutch, #"Kans dat iemand gewond raakt, wordt bedreigd of ten onrechte wordt verdacht: [0-9]+ op 100; toegestaan: hooguit 25 op 100\."#))
        #expect(dutch.contains("Hoe groot is de kans op „Een vrijwilliger raakt gewond of wordt bedreigd tijdens een avondronde”? Zonder de geplande aanpak: 15 op 100 volgens de groep „Vrijwilligers”, 8 op 100 volgens de groep „Gemeente en politie”"))
        #expect(!dutch.contains("meer dan 0 personen") && !english.contains("more than 0 people"))
        // The detail section's tables on people count people.
        let detailNL = try #require(dutch.components(separatedBy: "### Mensen gewond, bedreigd of ten onrechte verdacht bij het werk van het convenant\n").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        #expect(!detailNL.contains("Verlies (personen") && !detailNL.contains("elk bedrag overschrijdt"), "\(detailNL)")
        #expect(detailNL.contains("| Aantal (personen; minder is beter) |") && detailNL.contains("Met de geplande aanpak (personen)"))
        let detailEN = try #require(english.components(separatedBy: "### People hurt, threatened or wrongly accused through the partnership's work\n").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        #expect(!detailEN.contains("Loss (people") && !detailEN.contains("exceeds each amount"), "\(detailEN)")
        #expect(detailEN.contains("at most 25 in 100 chance that anyone is harmed at all"))
    }

    /// "vertrouwelijk, bijvoorbeeld om de mensen … te beschermen" read as template text: the
    /// register's own reason, or that it is not published, and who sees the figures with the
    /// entry — never whether a verdict would change with it.
    @Test func aPrivateEntrySaysWhyAndWhoSeesIt() throws {
        let dutch = try Self.leiden("nl")
        #expect(dutch.contains("> Eén onderdeel van de lijst is vertrouwelijk. Het gaat over de veiligheid van iemand die aan de samenwerking meedoet, en die persoon zou eraan herkend kunnen worden. Het staat niet op deze pagina, en alle cijfers hier zijn zonder dat onderdeel berekend. Het convenantoverleg beslist met de volledige cijfers, waarin het wel meetelt. Dat verandert de cijfers, en het kan veranderen of een grens wordt gehaald of een doel bereikt. Omdat dit onderdeel ontbreekt, kan er ook een nummer ontbreken in de codes van de onderdelen."), "\(dutch)")
        #expect(!dutch.contains("bijvoorbeeld om de mensen"))
        let bare = try Self.leiden("en") { r in
            r.metadata.confidentialReason = nil
            r.metadata.decidedBy = nil
        }
        let note = try #require(bare.split(separator: "\n").first { $0.hasPrefix("> One entry") })
        #expect(note == "> One entry on the list is kept private. The reason is not published. It is left out of this page, and every figure here is worked out without it. Those who decide on the list use the full figures, which include it. Including it changes the figures, and can change whether a limit is kept or an aim met. That is why a number can be missing from the codes of the entries.")
        let hasFigure = note.contains { $0.isNumber }
        #expect(!hasFigure, "no figure in the note")
    }

    /// "19 januari 2027" against "maart 2027", and "by email" with no address: each example's
    /// full review is in the month its weights' reason names, and Ward 7 says where to write
    /// and names the sensor option.
    @Test func datesAgreeAndTheWayToRespondIsComplete() throws {
        let leiden = try Self.leiden("en")
        #expect(leiden.contains("The whole list is looked at again on 16 March 2027.") && leiden.contains("full review of the list in March 2027"))
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown, trials: 500)
        #expect(care.contains("The whole list is looked at again on 12 May 2027.") && care.contains("planned for May 2027"))
        #expect(!care.contains("Who would be hurt: The care budget"))
        let ward = try ReportFixtures.example("ward-7-patient-partnership", .community, format: .markdown, trials: 500)
        let next = try Self.section(ward, "## What happens next")
        #expect(next.contains("or by those plans with bed and chair sensor alarms.") && next.contains("by email to `ward7.partnership@westmoor.nhs.uk`"), "\(next)")
        #expect(!ward.contains("bay nurses"))
    }

    /// "dacht mee over 3 onderdelen" against "gaf voor vijf onderdelen een eigen schatting", and
    /// "(24+14+½·29)/2,5 = 21 but the page shows 22": each count says what it counts, and each
    /// group's chance is the one it gave, so "together" follows from the figures shown.
    @Test func countsAgreeAndTogetherFollowsFromTheGroupsFigures() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let panel = register.risks.filter { r in !r.isConfidential && r.estimates.contains { $0.perspective == "bewoners" } }.count
        let english = try Self.leiden("en")
        #expect(english.contains("- Residents' panel: worked with us on 3 entries. Helps with one action. Gave their own estimates for \(panel) entries."), "\(english)")
        #expect(english.contains("- Residents' panel: gave estimates for \(panel) entries."))
        let dutch = try Self.leiden("nl")
        #expect(dutch.contains("- Bewonerspanel Leiden Noord: we spraken met hen over 3 onderdelen. Ook voeren we samen één maatregel uit. De groep gaf eigen schattingen voor \(panel) onderdelen."), "\(dutch)")
        // The evening rounds: 25, 15 and 30 in the register, each group's figure as it gave it;
        // "together" is the entry's own chance before the planned actions, the one number the
        // page gives that chance (CommunityClarityTests checks it against the entry).
        let rounds = try #require(english.components(separatedBy: "- “Evening rounds by volunteers”\n").dropFirst().first?.split(separator: "\n").prefix { $0.hasPrefix("  - ") })
        #expect(Array(rounds.prefix(3)) == ["  - Municipality and police: 25 in 100", "  - Volunteers: 15 in 100", "  - Residents' panel: 30 in 100"])
        // Where the simulation's figure rounds to another whole number than the groups' figures
        // counted by hand ((25 + 15 + ½·30)/2.5 = 22), the figure by hand follows it.
        #expect(CommunityFirstReadTests.matches(String(rounds.last ?? ""),
                                                #"^  - The groups together: [0-9]+ in 100\.( Worked out by hand [^.]* come to 22 in 100 before the planned actions\. .*)?$"#), "\(rounds)")
    }

    /// "Ward 7 halves carers with no reason": every example says who set a weight that differs.
    @Test(arguments: ReportFixtures.examples) func whoSetEachWeightIsSaid(_ name: String) throws {
        let page = try ReportFixtures.example(name, .community, format: .markdown, trials: 500)
        let how = try Self.section(page, "## How the estimates counted")
        #expect(how.contains("count half as much as those of") && how.contains("Who decided this: "), "\(how)")
        #expect(!how.contains("decides how much each group counts"), "every weight that differs has its reason")
    }

    /// "De kosten tellen niet mee in „Onvoorziene kosten”: then where?", and "€3,500 avoids 16.2
    /// hours" read as bad value: where the costs are paid from, and that an action on something
    /// that happens in few years is there for those years.
    @Test func theActionsCostsSayWhereTheyArePaidFromAndWhatTheyAreFor() throws {
        let english = try Self.leiden("en")
        let done = try Self.section(english, "### What is being done")
        #expect(done.contains("The actions' costs are paid from the partnership's 2027 budget. They are not counted in the figures above."), "\(done)")
        let dropOut = try #require(done.split(separator: "\n").first { $0.contains("Volunteers drop out of Buurtpreventie Noord") })
        #expect(dropOut.contains("Who it protects: “Residents"), "\(dropOut)")
        #expect(!dropOut.contains("average over all years"), "no cost weighed against harm on the community page")
        let separate = try Self.leiden("nl") { $0.metadata.responseBudget = nil }
        #expect(separate.contains("De kosten van de maatregelen worden apart betaald. Ze tellen niet mee in de cijfers hierboven."))
    }

    /// The camera entry's chance is that the order is challenged: who is hurt is who loses the
    /// cameras, and being filmed, certain if they come, is said in the description.
    @Test func theCameraEntryNamesTheHarmItsChanceIsAbout() throws {
        let english = try Self.leiden("en")
        #expect(!english.contains("who are filmed"))
        #expect(english.contains("Shoppers and residents on the two squares, if the cameras have to go"))
        #expect(english.contains("that is certain if the cameras come, and it is not in the figures."))
    }
}

extension Register {
    /// The register with no options: each entry of only some options dropped, so the rest is
    /// what every option shares.
    func removingPortfolios() -> Register {
        var r = self
        let optional = r.optionalEntries
        r.risks = r.risks.filter { !optional.contains($0.id) }
        r.correlations = r.correlations.filter { !optional.contains($0.first) && !optional.contains($0.second) }
        r.contributors = r.contributors.map { var c = $0; c.stepsBack = c.stepsBack.filter { !optional.contains($0.risk) }; return c }
        r.portfolios = []
        return r
    }
}
