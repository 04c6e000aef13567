import Foundation
import TestSupport
import Testing

/// `bulletin-server` and `bulletin` as real processes, talking over loopback TCP.
@Suite(.timeLimit(.minutes(1)))
struct RealBinariesTests {
    private func bulletin(_ arguments: [String]) async throws -> BuiltBinaries.Run {
        try await BuiltBinaries.run("bulletin", arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func twoEditorsSyncThroughTheRealServerWhichStopsCleanlyOnSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try RunningProcess(
            "bulletin-server",
            [
                "serve", "--host", "127.0.0.1", "--port", "0", "--data", directory.file("data"),
            ])
        let address = "127.0.0.1:\(try #require(await server.listeningPort()))"

        let hong = directory.file("hong.sqlite")
        let khang = directory.file("khang.sqlite")
        // Accounts are made while the server runs (another process, the same data directory).
        let hongToken = try await BuiltBinaries.run(
            "bulletin-server", ["user", "add", "hong", "--role", "editor", "--data", directory.file("data")])
        let khangToken = try await BuiltBinaries.run(
            "bulletin-server", ["user", "add", "khang", "--role", "chief", "--data", directory.file("data")])
        #expect(hongToken.status == 0 && khangToken.status == 0, "\(hongToken.standardError)")
        #expect(try await bulletin(["init", "--store", hong, "--editor", "Thanh Hồng"]).status == 0)
        #expect(
            try await bulletin([
                "init", "--store", khang, "--editor", "Minh Khang", "--token",
                khangToken.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines),
            ]).status == 0)
        #expect(
            try await bulletin([
                "login", "--store", hong, "--token",
                hongToken.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines),
            ]).status == 0)
        #expect(try await bulletin(["issue", "new", "--store", hong, "--date", "2024-09-05"]).status == 0)
        #expect(
            try await bulletin(["section", "add", "--store", hong, "2024-09-05", "QUẢN LÝ HÀNH CHÍNH"]).status == 0)

        let first = try await bulletin(["sync", "--store", hong, "--server", address])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("pushed 2 changes"))
        // The address is remembered: the second editor gives it once, later syncs need no flag.
        #expect(try await bulletin(["sync", "--store", khang, "--server", address]).status == 0)
        let again = try await bulletin(["sync", "--store", khang, "--json"])
        #expect(again.status == 0, "\(again.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["pulled"] as? Int == 0)
        #expect(summary?["cursor"] as? Int == 2)

        let shown = try await bulletin(["show", "--store", khang, "2024-09-05", "--json"])
        let issue = try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any]
        let sections = issue?["sections"] as? [[String: Any]]
        #expect(sections?.first?["title"] as? String == "QUẢN LÝ HÀNH CHÍNH")

        let unreachable = try await bulletin(["sync", "--store", khang, "--server", "127.0.0.1:1"])
        #expect(unreachable.status != 0)
        #expect(unreachable.standardError.hasPrefix("error: cannot connect to 127.0.0.1:1"))
        #expect(unreachable.standardError.split(separator: "\n").count == 1)

        #expect(await server.stop(signal: SIGTERM) == 0)
    }
}
