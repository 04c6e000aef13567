import Foundation
import TestSupport
import Testing

/// Drives the built `bulletin` executable as a separate process.
@Suite(.timeLimit(.minutes(1))) struct RealBinaryTests {
    static func run(_ arguments: [String], environment: [String: String]) async throws -> BuiltBinaries.Run {
        try await BuiltBinaries.run("bulletin", arguments, environment: environment)
    }

    @Test func theBinaryEditsSearchesAndFailsCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // No --store and no BULLETIN_STORE: the XDG data directory is used.
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        let missing = try await Self.run(["issues"], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("error: no store at \(directory.path)/data/bulletin/store.sqlite"))
        #expect(!missing.standardError.contains("Fatal error"))

        #expect(try await Self.run(["init", "--editor", "Thanh Hồng"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/data/bulletin/store.sqlite"))
        let issue = try await Self.run(["issue", "new", "--date", "2024-09-05"], environment: environment)
        #expect(issue.status == 0)
        let section = try await Self.run(
            ["section", "add", "2024-09-05", "CẢI CÁCH ĐỊA PHƯƠNG"], environment: environment)
        #expect(section.status == 0)
        let body = directory.appendingPathComponent("body.txt")
        try Data("Hà Nội luân chuyển cán bộ là cần thiết để đổi mới.\n".utf8).write(to: body)
        let added = try await Self.run(
            [
                "article", "add", "2024-09-05", "--section", "1", "--title", "Cán bộ ngồi lâu",
                "--body-file", body.path,
            ], environment: environment)
        #expect(added.status == 0)
        #expect(added.standardOutput.hasPrefix("2024-09-05/1 "))

        let search = try await Self.run(["search", "doi moi", "--json"], environment: environment)
        #expect(search.status == 0)
        let hits = try #require(
            try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [[String: Any]])
        #expect(hits.first?["ref"] as? String == "2024-09-05/1")
        #expect((hits.first?["snippet"] as? String)?.contains("«đổi» «mới»") == true)

        // The sample has the same date: a second import is refused, but into another store it goes.
        let refused = try await Self.run(["import", ImportExportCommandTests.sample], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("error: an issue for 2024-09-05 already exists"))
        let other = directory.appendingPathComponent("other.sqlite").path
        #expect(
            try await Self.run(["init", "--editor", "Minh Quân", "--store", other], environment: environment).status
                == 0)
        let imported = try await Self.run(
            ["import", ImportExportCommandTests.sample, "--store", other],
            environment: environment)
        #expect(imported.status == 0)
        let issues = try await Self.run(["issues", "--store", other], environment: environment)
        #expect(issues.standardOutput.contains("2024-09-05  draft         4        10"))

        let ambiguous = try await Self.run(["show", "zz"], environment: environment)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.standardOutput.isEmpty)
        #expect(
            ambiguous.standardError
                == "error: no issue matches 'zz' (use an id, a unique id prefix or a date YYYY-MM-DD)\n")
    }
}
