import Foundation
import RegisterModel
import Reporting
import Testing
import _TestSupport

/// The heat map named a confidential entry by its bare id, the one place in the board report
/// without its "(confidential)" marker.
@Suite("Confidential entries in the heat map")
struct HeatMapConfidentialTests {
    @Test(arguments: [ReportOptions.Format.html, .markdown])
    func aConfidentialEntryIsMarkedInTheGridAndItsTable(_ format: ReportOptions.Format) throws {
        let yaml = wordsRegister.replacingOccurrences(of: "    title: Big cost\n", with: "    title: Big cost\n    confidential: true\n")
        let register = try ReportFixtures.load(yaml: yaml, file: "words.yaml")
        #expect(register.risks.contains { $0.id == "C-3" && $0.isConfidential })
        let report = try ReportFixtures.render(register, format: format, audience: .board, trials: 500)
        let heat = report.components(separatedBy: "Likelihood and impact of each entry").dropFirst().joined()
        #expect(!heat.isEmpty)
        // The data table's row names the entry with its marker.
        #expect(heat.contains("C-3 (confidential)"), "\(heat.prefix(3000))")
        if format == .html {
            // In a cell, the symbol, which the legend explains; in the cell's title, in full.
            #expect(heat.contains(">C-3†<"), "\(heat.prefix(3000))")
            #expect(heat.contains("† confidential — not for publication"))
            #expect(!heat.components(separatedBy: "</svg>")[0].contains(">C-3<"))
        }
        // Without a confidential entry, no symbol and no legend line.
        let plain = try ReportFixtures.render(try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml"), format: .html, audience: .board, trials: 500)
        #expect(!plain.contains("not for publication"))
    }
}
