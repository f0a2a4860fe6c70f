import Foundation
import RegisterModel
import Testing

@Suite struct CalendarDateTests {
    /// "Today" is worked out by arithmetic from the system clock; it must agree with Foundation's
    /// Gregorian calendar in UTC on every kind of day: leap days, century years, year ends.
    /// (Foundation switches to the Julian calendar before 1582-10-15, so the comparison starts
    /// there; earlier days are checked against Python's proleptic `datetime`.)
    @Test func daysSince1970AgreeWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var days = [0, -1, 1, 59, 60, 365, 10_956, 11_016, 11_017, 20_422, 2_932_896]
        days += stride(from: -141_427, through: 2_932_896, by: 997).map { $0 }
        for d in days {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(d) * 86_400))
            let expected = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
            #expect(CalendarDate(daysSince1970: d) == expected, "day \(d)")
        }
        #expect(CalendarDate(daysSince1970: 0)?.description == "1970-01-01")
        #expect(CalendarDate(daysSince1970: 20_422)?.description == "2025-11-30")
        #expect(CalendarDate(daysSince1970: 11_016)?.description == "2000-02-29")
        #expect(CalendarDate(daysSince1970: -719_162)?.description == "0001-01-01")
        #expect(CalendarDate(daysSince1970: -700_000)?.description == "0053-06-19")
        #expect(CalendarDate(daysSince1970: 2_932_897) == nil)
        #expect(CalendarDate(daysSince1970: -719_163) == nil)
    }
}
