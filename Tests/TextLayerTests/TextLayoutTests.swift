import Testing
@testable import TextLayer

@Suite("Fixed-width layout")
struct TextLayoutTests {
    @Test func wideFiguresNeverRunTogether() {
        let columns: [TextLayout.Column] = [.left(8), .right(6), .right(6)]
        let row = TextLayout.row(["label", "1,234,567", "-9,876,543"], columns)
        #expect(row == "label   1,234,567 -9,876,543")
        #expect(TextLayout.row(["a", "12", "3"], columns) == "a           12     3")
    }

    @Test func leftCellsAreClippedWithASpaceAfter() {
        #expect(TextLayout.row(["abcdefghij", "1"], [.left(6), .right(3)]) == "abcd…   1")
    }

    @Test func wrapKeepsLeadingSpacesAndIndentsContinuations() {
        let lines = TextLayout.wrap("  one two three four", width: 10, continuation: 4)
        #expect(lines == ["  one two", "    three", "    four"])
        #expect(TextLayout.wrap(String(repeating: "x", count: 30), width: 10) == ["xxxxxxxxx…"])
        #expect(TextLayout.wrap(String(repeating: "x", count: 30), width: 10, clipping: false) == [String(repeating: "x", count: 30)])
    }

    @Test func clipMarksWhatWasCut() {
        #expect(TextLayout.clip("abcdef", 4) == "abc…")
        #expect(TextLayout.clip("abc", 4) == "abc")
        #expect(TextLayout.clip("abc", 0) == "")
    }
}
