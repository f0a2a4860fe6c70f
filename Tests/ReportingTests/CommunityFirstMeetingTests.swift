import Foundation
import Testing

/// The example registers' words as a resident new to them meets them: a term of the trade is
/// plain or explained where the page first uses it, not a few parts later or never; one body
/// has one name on a page; and the Dutch reads as a Dutch municipality writes, not as English
/// in Dutch words.
@Suite("Community pages: terms explained where they are first met")
struct CommunityFirstMeetingTests {
    /// The line of `page` where `term` first appears.
    static func firstLine(_ page: String, _ term: String) -> String {
        page.split(separator: "\n").first { $0.contains(term) }.map(String.init) ?? ""
    }

    /// Each term with the words that explain it, which the line of its first use must hold.
    @Test(arguments: [
        ("adult-social-care-positive-risk", "direct payments", "money from the council that people spend on their own support"),
        ("adult-social-care-positive-risk", "Shared Lives", "living in the home of a trained carer and their family"),
        ("adult-social-care-positive-risk", "supported living", "a flat of your own, with support staff on call"),
        ("adult-social-care-positive-risk", "commissioning plan", "the council's budget for buying care and support"),
        ("adult-social-care-positive-risk", "contingency", "the money it keeps back for the unexpected"),
        ("adult-social-care-positive-risk", "Safe Places", "where anyone who feels lost or unsafe can go in and ask for help"),
        ("adult-social-care-positive-risk", "Men's Shed", "a workshop where people make and mend things together"),
        ("adult-social-care-positive-risk", "respite", "a short emergency stay somewhere with care (respite)"),
        ("adult-social-care-positive-risk", "Independent Living Hub", "which helps people run their direct payments"),
        ("ward-7-patient-partnership", "bays", "closed bays (rooms of four to six beds)"),
        ("ward-7-patient-partnership", "Healthwatch", "Healthwatch Westmoor (the independent champion for patients)"),
    ])
    func aTermIsExplainedWhereItIsFirstMet(name: String, term: String, explained: String) throws {
        let page = try ReportFixtures.community(name)
        let line = Self.firstLine(page, term)
        #expect(line.contains(explained), "“\(term)” is first met without its explanation: \(line.prefix(400))")
    }

    @Test func wordsNoResidentKnowsAreGone() throws {
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        #expect(!care.contains("cuckooing") && !care.contains("mate crime"))
        #expect(!care.contains("co-chair the programme"))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(!ward.contains("Three-level self-administration assessment"))
        // The entry's heading names it; the line under the heading says what it is.
        #expect(ward.contains("(W7-11)\n\nNorovirus, the winter vomiting bug, spreads fast on a ward."))
        let leiden = try ReportFixtures.community("community-safety-leiden")
        #expect(!leiden.contains("count once, as benefit"))
    }

    /// One body, one name: the Leiden municipality's team, the Trust's falls team.
    @Test func oneBodyHasOneName() throws {
        let leiden = try ReportFixtures.community("community-safety-leiden")
        #expect(!leiden.contains("Public safety team") && !leiden.contains("ask for team Openbare Orde en Veiligheid (public order and safety)"))
        #expect(leiden.contains("public order and safety team (team OOV)"))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(!ward.contains("falls prevention group"))
        #expect(ward.replacingOccurrences(of: "falls prevention team", with: "").range(of: "falls team") == nil)
    }

    /// "chooses between the options: the ward manager, nurses, …" read as if the group's members
    /// were the options.
    @Test func theGroupsMembersDoNotReadAsTheOptions() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(!ward.contains("chooses between the options:"))
        #expect(ward.contains("chooses between the options. Its members are the ward manager, nurses, the pharmacist and the hospital's falls prevention team"))
    }

    /// Dutch as a municipality publishes it: a chance does not "take something into account",
    /// a prevented incident is not "counted as yield", the current way is not "the current way,
    /// as it is now", and a table's precision is said as rounding.
    @Test func theDutchReadsAsDutch() throws {
        let nl = try ReportFixtures.community("community-safety-leiden", "nl")
        for stiff in ["houdt er dus al rekening mee", "houden er dus rekening mee", "als opbrengst", "zoals die nu is", "bedragen op drie cijfers", "kunnen dragen"] {
            #expect(!nl.contains(stiff), "\(stiff)")
        }
        #expect(nl.contains("Ze zijn dus al meegeteld in de kans hierboven."))
        #expect(nl.contains("gaan uit van „Doorgaan met de avondrondes”, dus van de manier waarop het nu gaat."))
        #expect(nl.contains("De tabellen hieronder zijn iets preciezer: bedragen zijn afgerond op de eerste drie cijfers, andere getallen op de eerste twee cijfers, behalve hele getallen."))
        #expect(nl.contains("zitten dus nog niet in de prognose. Daarom trekken we ze van het cijfer af."))
        // "waarin elke groep zo zwaar telt" left the comparison hanging.
        #expect(!nl.contains("waarin elke groep zo zwaar telt."))
        #expect(nl.contains("het gemiddelde van de groepen, als elke groep zo zwaar telt als hierboven staat."))
    }
}
