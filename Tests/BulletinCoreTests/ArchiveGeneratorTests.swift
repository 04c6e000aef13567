import Testing

@testable import BulletinCore

@Suite struct ArchiveGeneratorTests {
    @Test func theSameSeedGivesTheSameArchive() {
        let first = Array(ArchiveGenerator(articleCount: 45, seed: 7))
        let second = Array(ArchiveGenerator(articleCount: 45, seed: 7))
        let other = Array(ArchiveGenerator(articleCount: 45, seed: 8))
        #expect(first == second)
        #expect(first != other)
    }

    @Test func articlesAreCountedNumberedAndAboutTheRequestedSize() {
        let issues = Array(ArchiveGenerator(articleCount: 45, articlesPerIssue: 20, sectionsPerIssue: 4))
        #expect(issues.count == 3)
        #expect(issues.map { $0.articles.count } == [20, 20, 5])
        #expect(issues[0].sections.map { $0.articles.count } == [5, 5, 5, 5])
        #expect(issues[2].sections.map { $0.articles.count } == [2, 1, 1, 1])
        for issue in issues {
            #expect(issue.articles.map(\.number) == Array(1...issue.articles.count))
        }
        let sizes = issues.flatMap(\.articles).map { $0.paragraphs.joined().utf8.count }
        #expect(sizes.allSatisfy { $0 >= 5_000 && $0 < 7_500 })
        let ids = issues.map(\.id) + issues.flatMap(\.articles).map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 36 && $0 == $0.lowercased() })
    }

    @Test func issuesFallOnConsecutiveWeekdays() throws {
        let start = try #require(CivilDate("2024-09-05"))
        let dates = ArchiveGenerator(articleCount: 60, articlesPerIssue: 10, firstDate: start).map(\.date)
        #expect(dates == ["2024-09-05", "2024-09-06", "2024-09-09", "2024-09-10", "2024-09-11", "2024-09-12"])
    }
}
