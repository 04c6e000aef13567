import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct RevocationTests {
    /// `bulletin-server user revoke` runs in another process: it opens its own store on the same directory and only
    /// changes the database. The running server must notice and close the revoked account's live sessions.
    /// On PostgreSQL the other store is like another node: the revocation reaches this one through the database.
    @Test(arguments: StoreKind.available)
    func revokingAnAccountClosesItsLiveSessionsButNotOthers(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let logs = CapturedLogs()
        try await withTimeout {
            try await SecuredServer.with(
                kind, directory: directory, logs: logs,
                configure: {
                    $0.revocationCheckInterval = .milliseconds(20)
                }
            ) { server in
                try await server.connected(as: .chief) { chief in
                    try await server.connected(as: .editor) { editor in
                        try await editor.send(.subscribe(Subscribe(since: 0)))
                        // Like the CLI: a separate store instance (its own connections) on the same files.
                        let cli = try await ServerStore.open(
                            database: server.server.configuration.database, directory: directory.path)
                        try await cli.revokeAccount(name: "editor")
                        try cli.close()
                        var seen: [Message] = []
                        while let frame = try await editor.next() {
                            if case .message(let message) = frame { seen.append(message) }
                        }
                        let errors = seen.compactMap { message -> ErrorMessage? in
                            if case .error(let error) = message { return error }
                            return nil
                        }
                        #expect(errors.map(\.name) == ["unauthenticated"])
                        #expect(errors.first?.message.contains("revoked") == true)
                        // The chief's session is untouched.
                        try await chief.send(.ping(Ping(nonce: 5)))
                        #expect(try await chief.receive() == .pong(Ping(nonce: 5)))
                    }
                }
            }
        }
        #expect(logs.lines.contains { $0.message == "closing sessions of revoked accounts" })
    }
}
