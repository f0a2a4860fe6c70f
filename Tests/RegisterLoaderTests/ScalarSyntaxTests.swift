@testable import RegisterLoader
import RegisterModel
import Distributions
import Testing

@Suite("Scalar syntax")
struct ScalarSyntaxTests {
    // MARK: Amounts

    @Test("amounts in every documented form", arguments: [
        ("12000", 12_000.0), ("12_000", 12_000), ("1.5e6", 1_500_000), ("-3", -3), ("250k", 250_000),
        ("250K", 250_000), ("1.2m", 1_200_000), ("1.2M", 1_200_000), ("2bn", 2_000_000_000),
        ("2BN", 2_000_000_000), ("0", 0), ("0.5", 0.5), (".5", 0.5), ("+7", 7), ("1_000_000", 1_000_000),
        ("2.5k", 2_500), ("1e3", 1_000), (" 42 ", 42),
    ])
    func amount(text: String, value: Double) {
        #expect(ScalarSyntax.amount(text) == value)
    }

    @Test("things that are not amounts", arguments: [
        "€250,000", "1,000", "nan", "NaN", "inf", "-inf", "infinity", "0x10", "", "k", "bn", "-", ".", "e5",
        "£5", "$5", "5 k", "5kk", "1e400", "twelve", "1.2.3", "5%", "1 in 8", "٣",
    ])
    func notAnAmount(text: String) {
        #expect(ScalarSyntax.amount(text) == nil)
    }

    @Test("a suffix that overflows is not an amount", arguments: ["1e308k", "1e306m", "1e300bn"])
    func overflowingSuffix(text: String) {
        #expect(ScalarSyntax.amount(text) == nil)
    }

    @Test("an infinite frequency is refused")
    func infiniteFrequency() {
        let loaded = load(Minimal.register(Minimal.risk(estimate: "      - frequency: 1e308k\n        impact: 5k\n")))
        #expect(summaries(loaded) == ["26:20 error invalid-number frequency `1e308k` is not a number"])
        #expect(loaded.register == nil)
    }

    // MARK: Probabilities

    @Test("probabilities as a number, a percentage or `1 in n`", arguments: [
        ("30%", 0.3), ("0.3", 0.3), ("1 in 8", 0.125), ("1 IN 4", 0.25), ("2 in 5", 0.4), ("100%", 1),
        ("0%", 0), ("1", 1), ("0", 0), ("12.5%", 0.125), ("  1  in  10 ", 0.1),
    ])
    func probability(text: String, value: Double) throws {
        let parsed = try #require(ScalarSyntax.probability(text))
        #expect(abs(parsed - value) < 1e-15)
    }

    @Test("probabilities out of range are parsed, for the caller to report", arguments: [("120%", 1.2), ("-5%", -0.05), ("3", 3.0)])
    func probabilityUnchecked(text: String, value: Double) throws {
        let parsed = try #require(ScalarSyntax.probability(text))
        #expect(abs(parsed - value) < 1e-12)
    }

    @Test("things that are not probabilities", arguments: ["1 in 0", "one in eight", "30 percent", "1 of 8", "%", "1 in", "in 8", "nan%"])
    func notAProbability(text: String) {
        #expect(ScalarSyntax.probability(text) == nil)
    }

    // MARK: Ids

    @Test("valid ids", arguments: ["CS-01", "R01", "a", "9", "risk.v2", "under_score", String(repeating: "x", count: 64)])
    func validID(text: String) {
        #expect(ScalarSyntax.isValidID(text))
    }

    @Test("invalid ids", arguments: ["", "R 01", "-R01", ".hidden", "_x", "é", "Ré", "R/01", "R:01", "R01!", String(repeating: "x", count: 65), "ℝ1"])
    func invalidID(text: String) {
        #expect(!ScalarSyntax.isValidID(text))
    }

    // MARK: Through the loader

    /// The register with the first risk's title replaced, loaded.
    func title(_ yaml: String) -> LoadedRegister {
        load(Minimal.register(Minimal.risk(title: yaml)))
    }

    @Test("YAML 1.1 words stay text where text is expected", arguments: [
        ("no", "no"), ("yes", "yes"), ("off", "off"), ("y", "y"), ("\"null\"", "null"), ("'~'", "~"),
        ("'true'", "true"), ("1e3", "1e3"), ("0x10", "0x10"), ("2026-02-30", "2026-02-30"), ("250k", "250k"),
    ])
    func textStaysText(yaml: String, text: String) {
        let loaded = title(yaml)
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register?.risks.first?.title == text)
    }

    @Test("a plain null or ~ is no title at all", arguments: ["null", "~", "Null", "NULL", "''", "'   '"])
    func nullTitle(yaml: String) {
        #expect(summaries(title(yaml)) == ["18:12 error empty-value the risk title is empty"])
    }

    @Test("amounts and chances through the loader: 1.2m cost, 1 in 8 reliability")
    func responseValues() throws {
        let loaded = load(Minimal.register(Minimal.risk() + """
                response:
                  action: Extra patrols
                  cost: 1.2m
                  reliability: 1 in 8
                  reduces-likelihood-by: 30%
                  reduces-impact-by: 0.25

            """))
        #expect(loaded.diagnostics.map(summary) == [])
        let response = try #require(loaded.register?.risks.first?.response)
        #expect(response.cost == 1_200_000)
        #expect(response.reliability == 0.125)
        #expect(response.likelihoodReduction == 0.3)
        #expect(response.impactReduction == 0.25)
        #expect(response.deliveredBy == [])
    }

    @Test("booleans are exactly true or false", arguments: [("true", true), ("false", false)])
    func booleans(yaml: String, value: Bool) {
        let loaded = load(Minimal.register(Minimal.risk() + "    confidential: \(yaml)\n"))
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register?.risks.first?.isConfidential == value)
    }

    @Test("YAML 1.1 booleans are refused with the unambiguous word in the hint", arguments: [
        ("yes", "true"), ("no", "false"), ("on", "true"), ("off", "false"), ("y", "true"), ("N", "false"),
        ("True", "true"), ("FALSE", "false"),
    ])
    func yaml11Booleans(yaml: String, meant: String) throws {
        let loaded = load(Minimal.register(Minimal.risk() + "    confidential: \(yaml)\n"))
        #expect(summaries(loaded) == ["28:19 error invalid-boolean `confidential` must be `true` or `false`, not `\(yaml)`"])
        #expect(loaded.diagnostics.first?.hint
                == "write `\(meant)`: YAML 1.1 readers guess at words like `\(yaml)`, riskreg asks for the unambiguous form")
    }

    @Test("a word that is no boolean at all gets the plain hint")
    func notABoolean() {
        let loaded = load(Minimal.register(Minimal.risk() + "    confidential: perhaps\n"))
        #expect(summaries(loaded) == ["28:19 error invalid-boolean `confidential` must be `true` or `false`, not `perhaps`"])
        #expect(loaded.diagnostics.first?.hint == "write `true` or `false`")
    }

    @Test("a quoted \"true\" is refused with a message that does not contradict itself")
    func quotedTrue() {
        let loaded = load(Minimal.register(Minimal.risk() + "    confidential: \"true\"\n"))
        #expect(loaded.diagnostics.map(\.rule) == [.invalidBoolean])
        #expect(loaded.diagnostics.first?.message.contains("not `true`") == false)
    }

    // MARK: Dates and durations

    @Test("dates", arguments: [("2026-12-01", 2026, 12, 1), ("2028-02-29", 2028, 2, 29), ("2400-02-29", 2400, 2, 29)])
    func dates(text: String, year: Int, month: Int, day: Int) {
        let loaded = load(Minimal.register(Minimal.risk() + "    review: \(text)\n"))
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register?.risks.first?.review == CalendarDate(year: year, month: month, day: day))
    }

    @Test("days not in the calendar say how long the month is", arguments: [
        ("2027-02-29", "that month has 28 days"), ("2028-02-30", "that month has 29 days"), ("2100-02-29", "that month has 28 days"),
        ("2027-04-31", "that month has 30 days"), ("2027-13-01", "months run from 01 to 12; write dates as YYYY-MM-DD"),
        ("2027-00-10", "months run from 01 to 12; write dates as YYYY-MM-DD"),
    ])
    func impossibleDays(text: String, hint: String) {
        let loaded = load(Minimal.register(Minimal.risk() + "    review: \(text)\n"))
        #expect(summaries(loaded) == ["28:13 error invalid-date the review date \(text) is not a day in the calendar"])
        #expect(loaded.diagnostics.first?.hint == hint)
    }

    @Test("a real day written without leading zeros is a format problem, not a calendar one")
    func unpaddedDate() {
        let loaded = load(Minimal.register(Minimal.risk() + "    review: 2027-1-5\n"))
        #expect(loaded.diagnostics.map(\.rule) == [.invalidDate])
        #expect(loaded.diagnostics.first?.message == "the review date `2027-1-5` is not written YYYY-MM-DD")
        #expect(loaded.diagnostics.first?.hint == "write `2027-01-05`")
    }

    @Test("horizons", arguments: [("12 months", 12, Horizon.Unit.month), ("1 year", 1, .year), ("26 weeks", 26, .week), ("90 days", 90, .day), ("2 Years", 2, .year)])
    func horizons(text: String, count: Int, unit: Horizon.Unit) {
        let loaded = load(Minimal.register().replacingOccurrences(of: "horizon: 12 months", with: "horizon: \(text)"))
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register?.metadata.horizon == Horizon(count: count, unit: unit))
    }

    @Test("periods that are not horizons", arguments: ["12", "months", "0 months", "-1 year", "1.5 years", "12 fortnights", "a year", "12months"])
    func badHorizons(text: String) {
        let loaded = load(Minimal.register().replacingOccurrences(of: "horizon: 12 months", with: "horizon: \(text)"))
        #expect(summaries(loaded) == ["6:12 error invalid-duration horizon `\(text)` is not a period"])
    }

    @Test("a negative percentage is not told that percentages are at most 100%")
    func negativePercentHint() {
        let loaded = load(Minimal.register(Minimal.risk() + """
                response:
                  action: Extra patrols
                  cost: 1k
                  reliability: -10%
                  reduces-impact-by: 10%

            """))
        #expect(summaries(loaded) == ["31:20 error probability-range `reliability` is -10%, outside 0 to 1"])
        #expect(loaded.diagnostics.first?.hint?.contains("at most 100%") == false)
    }

    // MARK: Merge keys through the loader

    @Test("`<<: *defaults` brings fields in; explicit keys win")
    func mergeDefaults() throws {
        let text = Minimal.head + """
            x-defaults:
              estimate: &estimate
                likelihood: 20%
                impact: 5k
                rationale: From the defaults
            risks:

            """ + Minimal.risk(estimate: """
                  - <<: *estimate
                    impact: 7k

            """)
        let loaded = load(text)
        #expect(loaded.diagnostics.map(summary) == [])
        let estimate = try #require(loaded.firstEstimate)
        #expect(estimate.impact.parameters == .fixed(7_000))
        #expect(estimate.occurrence == .likelihood(try Distribution.fixed(0.2)))
        #expect(estimate.rationale == "From the defaults")
    }

    @Test("`<<: [*a, *b]`: an explicit key wins, then the earlier source")
    func mergeList() throws {
        let text = Minimal.head + """
            perspectives:
              - {id: officers, title: Officers}
              - {id: residents, title: Residents}
            x-a: &a
              perspective: officers
              likelihood: 10%
            x-b: &b
              perspective: residents
              likelihood: 90%
              rationale: From b
              as-of: 2026-10-01
            risks:

            """ + Minimal.risk(estimate: """
                  - <<: [*a, *b]
                    impact: 5k
                    as-of: 2026-11-01

            """)
        let loaded = load(text)
        #expect(loaded.diagnostics.map(summary) == [])
        let estimate = try #require(loaded.firstEstimate)
        #expect(estimate.perspective == "officers")
        #expect(estimate.occurrence == .likelihood(try Distribution.fixed(0.1)))
        #expect(estimate.rationale == "From b")
        #expect(estimate.asOf == CalendarDate(year: 2026, month: 11, day: 1))
    }

    @Test("a field misspelt in the defaults is reported where the defaults are written")
    func mergedUnknownField() {
        let text = Minimal.head + """
            x-defaults: &defaults
              likelihod: 20%
            risks:

            """ + Minimal.risk(estimate: """
                  - <<: *defaults
                    likelihood: 20%
                    impact: 5k

            """)
        let loaded = load(text)
        #expect(summaries(loaded) == ["17:3 error unknown-field unknown field `likelihod` in an estimate"])
        #expect(loaded.diagnostics.first?.hint == "did you mean `likelihood`?")
    }
}
