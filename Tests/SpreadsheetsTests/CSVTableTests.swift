import Testing
@testable import Spreadsheets

/// The spreadsheet reader on what Excel and LibreOffice actually write.
@Suite("CSV reader")
struct CSVTableTests {
    func texts(_ table: CSVTable) -> [[String]] { table.rows.map { $0.map(\.text) } }

    @Test("commas, quotes, doubled quotes and line breaks inside quoted fields")
    func quoted() throws {
        let csv = "Ref,Description,Owner\r\nR1,\"Flooding, \"\"severe\"\"\nsecond line\",Jo\r\nR2,,\"\"\r\n"
        let table = try CSVTable(bytes: Array(csv.utf8))
        #expect(table.separator == ",")
        #expect(texts(table) == [["Ref", "Description", "Owner"], ["R1", "Flooding, \"severe\"\nsecond line", "Jo"], ["R2", "", ""]])
        #expect(table.rows[2][0].line == 4)  // the quoted line break moves later rows down
        #expect(table.rows[1][2].column == 3)
    }

    @Test("semicolons, a byte-order mark and no final line break")
    func semicolons() throws {
        let table = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("Ref;Score\nR1;3,5".utf8))
        #expect(table.separator == ";")
        #expect(table.encoding == .utf8)
        #expect(texts(table) == [["Ref", "Score"], ["R1", "3,5"]])
    }

    @Test("Windows-1252: € and curly quotes, and a pound sign")
    func windows1252() throws {
        let bytes: [UInt8] = Array("Ref,Cost\nR1,".utf8) + [0x80, 0x35, 0x20, 0x93, 0x61, 0x94, 0x20, 0xA3] + Array("\n".utf8)
        let table = try CSVTable(bytes: bytes)
        #expect(table.encoding == .windows1252)
        #expect(texts(table) == [["Ref", "Cost"], ["R1", "€5 “a” £"]])
    }

    @Test("blank lines are skipped; an unclosed quote is located where it opens")
    func blankAndUnclosed() throws {
        #expect(texts(try CSVTable(bytes: Array("a,b\n\n1,2\n\n".utf8))) == [["a", "b"], ["1", "2"]])
        #expect(throws: CSVTable.Problem(message: "a quoted field is never closed", line: 2, column: 2)) {
            try CSVTable(bytes: Array("a,b\n1,\"open\n\n".utf8))
        }
    }
}
