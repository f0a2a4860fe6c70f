import Foundation
import RegisterLoader
import RegisterModel
import Spreadsheets
import Testing
import _TestSupport

/// `riskreg export` writes what an import had to guess as the gap it was, so the guess never
/// comes back from the spreadsheet as a fact.
@Suite("Export keeps placeholders as placeholders")
struct ExportPlaceholderTests {
    /// Export the council example and import the export: every entry is marked for review on
    /// the same fields as before, and a field marked for review leaves an empty cell.
    @Test func reviewMarksSurviveTheRoundTrip() throws {
        let original = load(try String(contentsOfFile: TestSupport.path("docs/examples/council-register.yaml"), encoding: .utf8),
                            file: "council-register.yaml")
        let register = try #require(original.register)
        let guessedStrategy = try #require(register.risks.first { $0.needsReview.contains("strategy") })
        let export = try SpreadsheetExport.export(register)
        let mapping = try #require(ImportMapping.read(bytes: Array(export.mapping.utf8), file: "m.yaml").mapping)
        let again = SpreadsheetImport.run(bytes: Array(export.csv.utf8), file: "out.csv", mapping: mapping).outcome
        let text = try #require(again.text, "\(again.diagnostics.map(summary))")
        let reimported = try #require(load(text).register)
        for risk in register.risks {
            let back = try #require(reimported.risk(risk.id))
            // The export cannot say who co-produced an entry or what its controls cost, so those
            // marks come back whatever they were; every other mark must survive.
            let fields = ["strategy", "owner", "outcome", "review"]
            #expect(Set(back.needsReview).intersection(fields) == Set(risk.needsReview).intersection(fields), "\(risk.id)")
        }
        let row = try #require(export.csv.components(separatedBy: "\r\n").first { $0.hasPrefix(guessedStrategy.id + ",") })
        #expect(row.hasSuffix("," + guessedStrategy.strategy.rawValue + "?," + guessedStrategy.outcome), "the guessed strategy is marked: \(row)")
        let guessedOwner = try #require(register.risks.first { $0.needsReview.contains("owner") })
        let ownerRow = try #require(export.csv.components(separatedBy: "\r\n").first { $0.hasPrefix(guessedOwner.id + ",") })
        #expect(!ownerRow.contains(guessedOwner.owner), "the placeholder owner is an empty cell: \(ownerRow)")
    }
}
