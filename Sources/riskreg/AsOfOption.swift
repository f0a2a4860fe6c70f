import ArgumentParser
import Foundation
import RegisterModel

/// `--as-of`: the day that review dates are compared with, so output is reproducible.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day to judge review dates by, as YYYY-MM-DD (default: today, in UTC).",
            discussion: "Give a fixed date to make output reproducible, for instance in CI.",
            valueName: "date"))
    var asOfText: String?

    func validate() throws {
        if let asOfText, CalendarDate(asOfText) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2027-01-31 (got '\(asOfText)')")
        }
    }

    var asOf: CalendarDate {
        if let asOfText, let date = CalendarDate(asOfText) { return date }
        // Today in UTC from the system clock: no calendar or time-zone database to load.
        let seconds = Int(time(nil))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(daysSince1970: days)!
    }
}
