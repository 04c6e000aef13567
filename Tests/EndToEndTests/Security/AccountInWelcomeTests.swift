import Foundation
import SyncClient
import SyncServer
import TestSupport
import Testing

/// A client knows the account it acts as from the server's `welcome` (issue 18, item 3), never from a flag.
@Suite(.timeLimit(.minutes(1))) struct AccountInWelcomeTests {
    private func cli() -> BulletinCommandLine {
        BulletinCommandLine()
    }

    private func status(_ path: String) throws -> [String: Any] {
        let text = try cli().output("status", "--json", "--store", path)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [(Role.chief, "Tổng biên tập"), (Role.editor, "Ngọc Lan")])
    func aStoreKnowsItsRoleAfterInitAndSync(_ role: Role, _ editor: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory.file("server"))
        try await withTimeout {
            try await Server.withRunning(configuration: configuration, logger: quietLogger) { server in
                let token = try await server.store.addAccount(name: "acct-\(role.rawValue)", role: role)
                let path = directory.file("\(role.rawValue).sqlite")
                // `init --role` picks the kind of replica (editor here), not what the account may do.
                _ = try cli().output(
                    "init", "--store", path, "--editor", editor, "--server", "127.0.0.1:\(server.port)", "--token",
                    token)
                #expect(try LocalStore.open(at: path).account() == nil, "nothing is known before the first connect")
                #expect(try status(path)["account"] == nil)
                #expect(!(try cli().output("status", "--store", path).contains("role")))

                _ = try await cli().streamed("sync", "--store", path)

                let account = try LocalStore.open(at: path).account()
                #expect(account == AccountInfo(name: "acct-\(role.rawValue)", role: role))
                let reported = try #require(try status(path)["account"] as? [String: Any])
                #expect(reported["name"] as? String == "acct-\(role.rawValue)")
                #expect(reported["role"] as? String == role.rawValue)
                #expect(
                    try cli().output("status", "--store", path)
                        .contains("account acct-\(role.rawValue) · role \(role.rawValue)"))
            }
        }
    }

    @Test func aRoleChangedOnTheServerIsSeenAtTheNextConnect() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory.file("server"))
        try await withTimeout {
            try await Server.withRunning(configuration: configuration, logger: quietLogger) { server in
                let address = ServerAddress(host: "127.0.0.1", port: server.port)
                let store = try LocalStore.create(at: directory.file("lan.sqlite"), editor: "Lan")
                try store.setAccessSettings(
                    AccessSettings(
                        token: try await server.store.addAccount(name: "lan", role: .editor)))
                _ = try await SyncRunner(store: store, address: address, logger: quietLogger).syncOnce()
                #expect(try store.account()?.role == .editor)
                // The administrator makes a new account for her as a chief; she logs in with its token.
                try store.setToken(try await server.store.addAccount(name: "lan-chief", role: .chief))
                _ = try await SyncRunner(store: store, address: address, logger: quietLogger).pullOnce()
                #expect(try store.account() == AccountInfo(name: "lan-chief", role: .chief))
            }
        }
    }
}
