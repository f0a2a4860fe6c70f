import Foundation
@testable import RegisterLoader
import RegisterModel
import Testing

/// A scale level's `name`: the words reports show for it, translatable like any other text,
/// while its `label` stays the identifier entries refer to.
@Suite struct ScaleLevelNameTests {
    static let scales = """
        scales:
          likelihood:
            levels:
              - {level: 1, label: zeer-klein, name: {en: very unlikely, nl: zeer klein}, from: 0%, to: 50%}
              - {level: 2, label: vrij-groot, from: 50%, to: 100%}
          impact:
            - unit: incidents
              levels:
                - {level: 1, label: gering, name: {en: minor, nl: gering}, from: 0, to: 10}
                - {level: 2, label: ernstig, name: {en: serious, nl: ernstig}, from: 10}
          rating: {method: product, amber-from: 2, red-from: 4}

        """

    static var register: String { TranslationTests.register + scales }

    @Test func aNameIsReadInEachLanguageAndTheLabelStaysTheIdentifier() throws {
        let loaded = load(Self.register)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(summaries(loaded))")
        let register = try #require(loaded.register)
        let scales = try #require(register.scales)
        #expect(scales.likelihood.map(\.label) == ["zeer-klein", "vrij-groot"])
        #expect(scales.likelihood.map(\.shownName) == ["very unlikely", "vrij groot"])
        let dutch = try #require(register.inLanguage("nl").scales)
        #expect(dutch.likelihood.map(\.shownName) == ["zeer klein", "vrij groot"])
        #expect(dutch.likelihood.map(\.label) == ["zeer-klein", "vrij-groot"])
        // The Dutch register names its unit `incidenten`; the impact scale follows it and keeps
        // its levels' names.
        #expect(dutch.impact.first?.levels.map(\.shownName) == ["gering", "ernstig"])
        #expect(try #require(register.scales).impact.first?.levels.map(\.shownName) == ["minor", "serious"])
    }

    @Test func aBadLanguageCodeInANameIsAnErrorAtTheKeyNamingTheLevel() throws {
        let text = Self.register.replacingOccurrences(of: "{en: serious, nl: ernstig}", with: "{en_GB: serious, nl: ernstig}")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("en_GB:") }) + 1
        let column = try #require(lines[line - 1].range(of: "en_GB")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        #expect(summaries(load(text)) == [
            "\(line):\(column) error invalid-value `en_GB` in the name of level 2 of the impact scale for `incidents` is not a language code",
        ])
    }

    @Test func aNameInOneLanguageOfATranslatedRegisterIsMissingTheOther() {
        let text = Self.register.replacingOccurrences(of: "{en: minor, nl: gering}", with: "minor")
        let warnings = summaries(load(text)).filter { $0.contains("translation-missing") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the `name` of level 1 of the impact scale for `incidents` has no `nl` text") == true, "\(warnings)")
    }
}
