import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// The community report's own sentences: placeholders shown as placeholders, the horizon in
/// words for any horizon, and every outcome an entry affects.
@Suite("Community report words")
struct CommunityWordsTests {
    static func council() throws -> Register {
        let loaded = RegisterFile.read(path: TestSupport.path("docs/examples/council-register.yaml"), asOf: ReportFixtures.asOf)
        return try #require(loaded.register)
    }

    /// An imported register names one placeholder contributor on every entry; the community
    /// report says who helped is not recorded yet, and never names the placeholder.
    @Test func importPlaceholdersAreNotShownAsFacts() throws {
        let register = try Self.council()
        let placeholders = register.risks.filter { $0.needsReview.contains("coproduction") }.count
        #expect(placeholders == register.risks.count)
        for format in [ReportOptions.Format.markdown, .html] {
            let out = try ReportFixtures.render(register, format: format, audience: .community, trials: 500)
            #expect(!out.contains("a member of staff") && !out.contains("Staff who asked not to be named"), "\(format)")
            #expect(!out.contains("They helped judge how likely it is"), "\(format)")
            #expect(out.components(separatedBy: "Who helped: not recorded yet.").count - 1 == placeholders, "\(format)")
            #expect(out.contains("For \(placeholders) entries, we have not yet recorded who helped."), "\(format)")
            #expect(out.contains("Not checked yet: what the action costs and who helped."), "\(format)")
            #expect(out.contains("£0 (a placeholder: not recorded yet)"), "\(format)")
        }
    }

    /// The same register once the officer has checked it: the helpers are named as usual, so
    /// the placeholder wording comes from the marks and nothing else.
    @Test func checkedEntriesNameWhoHelped() throws {
        var register = try Self.council()
        register.risks = register.risks.map { var r = $0; r.needsReview = []; return r }
        let out = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500)
        #expect(!out.contains("not recorded yet"))
        #expect(!out.contains("Not checked yet"))
        #expect(out.contains("They helped judge how likely it is and how bad it could be."))
    }

    /// Every horizon a register may give reads as a time ahead in both languages: "the next 6
    /// months", "het komende jaar", "de komende 2 jaar" — never "the next period of 18 months"
    /// or "het komende 6 maanden".
    @Test(arguments: [
        ("1 year", "the next year", "het komende jaar"),
        ("12 months", "the next year", "het komende jaar"),
        ("6 months", "the next 6 months", "de komende 6 maanden"),
        ("18 months", "the next 18 months", "de komende 18 maanden"),
        ("24 months", "the next 2 years", "de komende 2 jaar"),
        ("2 years", "the next 2 years", "de komende 2 jaar"),
        ("1 month", "the next month", "de komende maand"),
        ("3 weeks", "the next 3 weeks", "de komende 3 weken"),
        ("1 week", "the next week", "de komende week"),
        ("14 days", "the next 2 weeks", "de komende 2 weken"),
    ])
    func horizonWordsFitEveryHorizon(horizon: String, english: String, dutch: String) throws {
        var register = try ReportFixtures.load("community-safety-leiden")
        register.metadata.horizon = try #require(Horizon(horizon))
        // The horizon's own words, which a named period ("2027") replaces.
        register.metadata.period = nil
        register.translations.texts[Translations.Place(.register, "", "period")] = nil
        for (language, phrase) in [("en", english), ("nl", dutch)] {
            let out = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 200, language: language)
            // The residents' part, before the board's detail tables.
            let phrases = try #require(Phrasebook.builtIn(language))
            let detail = phrases("template.community-detail")
            let end = try #require(out.range(of: "\n## " + detail))
            let community = String(out[..<end.lowerBound])
            #expect(community.contains("All figures are for \(phrase),") || community.contains("Alle cijfers gaan over \(phrase)."), "\(language) \(horizon)")
            #expect(community.contains("in \(phrase).") || community.contains("in \(phrase) "), "\(language) \(horizon)")
            for wrong in ["period of", "periode van", "het komende \(horizon)", "het komende 1", "de komende 1 "] {
                #expect(!community.contains(wrong), "\(language) \(horizon): \(wrong)")
            }
        }
    }

    /// An entry with effects on several outcomes says what it does to each: AS-01 costs hours
    /// of independent living and adds safeguarding enquiries.
    @Test func everyOutcomeAnEntryAffectsIsShown() throws {
        let out = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown)
        let start = try #require(out.range(of: "### People travel on their own by bus"))
        let entry = String(out[start.upperBound...].prefix { $0 != "#" })
        let harm = try #require(entry.split(separator: "\n").first { $0.hasPrefix("- If it goes wrong") })
        #expect(harm.contains("less in “Hours of independent living”"), "\(harm)")
        #expect(harm.contains("more in “Safeguarding enquiries”"), "\(harm)")
        #expect(entry.contains("- What people gain in the 2027/28 financial year (April 2027 to March 2028), on average: about")
                || entry.contains("- What people gain in 2027/28, on average: about"))
        #expect(entry.contains("more in “Hours of independent living”. This is a risk taken on purpose"))
    }

    /// A gain on an outcome where less is better is that much less of it: "15.8 incidents
    /// less", never "a gain of 15.8 incidents".
    @Test func gainsFollowTheOutcomesDirection() throws {
        let out = try ReportFixtures.example("community-safety-leiden", .community, format: .markdown)
        let start = try #require(out.range(of: "### Evening rounds by volunteers"))
        let entry = String(out[start.upperBound...].prefix { $0 != "#" })
        let gain = try #require(entry.split(separator: "\n").first { $0.hasPrefix("- What people gain") })
        #expect(gain.contains("incidents fewer in “Burglaries and street robberies”"), "\(gain)")
        #expect(entry.contains("This comes only with the options “Keep the evening rounds” and “Rounds and cameras together”. The figures on this page assume “Keep the evening rounds”."))
    }

    /// What a first reading found misleading, held in place: an aim missed is "short of the
    /// aim", never "over the limit"; no chance is "no chance"; two limits on one outcome have
    /// headings that tell them apart; the chance used is given with the groups' own chances
    /// before the planned actions, so it never looks lower than both for no reason.
    @Test(arguments: ReportFixtures.examples)
    func residentsAreNotMisled(_ name: String) throws {
        let out = try ReportFixtures.example(name, .community, format: .markdown)
        let end = try #require(out.range(of: "\n## For those who want the detail"))
        let community = String(out[..<end.lowerBound])
        #expect(!community.contains("no chance"))
        let headings = community.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(Set(headings).count == headings.count, "\(headings)")
        for line in community.split(separator: "\n") where line.hasPrefix("### ") && line.contains("aim") {
            #expect(line.hasSuffix(": expected to meet the aim") || line.hasSuffix(": expected to fall short of the aim") || line.hasSuffix(": too close to say"), "\(line)")
        }
        // Every entry compared ends with the groups together, after every group that estimated it.
        // (Counted in the part on how the estimates counted: option cards list an entry that
        // comes with the option in the same form.)
        let counted = community.components(separatedBy: "\n## ").first { $0.hasPrefix("How the estimates counted") } ?? ""
        let compared = counted.split(separator: "\n").filter { $0.hasPrefix("- “") && !$0.contains(":") && !$0.contains("gave no estimate") }.count
        #expect(compared > 0)
        #expect(counted.components(separatedBy: "\n  - The groups together").count - 1 == compared)
        if name == "adult-social-care-positive-risk" {
            // Shared Lives and supported living give the 12 people hours of their own, so the
            // proposed option meets the aim on hours.
            #expect(community.contains("### Hours of independent living: expected to meet the aim"))
            // Staying in residential care does not.
            #expect(community.range(of: #"(in their care homes|the baseline): [0-9]+ in 100; aim: at least 80 in 100\. Expected to fall short of the aim\."#, options: .regularExpression) != nil)
        }
    }

    /// Register text keeps its own language inside a page in another. The Leiden register gives
    /// its texts in English and Dutch, and its Dutch names once, under `nl`: the Dutch page shows
    /// Dutch throughout, with nothing to mark, and the English page marks the Dutch names.
    @Test func registerTextIsMarkedWithItsLanguage() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let dutch = try ReportFixtures.render(register, format: .html, audience: .community, trials: 500, language: "nl")
        #expect(dutch.contains("<h3 dir=\"auto\">Vrijwilligers van Buurtpreventie Noord haken na de winter af <span class=\"code\">(CS-01)</span></h3>"))
        #expect(dutch.contains("Voor wie heeft dit gevolgen? Huishoudens in Stevenshof"))
        #expect(!dutch.contains("<span lang="), "every text the page shows is given in Dutch")
        let english = try ReportFixtures.render(register, format: .html, audience: .community, trials: 500)
        #expect(english.contains("<h3 dir=\"auto\">Volunteers drop out of Buurtpreventie Noord after the winter <span class=\"code\">(CS-01)</span></h3>"))
        #expect(english.contains("<span lang=\"nl\">Buurtpreventie Noord</span>"), "a Dutch name keeps its Dutch voice")
        // A plain register in English marks its text on a Dutch page, inside sentences too.
        let plain = try ReportFixtures.render(try ReportFixtures.load("ward-7-patient-partnership"), format: .html, audience: .community,
                                              trials: 500, language: "nl")
        #expect(plain.contains("<h3 dir=\"auto\"><span lang=\"en\">"))
        #expect(plain.contains("Wat doen we eraan? <span lang=\"en\">"))
    }
}

/// What happens if a limit is not kept, and why a group's estimates count as they do: the
/// register's own words where it gives them, a plain sentence otherwise.
@Suite struct CommunityConsequenceTests {
    @Test func theRegistersWordsAreShownWhereItGivesThem() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let dutch = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500, language: "nl")
        #expect(dutch.contains("Wat gebeurt er als de grens wordt overschreden? Het convenantoverleg besluit binnen een maand welke activiteit wordt afgeschaald"))
        #expect(dutch.contains("Wat gebeurt er als het doel niet wordt gehaald? De coördinatoren van de buurtpreventie en Buurthuis De Kooi houden vóór de zomer een extra wervingsavond"))
        // Without its own words on the aim, the plain sentence, in Dutch too.
        var plain = register
        plain.appetite = plain.appetite.map { var a = $0; if a.outcome == "vrijwilligersuren" { a.ifMissed = nil }; return a }
        let fallback = try ReportFixtures.render(plain, format: .markdown, audience: .community, trials: 500, language: "nl")
        #expect(fallback.contains("Als het doel niet wordt gehaald, bespreekt het convenantoverleg wat er moet gebeuren."), "no if-missed on the aim: the plain sentence, naming who decides")
        #expect(dutch.contains("tellen half zo zwaar als die van de groep „Gemeente en politie”. Dat besloot het convenantoverleg, in zijn vergadering van 6 oktober 2026. Het bewonerspanel gaf voor vijf onderdelen een eigen schatting. Dat ging met een korte enquête"), "\(dutch)")
        #expect(!dutch.contains("bepaalt hoe zwaar elke groep meetelt"), "every weight that differs has its reason")
    }

    @Test func withoutThemAPlainSentenceSaysWhoDecides() throws {
        var register = try ReportFixtures.load("ward-7-patient-partnership")
        register.appetite = register.appetite.map { var a = $0; a.ifMissed = nil; return a }
        register.perspectives = register.perspectives.map { var p = $0; p.weightReason = nil; p.weightSetBy = nil; return p }
        let english = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500)
        #expect(english.contains("If it goes over the limit, the ward's partnership group looks at it again and decides what to do."))
        #expect(english.contains("decides how much each group counts when it draws up the list"))
        // Without `decided-by`, "the board".
        register.metadata.decidedBy = nil
        let unnamed = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500)
        #expect(unnamed.contains("If it goes over the limit, the board looks at it again and decides what to do."))
    }
}

/// An option is one of the choices compared; a risk that comes only with some options (one of
/// evening rounds, in the options that keep them) is part of them, not a choice of its own.
@Suite struct CommunityOptionWordsTests {
    @Test func anEntryOfSomeOptionsIsNotCalledAnOption() throws {
        let english = try ReportFixtures.example("community-safety-leiden", .community, format: .markdown, trials: 500)
        let dropOut = BoardFirstReadTests.section(english, "### Volunteers drop out of Buurtpreventie Noord after the winter")
        #expect(dropOut.contains("This comes only with the options “Keep the evening rounds” and “Rounds and cameras together”. The figures on this page assume “Keep the evening rounds”."), "\(dropOut)")
        let rounds = BoardFirstReadTests.section(english, "### Evening rounds by volunteers")
        #expect(!rounds.contains("one of the options"), "\(rounds)")
    }
}
