import Foundation
import RegisterLoader
import RegisterModel
import _TestSupport

/// The day every test judges review dates by, so results never depend on the calendar.
let fixedAsOf = CalendarDate(year: 2026, month: 11, day: 30)!

/// The repository's root, found from the test sources' own path.
let repositoryRoot: URL = TestSupport.packageRoot

/// Loads register text (an import's output) as if it were the file `test.yaml`.
func load(_ text: String, file: String = "test.yaml") -> LoadedRegister {
    RegisterFile.read(bytes: Array(text.utf8), file: file, asOf: fixedAsOf)
}

/// A diagnostic as one comparable line: `line:col severity rule message`.
func summary(_ d: Diagnostic) -> String {
    "\(d.location.line):\(d.location.column) \(d.severity.rawValue) \(d.rule) \(d.message)"
}
