import Foundation
import Testing
import _TestSupport

/// Where the figures favour an option at the rule's second step, the lead that decides is
/// shown beside the margin it had to clear. Ward 7's favourite won by half a percentage point
/// (6.3% against 6.8%, each ±0.3), and the rule's "a difference within the margin of error is a
/// tie" could not be checked from the page: no margin was given for the difference.
@Suite("Board report: the deciding lead beside its margin")
struct BoardLeadMarginTests {
    @Test(arguments: ["ward-7-patient-partnership", "adult-social-care-positive-risk"])
    func theDecidingLeadIsShownBeyondItsMargin(_ name: String) throws {
        let page = try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
        let pattern = #/Its lead of ([0-9.]+) percentage points is (only just )?beyond the margin of error of a difference between two options, ±([0-9.]+) percentage points/#
        let found = page.matches(of: pattern)
        #expect(!found.isEmpty, "no deciding lead on \(name)")
        for m in found {
            let lead = try #require(Double(m.output.1)), margin = try #require(Double(m.output.3))
            // Step 2 keeps only options whose lead clears the margin, and where one decimal
            // would show them equal both keep more: the lead reads larger. (Ward 7's clears
            // it by a hair: 0.50 against 0.50 at two decimals.)
            #expect(lead > margin, "\(m.output.0)")
            // Under twice its margin, a lead is said to be only just beyond it: "0.51 … is
            // beyond … ±0.50" read as a clear win.
            #expect((m.output.2 != nil) == (lead < 2 * margin), "\(m.output.0)")
        }
    }
}
