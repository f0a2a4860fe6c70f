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
}
