import SyncServer

/// The accounts the benchmark's editors sign in with: the server accepts only tokens of active accounts.
enum BenchAccounts {
    /// Makes an editor account for each name in the server store of `data` (created if missing) and returns the
    /// tokens by name. Run before the server process opens the directory.
    static func add(_ names: [String], role: Role = .editor, data: String) async throws -> [String: String] {
        let store = try ServerStore(directory: data)
        defer { try? store.close() }
        var tokens: [String: String] = [:]
        for name in names {
            tokens[name] = try await store.addAccount(name: name, role: role)
        }
        return tokens
    }
}
