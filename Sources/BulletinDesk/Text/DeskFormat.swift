import BulletinCore

/// Dates, times and numbers as each language writes them: one place, tested with tables of cases.
///
/// Vietnamese follows the bulletin (`Thứ Năm, 05/9/2024`, `14:05`, `5.700`); English writes
/// `Thursday, 5 September 2024`, `2:05 pm`, `5,700`. Words (weekdays, months, "ago") come from the catalog.
public struct DeskFormat: Sendable {
    /// The catalog supplying the words.
    public let catalog: Catalog
    /// The editor's offset from UTC in seconds (times are stored in UTC).
    public let utcOffsetSeconds: Int

    /// Creates a formatter.
    public init(catalog: Catalog, utcOffsetSeconds: Int) {
        self.catalog = catalog
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private static let weekdayKeys = [
        "weekday.sunday", "weekday.monday", "weekday.tuesday", "weekday.wednesday", "weekday.thursday",
        "weekday.friday", "weekday.saturday",
    ]
    private static let monthKeys = [
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9",
        "month.10", "month.11", "month.12",
    ]

    /// An issue date (`YYYY-MM-DD`) with its weekday; the text unchanged when it is not a date.
    public func longDate(_ iso: String) -> String {
        guard let date = CivilDate(iso) else { return iso }
        return longDate(date)
    }

    /// A civil date with its weekday.
    public func longDate(_ date: CivilDate) -> String {
        let weekday = catalog.text(Self.weekdayKeys[date.weekday])
        switch catalog.language {
        case .vi:
            let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
            return "\(weekday), \(day)/\(date.month)/\(date.year)"
        case .en:
            return "\(weekday), \(date.day) \(catalog.text(Self.monthKeys[date.month - 1])) \(date.year)"
        }
    }

    /// The time of day of a Unix-milliseconds instant, in the editor's time zone.
    public func time(millis: Int64) -> String {
        let local = Self.floorDiv(millis, 1000) + Int64(utcOffsetSeconds)
        let secondOfDay = Int(local - Self.floorDiv(local, 86_400) * 86_400)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let minutes = minute < 10 ? "0\(minute)" : "\(minute)"
        switch catalog.language {
        case .vi:
            return "\(hour < 10 ? "0" : "")\(hour):\(minutes)"
        case .en:
            let twelve = hour % 12 == 0 ? 12 : hour % 12
            return "\(twelve):\(minutes) \(catalog.text(hour < 12 ? "time.am" : "time.pm"))"
        }
    }

    /// The local calendar date and time of an instant: `Thứ Năm, 05/9/2024 14:05`.
    public func dateTime(millis: Int64) -> String {
        let local = Self.floorDiv(millis, 1000) + Int64(utcOffsetSeconds)
        let date = CivilDate(daysSinceEpoch: Int(Self.floorDiv(local, 86_400)))
        return "\(longDate(date)) \(time(millis: millis))"
    }

    /// How long ago `millis` was, seen at `now`: `vừa xong`, `3 phút trước`, `2 giờ trước`, `4 ngày trước`.
    public func relative(millis: Int64, now: Int64) -> String {
        let seconds = max(0, (now - millis) / 1000)
        switch seconds {
        case ..<60: return catalog.text("time.just_now")
        case ..<3600: return catalog.plural("time.minutes_ago", count: Int(seconds / 60))
        case ..<86_400: return catalog.plural("time.hours_ago", count: Int(seconds / 3600))
        default: return catalog.plural("time.days_ago", count: Int(seconds / 86_400))
        }
    }

    /// An integer with the language's thousands separator.
    public func number(_ value: Int) -> String {
        NumberText.format(value, catalog.language)
    }

    /// Unix milliseconds of an ISO 8601 UTC text (`2024-09-05T08:30:00Z`, fractional seconds allowed).
    public static func millis(iso text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: "T")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else {
            return nil
        }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1000
    }

    private static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// Integers with thousands grouped as the language writes them: `5.700` (vi), `5,700` (en).
enum NumberText {
    static func format(_ value: Int, _ language: DeskLanguage) -> String {
        let separator: Character = language == .vi ? "." : ","
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
