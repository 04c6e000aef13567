import SyncServer

/// The accounts the benchmark's editors sign in with: the server accepts only tokens of active accounts.
enum BenchAccounts {
    /// Makes an account with `role` for each name in `store` (created if missing) and returns the tokens by name.
    /// Run before a server process opens an SQLite store.
    static func add(_ names: [String], role: Role = .editor, store: BenchStore) async throws -> [String: String] {
        let opened = try await store.open()
        defer { try? opened.close() }
        var tokens: [String: String] = [:]
        for name in names {
            tokens[name] = try await opened.addAccount(name: name, role: role)
        }
        return tokens
    }
}
