import Foundation
@testable import Reporting
import Testing
import TextLayer
import _TestSupport

/// Figures on the residents' pages that a reader checks against each other: an option's
/// average against the parts the page gives, a part against its whole, a bad year against the
/// average beside it, a comparison of a figure with itself, "all groups" where one gave no
/// estimate, a rounding example that is not on the page, tiny changes and limits in whole
/// numbers.
@Suite("Community report: figures that add up and read as they are")
struct CommunityFiguresAddUpTests {
    static func page(_ name: String, _ language: String = "en") throws -> String {
        try ReportFixtures.community(name, language)
    }

    static let pages: [(String, String)] = ReportFixtures.examples.map { ($0, "en") } + [("community-safety-leiden", "nl")]

    /// Every match of `pattern` in `text`, each as its capture groups.
    static func groups(_ text: String, _ pattern: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1..<m.numberOfRanges).map { k in Range(m.range(at: k), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// "1,400" or "1.400" as a number.
    static func number(_ s: String) -> Double { Double(s.filter(\.isNumber)) ?? .nan }

    // MARK: 1. An option's average is its parts

    /// The camera option's "about 8 incidents more" beside the rounds option's 4, the rounds'
    /// 14 and the cameras' 6 did not add up: the option also holds CS-07. Its line now gives the
    /// assumed option's figure and every entry it leaves out or adds, and they add up.
    @Test(arguments: ["en", "nl"])
    func anOptionsAverageIsTheSumOfItsParts(_ language: String) throws {
        // The parts here are entries only: the register's options without rounds also run
        // CS-03's campaign without volunteers, which `anEntryTackledAnotherWayIsOnePart` covers.
        var register = try ReportFixtures.load("community-safety-leiden")
        for i in register.portfolios.indices { register.portfolios[i].responses = [] }
        let text = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 2_000, language: language)
        let options = ReportFixtures.section(text, language == "nl" ? "\n## De varianten naast elkaar" : "\n## The options side by side")
        let camera = ReportFixtures.section(options, language == "nl" ? "\n### Camera's op de winkelpleinen" : "\n### Cameras on the shopping squares")
        let title = language == "nl" ? "„Inbraken en straatroven”: " : "“Burglaries and street robberies”: "
        let line = try #require(camera.split(separator: "\n").first { $0.hasPrefix("  - " + title) }.map(String.init), "\(camera)")
        for id in ["CS-05", "CS-06", "CS-07"] { #expect(line.contains(id), "\(line)") }
        let (about, more, fewer, under) = language == "nl" ? ("ongeveer", "meer", "minder", "bij") : ("about", "more", "fewer", "under")
        let entry = language == "nl" ? "(?:met|zonder)" : "(?:with|without)"
        let total = try #require(try Self.groups(line, "\(about) ([0-9.,]+) [a-z]+ (?:meer|more) ").first)
        // The assumed option's figure, with its direction, then one part per entry that differs.
        let madeOf = language == "nl" ? ", opgebouwd uit" : ", made up of"
        // In Dutch the assumed option is named as the starting point, its figure in brackets:
        // "opgebouwd uit het startpunt „…” (4 meer)", which a resident otherwise read as the
        // rounds adding 4 incidents.
        let assumed = language == "nl" ? "\(madeOf) het startpunt „[^”]*” \\(([0-9.,]+) (\(more)|\(fewer))\\)"
                                       : "\(madeOf) ([0-9.,]+) (\(more)|\(fewer)) \(under) "
        let start = try #require(try Self.groups(line, assumed).first, "\(line)")
        let parts = try Self.groups(line, "([0-9.,]+) (\(more)|\(fewer)) \(entry) CS-")
        #expect(parts.count == 3, "\(line)")
        let sum = ([start] + parts).reduce(0) { $0 + ($1[1] == more ? 1 : -1) * Self.number($1[0]) }
        #expect(abs(sum - Self.number(total[0])) <= 2, "\(line)")
    }

    /// "About 840 hours less: about 450 more with …, 130 more without …, 8 more without … and
    /// 1,400 less with …" did not check when added as shown (−812). Every option line that gives
    /// parts adds up, as the page shows them, to its total within the total's last shown digit.
    @Test(arguments: ReportFixtures.examples)
    func optionPartsAddUpAsShown(_ name: String) throws {
        let text = try Self.page(name)
        let lines = text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("  - “") && $0.contains(", made up of ") && !$0.contains("£") && !$0.contains("€")
        }
        #expect(!lines.isEmpty, "\(name)")
        for line in lines {
            let total = try #require(try Self.groups(line, #"”: about ([0-9.,]+) [a-z]+ (more|less|fewer) "#).first, "\(line)")
            let tail = String(line[try #require(line.range(of: ", made up of ")).upperBound...])
            let parts = try Self.groups(tail, #"([0-9][0-9.,]*) (more|less|fewer) "#)
            #expect(!parts.isEmpty, "\(line)")
            func signed(_ g: [String]) -> Double { (g[1] == "more" ? 1 : -1) * Self.number(g[0]) }
            let step = abs(signed(total)) >= 100 ? pow(10, floor(log10(abs(signed(total)))) - 1) : 1
            #expect(abs(parts.map(signed).reduce(0, +) - signed(total)) <= step, "\(line)")
        }
    }

    /// "About 130 hours more …: about 3,000 hours more from … AS-01 … and about 2,900 hours
    /// less from the others" (100, not 130). Every line that gives an average as the part of
    /// one entry every option has and the part of the others adds up, as the page shows them,
    /// to its total within the total's last shown digit: where two figures each do not, the
    /// parts keep more ("about 2,990 more … and about 2,860 less").
    @Test(arguments: ReportFixtures.examples)
    func commonPartsAddUpAsShown(_ name: String) throws {
        let text = try Self.page(name)
        let lines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  - “") && $0.contains(", all from entries that every option has: ") }
        #expect(!lines.isEmpty || name == "community-safety-leiden", "\(name)")
        for line in lines {
            let total = try #require(try Self.groups(line, #"”: about ([0-9.,]+) [a-z]+ (more|less|fewer) "#).first, "\(line)")
            let tail = String(line[try #require(line.range(of: "every option has: ")).upperBound...])
            let parts = try Self.groups(tail, #"(?:about ([0-9.,]+) [a-z]+ (more|less|fewer)|slightly (more|less|fewer) \((?:less than|under) 1 [a-z]+\)) (?:from|because)"#)
            #expect(parts.count == 2, "\(line)")
            func signed(_ g: [String]) -> Double { g[0].isEmpty ? 0 : (g[1] == "more" ? 1 : -1) * Self.number(g[0]) }
            let sum = parts.map(signed).reduce(0, +), whole = signed(total)
            let step = abs(whole) >= 100 ? pow(10, floor(log10(abs(whole))) - 1) : 1
            #expect(abs(sum - whole) <= step, "\(line)")
        }
    }

    // MARK: 2. No part bigger than its whole

    /// "About 2 incidents fewer …; the largest part comes from W7-01", where W7-01 alone is
    /// about 3 fewer: the line gives W7-01's part and the others' part, and they add up.
    @Test func aCommonAverageIsTheSumOfItsParts() throws {
        let text = try Self.page("ward-7-patient-partnership")
        #expect(!text.contains("the largest part"))
        let found = try Self.groups(text, #"“Patient safety incidents”: about ([0-9]+) incidents? (fewer|more) than the ward's usual level, all from entries that every option has: about ([0-9]+) incidents? (fewer|more) because the gain from the activity behind “[^”]+” \(W7-01\) outweighs its harm, and about ([0-9]+) incidents? (fewer|more) from the other [0-9]+ entries"#)
        let f = try #require(found.first, "\(text)")
        func signed(_ n: String, _ way: String) -> Double { (way == "more" ? 1 : -1) * Self.number(n) }
        #expect(abs(signed(f[0], f[1]) - (signed(f[2], f[3]) + signed(f[4], f[5]))) <= 1.5, "\(f)")
    }

    // MARK: 3. A bad year in words is the table's

    /// "A 1 in 10 bad year brings 31 hours or more below … against 130 hours or more below …"
    /// above a table of -31 and -129, and "£74,000 … against £49,700" above -74,400 and -49,700:
    /// a bad year in words carries no "about", so it is the figure of the table beside it, as
    /// that table writes it, with the planned actions and without. None says "a saving of only …
    /// or less", which turned its meaning round.
    @Test(arguments: pages)
    func badYearsInTheTextAreTheTablesFigures(_ page: (String, String)) throws {
        let text = try Self.page(page.0, page.1)
        let dutch = page.1 == "nl"
        let amount = #"(?:(?:at most|hooguit) [£€]? ?([0-9][0-9.,]*)|([0-9][0-9.,]*)(?: [a-z]+)? (?:or more|of meer))"#
        let row = dutch ? "| Een slecht jaar (1 op de 10" : "| Bad year (1 year in 10 is worse) |"
        let pair = dutch ? #"komt het met de geplande aanpak uit op (.+?), en zonder die aanpak op (.+?)\.(?: |$)"#
                         : #"brings ([^.]+?) with the planned actions, against ([^.]+?) without them\."#
        var compared = 0
        var table: (without: String, with: String)?
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix(row) {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.count >= 3 { table = (cells[1], cells[2]) }
            } else if let found = try Self.groups(line, pair).first, let figures = table {
                let with = try #require(try Self.groups(found[0], amount).first?.first { !$0.isEmpty })
                let without = try #require(try Self.groups(found[1], amount).first?.first { !$0.isEmpty })
                #expect(Self.number(with) == Self.number(figures.with), "\(page.0) \(page.1): \(with) beside \(figures.with)")
                #expect(Self.number(without) == Self.number(figures.without), "\(page.0) \(page.1): \(without) beside \(figures.without)")
                compared += 1
            } else if line.hasPrefix("### ") {
                table = nil
            }
        }
        #expect(compared > 0, "\(page.0) \(page.1)")
        #expect(!ReportFixtures.matches(text, #"only [£€]?[0-9][0-9,.]*( [a-z]+)? or less"#), "\(page.0)")
        #expect(!ReportFixtures.matches(text, #" van maar (€ ?)?[0-9]"#), "\(page.0)")
    }

    /// "In a 1 in 10 bad year, £110,000 or more" and two paragraphs on "£106,000 or more" for
    /// the same year: the outcome's summary gives the figure the sentence under its chart gives.
    @Test(arguments: pages)
    func aBadYearIsOneFigureOnThePage(_ page: (String, String)) throws {
        let text = try Self.page(page.0, page.1)
        let detail = String(text[try #require(text.range(of: page.1 == "nl" ? "\n## Voor wie het precies wil weten" : "\n## For those who want the detail")).lowerBound...])
        let summary = page.1 == "nl" ? #"in een slecht jaar \(1 op 10\) ([^;]+?)\.(?: |$)"# : #"in a 1 in 10 bad year, ([^;]+?)\.(?: |$)"#
        let pair = page.1 == "nl" ? #"komt het met de geplande aanpak uit op (.+?), en zonder die aanpak op"# : #"brings ([^.]+?) with the planned actions, against"#
        var said: String?, compared = 0
        for line in detail.split(separator: "\n").map(String.init) {
            if line.hasPrefix(page.1 == "nl" ? "Met de geplande aanpak verwachten we" : "With the planned actions we expect") {
                said = try Self.groups(line, summary).first?.first
            } else if let with = try Self.groups(line, pair).first?.first, let bad = said {
                #expect(with == bad, "\(page.0) \(page.1): “\(bad)” then “\(with)”")
                compared += 1
                said = nil
            }
        }
        #expect(compared > 0, "\(page.0) \(page.1)")
    }

    /// The bad years of a pair are the table's figures whatever lies beside them: "a saving of
    /// £74,400 or less" and "£49,700", never "£74,000" beside the table's 74,400.
    @Test func aBadYearInWordsKeepsTheTablesFigure() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        var budget = OutcomeWords(register: register, outcome: "care-budget", unit: "money", phrases: .english)
        budget.wholeYears = true
        budget.budgetWording = true
        let pair = budget.proseBadYears(-74_400, -49_700)
        #expect(pair.with.contains("£74,400") && pair.without.contains("£49,700"), "\(pair)")
        #expect(pair.with == budget.badAveragePhrase(-74_400))
    }

    /// The saving in a bad year is said plainly: "a saving of at most £74,400 against …". A
    /// resident could not follow "a saving of £74,400 or less" nor "414 hours or less above the
    /// ward's usual bedside nursing time": a bad year of a gain is said as the most it brings.
    @Test func aBadYearsSavingIsSaidPlainly() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        #expect(ReportFixtures.matches(text, #"in a 1 in 10 bad year, a saving of at most £[0-9,]+ against the 2027/28 commissioning plan\."#), "\(text)")
        let ward = try Self.page("ward-7-patient-partnership")
        #expect(ReportFixtures.matches(ward, #"in a 1 in 10 bad year, at most [0-9,]+ hours above the ward's usual bedside nursing time\."#), "\(ward)")
        for page in [text, ward] { #expect(!ReportFixtures.matches(page, #"[0-9] ?[a-z]* or less (above|below|against)"#)) }
    }

    // MARK: 4. A figure is not compared with itself

    /// "In a bad year it comes to 1 person or more with the planned actions, against 1 person or
    /// more without": where both are the same the page says so once.
    @Test(arguments: pages)
    func aBadYearIsNeverComparedWithItself(_ page: (String, String)) throws {
        let text = try Self.page(page.0, page.1)
        let pattern = page.1 == "nl" ? #"komt het met de geplande aanpak uit op (.+?), en zonder die aanpak op (.+?)\.(?: |$)"#
                                     : #"brings ([^.]+?) with the planned actions, against ([^.]+?) without them\."#
        for found in try Self.groups(text, pattern) { #expect(found[0] != found[1], "\(page.0): \(found)") }
    }

    /// Where a count's bad year is the same with and without the planned actions, it is said
    /// once, in both languages.
    @Test(arguments: ["en", "nl"])
    func theSameBadYearIsSaidOnce(_ language: String) throws {
        let text = try Self.page("community-safety-leiden", language)
        let pattern = language == "nl" ? #"komt het met of zonder de geplande aanpak uit op [0-9]+ (persoon|personen) of meer\."#
                                       : #"brings [0-9]+ (person|people) or more, with or without the planned actions\."#
        #expect(ReportFixtures.matches(text, pattern), "\(text)")
    }

    // MARK: 5. "All groups" only where all estimated

    /// Carers gave no estimate for W7-01: the chance with the groups counted together is of the
    /// two groups that did, and the page says so.
    @Test func togetherNamesTheGroupsThatEstimated() throws {
        let text = try Self.page("ward-7-patient-partnership")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("How likely is “A self-administering patient takes a wrong dose”?") })
        #expect(line.contains("with the two groups that estimated it counted together"), "\(line)")
        #expect(!line.contains("all groups"), "\(line)")
    }

    // MARK: 6. The rounding example is from the page

    /// "For example, it says “about 4” for 3.7" stood on pages without a 3.7: the example is one
    /// of the page's own averages, in a table as the note gives it and in the text as rounded;
    /// where no average rounds to another number, the note gives no example.
    @Test(arguments: pages)
    func theRoundingExampleIsOnThePage(_ page: (String, String)) throws {
        let text = try Self.page(page.0, page.1)
        #expect(!text.contains("“about 4” for 3.7") && !text.contains("„ongeveer 4” voor 3,7"), "\(page.0)")
        let pattern = page.1 == "nl" ? #"bijvoorbeeld „([^”]+)” voor ([^ ]+(?: [0-9.,]+)?)\. De tabellen"# : #"it says “([^”]+)” for ([^ ]+)\. The tables"#
        guard let found = try Self.groups(text, pattern).first else {
            #expect(text.contains(page.1 == "nl" ? "preciezer zijn de schattingen niet. De tabellen" : "what the estimates can bear. The tables"), "\(page.0)")
            return
        }
        let table = found[1].filter { $0.isNumber || $0 == "," || $0 == "." }
        #expect(text.contains("| \(table) |"), "\(page.0): \(found[1]) is in no table")
        let said = text.components(separatedBy: found[0]).count - 1
        #expect(said >= 2, "\(page.0): “\(found[0])” is not in the text")
    }

    // MARK: 7. A tiny change said plainly

    /// "Less than 1 enquiry more" read as a smaller rise than none: "hardly any more in … (less
    /// than 1 enquiry)".
    @Test(arguments: ReportFixtures.examples)
    func aTinyChangeIsSaidPlainly(_ name: String) throws {
        let text = try Self.page(name)
        #expect(!ReportFixtures.matches(text, #"less than 1 [a-z]+ (more|fewer|less)"#), "\(name)")
    }

    @Test func aTinyRiseInEnquiriesIsHardlyAny() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        #expect(text.contains("hardly any more in “Safeguarding enquiries” (less than 1 enquiry)"), "\(text)")
    }

    /// "Hardly any fewer (less than 1 enquiry) without “…” (AS-06)": a part under one in an
    /// option's line says which way and by how little, in that order.
    @Test func aTinyPartSaysWhichWayFirst() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        #expect(!text.contains("hardly any fewer (less than 1 enquiry) without"), "\(text)")
        #expect(!text.contains("hardly any more (less than 1 enquiry) from"), "\(text)")
        #expect(ReportFixtures.matches(text, #"slightly (fewer|more) \(less than 1 enquiry\) (with|without) AS-"#), "\(text)")
    }

    // MARK: 8. A limit in whole numbers

    /// "Comes to more than 1 patient: 2 of the 100": a limit on a count in whole numbers reads
    /// "2 patients or more", as on the board's page, wherever the residents' page states it.
    @Test func aWholeCountLimitIsSaidInWholeNumbers() throws {
        let text = try Self.page("ward-7-patient-partnership")
        #expect(!text.contains("more than 1 patient"), "\(text)")
        #expect(text.contains("The limit: the chance of “Patients whose confidential information is overheard” (“Patients overheard” below) coming to 2 patients or more in 2027/28 should be at most 10 in 100."))
        #expect(text.contains("“Patients overheard” comes to 2 patients or more: "))
        #expect(text.contains("“Patients overheard”: chance of 2 patients or more: "))
        #expect(text.contains("| Limit: at most 10 in 100 chance of 2 patients or more |"))
        #expect(text.contains("| Chance of 2 patients or more |"))
    }

    // MARK: 9. Sentences around the figures

    /// "How likely: 32 in 100 (32%) in 2027." ended on a dangling year: the period comes first,
    /// as in the limits' sentences ("The limit: in 2027, the chance …").
    @Test(arguments: pages)
    func anEntrysChanceSaysItsPeriodFirst(_ page: (String, String)) throws {
        let text = try Self.page(page.0, page.1)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("- How likely") || $0.hasPrefix("- De kans dat") }
        #expect(!lines.isEmpty, "\(page.0)")
        for line in lines { #expect(!ReportFixtures.matches(String(line), #"\) in [0-9/]+\.$"#), "\(page.0): \(line)") }
        if page.1 == "en" { #expect(ReportFixtures.matches(text, #"\n- How likely in [0-9/]+: [0-9]+ in 100 \([0-9]+%\)\.\n"#), "\(page.0)") }
    }

    /// The baseline of the enquiries was a fragment ("Compared with the borough's usual number
    /// of enquiries (about 600 a year).") and said "enquiries" twice in "5 enquiries above the
    /// borough's usual number of enquiries"; a long baseline was defined in the middle of a
    /// figure ("… (from here on, “the baseline”) in a year"); and "the chance would be almost
    /// certain" said it of the chance. Each is a whole sentence now.
    @Test func baselinesAndChancesAreWholeSentences() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        #expect(!text.contains("Compared with "), "\(text)")
        #expect(!text.contains("enquiries above the borough's usual number of enquiries"))
        #expect(text.contains("Every figure here is counted from the borough's usual number (about 600 enquiries a year)."))
        #expect(text.contains("Every figure here is counted from the baseline."))
        #expect(text.components(separatedBy: "the hours people would have if every journey were escorted").count == 2)
        for line in text.split(separator: "\n") where line.hasPrefix("With the planned actions we expect") {
            #expect(!line.contains("from here on"), "\(line)")
        }
        #expect(!text.contains("the chance would be almost certain"))
        #expect(text.contains("Without this, it would be almost certain: more than 99 in 100"), "\(text)")
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(!dutch.contains("Vergeleken met "))
    }

    /// "Chance of a net reduction" of a budget left unsaid what goes down: a saving against it,
    /// in the summary and in the groups' table, whose averages already say "a minus sign is a
    /// saving".
    @Test func aBudgetsChanceSaysWhatGoesDown() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        let detail = String(text[try #require(text.range(of: "\n## For those who want the detail")).lowerBound...])
        let budget = ReportFixtures.section(detail, "\n### Overspend on care and support")
        #expect(budget.contains("Chance of a saving against the 2027/28 commissioning plan: "), "\(budget)")
        #expect(budget.contains("| Average (£; a minus sign is a saving) | 1 in 10 bad year (£) | Chance of a saving |"), "\(budget)")
        #expect(budget.contains("the figure in a bad year (1 in 10) and the chance of a saving."), "\(budget)")
        #expect(!budget.contains("net reduction"), "\(budget)")
    }

    /// Misuse of a direct payment "leads to a section 42 enquiry", yet "if it happens" gave
    /// "hardly any more (less than 1 enquiry)": the entry says how many times in ten it does,
    /// and the register says how often the money is taken by someone close.
    @Test func anEntryThatSometimesBringsAnEnquirySaysHowOften() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        let entry = ReportFixtures.section(text, "\n### A direct payment is misused or someone close takes the money (AS-04)")
        #expect(!entry.contains("counted first"), "\(entry)")
        #expect(entry.contains("about two cases in five"), "\(entry)")
        #expect(ReportFixtures.matches(entry, #"If it happens, on average: about [1-9] enquiries? more in “Safeguarding enquiries” for every 10 times it happens"#), "\(entry)")
    }
}
