import Foundation
import Testing
import _TestSupport
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
        #expect(!Phrasebook.english.chancePhrase(min(max(value, 0), 1), standardError: abs(value), trials: 1_000, periods: "years").contains("⟦"))
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
        // Money is in whole units (docs/results.md, "Money in one rounding"): no "-€0", no fraction.
        #expect(FigureFormat.quantity(-.leastNonzeroMagnitude, unit: "money", currency: "EUR") == "€0")
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

    @Test func chancesReadAsNaturalFrequenciesOverAFixedDenominator() {
        let en = Phrasebook.english
        #expect(en.naturalFrequency(0.125) == "13 in 100")
        #expect(en.naturalFrequency(0.4) == "40 in 100")
        #expect(en.chance(0.4) == "about 40 in 100 (40%)")
        #expect(en.chance(0.42) == "about 42 in 100 (42%)")
        #expect(en.chance(0.6) == "about 60 in 100 (60%)")
        #expect(en.chance(91.0 / 92) == "about 99 in 100 (99%)")
        #expect(en.chance(146.0 / 147) == "about 99 in 100 (99%)")
        #expect(en.chance(0.996) == "almost certain: more than 99 in 100 (99.6%)")
        #expect(en.chance(4999.0 / 5000, per: 1_000) == "almost certain: more than 999 in 1,000 (>99.9%)")
        #expect(en.chance(0.0014, per: 1_000) == "about 1 in 1,000 (0.1%)")
        #expect(en.chance(0.0003, per: 1_000) == "fewer than 1 in 1,000 (<0.1%)")
        #expect(en.chance(0.003) == "fewer than 1 in 100 (0.3%)")
        // Where the percentage reads "<0.1%", the words reach as far: never "fewer than 1 in 100 (<0.1%)".
        #expect(en.chance(0.0003) == "fewer than 1 in 1,000 (<0.1%)")
        #expect(en.chancePhrase(0.0003, standardError: 0.0001, trials: 20_000, periods: "years").hasPrefix("less than a 1 in 1,000 chance (<0.1%"))
        #expect(en.naturalFrequency(0) == "no chance")
        #expect(en.naturalFrequency(1) == "certain")
        #expect(en.chancePhrase(0.125, standardError: 0.002, trials: 20_000, periods: "years") == "about a 13 in 100 chance (13%, ±0.4 percentage points)")
        #expect(en.chancePhrase(0.81, standardError: 0.0025, trials: 20_000, periods: "years").hasPrefix("about an 81 in 100 chance (81%"))
        #expect(en.chancePhrase(0.18, standardError: 0.0025, trials: 20_000, periods: "years").hasPrefix("about an 18 in 100 chance"))
        #expect(en.chancePhrase(0.11, standardError: 0.0025, trials: 20_000, periods: "years").hasPrefix("about an 11 in 100 chance"))
        #expect(en.chancePhrase(0.996, standardError: 0.0005, trials: 20_000, periods: "years")
                == "more than a 99 in 100 chance (almost certain; 99.6%, ±0.1 percentage points)")
        #expect(en.chancePhrase(0.0002, standardError: 0.0001, per: 1_000, trials: 20_000, periods: "years") == "less than a 1 in 1,000 chance (<0.1%)")
        #expect(en.limitFrequency(0.1) == "10 in 100")
        // A chance that came up in no trial says what the run can say, at its trial count.
        #expect(en.chancePhrase(0, standardError: 0, trials: 20_000, periods: "years")
                == "less than a 1 in 20,000 chance (in none of 20,000 simulated years; <0.1%)")
        #expect(Phrasebook.builtIn("nl")!.chancePhrase(0, standardError: 0, trials: 500, periods: "jaren")
                == "een kans van minder dan 1 op 500 (in geen van de 500 gesimuleerde jaren; <0,1%)")
        #expect(en.limitFrequency(0.05, per: 1_000) == "50 in 1,000")
    }

    @Test func figuresForPeopleKeepTheDigitsTheEstimatesSupport() {
        #expect(FigureFormat.rounded(3_963_827) == 3_960_000)
        #expect(FigureFormat.rounded(-26_526) == -26_500)
        #expect(FigureFormat.rounded(0.41349) == 0.413)
        #expect(FigureFormat.rounded(0) == 0 && FigureFormat.rounded(.infinity) == .infinity && FigureFormat.rounded(.nan).isNaN)
        #expect(FigureFormat.rounded(1.7e308) == 1.7e308)
        #expect(FigureFormat.amount(7.2, significantDigits: 2) == "7.2")
        #expect(FigureFormat.amount(0.2503, significantDigits: 2) == "0.25")
        #expect(FigureFormat.amount(124.4, significantDigits: 2) == "120")
        #expect(FigureFormat.amount(.nan, significantDigits: 2) == "n/a")
    }

    @Test func aSectionUsesOneDenominator() {
        #expect(FigureFormat.denominator(limits: [0.1, 0.05, 0.75, 0.02, 0, 1]) == 100)
        #expect(FigureFormat.denominator(limits: [0.1, 0.005]) == 1_000)
        #expect(FigureFormat.denominator(limits: [0.025]) == 1_000)
        #expect(FigureFormat.denominator(limits: []) == 100)
    }

    /// The rule's promise, over every chance: the fraction read from the words and the
    /// percentage read from the brackets both hold the chance itself, the fraction to within
    /// half of 1 in its denominator, and so the percentage beside it, which is the fraction's
    /// own; a percentage beside the extremes' words to within half of its last digit.
    ///
    /// The words change only at ``edgeChances(per:)``; between two edges they are one text,
    /// whose two intervals are each one range, so a chance in between is held whenever the
    /// chances at both ends are: the ends of every stretch stand for every double in it.
    @Test(arguments: FigureFormat.denominators)
    func fractionAndPercentageAgreeForEveryChance(_ n: Int) {
        let en = Phrasebook.english
        var chances = Self.edgeChances(per: n) + [0, 1]
        chances += [.leastNonzeroMagnitude, 1e-300, 1e-9, 0.0005, 0.00049999, 0.9995, 0.99950001, 0.995, 0.99499999,
                    0.005, 0.00499999, 1 - 1e-12, (1.0).nextDown, 0.05 - 1e-12, 0.099999, 0.98999, 0.99]
        var failures: [String] = []
        func check(_ p: Double, _ text: String) {
            // The percentage beside "about k in n" is the fraction's own, so it holds the chance
            // to the fraction's rounding: half of 1 in n.
            guard let fraction = Self.fractionInterval(text), var percent = Self.percentInterval(text) else {
                failures.append("\(p): cannot read \(text)"); return
            }
            // 1e-12: the bounds are computed in binary, where 8.25% is a hair below 0.0825.
            let slack = 1e-12
            if text.hasPrefix("about") {
                let mid = (percent.lowerBound + percent.upperBound) / 2, half = 0.5 / Double(n)
                percent = min(percent.lowerBound, max(0, mid - half))...max(percent.upperBound, min(1, mid + half))
            }
            if !(fraction.lowerBound - slack <= p && p <= fraction.upperBound + slack
                 && percent.lowerBound - slack <= p && p <= percent.upperBound + slack) { failures.append("\(p) → \(text)") }
        }
        var texts = Set<String>()
        for p in chances where p >= 0 && p <= 1 {
            let text = en.chance(p, per: n)
            texts.insert(text)
            check(p, text)
            if failures.count > 5 { break }
        }
        // The edges are every place the words change: a coarse grid finds no text they missed.
        for p in Self.coarseGrid where !texts.contains(en.chance(p, per: n)) {
            failures.append("\(p): \(en.chance(p, per: n)) lies between no two edges")
            check(p, en.chance(p, per: n))
            if failures.count > 5 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The rule's other promise, in every sentence a chance is written in — the bare chance,
    /// the verdict's phrase, in English and in Dutch, over every denominator: the percentage
    /// says what the fraction says. Beside "about 2 in 100" it reads "2%", never "1.5%"; beside
    /// "about 1 in 1,000" it reads "0.1%", never "<0.1%".
    ///
    /// Every text a chance can get over `n` is read: the texts on both sides of each of
    /// ``edgeChances(per:)``, where alone they change.
    @Test(arguments: FigureFormat.denominators)
    func everySentenceFormKeepsFractionAndPercentageInAgreement(_ n: Int) {
        let phrasebooks = [Phrasebook.english, Phrasebook.builtIn("nl")!]
        var chances = Self.edgeChances(per: n)
        chances += [0.015, 0.0007, 0.00099, 0.0005, 0.00049999, 0.9995, 0.995, 0.99499999, 0.005, 0.999, 1e-9, 1 - 1e-9]
        var failures: [String] = []
        func forms(_ p: Double, _ phrases: Phrasebook) -> [String] {
            [phrases.chance(p, per: n), phrases.chancePhrase(p, standardError: 0.001, per: n, trials: 20_000, periods: "years")]
        }
        func read(_ p: Double, _ text: String) -> [String] {
            let pairs = ChanceAgreement.pairs(in: text)
            return (pairs.count == 1 ? [] : ["\(p): read \(pairs.count) chances in \(text)"])
                + pairs.filter { !$0.agrees }.map { pair in "\(p) → \(text) [\(pair)]" }
        }
        var texts = Set<String>()
        for p in chances where p > 0 && p < 1 {
            for phrases in phrasebooks {
                for text in forms(p, phrases) where texts.insert(text).inserted { failures += read(p, text) }
            }
            if failures.count > 5 { break }
        }
        // The edges are every place the words change: a coarse grid finds no text they missed.
        for p in Self.coarseGrid where p > 0 && p < 1 {
            for phrases in phrasebooks {
                for text in forms(p, phrases) where !texts.contains(text) { failures.append("\(p): \(text) lies between no two edges") }
            }
            if failures.count > 5 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
        // Closer below 1 in 10 than eight decimals can show: the percentage reads as the bound.
        #expect(Phrasebook.english.chance(0.1 - 1e-12, per: 10).contains("(<10%)"))
        #expect(Phrasebook.english.chancePhrase(0.015, standardError: 0.001, trials: 20_000, periods: "years").hasPrefix("about a 2 in 100 chance (2%"))
        #expect(Phrasebook.english.chancePhrase(0.0012, standardError: 0.0001, per: 1_000, trials: 20_000, periods: "years").hasPrefix("about a 1 in 1,000 chance (0.1%"))
        #expect(Phrasebook.english.chancePhrase(0.0007, standardError: 0.0001, per: 1_000, trials: 20_000, periods: "years").hasPrefix("less than a 1 in 1,000 chance (<0.1%"))
    }

    /// A chance between half of 1 in n and 1 in n rounded up to "1 in 100": the adult social
    /// care budget's "1 in 100 (1%)" chance of more than £50,000 stood beside a worst year in
    /// 100 of £41,100. Below 1 in n it reads "fewer than 1 in n", with a percentage that reads
    /// below it, in English and Dutch, in every sentence form.
    @Test(arguments: FigureFormat.denominators)
    func aChanceBelowOneInNIsNeverRoundedUpToIt(_ n: Int) {
        let phrasebooks = [Phrasebook.english, Phrasebook.builtIn("nl")!]
        let step = 1 / Double(n)
        var failures: [String] = []
        for p in [step * 0.5, step * 0.5001, step * 0.7, step * 0.95, step * 0.97, step * 0.999, step * 0.9999] where p >= 0.001 {
            guard case .fewerThanOne(let below) = FigureFormat.frequency(p, per: n), below == n else {
                failures.append("\(p) per \(n): \(FigureFormat.frequency(p, per: n))"); continue
            }
            for phrases in phrasebooks {
                for text in [phrases.chance(p, per: n), phrases.chancePhrase(p, standardError: 0.0001, per: n, trials: 20_000, periods: "years")] {
                    let pairs = ChanceAgreement.pairs(in: text)
                    if pairs.count != 1 || pairs.contains(where: { $0.kind != .fewerThan || !$0.agrees }) { failures.append("\(p) → \(text)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(Phrasebook.english.chance(0.007) == "fewer than 1 in 100 (0.7%)")
        #expect(Phrasebook.english.chance(0.0097) == "fewer than 1 in 100 (0.97%)")
        #expect(Phrasebook.builtIn("nl")!.chance(0.0097).hasPrefix("minder dan 1 op 100"))
        #expect(Phrasebook.english.chance(0.01) == "about 1 in 100 (1%)")
        #expect(Phrasebook.english.chance(0.0007) == "fewer than 1 in 1,000 (<0.1%)")
    }

    /// A chance a simulation measured never reads "0%" or "100%" on its own.
    @Test func aSimulatedChanceIsNeverZeroOrCertain() {
        #expect(FigureFormat.simulatedPercent(1) == ">99.9%")
        #expect(FigureFormat.simulatedPercent(0) == "<0.1%")
        #expect(FigureFormat.simulatedPercent(0.42) == "42%")
        #expect(FigureFormat.simulatedPercent(.nan) == "n/a")
    }

    /// Every chance at which a chance's words over `n` may change (FigureFormat's rounding
    /// rules, docs/results.md "Chances in words"), with the doubles either side: where the count
    /// p·n rounds to the next (k + ½ in n); 1 in n, below which a chance is "fewer than 1 in n";
    /// where a percentage's last digit
    /// rounds up (half a unit of its last digit, whole or tenths of a percent); 0.1% and 99.9%,
    /// where "<0.1%" and ">99.9%" begin; and below 1 in 10 and 1 in 100, where a percentage
    /// gains decimals to read below the fraction, half a unit of each further digit. A product
    /// p·n is rounded once, so the change lies within one double of the chance computed here.
    static func edgeChances(per n: Int) -> [Double] {
        var edges: [Double] = [0.001, 0.999, 1 / Double(n)]
        for k in 0..<n { edges.append((Double(k) + 0.5) / Double(n)) }
        for scale in [100.0, 1_000.0] {
            for j in 0..<Int(scale) { edges.append((Double(j) + 0.5) / scale) }
        }
        for below in [10.0, 100.0] where below == Double(n) {
            for decimals in 2...8 {
                let scale = pow(10, Double(decimals + 2)), last = scale / below
                for j in stride(from: last - 6, to: last, by: 1) { edges.append((j + 0.5) / scale) }
            }
        }
        return Array(Set(edges.flatMap { [$0.nextDown, $0, $0.nextUp] })).filter { $0 >= 0 && $0 <= 1 }.sorted()
    }

    /// Chances 1/1,000 apart, to show that ``edgeChances(per:)`` left out no text.
    static let coarseGrid = (0...1_000).map { Double($0) / 1_000 }

    /// The chances the words allow: "about k in n" is [k − ½, k + ½] / n; "fewer than 1 in n"
    /// is below 1 in n; "more than n − 1 in n" is above n − ½ in n; no trial and every simulation
    /// are 0 and 1.
    static func fractionInterval(_ text: String) -> ClosedRange<Double>? {
        if text.hasPrefix("no trial") { return 0...0 }
        if text.hasPrefix("in every simulation") { return 1...1 }
        let numbers = text.split(separator: "(")[0].split { !$0.isNumber && $0 != "," }
            .compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        guard numbers.count == 2 else { return nil }
        let (k, n) = (numbers[0], numbers[1])
        if text.hasPrefix("fewer than") { return 0...(1 / n).nextDown }
        if text.hasPrefix("almost certain") { return ((k + 0.5) / n)...1 }
        return ((k - 0.5) / n)...((k + 0.5) / n)
    }

    /// The chances a printed percentage allows: half a unit of its last digit either side.
    static func percentInterval(_ text: String) -> ClosedRange<Double>? {
        guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: "%") else { return nil }
        var figure = String(text[text.index(after: open)..<close])
        if figure.hasPrefix("<") { figure.removeFirst(); return 0...(Double(figure)! / 100) }
        if figure.hasPrefix(">") { figure.removeFirst(); return (Double(figure)! / 100)...1 }
        guard let value = Double(figure) else { return nil }
        let decimals = figure.split(separator: ".").dropFirst().first?.count ?? 0
        let half = 0.5 * pow(10, -Double(decimals)) / 100
        return max(0, value / 100 - half)...min(1, value / 100 + half)
    }
}
