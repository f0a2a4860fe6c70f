import Foundation
@testable import Reporting
import Testing

/// The charts' own words: names cut between words and told apart, the bad year of a gain
/// named as its low tail, axes of counts at whole numbers, and the likelihood-and-impact
/// table that matches its grid.
@Suite("Charts: labels, legends and counts")
struct ChartLabelsTests {
    static func boardHTML(_ name: String) throws -> String {
        try ReportFixtures.example(name, .board, format: .html)
    }

    /// One figure of an HTML report, from its opening tag to its end.
    static func figure(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<figure id=\"\(id)\""))
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The chart texts of a figure, as drawn (without their markup).
    static func texts(_ figure: String) -> [String] {
        figure.components(separatedBy: "<text ").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "</text")[0] }
    }

    @Test func aNameIsCutBetweenWordsNeverInsideOne() {
        #expect(Charts.fitted("Patients (own estimates for 2 of 3 entries)", width: 158) == "Patients (own…")
        #expect(Charts.fitted("Municipality and police", width: 158) == "Municipality and…")
        #expect(Charts.fitted("Carers", width: 158) == "Carers")
        // One word too long for the width is the only one cut inside.
        #expect(Charts.fitted("Verzekeringsmaatschappijen", width: 80) == "Verzeker…")
    }

    @Test func aNameWrapsOntoTwoLinesBeforeItIsCut() {
        #expect(Charts.wrapped("Municipality and police", width: 158, lines: 2) == ["Municipality and", "police"])
        #expect(Charts.wrapped("Carers", width: 158, lines: 2) == ["Carers"])
        #expect(Charts.wrapped("People who draw on care and support (own estimates for 5 of 9 entries)", width: 158, lines: 2)
                    == ["People who draw on", "care and support…"])
    }

    /// Two names that would be cut alike keep their own ends, so a reader can tell the rows
    /// apart.
    @Test func namesCutAlikeAreToldApart() {
        let names = ["Family carers (own estimates for 1 of 2 entries)", "Family carers (own estimates for 1 of 3 entries)"]
        #expect(Charts.wrapped(names[0], width: 158, lines: 2) == Charts.wrapped(names[1], width: 158, lines: 2))
        let shown = Charts.distinctLabels(names, width: 158, lines: 2)
        #expect(shown[0] == ["Family carers (own", "…1 of 2 entries)"])
        #expect(shown[1] == ["Family carers (own", "…1 of 3 entries)"])
        let oneLine = Charts.distinctLabels(names, width: 300, lines: 1)
        #expect(oneLine == [["Family carers (own …1 of 2 entries)"], ["Family carers (own …1 of 3 entries)"]])
        // Names that differ where they are shown are left as they are.
        #expect(Charts.distinctLabels(["Carers", "Patients"], width: 158, lines: 2) == [["Carers"], ["Patients"]])
    }

    /// In the perspectives chart, a name that is shortened keeps its full wording as a tooltip
    /// and no name is cut inside a word.
    @Test func perspectiveNamesKeepTheirFullWording() throws {
        let html = try Self.boardHTML("ward-7-patient-partnership")
        let views = try Self.figure("o1-views", in: html)
        #expect(views.contains("<g><title>Carers (own estimates for 1 of the 4 entries in this outcome)</title>"))
        for text in Self.texts(views) where text.hasSuffix("…") && !text.hasPrefix("…") {
            let kept = text.dropLast()
            #expect(kept.last != " ", "“\(text)”")
            #expect(!text.contains("(own es…") && !text.contains("(o…"), "“\(text)”")
        }
    }

    /// A gain's bad year is its low tail: the legend says P10, as the glossary does.
    @Test func aGainsBadYearIsItsP10() throws {
        let html = try Self.boardHTML("adult-social-care-positive-risk")
        let hours = try Self.figure("o1-views", in: html)
        #expect(hours.contains("1 in 10 bad year (P10)"))
        #expect(!hours.contains("(P90)"))
        let safeguarding = try Self.figure("o4-views", in: html)
        #expect(safeguarding.contains("1 in 10 bad year (P90)"))
    }

    /// An outcome that only rises has no "negative = net reduction" on its histogram's axis.
    @Test func onlyAnAxisThatCanGoNegativeExplainsTheMinusSign() throws {
        let html = try Self.boardHTML("adult-social-care-positive-risk")
        let safeguarding = try Self.figure("o4-hist", in: html)
        #expect(safeguarding.contains("Harm after responses (enquiries)"))
        #expect(!safeguarding.contains("negative = net reduction"))
        let budget = try Self.figure("o3-hist", in: html)
        #expect(budget.contains("negative = net reduction"))
    }

    /// A count of enquiries is whole in every year: its histogram has a bar per number or per
    /// run of whole numbers, its axes tick at whole numbers only, and its bad years are whole.
    @Test func aCountStaysWhole() throws {
        let html = try Self.boardHTML("adult-social-care-positive-risk")
        for id in ["o4-hist", "o4-views", "o4-lec"] {
            // Each table's averages keep their decimals; its years and bins do not.
            let figure = try Self.figure(id, in: html)
            let svg = figure.components(separatedBy: "</svg>")[0]
            for text in Self.texts(svg) where text.first?.isNumber == true && !text.contains("%") {
                #expect(!text.contains("."), "\(id): tick or label “\(text)”")
            }
            guard id != "o4-views" else { continue }
            let table = figure.components(separatedBy: "</svg>").dropFirst().joined()
            #expect(table.range(of: #">[0-9]+\.[0-9]+( to [0-9.]+)?</td>"#, options: .regularExpression) == nil, "\(id) has a fractional count")
        }
    }

    /// A whole count over a range wider than one bar per number is binned by whole numbers.
    @Test func wideCountsAreBinnedByWholeNumbers() throws {
        let register = try ReportFixtures.load(yaml: """
            riskreg: 1
            register: {id: wide, title: Wide, organisation: Test, horizon: 1 year}
            outcomes:
              - {id: people, title: People hurt, unit: people}
            risks:
              - id: R-1
                title: Many small harms
                outcome: people
                strategy: reduction
                owner: Test
                coproduction: {mode: co-assessment, contributors: [c]}
                estimates:
                  - {frequency: 60, impact: 1}
            contributors:
              - {id: c, name: Community group, kind: community, public: true}
            """)
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        let hist = try Self.figure("o1-hist", in: html)
        #expect(hist.range(of: #"[0-9]+\.[0-9]+ to"#, options: .regularExpression) == nil)
        #expect(hist.range(of: #">[0-9]+ to [0-9]+</td>"#, options: .regularExpression) != nil)
    }

    /// The Markdown likelihood-and-impact table marks the same entries as the grid, and names
    /// the share of the reference each impact band stands for.
    @Test func heatMapTableCarriesTheGridsMarksAndBands() throws {
        let md = try ReportFixtures.example("ward-7-patient-partnership", .board, format: .markdown)
        #expect(md.contains("| W7-01\\* |"))
        #expect(md.contains("Major (40–100% of "))
        let html = try Self.boardHTML("ward-7-patient-partnership")
        let heat = try Self.figure("heat", in: html)
        // The axis title is whole, on one line or two.
        #expect(Self.texts(heat).filter { $0.contains("→") && !$0.hasSuffix("…") }.count == 2)
        #expect(!Self.texts(heat).contains { $0.hasSuffix("…") })
    }
}
