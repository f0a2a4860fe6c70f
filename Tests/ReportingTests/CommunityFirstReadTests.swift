import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// What residents reading the example community reports cold found misleading or unreadable,
/// each checked on the reports as the shipped templates render them.
@Suite("Community reports as residents first read them", .serialized)
struct CommunityFirstReadTests {
    static func leiden(_ language: String, format: ReportOptions.Format = .markdown, trials: Int = 1_000,
                       _ change: (inout Register) -> Void = { _ in }) throws -> String {
        var register = try ReportFixtures.load("community-safety-leiden")
        change(&register)
        return try ReportFixtures.render(register, format: format, audience: .community, trials: trials, language: language)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool { ReportFixtures.matches(text, pattern) }

    /// "gemiddeld 5,64 incidenten per jaar" read as six burglaries a year, when it is six above
    /// the police forecast of about 140: figures counted from a baseline say so in the sentence.
    @Test func figuresCountedFromABaselineSaySo() throws {
        let english = try Self.leiden("en")
        #expect(english.contains("The limit: in 2027, the chance of “Residential burglaries and street robberies in the partnership area” (“Burglaries and street robberies” below) ending more than 25 incidents above the police forecast (from here on, “the forecast”) should be at most"))
        #expect(Self.matches(english, #"With the planned actions we expect, on average, about [0-9.,]+ incidents (more|less) than the (police )?forecast in a year; in a 1 in 10 bad year, [0-9.,]+ incidents or more above the (police )?forecast"#), "\(english)")
        let dutch = try Self.leiden("nl")
        #expect(dutch.contains("in 2027 meer dan 25 incidenten boven de prognose van de politie uitkomt, mag hooguit"))
        #expect(dutch.contains("in 2027 uitkomt op meer dan € 50.000 boven de begroting"))
        #expect(Self.matches(dutch, #"Met de geplande aanpak verwachten we per jaar gemiddeld ongeveer [0-9.,]+ incidenten (meer|minder) dan de prognose( van de politie)?; in een slecht jaar \(1 op 10\) [0-9.,]+ incidenten of meer boven de prognose"#))
        #expect(!dutch.contains("slechter uitvalt dan gepland"))
        // Without a baseline the figures are counted from nothing, and say nothing of one.
        let plain = try Self.leiden("en") { r in r.outcomes = r.outcomes.map { var o = $0; o.baseline = nil; return o } }
        #expect(!plain.contains("above the police forecast in the next year"))
        #expect(Self.matches(plain, #"With the planned actions we expect, on average, (about )?[0-9.,]+ incidents in a year"#))
    }

    /// An aim on the net benefit of an outcome counted from a baseline read "ending above the bed
    /// days the ward's patients usually need" for bed days, where the aim is to end below them,
    /// and "ending above people's scores when they joined" for an aim of more than 100 wellbeing
    /// points above them. The aim says which side of the baseline, and by how much.
    @Test func anAimCountedFromABaselineSaysWhichSideAndHowFar() throws {
        let ward = try ReportFixtures.example("ward-7-patient-partnership", .community, format: .markdown, trials: 500)
        #expect(ward.contains("in 2027/28, the chance of “Bed days” ending below the bed days the ward's patients usually need should be at least 60 in 100"))
        #expect(!ward.contains("ending above the bed days"))
        #expect(ward.contains("in 2027/28, the chance of “Nursing time” ending above the ward's usual bedside nursing time should be"))
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown, trials: 500)
        #expect(care.contains("in 2027/28, the chance of “Wellbeing of the people taking part” ending more than 260 points above people's scores before they started should be at least 60 in 100"))
        #expect(care.contains("chance of ending more than 260 points above people's scores before they started: "))
        #expect(!care.contains("ending above people's scores"))
    }

    /// "How the estimates counted" compared two groups of three and then gave "all groups
    /// together"; the residents' own figures were missing, and the panel's entry count (five)
    /// did not match "Who helped" (three). Each group is listed with its members and the number
    /// of entries it estimated, counted from the estimates; each comparison names every group
    /// that estimated the entry; an unnamed member of a group says which group.
    @Test func everyGroupsEstimatesAreShownWithWhoIsInIt() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let public_ = register.risks.filter { !$0.isConfidential }
        func count(_ perspective: String) -> Int { public_.filter { r in r.estimates.contains { $0.perspective == perspective } }.count }
        let dutch = try Self.leiden("nl")
        let section = try #require(dutch.components(separatedBy: "## Hoe de schattingen meetelden").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(section.contains("- Bewonerspanel: Bewonerspanel Leiden Noord, met schattingen voor \(count("bewoners")) onderdelen."), "\(section)")
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
        #expect(dutch.contains(". Ook voeren we samen 3 maatregelen uit. Hun schattingen tellen mee in de groep „Vrijwilligers”."))
        let unnamed = { (r: inout Register) in
            r.contributors = r.contributors.map { var c = $0; if c.id == "wijkregisseur" { c.isPublic = false }; return c }
        }
        let hidden = try Self.leiden("nl", unnamed)
        #expect(hidden.contains("- Medewerkers: ") && hidden.contains("Hun schattingen tellen mee in de groep „Gemeente en politie”."), "\(hidden)")
        let english = try Self.leiden("en", unnamed)
        #expect(english.contains("- Staff: ") && english.contains("Estimates counted as part of “Municipality and police”."), "\(english)")
        // Adult social care's travellers are not named.
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown, trials: 500)
        #expect(care.contains("- A group of service users: worked with us on one entry. Estimates counted as part of “People who draw on care and support”."), "\(care)")
        #expect(!english.contains("All groups together"))
    }

    /// "It costs €6,000 and on average avoids €449" read as money wasted: where a response
    /// avoids less money than it costs, the page says what it protects, in the entry's own
    /// words (who would be hurt); where the costs are paid from is said once, above the list.
    @Test func responsesThatCostMoreThanTheyAvoidSayWhatTheyProtect() throws {
        let dutch = try Self.leiden("nl")
        let done = try #require(dutch.components(separatedBy: "### Wat er wordt gedaan").dropFirst().first?.components(separatedBy: "\n## ").first)
        let volunteer = try #require(done.split(separator: "\n").first { $0.contains("Een vrijwilliger raakt gewond") })
        #expect(!volunteer.contains("Wie het beschermt") && volunteer.contains("Ter bescherming van: „Vrijwilligers en hun gezinnen”."), "\(volunteer)")
        // A response measured in incidents has no exchange rate with its cost: no note.
        let burglary = try #require(done.split(separator: "\n").first { $0.contains("Inbraakreeks in Stevenshof") })
        #expect(!burglary.contains("niet in geld"), "\(burglary)")
        let english = try Self.leiden("en")
        #expect(english.contains("Who it protects: “Volunteers and their families”."))
    }

    /// Residents asked who decides on the cameras, when, and whether they can object; the page
    /// had only a phone number. The register's `next-decision`, its date and `how-to-respond`
    /// are shown under "What happens next", with the date the list is next reviewed; the gap a
    /// private entry leaves in the codes is explained without naming it.
    @Test func whatHappensNextIsShown() throws {
        let dutch = try Self.leiden("nl")
        let next = try #require(dutch.components(separatedBy: "## Wat er nu gebeurt\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(next.contains("Het convenantoverleg kiest hoe de avondrondes in 2027 verder gaan (voor camera's neemt de burgemeester daarna nog een apart besluit):"), "\(next)")
        #expect(next.contains("of geen vaste rondes. Dat besluit valt op 19 januari 2027."), "\(next)")
        #expect(next.contains("Dan kunt u binnen zes weken na de bekendmaking van dat besluit bezwaar maken bij de burgemeester."))
        #expect(next.contains("Op 16 maart 2027 wordt de hele lijst opnieuw bekeken."))
        #expect(dutch.contains("Omdat dit onderdeel ontbreekt, kan er ook een nummer ontbreken in de codes van de onderdelen."))
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
        #expect(english.contains("The limit: the chance of any harm at all to “People hurt, threatened or wrongly accused through the partnership's work”"), "\(english)")
        #expect(!english.contains("more than 0 people"))
        let dutch = try Self.leiden("nl", plain)
        #expect(dutch.contains("De grens: de kans dat er in 2027 schade is bij „Mensen gewond, bedreigd of ten onrechte verdacht bij het werk van het convenant”"))
        #expect(!dutch.contains("meer dan 0 personen"))
    }

    /// Dutch a municipality would publish: no capital after a colon (a question instead, where
    /// register text follows), no "zo'n", hours are not "schade".
    @Test func dutchReadsAsAMunicipalityWritesIt() throws {
        let dutch = try Self.leiden("nl")
        let residents = String(dutch[..<(try #require(dutch.range(of: "\n## Voor wie het precies wil weten"))).lowerBound])
        for wrong in ["Wie er last van heeft:", "Wat hier geteld wordt:", "Als het over de grens gaat:", "zou de schade elke keer"] {
            #expect(!residents.contains(wrong), "\(wrong)")
        }
        #expect(!Self.matches(residents, #"zo'n [0-9€]"#))
        #expect(Self.matches(residents, #"Zonder deze aanpak zou de schade als het gebeurt ongeveer [0-9.]+ uur zijn\."#))
        #expect(Self.matches(residents, #"- Als het gebeurt, betekent dat gemiddeld ongeveer [0-9.]+ uur minder bij „Vrijwilligersuren op straat”\."#))
        #expect(residents.contains("Wat telt hier mee? Wat het convenant in 2027 meer uitgeeft dan de begroting toestaat"))
    }

    /// The detail section spoke the program's language: "P50", "ES95", "met seed 1", "het
    /// portfolio", "Monte-Carlo-fout", "EUR", "2026-11-30", the command line and "libyaml";
    /// the likelihood table named entries by code only. The community report words those
    /// tables for residents; the board report keeps its terms.
    @Test func theDetailSectionSpeaksPlainly() throws {
        for (language, detail) in [("nl", "\n## Voor wie het precies wil weten"), ("en", "\n## For those who want the detail")] {
            let out = try Self.leiden(language)
            let footer = language == "nl" ? "\n## Deze cijfers narekenen\n" : "\n## Checking these figures\n"
            let start = try #require(out.range(of: detail)), end = try #require(out.range(of: footer))
            let part = String(out[start.upperBound..<end.lowerBound])
            for jargon in ["P50", "P90", "P10", "ES95", "seed", "portfolio", "Monte", "libyaml", "riskreg report", "(EUR", "EUR)", "2026-11-30", "Referentiebedrag", "Reference amount"] {
                #expect(!part.contains(jargon), "\(language): \(jargon)")
            }
            // The command that reproduces the figures closes the page, after the plain words.
            let closing = String(out[end.upperBound...])
            #expect(closing.hasSuffix(language == "nl" ? "Deze opdracht geeft dezelfde cijfers: `riskreg report test`\n" : "This command gives the same figures: `riskreg report test`\n"), "\(closing)")
            #expect(closing.contains("riskreg \(RiskregVersion.current)"))
            #expect(part.contains(language == "nl" ? "| Een doorsnee jaar (in minstens de helft van de jaren is het zo of beter) |" : "| Typical year (in at least half of all years it is this or better) |"))
            #expect(part.contains(language == "nl" ? "| Vrijwilligers van Buurtpreventie Noord haken na de winter af (CS-01) |"
                                                   : "| Volunteers drop out of Buurtpreventie Noord after the winter (CS-01) |"), "\(part)")
        }
        let board = try ReportFixtures.example("community-safety-leiden", .board, format: .markdown, trials: 1_000)
        #expect(board.contains("(P50)") && board.contains("libyaml"))
    }
    /// Options read as choices: the one the figures assume is not said to "belong to" itself,
    /// one not assumed says what its figures show, and an activity's chance is of its going
    /// wrong, not a bare "How likely".
    @Test func optionsSayWhatTheirFiguresAreAndWhatTheirChanceIsOf() throws {
        let page = try Self.leiden("nl")
        let dutch = String(page[(try #require(page.range(of: "\n## Wat er kan gebeuren\n"))).upperBound...])
        let rounds = try #require(dutch.components(separatedBy: "### Avondrondes door vrijwilligers (CS-05)\n").dropFirst().first?.components(separatedBy: "\n### ").first)
        #expect(rounds.contains("Dit hoort alleen bij de varianten „Doorgaan met de avondrondes” en „Rondes en camera's samen”. De cijfers op deze pagina gaan uit van „Doorgaan met de avondrondes”."), "\(rounds)")
        #expect(rounds.contains("- De kans dat deze activiteit in 2027 misgaat zoals hierboven beschreven: "))
        let cameras = try #require(dutch.components(separatedBy: "### Camera's op de winkelpleinen Kooiplein en Stevensbloem (CS-06)\n").dropFirst().first?.components(separatedBy: "\n### ").first)
        #expect(cameras.contains("de cijfers hieronder laten zien hoe het zou gaan als voor een van die varianten wordt gekozen."), "\(cameras)")
        let english = try Self.leiden("en")
        #expect(english.contains("This comes only with the options “Keep the evening rounds” and “Rounds and cameras together”."))
        #expect(english.contains("- How likely it is that this activity goes wrong in 2027, in the way described above: "))
    }

    /// The dot pictures say in a sentence or two what they show, with the limit: "Imagine the
    /// next year played out a hundred times. Each filled square is one time in which … more
    /// than 25 incidents above the forecast: 13 of the 100. At most 20 such times in 100 are
    /// accepted." In HTML the picture is hidden from screen
    /// readers, which read those sentences instead of 100 marks.
    @Test func dotPicturesSayWhatTheyShowInASentence() throws {
        let dutch = try Self.leiden("nl")
        #expect(Self.matches(dutch, #"Stel dat we 2027 honderd keer zouden meemaken\. Elk gekleurd hokje staat voor één keer dat „Inbraken en straatroven” meer dan 25 incidenten boven de prognose( van de politie)? uitkomt: [0-9]+ van de 100\. Er mogen hooguit 20 van zulke keren op de 100 zijn\.\n\n■"#), "\(dutch)")
        #expect(!dutch.contains("vakjes gevuld"))
        let html = try Self.leiden("en", format: .html)
        #expect(html.contains("aria-hidden=\"true\""))
        #expect(!html.contains("role=\"img\" aria-label=\"Imagine"))
        #expect(Self.matches(html, #"Imagine <bdi>2027</bdi> played out a hundred times\. Each filled square is one time “<bdi>Volunteer hours on the street</bdi>” does not end above <bdi>the 2027 plan</bdi>: [0-9]+ of the 100\. The aim is that no more than 30 do\."#))
    }

    /// "7 op 100 (7,5%)" reads as a mistake to someone who rounds 7,5 to 8: in the residents'
    /// part every natural frequency and its percentage are the same number.
    @Test func frequenciesAndPercentagesAgree() throws {
        for language in ["nl", "en"] {
            let out = try Self.leiden(language, trials: 4_000)
            let detail = language == "nl" ? "\n## Voor wie het precies wil weten" : "\n## For those who want the detail"
            let residents = String(out[..<(try #require(out.range(of: detail))).lowerBound])
            let pattern = try NSRegularExpression(pattern: #"([0-9]+) (?:op|in) (100|1[.,]000) \(([0-9]+(?:[.,][0-9])?)%\)"#)
            let matches = pattern.matches(in: residents, range: NSRange(residents.startIndex..., in: residents))
            #expect(matches.count > 10)
            for m in matches {
                let text = { (i: Int) in (residents as NSString).substring(with: m.range(at: i)) }
                let k = Double(text(1))!, n = text(2) == "100" ? 100.0 : 1000.0
                let percent = Double(text(3).replacingOccurrences(of: ",", with: "."))!
                #expect(abs(k / n * 100 - percent) < 1e-9, "\(language): \(text(0))")
            }
        }
    }

    /// Every community report of the examples, in Markdown, up to the detail section.
    static func residentsParts() throws -> [(name: String, text: String)] {
        var parts: [(String, String)] = []
        for name in ReportFixtures.examples {
            let out = try ReportFixtures.example(name, .community, format: .markdown, trials: 2_000)
            parts.append((name, String(out[..<(try #require(out.range(of: "\n## For those who want the detail"))).lowerBound])))
        }
        let dutch = try leiden("nl", trials: 2_000)
        parts.append(("leiden nl", String(dutch[..<(try #require(dutch.range(of: "\n## Voor wie het precies wil weten"))).lowerBound])))
        return parts
    }

    /// The dot pictures switched meaning (filled = the years over the limit, then filled = the
    /// years better than planned), and "de jaren" read as real years. A filled mark is always
    /// the bad case, and the caption imagines the period played out a hundred times.
    @Test func filledMarksAreAlwaysTheBadCase() throws {
        for (name, text) in try Self.residentsParts() {
            let english = !name.hasSuffix(" nl")
            let blocks = text.components(separatedBy: "\n### ").dropFirst()
            var pictures = 0
            for block in blocks where block.contains("■") || block.contains("□") {
                pictures += 1
                let filled = block.filter { $0 == "■" }.count
                let caption = try #require(block.split(separator: "\n").first {
                    // The period by its name where the register gives one (Leiden: 2027).
                    $0.hasPrefix(english ? "Imagine the next year played out a hundred times. " : "Stel dat we het komende jaar honderd keer zouden meemaken. ")
                        || $0.hasPrefix(english ? "Imagine 2027 played out a hundred times. " : "Stel dat we 2027 honderd keer zouden meemaken. ")
                        || $0.hasPrefix("Imagine the 2027/28 financial year (April 2027 to March 2028) played out a hundred times. ")
                        || $0.hasPrefix("Imagine the 2027/28 financial year played out a hundred times. ")
                        || $0.hasPrefix("Imagine 2027/28 played out a hundred times. ")
                }, "\(name): \(block)")
                let marked = try #require(caption.firstMatch(of: english ? #/: ([0-9]+) of the 100\./# : #/: ([0-9]+) van de 100\./#)?.1, "\(caption)")
                #expect(Int(marked) == filled, "\(name): \(caption)")
                // The chance the text gives is of the bad case, or for an aim its complement.
                let chance = block.firstMatch(of: english ? #/We think the chance is ([0-9]+) in 100/# : #/Wij schatten die kans op ([0-9]+) op 100/#).map { Int($0.1)! }
                if let chance {
                    let aim = caption.contains(english ? "The aim is that" : "Het doel is dat")
                    #expect(filled == (aim ? 100 - chance : chance), "\(name): \(caption)")
                }
                #expect(!caption.contains("years in which") && !caption.contains("jaren waarin"))
            }
            #expect(pictures >= 2, "\(name)")
        }
    }

    /// "Doel gehaald … Daarmee halen we het doel" stated a forecast as a fact.
    @Test func anAimIsAForecast() throws {
        let dutch = try Self.leiden("nl")
        #expect(!dutch.contains("Doel gehaald") && !dutch.contains("Daarmee halen we het doel"))
        #expect(dutch.contains("### Vrijwilligersuren op straat: we verwachten het doel te halen\n"))
        #expect(dutch.contains("We verwachten dus het doel te halen."))
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown)
        #expect(care.contains("Expected to fall short of the aim.") && !care.contains("That falls short of the aim."))
    }

    /// "43 op 1.000 (4,3%)" stood beside "7 op 100"; "zo'n 1,0 personen", "0.79 incidents"
    /// claimed a precision the estimates lack; "1 in 1,000 (<0.1%)" contradicted itself; "more
    /// than 99 in 100 (>99.9%)" gave two precisions at once.
    @Test func numbersKeepOneScaleAndWholeCounts() throws {
        for (name, text) in try Self.residentsParts() {
            for line in text.split(separator: "\n") {
                let l = String(line)
                // Out of 1,000 only where the words go below 1 in 100: "less than 1 in 1,000",
                // or "less than 1 in 100: about 1 in 1,000 (0.1%)", which gives the page's scale first.
                for m in l.matches(of: #/([a-z]+ )?[0-9]+ (?:in|op de|op) 1[.,]000/#) {
                    let upTo = l[..<m.range.upperBound], before = l[..<m.range.lowerBound]
                    // And "more than 999 in 1,000 (>99.9%)" at the other end, with its percentage.
                    #expect(upTo.hasSuffix("less than 1 in 1,000") || upTo.hasSuffix("minder dan 1 op 1.000")
                            || upTo.hasSuffix("more than 999 in 1,000") || upTo.hasSuffix("meer dan 999 op 1.000")
                            || before.hasSuffix("less than 1 in 100: ") || before.hasSuffix("minder dan 1 op 100: "),
                            "\(name): \(l)")
                }
                #expect(!l.contains("(<0.1%)") && !l.contains("(<0,1%)"), "\(name): \(l)")
                #expect(!Self.matches(l, #"(about|ongeveer) [0-9]+[.,][0-9]{1,2} (people|incidents|hours|points|personen|incidenten|uur|punten|patients|days|enquiries)"#), "\(name): \(l)")
            }
        }
    }

    /// Dutch a municipality writes: a group's help does not hang on its grammatical number
    /// ("Wijkagenten van de politie: dacht mee"), no ISO dates, "seed" or "portfolio" in the
    /// main text, no "0% met maatregelen, 0% zonder", and the planned result of an option is
    /// not a likely risk.
    @Test func dutchNeitherConjugatesGroupsNorShowsTheProgram() throws {
        let dutch = try Self.leiden("nl")
        let footer = try #require(dutch.range(of: "\n## Deze cijfers narekenen\n"))
        let page = String(dutch[..<footer.lowerBound])
        let helped = try #require(page.components(separatedBy: "## Wie hielp mee\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        #expect(helped.contains("- Wijkagenten van de politie: we spraken met hen over "), "\(helped)")
        for verb in ["dacht mee", "schatte", "helpt bij"] { #expect(!helped.contains(verb), "\(verb)") }
        #expect(!Self.matches(page, #"20[0-9]{2}-[0-9]{2}-[0-9]{2}"#))
        for word in ["seed", "portfolio", "0% met maatregelen, 0% zonder", "Zij hielpen", "Zij helpen"] { #expect(!page.contains(word), "\(word)") }
        let stop = try #require(page.components(separatedBy: "### Stoppen met vaste rondes (CS-12)\n").dropFirst().first?.components(separatedBy: "\n### ").first)
        #expect(stop.contains("- Dit is geen risico met een kans: het gebeurt als er wordt gekozen voor „Camera's op de winkelpleinen” of „Alleen wijkagent en WhatsApp-groepen”."), "\(stop)")
        #expect(!stop.contains("Kans") && !stop.contains("Bijna zeker") && !stop.contains("zeker (100%)"))
        // Nor in the likelihood table.
        #expect(!page.contains("| Stoppen met vaste rondes (CS-12) |"))
        // Nor the cameras, an entry of another option: the table says so beneath.
        #expect(!page.contains("| Camera's op de winkelpleinen Kooiplein en Stevensbloem (CS-06"))
        #expect(page.contains("Niet in deze tabel: Camera's op de winkelpleinen Kooiplein en Stevensbloem (CS-06)"))
    }

    /// Harrowden and Ward 7 as first read: money saved read as a cut to care; a harm-alone limit
    /// hid what the scheme prevents; "they helped plan what is done" where nothing is done; a
    /// mail address looked broken in the Markdown source.
    @Test func englishSaysWhatMoneyAndLimitsMean() throws {
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown)
        #expect(Self.matches(care, #"about £[0-9,]+ saved against the 2027/28 commissioning plan in “Overspend on care and support”"#))
        #expect(!Self.matches(care, #"gain[^\n]*£[0-9,]+ less in “Overspend on care and support”"#))
        for entry in care.components(separatedBy: "\n### ").dropFirst() where !entry.contains("- What is being done:") {
            #expect(!entry.contains("They helped plan what is done") && !entry.contains("They helped decide what should be done"), "\(entry)")
        }
        // The address reads as itself in the Markdown source, as a code span that GitHub does
        // not link, and with nothing invisible in it: copied, it works.
        #expect(care.contains("email `makingitreal@harrowden.gov.uk`") && !care.contains("\u{2060}harrowden") && !care.contains("\\@"))
        let html = try TestSupport.renderGitHubMarkdown([care])[0]
        #expect(!html.contains("mailto:") && !html.contains("<a ") && html.contains("<code>makingitreal@harrowden.gov.uk</code>"))
        let ward = try ReportFixtures.example("ward-7-patient-partnership", .community, format: .markdown)
        #expect(Self.matches(ward, #"counting the harm alone, should be at most 5 in 100\. Whatever people gain is not counted here\. .*Overall, this harm goes down: what is planned prevents about [0-9]+ incidents in 2027/28 on average and itself causes"#), "\(ward)")
    }
}
