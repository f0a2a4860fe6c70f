import Foundation
import Testing
@testable import Reporting
import _TestSupport

/// Board tables scrolled sideways on a 390 px phone. Each table with one header row is marked
/// to read as cards there, every data cell carrying its column's heading.
@Suite("Tables on a phone")
struct PhoneTablesTests {
    @Test func eachCellCarriesItsColumnsHeading() {
        let html = """
            <div class="table-wrap"><table class="money-table">
            <caption>Money</caption>
            <thead><tr><th scope="col">Option</th><th scope="col" class="num">Cost <span>(£)</span></th><th scope="col">“Say” &amp; do</th></tr></thead>
            <tbody>
            <tr><th scope="rowgroup" colspan="3">Group</th></tr>
            <tr><th scope="row"><bdi>A</bdi></th><td class="num">1</td><td>x</td></tr>
            </tbody></table></div>
            <table><thead><tr><th>a</th></tr><tr><th>b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
            <table><tbody><tr><td rowspan="2">1</td></tr></tbody></table>
            """
        let out = StackedTables.label(html)
        #expect(out.contains(#"<table class="stack money-table">"#))
        #expect(out.contains(#"<td data-label="Cost (£)" class="num">1</td><td data-label="“Say” &amp; do">x</td>"#), "\(out)")
        #expect(out.contains(#"<tr><th scope="rowgroup" colspan="3">Group</th></tr>"#))
        #expect(out.contains(#"<th scope="row"><bdi>A</bdi></th>"#))
        // Two header rows, or a cell over two rows: left to scroll as before.
        #expect(out.contains("<table><thead><tr><th>a</th></tr><tr><th>b</th></tr></thead><tbody><tr><td>1</td></tr>"))
        #expect(out.contains(#"<table><tbody><tr><td rowspan="2">1</td>"#))
    }

    @Test(arguments: ReportFixtures.examples)
    func everyTableOfABoardReportReadsAsCardsOnAPhone(_ name: String) throws {
        let html = try ReportFixtures.example(name, .board, format: .html, trials: 500)
        let tables = html.components(separatedBy: "<table").dropFirst()
        #expect(tables.count > 5)
        for table in tables {
            let body = table.components(separatedBy: "</table>")[0]
            #expect(body.hasPrefix(#" class="stack"#), "\(body.prefix(200))")
            let dataCells = body.components(separatedBy: "<td").dropFirst()
            #expect(dataCells.allSatisfy { $0.contains("data-label=\"") && !$0.hasPrefix(">") }, "\(body.prefix(300))")
        }
        let css = try String(contentsOfFile: TestSupport.path("Templates/style.css"), encoding: .utf8)
        #expect(css.contains("table.stack td[data-label]::before{content:attr(data-label);display:block"))
    }
}
