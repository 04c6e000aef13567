import Foundation

/// Gregorian dates as the bulletin writes them; all arithmetic in UTC so the result never depends on the machine.
enum CalendarDate {
    /// `YYYY-MM-DD` for a real date, nil for e.g. 31/2.
    static func iso(day: Int, month: Int, year: Int) -> String? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Day, month and year of a `YYYY-MM-DD` string.
    static func components(ofISO iso: String) -> (day: Int, month: Int, year: Int)? {
        guard let match = iso.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            Self.iso(day: day, month: month, year: year) != nil
        else { return nil }
        return (day, month, year)
    }

    /// The masthead's weekday line for a `YYYY-MM-DD` date, e.g. "THỨ NĂM" for 2024-09-05.
    static func weekdayLine(ofISO iso: String) -> String? {
        guard let parts = components(ofISO: iso) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))
        else { return nil }
        let weekday = calendar.component(.weekday, from: date)
        return Vocabulary.weekdays.indices.contains(weekday - 1) ? Vocabulary.weekdays[weekday - 1] : nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
