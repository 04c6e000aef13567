import Foundation
import SyncClient
import Testing

@testable import bulletin

@Suite struct EditingCommandTests {
    @Test func issueNewPrintsTheIdAndShowReadsItBack() throws {
        let cli = try CLIHarness()
        _ = try cli.output("init", "--editor", "Thanh Hồng")
        let id = try cli.output("issue", "new", "--date", "2024-09-05").trimmingCharacters(in: .newlines)
        #expect(id.count == 36 && id == id.lowercased())
        let shown = try cli.output("show", String(id.prefix(8)))
        #expect(shown.contains("2024-09-05 · THỨ NĂM · draft · editor Thanh Hồng"))
        #expect(shown.contains("(no sections yet)"))
        let duplicate = cli.run("issue", "new", "--date", "2024-09-05")
        #expect(duplicate.standardError == "error: an issue for 2024-09-05 already exists (id \(id))\n")
        #expect(
            cli.run("issue", "new", "--date", "5/9/2024").standardError
                .hasPrefix("error: '5/9/2024' is not a date"))
    }

    @Test func sectionsAndArticlesAreAddedInOrderFromFilesAndStandardInput() throws {
        let cli = try CLIHarness()
        try cli.seed()
        #expect(try cli.output("section", "add", "2024-09-05", "QUẢN LÝ HÀNH CHÍNH").hasPrefix("3 "))
        cli.standardInput = Data("Đoạn một\ncòn tiếp.\n\r\n\nĐoạn hai.\n".utf8)
        let added = try cli.output(
            "article", "add", "2024-09-05", "--section", "3", "--title", "Cán bộ",
            "--body-file", "-")
        #expect(added.hasPrefix("2024-09-05/4 "))
        let issue = try #require(try cli.json("show", "2024-09-05", "--json") as? [String: Any])
        let sections = try #require(issue["sections"] as? [[String: Any]])
        #expect(
            sections.map { $0["title"] as? String }
                == ["CHỦ TRƯỞNG CẢI CÁCH", "CẢI CÁCH ĐỊA PHƯƠNG", "QUẢN LÝ HÀNH CHÍNH"])
        let articles = sections.flatMap { ($0["articles"] as? [[String: Any]]) ?? [] }
        #expect(articles.map { $0["number"] as? Int } == [1, 2, 3, 4])
        #expect(
            articles.map { $0["title"] as? String } == [
                "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính", "“Phủ sóng” toàn quốc",
                "Lâm Đồng: Đẩy mạnh chuyển đổi số", "Cán bộ",
            ])
        #expect(
            articles[0]["paragraphs"] as? [String] == [
                "Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh tại buổi làm việc với Văn phòng Bộ Tư pháp.",
                "Công tác tham mưu được triển khai đồng bộ, xuyên suốt.",
            ])
        #expect(articles[3]["paragraphs"] as? [String] == ["Đoạn một còn tiếp.", "Đoạn hai."])
        let source = try #require(articles[1]["source"] as? [String: Any])
        #expect(source["outlet"] as? String == "Cand.com.vn")
        #expect(source["date"] as? String == "05/9")
        #expect(source["authors"] as? [String] == ["Hoài Thu", "Minh Quân"])
        #expect((articles[2]["source"] as? [String: Any])?["authors"] as? [String] == [])
        #expect(articles[3]["source"] == nil)  // no citation: the key is absent
    }

    @Test func showJSONHasTheContractedFields() throws {
        let cli = try CLIHarness()
        try cli.seed()
        _ = try cli.output("annotate", "2024-09-05/1", "Kiểm tra tên Bộ trưởng", "--kind", "fact-check")
        let issue = try #require(try cli.json("show", "2024-09-05", "--json") as? [String: Any])
        for key in ["id", "date", "weekday", "state", "editor", "sections"] {
            #expect(issue[key] != nil, "missing \(key)")
        }
        #expect(issue["weekday"] as? String == "THỨ NĂM")
        #expect(issue["state"] as? String == "draft")
        let firstSection = (issue["sections"] as? [[String: Any]])?.first
        let article = try #require((firstSection?["articles"] as? [[String: Any]])?.first)
        for key in ["id", "number", "title", "paragraphs", "source", "annotations"] {
            #expect(article[key] != nil, "missing article.\(key)")
        }
        let note = try #require((article["annotations"] as? [[String: Any]])?.first)
        #expect(note["kind"] as? String == "fact-check")
        #expect(note["text"] as? String == "Kiểm tra tên Bộ trưởng")
        #expect(note["author"] as? String == "Thanh Hồng")
        #expect(note["resolved"] as? Bool == false)
        #expect((note["id"] as? String)?.count == 36)
    }

    @Test func malformedSourcesAndSectionsAreRefusedLeavingTheStoreUntouched() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let before = try cli.snapshot()
        let badSource = cli.run("article", "add", "2024-09-05", "--section", "1", "--title", "T", "--source", "Lê Hồng")
        #expect(badSource.status == 1)
        #expect(badSource.standardError.hasPrefix("error: --source must look like \"Outlet dd/m, Author\""))
        let badSection = cli.run("article", "add", "2024-09-05", "--section", "7", "--title", "T")
        #expect(badSection.standardError == "error: issue 2024-09-05 has no section 7 (it has 2)\n")
        let missingFile = cli.run(
            "article", "add", "2024-09-05", "--section", "1", "--title", "T",
            "--body-file", cli.directory.appendingPathComponent("nope.txt").path)
        #expect(missingFile.standardError.hasSuffix("nope.txt: no such file\n"))
        let binary = cli.directory.appendingPathComponent("binary.txt")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        let notText = cli.run(
            "article", "add", "2024-09-05", "--section", "1", "--title", "T",
            "--body-file", binary.path)
        #expect(notText.standardError == "error: \(binary.path) is not UTF-8 text\n")
        #expect(try cli.snapshot() == before)
    }

    @Test func editingWithOptionsRecordsOnlyWhatChanged() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let body = try cli.file("new.txt", "Nội dung mới về hợp tác xã.\n")
        #expect(
            try cli.output("article", "edit", "2024-09-05/2", "--body-file", body)
                == "2024-09-05/2: updated paragraphs\n")
        #expect(
            try cli.output("article", "edit", "2024-09-05/2", "--title", "“Phủ sóng” toàn quốc")
                == "2024-09-05/2: no changes\n")
        #expect(
            try cli.output("article", "edit", "2024-09-05/2", "--title", "Phủ sóng")
                == "2024-09-05/2: updated title\n")
        let log = try #require(try cli.json("log", "2024-09-05/2", "--json") as? [[String: Any]])
        #expect(log.map { $0["op"] as? String } == ["create", "update", "update"])
        #expect(log.map { $0["fields"] as? [String] }.last == ["title"])
        #expect(try cli.output("search", "hop tac").contains("2024-09-05/2  Phủ sóng"))
    }

    @Test func editingWithoutOptionsOpensTheEditor() throws {
        let cli = try CLIHarness()
        try cli.seed()
        // A scripted "editor": changes a word of the body and the title in place.
        cli.environment["EDITOR"] = "sed -i -e 's/xuyên suốt/liên tục/' -e '1s/Tăng cường/Đẩy mạnh/'"
        let edited = try cli.output("article", "edit", "2024-09-05/1")
        #expect(edited == "2024-09-05/1: updated paragraphs, title\n")
        let issue = try #require(try cli.json("show", "2024-09-05", "--json") as? [String: Any])
        let firstSection = (issue["sections"] as? [[String: Any]])?.first
        let article = try #require((firstSection?["articles"] as? [[String: Any]])?.first)
        #expect(article["title"] as? String == "Đẩy mạnh cải cách hành chính, kiểm soát thủ tục hành chính")
        #expect((article["paragraphs"] as? [String])?.last == "Công tác tham mưu được triển khai đồng bộ, liên tục.")

        let before = try cli.snapshot()
        cli.environment["EDITOR"] = "false"
        #expect(
            cli.run("article", "edit", "2024-09-05/1").standardError
                == "error: the editor 'false' exited with status 1; nothing was changed\n")
        cli.environment["EDITOR"] = nil
        #expect(cli.run("article", "edit", "2024-09-05/1").standardError.hasPrefix("error: EDITOR is not set"))
        cli.environment["EDITOR"] = "truncate -s 0"
        #expect(
            cli.run("article", "edit", "2024-09-05/1").standardError
                == "error: the edited text is empty; nothing was changed\n")
        #expect(try cli.snapshot() == before)
    }

    @Test func removingAnArticleRenumbersTheRest() throws {
        let cli = try CLIHarness()
        try cli.seed()
        #expect(
            try cli.output("article", "rm", "2024-09-05/1")
                == "removed 2024-09-05/1 “Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính”\n")
        let summary = try #require((try cli.json("issues", "--json") as? [[String: Any]])?.first)
        #expect(summary["articles"] as? Int == 2)
        #expect(try cli.output("show", "2024-09-05").contains("2024-09-05/1  “Phủ sóng” toàn quốc"))
        #expect(
            cli.run("article", "rm", "2024-09-05/3").standardError
                == "error: no article matches '2024-09-05/3': the issue of 2024-09-05 has 2 articles\n")
    }

    @Test func annotationsTakeAKindAndAOneBasedParagraph() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let id = try cli.output("annotate", "2024-09-05/1", "Sai chính tả?", "--kind", "correction", "--paragraph", "2")
        #expect(id.trimmingCharacters(in: .newlines).count == 36)
        let shown = try cli.output("show", "2024-09-05")
        #expect(shown.contains("[correction ¶2] Thanh Hồng: Sai chính tả?"))
        let before = try cli.snapshot()
        #expect(
            cli.run("annotate", "2024-09-05/1", "x", "--kind", "praise").standardError
                == "error: 'praise' is not a valid kind (use one of: comment, correction, fact-check, sign-off)\n")
        #expect(
            cli.run("annotate", "2024-09-05/1", "x", "--paragraph", "3").standardError
                == "error: article 2024-09-05/1 has 2 paragraphs; there is no paragraph 3\n")
        #expect(
            cli.run("annotate", "2024-09-05/1", "x", "--paragraph", "0").standardError
                == "error: --paragraph counts from 1, got 0\n")
        #expect(try cli.snapshot() == before)
    }

    @Test func stateMovesForwardOnly() throws {
        let cli = try CLIHarness()
        try cli.seed()
        #expect(try cli.output("state", "2024-09-05", "review") == "2024-09-05: draft → review\n")
        #expect(
            cli.run("state", "2024-09-05", "draft").standardError
                == "error: cannot move an issue from review to draft: states only move forward "
                + "(draft → review → approved → published)\n")
        #expect(cli.run("state", "2024-09-05", "done").status == 1)
        #expect(try cli.output("state", "2024-09-05", "published") == "2024-09-05: review → published\n")
        let summary = try #require((try cli.json("issues", "--json") as? [[String: Any]])?.first)
        #expect(summary["state"] as? String == "published")
    }
}
