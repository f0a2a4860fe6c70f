import RegisterModel
@testable import RegisterLoader
import Testing

/// An outcome's `title-short`: the name the community report uses for a long title after
/// writing it in full once in a part. It is register text like the title, in the register's
/// languages, and anything else is an error at its value.
@Suite("Outcome short names")
struct TitleShortTests {
    static func withShort(_ value: String) -> String {
        TranslationTests.register.replacingOccurrences(
            of: "    title: {en: Bike thefts, nl: Fietsdiefstallen}\n",
            with: "    title: {en: Bike thefts, nl: Fietsdiefstallen}\n    title-short: \(value)\n")
    }

    @Test func aShortNameIsReadInEachLanguage() throws {
        let register = try #require(load(Self.withShort("{en: Thefts, nl: Diefstallen}")).register)
        #expect(register.outcomes[0].titleShort == "Thefts")
        #expect(register.inLanguage("nl").outcomes[0].titleShort == "Diefstallen")
        #expect(try #require(load(TranslationTests.register).register).outcomes[0].titleShort == nil)
    }

    @Test(arguments: [("[Thefts]", "12:18 error wrong-type the outcome title's short name should be text, not a list"),
                      ("{}", "12:18 error empty-value the outcome title's short name is empty"),
                      ("{en: [Thefts]}", "12:23 error wrong-type the `en` text of the outcome title's short name should be text, not a list")])
    func aShortNameThatIsNotTextIsAnErrorAtItsValue(value: String, message: String) {
        let errors = summaries(load(Self.withShort(value))).filter { $0.contains(" error ") }
        #expect(errors == [message])
    }

    /// A short name written as a plain string, in a register whose other texts are in English
    /// and Dutch, is a missing translation, named by its field, like any other text.
    @Test func aShortNameInOneLanguageOnlyIsAMissingTranslation() {
        let warnings = summaries(load(Self.withShort("Thefts"))).filter { $0.contains("translation-missing") }
        #expect(warnings.contains { $0.contains("`title-short`") && $0.contains("has no `nl` text") }, "\(warnings)")
    }

    /// The register with a second outcome after the first, each with a short name: the first's
    /// on line 12, the second's on line 17, both values at column 18.
    static func twoOutcomes(_ first: String, _ second: String) -> String {
        withShort(first).replacingOccurrences(
            of: "    unit: {en: incidents, nl: incidenten}\ncontributors:\n",
            with: """
                    unit: {en: incidents, nl: incidenten}
                  - id: shop-thefts
                    title: {en: Shop thefts, nl: Winkeldiefstallen}
                    unit: {en: incidents, nl: incidenten}
                    title-short: \(second)
                contributors:

                """)
    }

    /// Two outcomes that share a short name in one language only (ignoring case) read as one
    /// outcome on the residents' page in that language: a warning at the second outcome's text
    /// in that language, naming the first and its line.
    @Test func aShortNameTwoOutcomesShareInOneLanguageIsAWarningAtTheSecond() throws {
        let loaded = load(Self.twoOutcomes("{en: Thefts, nl: Diefstallen}", "{en: Shoplifting, nl: diefstallen}"), file: "Registers/wijk.yaml")
        let repeated = loaded.diagnostics.filter { $0.rule == .titleShortRepeated }
        #expect(repeated.map(summary) == [
            "17:40 warning title-short-repeated outcome `shop-thefts`'s `nl` `title-short` “diefstallen” is also outcome `thefts`'s (line 12), so the community report would call both by one name",
        ])
        let location = try #require(repeated.first?.location)
        #expect(location == Diagnostic.Location(file: "Registers/wijk.yaml", line: 17, column: 40))
    }

    /// A pair that clashes in every language is one warning, in the register's own language.
    @Test func aPairIsReportedOnce() {
        let warnings = summaries(load(Self.twoOutcomes("{en: Thefts, nl: Diefstallen}", "{en: Thefts, nl: Diefstallen}")))
            .filter { $0.contains("title-short-repeated") }
        #expect(warnings == [
            "17:23 warning title-short-repeated outcome `shop-thefts`'s `en` `title-short` “Thefts” is also outcome `thefts`'s (line 12), so the community report would call both by one name",
        ])
    }

    @Test func shortNamesOfTheirOwnAreNoWarning() {
        let text = Self.twoOutcomes("{en: Thefts, nl: Diefstallen}", "{en: Shoplifting, nl: Winkeldiefstal}")
        #expect(!summaries(load(text)).contains { $0.contains("title-short-repeated") })
        #expect(!summaries(load(TranslationTests.register)).contains { $0.contains("title-short-repeated") })
    }
}
