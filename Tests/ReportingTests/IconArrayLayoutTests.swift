import Foundation
import Testing
import _TestSupport

/// The icon arrays of a community report are legible on a phone: a 1,000-mark picture is ten
/// blocks of 100 that may fill the column, so that a mark stays several pixels wide at 390 px
/// (`make browser-check` looks at the same page in Chromium).
@Suite struct IconArrayLayoutTests {
    /// The column of a 390 px phone: the window less the page's side padding.
    static let phoneColumn = 350.0

    /// Every icon array of the Leiden community report with its first limit set at 5 in 1,000,
    /// which puts the limits' chances, and their pictures, over 1,000: its classes, viewBox
    /// width and its marks' size and left edges.
    static func arrays() throws -> [(classes: String, width: Double, size: Double, xs: [Double])] {
        var register = try ReportFixtures.load("community-safety-leiden")
        if case .lossExceeds(let amount, _) = register.appetite[0].limit { register.appetite[0].limit = .lossExceeds(threshold: amount, atMost: 0.005) }
        let html = try ReportFixtures.render(register, format: .html, audience: .community, trials: 2_000)
        return html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").dropFirst().map { chunk in
            let classes = String(chunk.prefix { $0 != "\"" })
            let width = Double(chunk.components(separatedBy: "viewBox=\"0 0 ")[1].split(separator: " ")[0])!
            let squares = chunk.components(separatedBy: "</svg>")[0].components(separatedBy: "M").dropFirst()
            let xs = squares.compactMap { Double($0.split(separator: " ")[0]) }
            let size = squares.first.flatMap { $0.split(separator: "h").dropFirst().first.flatMap { Double($0.split(separator: "v")[0]) } } ?? 0
            return (classes, width, size, xs)
        }
    }

    @Test func aThousandMarksAreTenBlocksThatStayLegibleOnAPhone() throws {
        let thousands = try Self.arrays().filter { $0.xs.count == 1_000 }
        #expect(!thousands.isEmpty, "a limit of 5 in 1,000 puts the limits' pictures over 1,000 marks")
        let css = try String(contentsOfFile: TestSupport.path("Templates/style.css"), encoding: .utf8)
        #expect(css.contains("svg.icons-1000{max-width:100%;width:24.5rem}"), "the picture may fill the column, and no more")
        for array in thousands {
            #expect(array.classes == "icons icons-1000")
            // Shown at the column's width (or its natural 24.5rem = 392 px, if narrower).
            let scale = min(Self.phoneColumn, 392) / array.width
            #expect(array.size * scale >= 5, "a mark is \(array.size * scale) px on a phone")
            // Five blocks across: the left edges fall into five groups with a wider gap between.
            let lefts = Set(array.xs).sorted()
            let gaps = zip(lefts, lefts.dropFirst()).map { $1 - $0 }
            #expect(lefts.count == 50, "ten marks per block row, five blocks across")
            #expect(gaps.filter { $0 > gaps.min()! + 0.001 }.count == 4, "four wider gaps between five blocks")
        }
    }

    @Test func aHundredMarksAreOneBlock() throws {
        let hundreds = try Self.arrays().filter { $0.xs.count == 100 }
        #expect(!hundreds.isEmpty)
        for array in hundreds {
            #expect(array.classes == "icons")
            #expect(Set(array.xs).count == 10)
        }
    }
}
