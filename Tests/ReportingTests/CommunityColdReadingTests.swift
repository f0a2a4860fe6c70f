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
}
