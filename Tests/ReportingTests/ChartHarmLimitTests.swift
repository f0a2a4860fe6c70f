import Foundation
@testable import Reporting
import Testing

/// The board charts show what a limit on harm alone is about, and every perspective's name in
/// full.
@Suite("Charts: limits on harm alone and names in full")
struct ChartHarmLimitTests {
    /// The numbers of an attribute in the first element of `cls` in `svg`.
    static func attribute(_ name: String, of cls: String, in svg: String) throws -> String {
        let start = try #require(svg.range(of: "class=\"\(cls)\""))
        let rest = svg[start.upperBound...]
        let attr = try #require(rest.range(of: " \(name)=\""))
        return String(rest[attr.upperBound...].prefix { $0 != "\"" })
    }

    /// The open diamond's centre: its path starts at its top point, 6 above the centre.
    static func diamondCentreY(_ svg: String) throws -> Double {
        let d = try attribute("d", of: "mark-harm", in: svg)
        let top = try #require(Double(d.dropFirst().split(separator: "L")[0].split(separator: " ")[1]))
        return top + 6
    }

    /// Ward 7's patient-safety limit is on harm alone: its exceedance chart marks the limit with
    /// an open diamond and the simulated chance of harm alone beside it. The verdict is outside
    /// appetite, so the filled dot stands above the diamond (higher on the picture is a larger
    /// chance, a smaller y).
    @Test func aLimitOnHarmAloneIsDrawnOnItsChart() throws {
        let html = try ChartLabelsTests.boardHTML("ward-7-patient-partnership")
        let chart = try ChartLabelsTests.figure("o1-lec", in: html)
        #expect(chart.contains("<title>at most 5 in 100 chance of harm alone above 4 incidents</title>"))
        #expect(chart.contains("<title>Harm alone, with responses: "))
        #expect(chart.contains("chance of more than 4 incidents</title>"))
        #expect(chart.contains("limit on harm alone (benefits left out)"))
        #expect(chart.contains("The open diamond is the board's limit on harm alone") || chart.contains("The open diamond is the board&#39;s limit on harm alone"))
        let dotY = try #require(Double(try Self.attribute("cy", of: "dot-res", in: chart)))
        #expect(dotY < (try Self.diamondCentreY(chart)))
    }

    /// Leiden's limit on anyone being hurt at all is on harm alone too; its chance is within
    /// appetite, so the filled dot stands below the diamond.
    @Test func aLimitOnAnyHarmAtAllIsDrawnToo() throws {
        let html = try ChartLabelsTests.boardHTML("community-safety-leiden")
        let chart = try ChartLabelsTests.figure("o4-lec", in: html)
        #expect(chart.contains("class=\"mark-harm\""))
        #expect(chart.contains("chance that anyone is harmed at all</title>"))
        let dotY = try #require(Double(try Self.attribute("cy", of: "dot-res", in: chart)))
        #expect(dotY > (try Self.diamondCentreY(chart)))
    }

    /// An outcome with no limit on harm alone keeps its chart as it was.
    @Test func noOpenDiamondWithoutALimitOnHarmAlone() throws {
        let html = try ChartLabelsTests.boardHTML("adult-social-care-positive-risk")
        let chart = try ChartLabelsTests.figure("o1-lec", in: html)
        #expect(!chart.contains("mark-harm"))
        #expect(!chart.contains("dot-res"))
    }

    /// Each perspective's name is drawn in full beside its bars, on as many lines as it needs:
    /// no "care and support…" or "estimates for 4 of…".
    @Test func perspectiveNamesAreDrawnInFull() throws {
        for name in ReportFixtures.examples {
            let html = try ChartLabelsTests.boardHTML(name)
            var index = 1
            while html.contains("<figure id=\"o\(index)-views\""), let views = try? ChartLabelsTests.figure("o\(index)-views", in: html) {
                #expect(!ChartLabelsTests.texts(views).contains { $0.hasSuffix("…") }, "\(name) o\(index)-views")
                // Each group's lines, put together, are its full name.
                for group in views.components(separatedBy: "<g><title>").dropFirst() {
                    let title = group.components(separatedBy: "</title>")[0]
                    let body = group.components(separatedBy: "</g>")[0]
                    #expect(ChartLabelsTests.texts(body).joined(separator: " ") == title, "\(name): \(title)")
                }
                index += 1
            }
            #expect(index > 1, "\(name) has no perspectives chart")
        }
    }

    /// A long name makes its row taller rather than being cut, and the bars stay inside it.
    @Test func aLongNameMakesItsRowTaller() {
        let lines = Charts.distinctLabels(["People who draw on care and support (own estimates for 4 of 7 entries)"], width: 158, lines: Charts.nameLines)
        #expect(lines == [["People who draw on", "care and support", "(own estimates for", "4 of 7 entries)"]])
    }
}
