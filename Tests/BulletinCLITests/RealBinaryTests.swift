import Foundation
import Testing

/// Drives the built `bulletin` executable as a separate process.
@Suite(.timeLimit(.minutes(1))) struct RealBinaryTests {
    /// The `bulletin` binary next to the test bundle (it is built because this test target depends on it).
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("bulletin"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/bulletin"))
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
                   standardError: String(decoding: err, as: UTF8.self))
    }

    @Test func theBinaryEditsSearchesAndFailsCleanly() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // No --store and no BULLETIN_STORE: the XDG data directory is used.
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        let missing = try Self.run(["issues"], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("error: no store at \(directory.path)/data/bulletin/store.sqlite"))
        #expect(!missing.standardError.contains("Fatal error"))

        #expect(try Self.run(["init", "--editor", "Thanh Hồng"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/data/bulletin/store.sqlite"))
        let issue = try Self.run(["issue", "new", "--date", "2024-09-05"], environment: environment)
        #expect(issue.status == 0)
        let section = try Self.run(["section", "add", "2024-09-05", "CẢI CÁCH ĐỊA PHƯƠNG"], environment: environment)
        #expect(section.status == 0)
        let body = directory.appendingPathComponent("body.txt")
        try Data("Hà Nội luân chuyển cán bộ là cần thiết để đổi mới.\n".utf8).write(to: body)
        let added = try Self.run(["article", "add", "2024-09-05", "--section", "1", "--title", "Cán bộ ngồi lâu",
                                  "--body-file", body.path], environment: environment)
        #expect(added.status == 0)
        #expect(added.standardOutput.hasPrefix("2024-09-05/1 "))

        let search = try Self.run(["search", "doi moi", "--json"], environment: environment)
        #expect(search.status == 0)
        let hits = try #require(
            try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [[String: Any]])
        #expect(hits.first?["ref"] as? String == "2024-09-05/1")
        #expect((hits.first?["snippet"] as? String)?.contains("«đổi» «mới»") == true)

        let ambiguous = try Self.run(["show", "zz"], environment: environment)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.standardOutput.isEmpty)
        #expect(ambiguous.standardError
            == "error: no issue matches 'zz' (use an id, a unique id prefix or a date YYYY-MM-DD)\n")
    }
}
