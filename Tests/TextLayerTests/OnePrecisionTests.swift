import Foundation
import Testing
import _TestSupport
@testable import TextLayer

/// One precision for a chance wherever a report shows it, and the long phrases a report would
/// repeat written in full once per section.
@Suite("One precision for a chance; long phrases once per section")
struct OnePrecisionTests {
    static let dutch = Phrasebook.builtIn("nl")!

    /// "Outside appetite: 10.0%" beside "Outside appetite: 10%": which of the two a chance gets
    /// is decided on the figure as written, so 9.96% and 10.04% both read "10%".
    @Test func aChanceJustBelowTenPercentReadsAsWholeLikeItsNeighbour() {
        #expect(FigureFormat.percent(0.0996) == "10%")
        #expect(FigureFormat.percent(0.1004) == "10%")
        #expect(FigureFormat.percent(0.0994) == "9.9%")
        // Near the top a whole figure would round to "99%" a chance that one decimal shows
        // apart from 99%: from 98.5% on it keeps its decimal, as above 99% it did.
        #expect(FigureFormat.percent(0.986) == "98.6%")
        #expect(FigureFormat.percent(0.984) == "98%")
        #expect(FigureFormat.percent(0.996) == "99.6%")
    }

    /// `simulatedPercent(_:awayFrom:)` rounded by `String(format:)`, which took 20.25 to "20.2"
    /// while the rest of the page rounds half away from zero, as a count is rounded.
    @Test func aChanceBesideItsLimitRoundsAsEveryOtherChance() {
        #expect(FigureFormat.simulatedPercent(0.2025, awayFrom: 0.2) == "20.3%")
        #expect(FigureFormat.$style.withValue(Self.dutch.numberStyle) { FigureFormat.simulatedPercent(0.2025, awayFrom: 0.2) } == "20,3%")
    }

    /// "every trial (100%)" in an entry beside ">99.9%" in the heat map for the same chance: a
    /// simulated chance never reads 0% or 100%.
    @Test(arguments: ["en", "nl"])
    func aChanceSeenInEveryTrialReadsAsTheTablesDo(_ language: String) {
        let book = Phrasebook.builtIn(language)!
        // Written in the language's number style, as a report writes it, and in the words of any
        // chance above 99.9% (below 0.1%): one percentage, one form of words.
        let (every, none) = FigureFormat.$style.withValue(book.numberStyle) { (book.chance(1), book.chance(0)) }
        #expect(every == FigureFormat.$style.withValue(book.numberStyle) { book.chance(0.9995) }, "\(every)")
        #expect(none == FigureFormat.$style.withValue(book.numberStyle) { book.chance(0.0002) }, "\(none)")
        #expect(!every.contains("100%") && every.contains(language == "nl" ? ">99,9%" : ">99.9%"), "\(every)")
        #expect(!none.contains("(0%)") && none.contains(language == "nl" ? "<0,1%" : "<0.1%"), "\(none)")
        let never = book.chancePhrase(0, standardError: 0, trials: 20_000, periods: "years")
        #expect(!never.contains("0%)") && !never.contains("; 0%"), "\(never)")
    }

    /// "(<0.1%, ±<0.1 percentage points)": a bound beside an interval below the figures'
    /// resolution says nothing twice; the bound stands alone.
    @Test(arguments: ["en", "nl"])
    func aBoundIsNotFollowedByAnIntervalBelowResolution(_ language: String) {
        let book = Phrasebook.builtIn(language)!
        let rare = FigureFormat.$style.withValue(book.numberStyle) {
            book.chancePhrase(0.0002, standardError: 0.0001, per: 100, trials: 20_000, periods: "years")
        }
        #expect(!rare.contains("±"), "\(rare)")
        #expect(rare.contains(language == "nl" ? "<0,1%" : "<0.1%"), "\(rare)")
        let sure = book.chancePhrase(0.9998, standardError: 0.0001, per: 100, trials: 20_000, periods: "years")
        #expect(!sure.contains("±"), "\(sure)")
        // A wider interval is still given.
        let wide = book.chancePhrase(0.0004, standardError: 0.001, per: 100, trials: 2_000, periods: "years")
        #expect(wide.contains("±"), "\(wide)")
    }

    static let names = [ShortNames.Name(full: "the hours people would have if every journey were escorted",
                                        defined: "the hours people would have if every journey were escorted (from here on, “the baseline”)",
                                        short: "the baseline")]

    /// The baseline spelled out some 20 times: in full at its first use in each section, by its
    /// short name after it, and in full again in the next section.
    @Test func aLongPhraseIsWrittenInFullOncePerSection() {
        let text = """
        ## One
        2,190 hours more than the hours people would have if every journey were escorted; 770 hours below the hours people would have if every journey were escorted.
        | 1 | the hours people would have if every journey were escorted |
        ### A subsection
        the hours people would have if every journey were escorted
        ## Two
        the hours people would have if every journey were escorted, and the hours people would have if every journey were escorted
        """
        let out = ShortNames.shorten(text, names: Self.names, format: .markdown)
        let sections = out.components(separatedBy: "## Two")
        #expect(sections[0].components(separatedBy: "if every journey were escorted").count == 2, "\(out)")
        #expect(sections[0].contains("(from here on, “the baseline”); 770 hours below the baseline."), "\(out)")
        #expect(sections[0].contains("| 1 | the baseline |"), "\(out)")
        #expect(sections[1].contains("escorted (from here on, “the baseline”), and the baseline"), "\(out)")
    }

    /// In HTML only what a reader sees is shortened, so no definition hides in a tooltip or a
    /// chart: not tags, attributes or the inside of an `<svg>`.
    @Test func inHTMLADefinitionIsNeverHiddenInAChart() {
        let full = Self.names[0].full
        let html = """
        <h2>One</h2><svg><title>\(full)</title><text>\(full)</text></svg><p title="\(full)">More than \(full).</p><p>Below \(full).</p><h2>Two</h2><p>\(full)</p>
        """
        let out = ShortNames.shorten(html, names: Self.names, format: .html)
        #expect(out.contains("<svg><title>\(full)</title><text>\(full)</text></svg>"), "\(out)")
        #expect(out.contains("<p title=\"\(full)\">More than \(Self.names[0].defined).</p><p>Below the baseline.</p>"), "\(out)")
        #expect(out.contains("<h2>Two</h2><p>\(Self.names[0].defined)</p>"), "\(out)")
    }

    /// A closing part in brackets only explains a phrase: without it the phrase is its own
    /// short name.
    @Test func aPhraseLessItsClosingBracketsIsItsShortName() {
        #expect(ShortNames.withoutClosingBrackets("the 2027/28 financial year (April 2027 to March 2028)") == "the 2027/28 financial year")
        #expect(ShortNames.withoutClosingBrackets("het plan voor 2027 (2.100 uur)") == "het plan voor 2027")
        #expect(ShortNames.withoutClosingBrackets("the ward budget") == nil)
        #expect(ShortNames.withoutClosingBrackets("(all of it)") == nil)
    }
}
