import Foundation
import Logging
import SyncProtocol

extension ServerStore {
    /// Opens the PostgreSQL store at `url` (`postgres://USER:PASS@HOST:PORT/DB`, optional `sslmode`), creating or
    /// migrating its schema first. Several nodes may open the same database: they share its log, accounts and
    /// publication signing key.
    ///
    /// - Throws: ``PostgresStoreError`` for a bad URL, an unreachable database or a schema a newer node made.
    public static func open(postgres url: String, logger: Logger? = nil) async throws -> ServerStore {
        let location = try PostgresLocation(url: url)
        let backend = try PostgresBackend(location: location, logger: logger)
        do {
            let opened = try await backend.migrateAndLoad()
            let key = try PublicationSigningKey(rawRepresentation: opened.key)
            return ServerStore(
                backend: backend, signingKey: key, serverID: opened.serverID, path: "\(location)",
                logEpochs: opened.epochs)
        } catch {
            try? backend.close()
            throw error
        }
    }

    /// Opens the store `database` names: a PostgreSQL URL, or else the SQLite store in `directory`.
    public static func open(database: String?, directory: String, logger: Logger? = nil) async throws
        -> ServerStore
    {
        if let database { return try await open(postgres: database, logger: logger) }
        return try ServerStore(directory: directory)
    }
}

extension PostgresBackend {
    /// What a node reads once at start.
    struct Opened: Sendable {
        var serverID: String
        var key: [UInt8]
        var epochs: [LogEpoch]
    }

    /// Migrates the schema (see ``PostgresSchema``) and reads the server's identity.
    func migrateAndLoad() async throws -> Opened {
        let location = "\(location)"
        return try await write(appending: false) { store in
            guard let reader = store as? PostgresReader else { preconditionFailure("a PostgreSQL transaction") }
            try PostgresSchema.migrate(reader, location: location)
            guard let row = try reader.rows("SELECT server_id, signing_key FROM server_info WHERE id = 1").first
            else { throw PostgresStoreError.missingServerInfo(location: location) }
            let (serverID, key) = try row.decode((String, String).self)
            guard let raw = Data(base64Encoded: key) else {
                throw PostgresStoreError.missingServerInfo(location: location)
            }
            return Opened(serverID: serverID, key: Array(raw), epochs: try reader.epochs())
        }
    }
}
