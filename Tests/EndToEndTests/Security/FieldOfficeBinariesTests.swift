import Foundation
import TestSupport
import Testing

/// The whole field-office set-up with the real executables: accounts, the pinned key, a chief who publishes, a
/// field office that pulls, shows and verifies offline.
@Suite(.timeLimit(.minutes(1)))
struct FieldOfficeBinariesTests {
    private func bulletin(_ arguments: [String]) async throws -> BuiltBinaries.Run {
        try await BuiltBinaries.run("bulletin", arguments, environment: ["PATH": "/usr/bin:/bin", "USER": "tester"])
    }

    private func admin(_ arguments: [String]) async throws -> String {
        let run = try await BuiltBinaries.run("bulletin-server", arguments)
        #expect(run.status == 0, "\(run.standardError)")
        return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aFieldOfficeSetUpWithTheCommandLinePullsAndVerifiesPublishedIssues() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let chiefToken = try await admin(["user", "add", "chief", "--role", "chief", "--data", data])
        let officeToken = try await admin(["user", "add", "hue", "--role", "field-office", "--data", data])
        let key = try await admin(["key", "show", "--data", data])
        let server = try RunningProcess(
            "bulletin-server", ["serve", "--host", "127.0.0.1", "--port", "0", "--data", data])
        let address = "127.0.0.1:\(try #require(await server.listeningPort()))"

        let chief = directory.file("chief.sqlite")
        let office = directory.file("office.sqlite")
        for arguments in [
            ["init", "--store", chief, "--editor", "Tổng biên tập", "--server", address, "--token", chiefToken],
            ["issue", "new", "--store", chief, "--date", "2024-09-05"],
            ["section", "add", "--store", chief, "2024-09-05", "CHỦ TRƯƠNG CẢI CÁCH"],
            ["article", "add", "--store", chief, "2024-09-05", "--section", "1", "--title", "Tinh gọn bộ máy"],
            ["annotate", "--store", chief, "2024-09-05/1", "Ghi chú nội bộ"],
            ["issue", "new", "--store", chief, "--date", "2024-09-06"],
            ["state", "--store", chief, "2024-09-05", "published"],
            ["sync", "--store", chief],
            [
                "init", "--store", office, "--role", "field-office", "--server", address, "--token", officeToken,
                "--server-key", key,
            ],
        ] {
            let run = try await bulletin(arguments)
            #expect(run.status == 0, "bulletin \(arguments.joined(separator: " ")): \(run.standardError)")
        }
        let pulled = try await bulletin(["pull", "--store", office])
        #expect(pulled.status == 0, "\(pulled.standardError)")
        let issues = try await bulletin(["issues", "--store", office]).standardOutput
        #expect(issues.contains("2024-09-05"))
        #expect(!issues.contains("2024-09-06"))
        let shown = try await bulletin(["show", "--store", office, "2024-09-05"]).standardOutput
        #expect(shown.contains("Tinh gọn bộ máy"))
        #expect(!shown.contains("Ghi chú nội bộ"))
        let verified = try await bulletin(["verify", "--store", office, "2024-09-05"])
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(verified.standardOutput.contains("signature valid"))

        // A field office pinning another key refuses what it receives.
        let wrong = directory.file("wrong.sqlite")
        let otherKey = try await admin(["key", "show", "--data", directory.file("other")])
        #expect(
            try await bulletin([
                "init", "--store", wrong, "--role", "field-office", "--server", address, "--token",
                officeToken, "--server-key", otherKey,
            ]).status == 0)
        let refused = try await bulletin(["pull", "--store", wrong])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("refused 1 publication"), "\(refused.standardError)")
        #expect(!(try await bulletin(["issues", "--store", wrong]).standardOutput.contains("2024-09-05")))

        #expect(await server.stop(signal: SIGTERM) == 0)
    }
}
