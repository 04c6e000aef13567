import Testing

@testable import BulletinCore

@Suite struct CivilDateTests {
    @Test func parsesOnlyRealDaysWrittenYYYYMMDD() {
        #expect(CivilDate("2024-09-05")?.description == "2024-09-05")
        #expect(CivilDate("2024-02-29") != nil)
        for text in ["2023-02-29", "2024-13-01", "2024-09-31", "2024-9-05", "05/9/2024", "2024-09-05x", ""] {
            #expect(CivilDate(text) == nil, "\(text)")
        }
    }

    @Test func knowsTheWeekdayAndItsVietnameseName() throws {
        let thursday = try #require(CivilDate("2024-09-05"))
        #expect(thursday.weekday == 4)
        #expect(thursday.vietnameseWeekday == "THỨ NĂM")
        #expect(CivilDate("2024-09-08")?.vietnameseWeekday == "CHỦ NHẬT")
        #expect(CivilDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CivilDate("2000-03-01")?.daysSinceEpoch == 11_017)
    }

    @Test func daysRoundTrip() {
        for days in [-1, 0, 59, 365, 11_016, 19_971, 100_000] {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func isoTimeIsUTC() {
        #expect(ISOTime.string(fromMillis: 1_725_523_200_000) == "2024-09-05T08:00:00Z")
        #expect(ISOTime.string(fromMillis: 0) == "1970-01-01T00:00:00Z")
        #expect(ISOTime.string(fromMillis: -1) == "1969-12-31T23:59:59Z")
    }

    @Test func generatedIssuesHaveTheStandardMasthead() throws {
        let issue = GeneratedMasthead.issue(id: "x", date: try #require(CivilDate("2024-09-05")), editor: "Thanh Hồng")
        #expect(issue.weekday == "THỨ NĂM")
        #expect(issue.yearLine == "Năm 2024")
        #expect(issue.releaseLine == "Phát hành: 05/9/2024")
        #expect(issue.titleLines == ["Bản tin", "Điểm báo"])
        #expect(issue.state == .draft)
    }
}
