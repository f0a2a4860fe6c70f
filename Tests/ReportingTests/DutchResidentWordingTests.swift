import Foundation
@testable import Reporting
import Testing
import _TestSupport

/// Dutch that a Leiden resident read as translated, on the residents' page and on the board's
/// page in Dutch: a limit that "gaat over de grens" (also "goes too far"), "schade doet", a
/// plural group with a singular verb, notes joined by semicolons, "De slechtste van 100 jaren",
/// chances said both as "1 op de 1.000" and as "10 op 100", English quotation marks and a stray
/// apostrophe in a heading.
@Suite("Dutch wording a resident reads")
struct DutchResidentWordingTests {

    /// The limits: each verdict said once, in words that name the limit, not "het".
    @Test func aLimitIsSaidAsOverstepped() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("over de grens gaat"))
        #expect(!dutch.contains("kans binnen de grens"))
        #expect(dutch.contains("### Woninginbraken en straatroven in het convenantgebied: binnen de grens\n"))
        #expect(dutch.contains("Wat gebeurt er als de grens wordt overschreden? "))
        #expect(ReportFixtures.matches(dutch, #"Wij schatten die kans op [0-9]+ op 100 \([0-9]+%\)\. Dat is minder dan is toegestaan\."#), "\(dutch.prefix(6_000))")
        #expect(dutch.contains("De grens: de kans dat in 2027 iemand gewond raakt, wordt bedreigd of ten onrechte wordt verdacht, mag hooguit 25 op 100 zijn."))
    }

    /// One form for a chance: "minder dan 1 op 1.000" beside "10 op 100", never "1 op de 1.000".
    @Test func aChanceHasOneForm() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("Wij schatten die kans op minder dan 1 op "), "\(dutch.prefix(3_000))")
        #expect(!dutch.contains("minder dan 1 op de ") && !dutch.contains("op de 1.000"))
        let board = try ReportFixtures.example("community-safety-leiden", .board, language: "nl")
        #expect(!board.contains("minder dan 1 op de 100"))
    }

    /// Words a translation leaves behind.
    @Test func noTranslatedPhrases() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        for phrase in ["schade doet", "schade doen", "Het leest het best", "De slechtste van 100", "gewoon jaar",
                       "- „Bewonerspanel” gaf", "- „Vrijwilligers” gaf", "in gesprek over", "Wie dit besloot", "helemaal door",
                       "Zijn cijfer", "ten opzichte van de begroting"] {
            #expect(!dutch.contains(phrase), "\(phrase)")
        }
        #expect(dutch.contains("- De groep „Bewonerspanel” gaf voor dit onderdeel geen eigen schatting. De cijfers komen uit de schattingen van „Gemeente en politie” en „Vrijwilligers”."))
        #expect(dutch.contains("| Een uitzonderlijk slecht jaar (1 op de 100 jaren is slechter) |"))
        // Who helped, in sentences that do not hang on a group's grammatical number.
        #expect(dutch.contains("- Wijkbeheer Noord: samen voeren we één maatregel uit.\n"))
        #expect(dutch.contains("- Jongerenwerk Leiden Noord: we spraken met hen over één onderdeel. Ook voeren we samen één maatregel uit.\n"))
    }

    /// The board's page in Dutch: Dutch quotation marks, no stray apostrophe after a heading,
    /// and a verb that agrees with a plural name.
    @Test func theBoardPageInDutch() throws {
        let board = try ReportFixtures.example("community-safety-leiden", .board, language: "nl")
        #expect(board.contains("### Waar de inschattingen van bewoners en gebruikers verschillen van die van de gemeente\n"))
        #expect(!board.contains("zich terugtrekt"))
        #expect(board.contains("- Zonder wijkagenten van de politie gaat "))
        #expect(board.contains("Volgend besluit, uiterlijk "))
        #expect(board.contains("Het convenantoverleg wordt gevraagd te kiezen voor „Doorgaan met de avondrondes” of voor een andere van de 4 opties"))
        let english = try ReportFixtures.example("community-safety-leiden", .board)
        #expect(english.contains("### Where community and service-user estimates differ from the officers'\n"))
    }
}
