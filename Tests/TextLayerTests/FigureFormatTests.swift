import Testing
@testable import TextLayer

@Suite("Figures for people: total over every double")
struct FigureFormatTests {
    /// Figures that trapped (≥ 2⁶³) or printed nonsense before: the extremes of `Double`, both
    /// signs, and what lies between.
    static let extremes: [Double] = [
        1e19, -1e19, 9.3e18, 0x1p63, -0x1p63, 1.7e308, -1.7e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 1e15, 999_999_999_999_999, 1e-9, -1e-9, 0, -0.0,
    ]

    @Test(arguments: extremes)
    func everyFiniteFigureFormatsWithoutTrapping(_ value: Double) {
        let text = FigureFormat.amount(value)
        #expect(!text.isEmpty && text.count <= 20, "\(value) → \(text)")
        #expect(!text.contains("nan") && !text.contains("inf"))
        #expect(FigureFormat.amount(value, fitting: 10).count <= 10)
        #expect(!FigureFormat.quantity(value, unit: "money", currency: "EUR").isEmpty)
        #expect(!FigureFormat.quantity(value, unit: "incidents", currency: nil).isEmpty)
        #expect(!FigureFormat.ratio(abs(value)).isEmpty)
        #expect(!FigureFormat.percent(value).isEmpty)
        #expect(!Phrasebook.english.naturalFrequency(value).isEmpty)
        #expect(!Phrasebook.english.chancePhrase(min(max(value, 0), 1), standardError: abs(value)).contains("⟦"))
    }

    @Test func largeFiguresAreScientific() {
        #expect(FigureFormat.amount(1e19) == "1e19")
        #expect(FigureFormat.amount(-1.7e308) == "-1.7e308")
        #expect(FigureFormat.amount(1.23456e15) == "1.23e15")
        #expect(FigureFormat.amount(999_999_999_999_999) == "999,999,999,999,999")
        #expect(FigureFormat.amount(123_456_789_012, fitting: 10) == "1.23e11")
        #expect(FigureFormat.amount(1_234_567, fitting: 10) == "1,234,567")
    }

    @Test func smallFiguresKeepTheirFormAndLoseANegativeZero() {
        #expect(FigureFormat.amount(4.25) == "4.25")
        #expect(FigureFormat.amount(0.125) == "0.125")
        #expect(FigureFormat.amount(-12.34) == "-12.3")
        #expect(FigureFormat.amount(.leastNonzeroMagnitude) == "0.000")
        #expect(FigureFormat.amount(-.leastNonzeroMagnitude) == "0.000")
        #expect(FigureFormat.amount(-0.0) == "0")
        #expect(FigureFormat.quantity(-.leastNonzeroMagnitude, unit: "money", currency: "EUR") == "€0.000")
        #expect(FigureFormat.quantity(-1500, unit: "money", currency: "GBP") == "-£1,500")
    }

    @Test func notANumberAndInfinityAreMarked() {
        #expect(FigureFormat.amount(.nan) == "n/a")
        #expect(FigureFormat.amount(.infinity) == "∞")
        #expect(FigureFormat.amount(-.infinity) == "-∞")
        #expect(FigureFormat.percent(.nan) == "n/a")
        #expect(FigureFormat.precisePercent(.nan) == "n/a")
        #expect(FigureFormat.points(.infinity) == "n/a")
        #expect(FigureFormat.ratio(.infinity) == "—")
        #expect(Phrasebook.english.naturalFrequency(.nan) == "n/a")
        #expect(Phrasebook.english.chanceError(.nan) == "±n/a percentage points")
    }

    @Test func chancesReadAsNaturalFrequencies() {
        let en = Phrasebook.english
        #expect(en.naturalFrequency(0.125) == "1 in 8")
        #expect(en.naturalFrequency(0.875) == "7 in 8")
        #expect(en.naturalFrequency(0.0001) == "less than 1 in 2,000")
        #expect(en.chance(0.125) == "about 1 in 8 (12%)")
        #expect(en.chancePhrase(0.125, standardError: 0.002) == "about a 1 in 8 chance (12%, ±0.4 percentage points)")
        #expect(en.chancePhrase(0.875, standardError: 0.0001) == "about a 7 in 8 chance (88%, ±<0.1 percentage points)")
        #expect(en.chancePhrase(1.0 / 11, standardError: 0.0001).hasPrefix("about a 1 in 11 chance"))
        #expect(en.chancePhrase(8.0 / 9, standardError: 0.0001).hasPrefix("about an 8 in 9 chance"))
        #expect(en.chancePhrase(10.0 / 11, standardError: 0.0001).hasPrefix("about a 10 in 11"))
        #expect(en.chancePhrase(7.0 / 8 + 0.0001, standardError: 0).hasPrefix("about a 7 in 8"))
        #expect(en.limitFrequency(0.7) == "7 in 10")
        #expect(en.limitFrequency(0.05) == "1 in 20")
    }
}
