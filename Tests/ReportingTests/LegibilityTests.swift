import Foundation
@testable import Reporting
import Testing
import _TestSupport

/// What keeps a report legible on a phone, on screen and on paper, checked in the HTML itself
/// (`make browser-check` measures the same in Chromium).
@Suite("Board report: legible on a phone, on screen and on paper")
struct LegibilityTests {
    static func boardHTML(_ name: String = "ward-7-patient-partnership") throws -> String {
        try ReportFixtures.example(name, .board, format: .html)
    }

    /// Every `<svg>` of a report with its viewBox width and its text elements.
    static func charts(_ html: String) -> [(width: Double, height: Double, texts: [(x: Double, y: Double, anchor: String, text: String, rotated: Bool)])] {
        html.components(separatedBy: "<svg ").dropFirst().map { chunk in
            let svg = chunk.components(separatedBy: "</svg>")[0]
            let box = svg.components(separatedBy: "viewBox=\"0 0 ")[1].split(separator: "\"")[0].split(separator: " ").map { Double($0)! }
            let texts = svg.components(separatedBy: "<text ").dropFirst().map { t -> (Double, Double, String, String, Bool) in
                func attribute(_ name: String) -> String { t.components(separatedBy: "\(name)=\"").dropFirst().first?.split(separator: "\"").first.map(String.init) ?? "" }
                let text = t.components(separatedBy: ">")[1].components(separatedBy: "</text")[0]
                return (Double(attribute("x")) ?? 0, Double(attribute("y")) ?? 0, attribute("text-anchor"), text, t.contains("transform="))
            }
            return (box[0], box[1], texts)
        }
    }

    /// A generous width for chart text at 13 units (0.62 em a character).
    static func width(_ text: String) -> Double {
        let decoded = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
        return Double(decoded.count) * 13 * 0.62
    }

    /// On the residents' pages too, whose legends use longer phrases ("without the planned
    /// actions") and may wrap onto rows of their own.
    @Test(arguments: ReportFixtures.examples)
    func chartTextStaysInsideItsPicture(_ name: String) throws {
        let community = try ReportFixtures.example(name, .community, format: .html)
        for chart in Self.charts(try Self.boardHTML(name)) + Self.charts(community) {
            for t in chart.texts where !t.rotated {
                let w = Self.width(t.text)
                let (from, to) = t.anchor == "end" ? (t.x - w, t.x) : t.anchor == "middle" ? (t.x - w / 2, t.x + w / 2) : (t.x, t.x + w)
                #expect(from >= 0 && to <= chart.width, "“\(t.text)” runs from \(from) to \(to) in a picture \(chart.width) wide")
                #expect(t.y <= chart.height && t.y >= 10, "“\(t.text)” at y \(t.y) in a picture \(chart.height) high")
            }
        }
    }

    /// At 390 px the report's column is 360 px: a chart keeps its text at 11 CSS px or more
    /// because it never shrinks below the minimum width the style gives it.
    @Test func chartTextIsAtLeastElevenPixelsOnAPhone() throws {
        let style = try String(contentsOfFile: TestSupport.path("Templates/style.css"), encoding: .utf8)
        func px(_ pattern: String) throws -> Double {
            let range = try #require(style.range(of: pattern + "[0-9.]+px", options: .regularExpression))
            let digits = style[range].dropLast(2).reversed().prefix { $0.isNumber || $0 == "." }
            return try #require(Double(String(digits.reversed())))
        }
        let minWidth = try px("figure svg\\{[^}]*min-width:")
        let fontSize = try px("svg \\.t\\{[^}]*font:")
        #expect(try px("svg \\.small\\{font-size:") >= fontSize)
        for chart in Self.charts(try Self.boardHTML()) {
            let shown = max(min(360, chart.width), minWidth)
            #expect(fontSize * shown / chart.width >= 11, "a chart \(chart.width) wide sets text at \(fontSize * shown / chart.width) px")
        }
    }

    /// The exceedance chart's legend sits below the axis, where no curve or appetite diamond
    /// can be.
    @Test func legendsAreClearOfTheData() throws {
        let html = try Self.boardHTML()
        // The first exceedance chart with an appetite marker in its legend.
        let figures = html.components(separatedBy: "<figure id=\"").dropFirst().filter { $0.hasPrefix("o") && $0.contains("-lec\">") }
        let lec = try #require(figures.first { $0.contains("board&#39;s appetite</text>") })
        let chart = try #require(Self.charts(lec).first)
        let axisY = 300.0 - 52
        for label in ["with responses", "without responses", "board&#39;s appetite"] {
            let t = try #require(chart.texts.first { $0.text == label }, "\(label)")
            #expect(t.y > axisY + 17, "legend “\(label)” at y \(t.y), inside the plot")
        }
    }

    @Test func longNamesAreCutWithAnEllipsis() throws {
        #expect(Charts.fitted(String(repeating: "Perspective ", count: 5), width: 158).hasSuffix("…"))
        #expect(Charts.fitted("Carers", width: 158) == "Carers")
    }

    /// Every link inside the report leads somewhere, and the contents list every section.
    @Test(arguments: ReportFixtures.examples)
    func contentsAndInternalLinksResolve(_ name: String) throws {
        let html = try Self.boardHTML(name)
        #expect(html.contains("<nav class=\"toc\""))
        let ids = Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        let targets = html.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(targets.count > 20)
        for target in targets { #expect(ids.contains(target), "no element with id \(target)") }
        for section in html.components(separatedBy: "<section id=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(targets.contains(section), "the contents do not list #\(section)")
        }
    }

    /// Words and addresses wrap instead of widening the page; on paper nothing is wider than
    /// the page, header rows repeat and captions stay with their tables.
    @Test func styleWrapsWordsAndPrintsWithoutShrinking() throws {
        let style = try String(contentsOfFile: TestSupport.path("Templates/style.css"), encoding: .utf8)
        let screen = style.components(separatedBy: "@media print{")[0]
        let print = try #require(style.components(separatedBy: "@media print{").dropFirst().first)
        #expect(screen.contains("p,li,dd,dt,h1,h2,h3,h4,caption,figcaption,summary,.desc,.status,.statement{overflow-wrap:anywhere}"))
        #expect(screen.contains("dl.facts dd{margin:0;min-width:0}"))
        #expect(print.contains("th,td{overflow-wrap:anywhere}"))
        #expect(print.contains("figure svg{min-width:0}"))
        #expect(print.contains("figure svg{max-width:12.5cm}"))
        #expect(print.contains("thead{display:table-header-group}"))
        #expect(print.contains("caption{break-after:avoid"))
    }
}
