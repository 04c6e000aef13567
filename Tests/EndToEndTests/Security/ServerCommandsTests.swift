import Foundation
import SyncProtocol
import SyncServer
import TestSupport
import Testing

/// `bulletin-server user …` and `key show` as real processes.
@Suite(.timeLimit(.minutes(1))) struct ServerCommandsTests {
    private func server(_ arguments: [String]) async throws -> BuiltBinaries.Run {
        try await BuiltBinaries.run("bulletin-server", arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func usersAreAddedListedAndRevokedAndTheKeyIsShown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let added = try await server(["user", "add", "thanh", "--role", "editor", "--data", data])
        #expect(added.status == 0, "\(added.standardError)")
        let token = added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("bst_") && token.count == 47)
        #expect(added.standardError.contains("shown only once"))
        #expect(try await server(["user", "add", "hue", "--role", "field-office", "--data", data]).status == 0)
        let duplicate = try await server(["user", "add", "thanh", "--role", "chief", "--data", data])
        #expect(duplicate.status != 0)
        #expect(duplicate.standardError.contains("already exists"))
        let badRole = try await server(["user", "add", "x", "--role", "owner", "--data", data])
        #expect(badRole.status != 0)

        #expect(try await server(["user", "revoke", "thanh", "--data", data]).standardOutput.contains("revoked"))
        let listed = try await server(["user", "list", "--json", "--data", data])
        #expect(listed.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["thanh", "hue"])
        #expect(rows.map { $0["role"] as? String } == ["editor", "field-office"])
        #expect(rows[0]["revoked"] is String)
        #expect(rows[1]["revoked"] is NSNull)
        #expect(rows[1]["last_synced"] is NSNull)
        #expect(!listed.standardOutput.contains(token))
        let table = try await server(["user", "list", "--data", data]).standardOutput
        #expect(table.hasPrefix("NAME"))
        #expect(table.contains("field-office"))

        let shown = try await server(["key", "show", "--data", data])
        #expect(shown.status == 0)
        let key = try PublicationPublicKey(base64: shown.standardOutput)
        #expect(try await server(["key", "show", "--data", data]).standardOutput == shown.standardOutput)
        let mode = try FileManager.default.attributesOfItem(atPath: data + "/publication-signing-key")
        #expect(mode[.posixPermissions] as? Int == 0o600)
        #expect(key.keyID.count == 16)
    }

    @Test func restoredStartsANewLogEpochOnAStoreAndRefusesADirectoryWithoutOne() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let missing = try await server(["restored", "--data", data])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("holds no server store"))
        #expect(!FileManager.default.fileExists(atPath: data), "nothing is made where no store was")

        #expect(try await server(["user", "add", "thanh", "--role", "editor", "--data", data]).status == 0)
        let marked = try await server(["restored", "--data", data])
        #expect(marked.status == 0, "\(marked.standardError)")
        #expect(
            marked.standardOutput == "a new log epoch starts at seq 0: on their next sync, clients offer again "
                + "what they hold beyond it\n")
        let store = try await ServerStore.open(database: nil, directory: data)
        defer { try? store.close() }
        #expect(store.logEpochs.count == 2)
    }
}
