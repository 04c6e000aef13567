import Foundation
import SyncClient
import Testing

@testable import bulletin

@Suite struct QueryCommandTests {
    @Test func issuesListsCountsAndPendingChanges() throws {
        let cli = try CLIHarness()
        try cli.seed()
        _ = try cli.output("issue", "new", "--date", "2024-09-06")
        let list = try #require(try cli.json("issues", "--json") as? [[String: Any]])
        #expect(list.map { $0["date"] as? String } == ["2024-09-06", "2024-09-05"])
        let seeded = list[1]
        #expect(seeded["sections"] as? Int == 2)
        #expect(seeded["articles"] as? Int == 3)
        #expect(seeded["pending"] as? Int == 6)  // issue + 2 sections + 3 articles
        #expect(seeded["state"] as? String == "draft")
        #expect(seeded["weekday"] as? String == "THỨ NĂM")
        #expect(seeded["editor"] as? String == "Thanh Hồng")
        let text = try cli.output("issues")
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DATE        STATE  SECTIONS  ARTICLES  PENDING  ID") == true)
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("2024-09-05  draft         2         3        6  "))
    }

    @Test func searchFindsVietnameseWithOrWithoutDiacritics() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let plain = try #require(try cli.json("search", "cai", "cach", "--json") as? [[String: Any]])
        #expect(plain.map { $0["ref"] as? String } == ["2024-09-05/1"])
        let accented = try #require(try cli.json("search", "cải cách", "--json") as? [[String: Any]])
        #expect(accented.map { $0["ref"] as? String } == ["2024-09-05/1"])
        // đ: "dong" finds "đồng bộ" and "Lâm Đồng"; "Đồng" finds the unaccented "tỷ dong".
        let dong = try #require(try cli.json("search", "dong", "--json") as? [[String: Any]])
        #expect(Set(dong.compactMap { $0["ref"] as? String }) == ["2024-09-05/1", "2024-09-05/2", "2024-09-05/3"])
        let upper = try #require(try cli.json("search", "Đồng", "--json") as? [[String: Any]])
        #expect(Set(upper.compactMap { $0["ref"] as? String }) == ["2024-09-05/1", "2024-09-05/2", "2024-09-05/3"])
        let hit = try #require(dong.first)
        for key in ["rank", "score", "article_id", "issue_id", "date", "number", "ref", "title", "snippet"] {
            #expect(hit[key] != nil, "missing \(key)")
        }
        #expect(hit["ref"] as? String == "2024-09-05/3" || hit["ref"] as? String == "2024-09-05/2")
        let text = try cli.output("search", "dong", "bo")
        #expect(text.contains("1. 2024-09-05/1  Tăng cường cải cách hành chính"))
        #expect(text.contains("«đồng» «bộ»"))
        #expect(try cli.output("search", "khong", "co") == "no matches for 'khong co'\n")
    }

    @Test func logShowsWhoChangedWhatAndWhen() throws {
        let cli = try CLIHarness()
        try cli.seed()
        _ = try cli.output("annotate", "2024-09-05/2", "Nguồn?")
        let all = try cli.output("log")
        let lines = all.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0].contains("  Thanh Hồng  create issue 2024-09-05  (not pushed)"))
        #expect(lines[1].contains("create section “CHỦ TRƯỞNG CẢI CÁCH” of 2024-09-05"))
        #expect(lines[6].contains("create comment on 2024-09-05/2 ““Phủ sóng” toàn quốc”"))
        let article = try #require(try cli.json("log", "2024-09-05/2", "--json") as? [[String: Any]])
        #expect(article.map { $0["entity"] as? String } == ["article", "annotation"])
        #expect(article.allSatisfy { ($0["time"] as? String)?.hasSuffix("Z") == true })
        let issue = try #require(try cli.json("log", "2024-09-05", "--json") as? [[String: Any]])
        #expect(issue.count == 7)
        #expect(cli.run("log", "ffff").standardError.hasPrefix("error: no issue matches 'ffff'"))
    }

    @Test func statusListsPendingChanges() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let status = try #require(try cli.json("status", "--json") as? [String: Any])
        #expect(status["pending"] as? Int == 6)
        #expect(status["cursor"] as? Int == 0)
        #expect(status["server"] == nil || status["server"] is NSNull)
        let changes = try #require(status["changes"] as? [[String: Any]])
        #expect(changes.map { $0["op"] as? String } == Array(repeating: "create", count: 6))
        #expect(
            changes.map { $0["entity"] as? String }
                == ["issue", "section", "section", "article", "article", "article"])
        #expect((status["pending_bytes"] as? Int ?? 0) > 0)
        let text = try cli.output("status")
        #expect(text.contains("6 changes to push"))
    }

    @Test func ambiguousPrefixesAreErrorsThatLeaveTheStoreUntouched() throws {
        let cli = try CLIHarness()
        try cli.seed()
        // Make ids share a prefix by adding many issues; some two will share a first hex digit (all of them do: new
        // ids begin with the time they were made).
        for day in 10...28 {
            _ = try cli.output("issue", "new", "--date", "2024-09-\(day)")
        }
        let listed = try #require(try cli.json("issues", "--json") as? [[String: Any]])
        let ids = listed.compactMap { $0["id"] as? String }
        #expect(ids.count == 20)
        let groups = Dictionary(grouping: ids, by: { String($0.prefix(1)) })
        let shared = try #require(groups.first(where: { $0.value.count > 1 }))
        let before = try cli.snapshot()
        let result = cli.run("state", shared.key, "review")
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("error: '\(shared.key)' matches several issues: "))
        #expect(result.standardError.filter { $0 == "\n" }.count == 1)
        for id in shared.value.sorted().prefix(5) {
            #expect(result.standardError.contains(id))
        }
        #expect(try cli.snapshot() == before)
    }
}
