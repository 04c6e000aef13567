import Foundation
import SyncClient
import Testing

@testable import bulletin

@Suite struct ImportExportCommandTests {
    /// The real 2024-09-05 bulletin, as kept with the format's tests.
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BulletinFormatTests/Fixtures/bulletin-2024-09-05.txt").path

    private func seeded() throws -> CLIHarness {
        let cli = try CLIHarness()
        _ = try cli.output("init", "--editor", "Thanh Hồng")
        return cli
    }

    @Test func importPrintsTheNewIssuesIdAndStoresTheWholeIssue() throws {
        let cli = try seeded()
        let id = try cli.output("import", Self.sample).trimmingCharacters(in: .newlines)
        #expect(id.count == 36)
        let summary = try #require((try cli.json("issues", "--json") as? [[String: Any]])?.first)
        #expect(summary["id"] as? String == id)
        #expect(summary["date"] as? String == "2024-09-05")
        #expect(summary["sections"] as? Int == 4)
        #expect(summary["articles"] as? Int == 10)
        let issue = try #require(try cli.json("show", "2024-09-05", "--json") as? [String: Any])
        #expect(issue["editor"] as? String == "Thanh Hồng")
        #expect(issue["weekday"] as? String == "THỨ NĂM")
        let first = try #require(
            ((issue["sections"] as? [[String: Any]])?.first?["articles"] as? [[String: Any]])?
                .first)
        let source = try #require(first["source"] as? [String: Any])
        #expect(source["outlet"] as? String == "Baophapluat.vn")
        #expect(source["authors"] as? [String] == ["Lê Hồng"])
        // Every created entity is one pending change, all from this one import.
        let status = try #require(try cli.json("status", "--json") as? [String: Any])
        #expect((status["pending"] as? Int ?? 0) >= 1 + 4 + 10)
        #expect(try cli.output("search", "Long An", "de tao dot pha").contains("2024-09-05/6"))
    }

    @Test func importJSONPrintsTheStoredIssue() throws {
        let cli = try seeded()
        let imported = try cli.output("import", Self.sample, "--json")
        #expect(imported == (try cli.output("show", "2024-09-05", "--json")))
    }

    @Test func importAcceptsNFDAndCRLF() throws {
        let cli = try seeded()
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let nfd = try cli.file(
            "nfd.txt",
            text.decomposedStringWithCanonicalMapping
                .replacingOccurrences(of: "\n", with: "\r\n"))
        _ = try cli.output("import", nfd)
        let issue = try #require(try cli.json("show", "2024-09-05", "--json") as? [String: Any])
        #expect(issue["editor"] as? String == "Thanh Hồng")
        #expect(try cli.output("search", "Thừa Thiên Huế").contains("2024-09-05/2"))
    }

    @Test func malformedOrDuplicateImportsLeaveTheStoreUntouched() throws {
        let cli = try seeded()
        _ = try cli.output("import", Self.sample)
        let before = try cli.snapshot()
        let duplicate = cli.run("import", Self.sample)
        #expect(duplicate.status == 1)
        #expect(duplicate.standardError.hasPrefix("error: an issue for 2024-09-05 already exists"))
        let notes = try cli.file("notes.txt", "Ghi chú họp giao ban\nkhông phải bản tin\n")
        let malformed = cli.run("import", notes)
        #expect(malformed.status == 1)
        #expect(malformed.standardError.hasPrefix("error: \(notes): "))
        #expect(malformed.standardError.filter { $0 == "\n" }.count == 1)
        let missing = cli.run("import", cli.directory.appendingPathComponent("absent.txt").path)
        #expect(missing.standardError.hasSuffix("absent.txt: no such file\n"))
        #expect(try cli.snapshot() == before)
    }

    @Test func exportWritesEveryFormatToStandardOutputOrAFile() throws {
        let cli = try seeded()
        _ = try cli.output("import", Self.sample)
        let json = try cli.output("export", "2024-09-05", "--format", "json")
        #expect(json == (try cli.output("show", "2024-09-05", "--json")))
        let markdown = try cli.output("export", "2024-09-05", "--format", "markdown")
        #expect(markdown.contains("CHỦ TRƯỞNG CẢI CÁCH"))
        let html = try cli.output("export", "2024-09-05", "--format", "html")
        #expect(html.contains("<html"))
        let file = cli.directory.appendingPathComponent("out.txt").path
        #expect(try cli.output("export", "2024-09-05", "--format", "bulletin", "-o", file).isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("Biên tập viên Thanh Hồng"))
        #expect(
            cli.run("export", "2024-09-05", "--format", "pdf").standardError
                == "error: 'pdf' is not a valid format (use one of: bulletin, markdown, html, json)\n")
    }

    @Test func anExportedBulletinImportsBackToTheSameIssue() throws {
        let first = try seeded()
        _ = try first.output("import", Self.sample)
        let exported = first.directory.appendingPathComponent("exported.txt").path
        _ = try first.output("export", "2024-09-05", "--format", "bulletin", "--output", exported)
        let second = try seeded()
        _ = try second.output("import", exported)
        let original = try #require(try first.json("show", "2024-09-05", "--json") as? [String: Any])
        let again = try #require(try second.json("show", "2024-09-05", "--json") as? [String: Any])
        #expect(Self.withoutIDs(original) == Self.withoutIDs(again))
    }

    /// The issue's JSON as comparable text, without ids (a re-import makes new ones) and annotations (the text
    /// format does not carry them; the contents/heading fact-check is not raised again by an exported file,
    /// whose contents table the exporter writes from the headings).
    static func withoutIDs(_ value: Any) -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                var copy: [String: Any] = [:]
                for (key, item) in object where !["id", "annotations"].contains(key) {
                    copy[key] = strip(item)
                }
                return copy
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let data = (try? JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
