import Testing

@testable import BulletinDesk

@Suite("Dates, times and numbers as each language writes them")
struct FormatTests {
    let vi = DeskFormat(catalog: .builtIn(.vi), utcOffsetSeconds: 0)
    let en = DeskFormat(catalog: .builtIn(.en), utcOffsetSeconds: 0)

    @Test(
        "Issue dates: the bulletin's form in Vietnamese, written out in English",
        arguments: [
            ("2024-09-05", "Thứ Năm, 05/9/2024", "Thursday, 5 September 2024"),
            ("2024-12-25", "Thứ Tư, 25/12/2024", "Wednesday, 25 December 2024"),
            ("2025-01-01", "Thứ Tư, 01/1/2025", "Wednesday, 1 January 2025"),
            ("2024-02-29", "Thứ Năm, 29/2/2024", "Thursday, 29 February 2024"),
            ("2026-12-06", "Chủ Nhật, 06/12/2026", "Sunday, 6 December 2026"),
            ("not-a-date", "not-a-date", "not-a-date"),
        ])
    func dates(iso: String, vietnamese: String, english: String) {
        #expect(vi.longDate(iso) == vietnamese)
        #expect(en.longDate(iso) == english)
    }

    @Test(
        "Times: 24-hour in Vietnamese, am/pm in English",
        arguments: [
            (Int64(1_725_545_100_000), "14:05", "2:05 pm"),  // 2024-09-05 14:05 UTC
            (Int64(1_725_494_400_000), "00:00", "12:00 am"),
            (Int64(1_725_537_600_000), "12:00", "12:00 pm"),
            (Int64(1_725_520_260_000), "07:11", "7:11 am"),
        ])
    func times(millis: Int64, vietnamese: String, english: String) {
        #expect(vi.time(millis: millis) == vietnamese)
        #expect(en.time(millis: millis) == english)
    }

    @Test("A time zone offset moves the time and, across midnight, the date")
    func offsets() {
        let hanoi = DeskFormat(catalog: .builtIn(.vi), utcOffsetSeconds: 7 * 3600)
        #expect(hanoi.time(millis: 1_725_545_100_000) == "21:05")
        #expect(hanoi.dateTime(millis: 1_725_566_400_000) == "Thứ Sáu, 06/9/2024 03:00")
    }

    @Test(
        "Relative times with each language's plural forms",
        arguments: [
            (Int64(20), "vừa xong", "just now"),
            (Int64(60), "1 phút trước", "1 minute ago"),
            (Int64(180), "3 phút trước", "3 minutes ago"),
            (Int64(3600), "1 giờ trước", "1 hour ago"),
            (Int64(7200), "2 giờ trước", "2 hours ago"),
            (Int64(86_400 * 4), "4 ngày trước", "4 days ago"),
        ])
    func relative(secondsAgo: Int64, vietnamese: String, english: String) {
        let now: Int64 = 1_725_545_100_000
        #expect(vi.relative(millis: now - secondsAgo * 1000, now: now) == vietnamese)
        #expect(en.relative(millis: now - secondsAgo * 1000, now: now) == english)
    }

    @Test(
        "Thousands: a dot in Vietnamese, a comma in English",
        arguments: [
            (0, "0", "0"), (999, "999", "999"), (5700, "5.700", "5,700"), (129_000, "129.000", "129,000"),
            (1_234_567, "1.234.567", "1,234,567"), (-5700, "-5.700", "-5,700"),
        ])
    func numbers(value: Int, vietnamese: String, english: String) {
        #expect(vi.number(value) == vietnamese)
        #expect(en.number(value) == english)
    }

    @Test(
        "ISO times parse to milliseconds",
        arguments: [
            ("2024-09-05T14:05:00Z", Int64(1_725_545_100_000)),
            ("2024-09-05T14:05:00.123Z", Int64(1_725_545_100_000)),
            ("1970-01-01T00:00:00Z", Int64(0)),
        ])
    func isoTimes(text: String, millis: Int64) {
        #expect(DeskFormat.millis(iso: text) == millis)
    }

    @Test("Accept-Language picks the best of the two languages")
    func acceptLanguage() {
        #expect(DeskLanguage.preferred(acceptLanguage: "en-GB,en;q=0.9") == .en)
        #expect(DeskLanguage.preferred(acceptLanguage: "vi-VN,vi;q=0.9,en;q=0.8") == .vi)
        #expect(DeskLanguage.preferred(acceptLanguage: "fr-FR,en;q=0.5,vi;q=0.7") == .vi)
        #expect(DeskLanguage.preferred(acceptLanguage: "de") == nil)
    }
}
