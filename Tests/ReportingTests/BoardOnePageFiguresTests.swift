import Foundation
import Testing
import _TestSupport

/// A board page writes one figure one way, and the sums it states add up when a reader works
/// them out by hand from the printed figures. Each test reads the published example pages
/// (docs/examples, 20,000 trials) and, where it says so, pages rendered afresh at the tests'
/// trial count, so that it holds of the code and not only of the pages last generated.
@Suite("Board report: one figure, one form, and sums that add up on the page")
struct BoardOnePageFiguresTests {
    static func published(_ name: String, _ audience: String = "board", _ suffix: String = "md") throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-\(audience).\(suffix)"), encoding: .utf8)
    }

    static func pages(_ name: String) throws -> [String] {
        [try published(name), try ReportFixtures.example(name, .board)]
    }

    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// "£105,500" → 105500; "a net saving of £184,000" → -184000; "none" → 0.
    static func money(_ text: String) -> Double? {
        if text == "none" { return 0 }
        guard let m = text.firstMatch(of: /[£€$]\s?([0-9][0-9,]*)/), let v = Double(m.output.1.replacingOccurrences(of: ",", with: "")) else { return nil }
        return text.contains("saving") || text.contains("gain") ? -v : v
    }

    // MARK: One chance, one form

    /// Wellbeing's chance without responses was "60.3%" in the levers and the summary, but
    /// "60% chance" in the appetite row of its own table, beside a limit of at least 60 in 100:
    /// it read as sitting exactly on the limit. No appetite row writes a chance as its limit.
    @Test(arguments: ReportFixtures.examples)
    func noAppetiteRowWritesAChanceAsItsLimit(_ name: String) throws {
        var rows = 0
        for page in try Self.pages(name) {
            for line in page.split(separator: "\n") where line.hasPrefix("| Appetite: ") {
                let row = Self.cells(line)
                guard row.count >= 3, let limit = row[0].firstMatch(of: #/at (?:least|most) ([0-9]+) in 100 /#)?.output.1 else { continue }
                rows += 1
                for cell in row[1...2] {
                    #expect(!cell.hasPrefix("\(limit)% chance"), "\(name): \(line)")
                }
            }
        }
        #expect(rows > 0)
        if name == "adult-social-care-positive-risk" {
            #expect(try Self.published(name).contains("| 60.3% chance | 63% chance: within appetite |"))
        }
    }

    /// CS-02 read "6%" at its own entry, "6.3% in the simulation" beside the matrix, while ward 7
    /// kept a decimal at its entries: an entry's chance after responses reads at its own entry
    /// as the matrix or the likelihood-and-impact table gives it.
    @Test(arguments: ReportFixtures.examples)
    func anEntrysChanceReadsAtItsEntryAsTheMatrixGivesIt(_ name: String) throws {
        var compared = 0
        for page in try Self.pages(name) {
            let lines = page.split(separator: "\n")
            for line in lines {
                guard let m = line.firstMatch(of: /^- ([A-Z0-9]+-[0-9]+) .*?its chance of [0-9.]+% \(worked out from the estimates; ([0-9.]+%) in the simulation\)/) else { continue }
                let id = String(m.output.1), simulated = String(m.output.2)
                guard let heading = lines.firstIndex(where: { $0.hasPrefix("### \(id) ") }),
                      let chance = lines[heading...].first(where: { $0.hasPrefix("- **Chance") }) else { continue }
                compared += 1
                #expect(chance.contains("(\(simulated)) with responses"), "\(name) \(id): \(simulated) beside the matrix; \(chance)")
            }
        }
        if name == "community-safety-leiden" { #expect(compared > 0) }
    }

    // MARK: The deciding lead

    /// "Safeguarding enquiries 6.4%, against … 7.1% … (a lead of 0.6 percentage points …)":
    /// a reader who subtracts the printed chances gets the printed lead.
    @Test(arguments: ["ward-7-patient-partnership", "adult-social-care-positive-risk"])
    func theLeadIsTheDifferenceOfThePrintedChances(_ name: String) throws {
        var found = 0
        for page in try Self.pages(name) {
            let pattern = /[a-z] ([0-9.]+)%, against [^%]*? ([0-9.]+)% under “[^”]+”(?: \(a lead of|\. Its lead of) ([0-9.]+) percentage points/
            for m in page.matches(of: pattern) {
                found += 1
                let mine = try #require(Double(m.output.1)), theirs = try #require(Double(m.output.2)), lead = try #require(Double(m.output.3))
                let decimals = m.output.3.split(separator: ".").dropFirst().first?.count ?? 0
                let scale = pow(10, Double(decimals))
                #expect(((theirs - mine) * scale).rounded() == (lead * scale).rounded(), "\(name): \(m.output.0)")
            }
        }
        #expect(found > 0)
    }

    // MARK: Sums that add up

    /// The body rows of a page's money table (the options against "All told"), or none.
    static func moneyTableLines(_ page: String) -> [Substring] {
        let lines = page.split(separator: "\n")
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| Option |") && $0.contains("All told") }) else { return [] }
        return Array(lines[(header + 2)...].prefix(while: { $0.hasPrefix("|") }))
    }

    /// "£184,000 … £106,000 … £78,500": the responses cost exactly £105,500, a sum of costs the
    /// register writes, and 184,000 − 106,000 is not 78,500. Every row of the money table adds
    /// up as printed: the entries and the option's own cost make the figure against appetite,
    /// and that and the responses' cost make the figure all told.
    @Test(arguments: ReportFixtures.examples)
    func everyMoneyRowAddsUpAsPrinted(_ name: String) throws {
        var rows = 0
        for page in try Self.pages(name) {
            for line in Self.moneyTableLines(page) {
                let row = Self.cells(line)
                guard row.count == 6, let entries = Self.money(row[1]), let own = Self.money(row[2]), let against = Self.money(row[3]),
                      let responses = Self.money(row[4]), let total = Self.money(row[5]) else { Issue.record("\(name): \(line)"); continue }
                rows += 1
                #expect(entries + own == against, "\(name): \(line)")
                #expect(against + responses == total, "\(name): \(line)")
            }
        }
        #expect(rows > 0, "\(name): no money table")
    }

    /// The responses' cost is the exact sum of the costs the register writes: £105,500 for the
    /// adult social care headline option, never "£106,000".
    @Test func theResponsesCostIsPrintedExactly() throws {
        let page = try Self.published("adult-social-care-positive-risk")
        #expect(page.contains("the responses’ planned £105,500 is not in it"))
        #expect(!page.contains("£106,000,"))
    }

    /// Ward 7: "£105,000" all told beside "£48,700", and "£56,600 less": a sentence that states
    /// how much less one option costs all told than another states the difference of the two
    /// figures the money table prints.
    @Test(arguments: ReportFixtures.examples)
    func aDifferenceOfTwoOptionsIsTheDifferenceOfTheirPrintedFigures(_ name: String) throws {
        var checked = 0
        for page in try Self.pages(name) {
            let lines = page.split(separator: "\n")
            var totals: [(title: String, total: Double)] = []
            for line in Self.moneyTableLines(page) {
                let row = Self.cells(line)
                if row.count == 6, let total = Self.money(row[5]) { totals.append((row[0], total)) }
            }
            func total(_ title: Substring) -> Double? {
                totals.first { $0.title == title || $0.title.hasPrefix(title + " (") }?.total
            }
            for line in lines {
                for m in line.matches(of: /“([^”]+)” would be favoured, [£€]([0-9,]+) less all told than “([^”]+)”/) {
                    guard let cheap = total(m.output.1), let dear = total(m.output.3) else { continue }
                    checked += 1
                    #expect(Double(m.output.2.replacingOccurrences(of: ",", with: "")) == dear - cheap, "\(name): \(m.output.0)")
                }
                if let m = line.firstMatch(of: /^- “([^”]+)” is set aside.*?Against “([^”]+)”, the option the figures favour,.*? costs [£€]([0-9,]+) (less|more) in money all told/),
                   let mine = total(m.output.1), let theirs = total(m.output.2) {
                    checked += 1
                    #expect(Double(m.output.3.replacingOccurrences(of: ",", with: "")) == abs(theirs - mine), "\(name): \(m.output.0)")
                }
            }
        }
        if name == "ward-7-patient-partnership" { #expect(checked > 0) }
    }

    // MARK: Words

    /// Leiden's "about 1 person every so many years" read as a phrase never filled in. No page
    /// a reader may get — board or residents', any example, English or Dutch, Markdown or HTML —
    /// holds a catalogue's fallback for a missing phrase (⟦key⟧), an argument left unfilled
    /// ({name}), or a placeholder in words.
    @Test(arguments: ReportFixtures.examples)
    func noPageHoldsAnUnfilledPhrase(_ name: String) throws {
        var pages: [(String, String)] = []
        for audience in ["board", "community"] {
            for suffix in ["md", "html"] { pages.append(("\(audience).\(suffix)", try Self.published(name, audience, suffix))) }
        }
        if name == "community-safety-leiden" {
            pages.append(("community.nl.md", try Self.published(name, "community.nl", "md")))
        }
        for language in ["en", "nl"] {
            pages.append(("board \(language)", try ReportFixtures.example(name, .board, language: language)))
            pages.append(("community \(language)", try ReportFixtures.community(name, language)))
        }
        for (label, page) in pages {
            #expect(!page.contains("⟦"), "\(name) \(label): a catalogue fallback")
            let unfilled = page.matches(of: /\{[a-zA-Z][a-zA-Z0-9.\-]*\}/).map { String($0.output) }
            #expect(unfilled.isEmpty, "\(name) \(label): \(unfilled.prefix(3))")
            for words in ["every so many", "so many years", "in de zoveel", "zoveel jaar"] {
                #expect(!page.contains(words), "\(name) \(label): “\(words)”")
            }
        }
    }

    /// "Ranked by points protected … (… so not ranked)": a heading that contradicted itself.
    @Test(arguments: ReportFixtures.examples)
    func aResponseAloneInItsUnitIsNotHeadedAsRanked(_ name: String) throws {
        for page in try Self.pages(name) {
            for line in page.split(separator: "\n") where line.contains("the only response counted in") {
                #expect(!line.contains("Ranked by"), "\(name): \(line)")
            }
        }
    }

    /// "Its figures … leave the confidential entries out" on every example, each with one
    /// confidential entry: the phrase counts them (the plural says "which count them").
    @Test(arguments: ReportFixtures.examples)
    func oneConfidentialEntryIsOneEntry(_ name: String) throws {
        for page in try Self.pages(name) {
            guard page.contains("this report includes one confidential entry") else { continue }
            #expect(!page.contains("differ from this report’s, which count them"), "\(name)")
            #expect(page.contains("So its figures for ") && page.contains(" differ from this report’s."), "\(name)")
        }
    }

    /// "Every figure refers to a horizon of 12 months" on two pages and "of 1 year" on the
    /// third, above sentences that all say "year": the period is written one way.
    @Test(arguments: ReportFixtures.examples)
    func theHorizonIsWrittenAsTheSentencesSayIt(_ name: String) throws {
        for page in try Self.pages(name) {
            #expect(page.contains("Every figure refers to a horizon of 1 year."), "\(name)")
            #expect(!page.contains("horizon of 12 months"), "\(name)")
        }
    }

    /// "Typical year (P50) | 2 | ±1.0": a year's figure of a whole count is a whole number, and
    /// its margin of error is written at the same precision.
    @Test func aWholeCountsErrorIsWrittenAtItsPrecision() throws {
        var rows = 0
        for page in try Self.pages("adult-social-care-positive-risk") {
            let lines = page.split(separator: "\n")
            guard let header = lines.firstIndex(where: { $0.hasPrefix("| Loss (enquiries;") }) else { continue }
            for line in lines[(header + 2)...].prefix(while: { $0.hasPrefix("|") }) where line.contains("bad year (P") || line.contains("Typical year") {
                let row = Self.cells(line)
                rows += 1
                #expect(!row[1].contains(".") && !row[2].contains("."), "\(line)")
            }
        }
        #expect(rows > 0)
    }
}
