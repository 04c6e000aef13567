import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// Online backup and restore of a server's data directory.
///
/// A backup is one SQLite file made with `VACUUM INTO` on a read connection: a consistent snapshot of the whole
/// store as of one moment, taken while the server goes on serving (WAL mode: readers never block the writer). It is
/// checked (`PRAGMA integrity_check`, head `seq`, counts) before it is moved into place, so a reported backup is a
/// usable one. The publication signing key is a secret: it travels inside the file only when asked for.
public enum ServerBackup {
    /// The table that carries the signing key inside a backup taken with `includeKey`.
    static let keyTable = "backup_publication_signing_key"

    /// Backs `store` up into the new file `destination`, verified before it appears under that name.
    ///
    /// - Parameter includeKey: Whether to put the publication signing key in the backup (it is a secret: keep such a
    ///   backup as safe as the key file itself).
    /// - Throws: ``BackupError`` when the destination exists or the copy does not verify; GRDB errors for I/O.
    public static func backup(_ store: ServerStore, to destination: String, includeKey: Bool) async throws
        -> BackupReport
    {
        guard let sqlite = store.sqlite else { throw BackupError.notSQLite(location: store.path) }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupError.destinationExists(path: destination)
        }
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            // VACUUM cannot run inside a transaction; it reads the source in one read transaction of its own.
            try await sqlite.writer.unsafeRead { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [partial])
            }
            // Account token hashes (and, when asked, the signing key) are in it: readable by its owner only.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial)
            if includeKey {
                let queue = try DatabaseQueue(path: partial)
                try await queue.write { db in
                    try db.execute(sql: "CREATE TABLE \(keyTable) (key TEXT NOT NULL)")
                    try db.execute(
                        sql: "INSERT INTO \(keyTable) (key) VALUES (?)",
                        arguments: [Data(store.signingKey.rawRepresentation).base64EncodedString()])
                }
                try queue.close()
            }
            let report = try verify(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            return report
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Restores the backup `source` into the data directory `directory`, which must be missing or empty.
    ///
    /// The backup is verified first; the signing key it carries (if any) becomes the directory's key file (mode
    /// 0600) and leaves the database. Without one, the restored server makes a new key on first start, and field
    /// offices must pin it again: copy the old key file into the directory before starting to avoid that.
    ///
    /// - Throws: ``BackupError`` for a non-empty target or a backup that does not verify.
    public static func restore(from source: String, into directory: String) throws -> BackupReport {
        let fileManager = FileManager.default
        if let contents = try? fileManager.contentsOfDirectory(atPath: directory), !contents.isEmpty {
            throw BackupError.targetNotEmpty(path: directory)
        }
        _ = try verify(source)
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = (directory as NSString).appendingPathComponent(ServerStore.fileName)
        let partial = target + ".partial"
        do {
            try fileManager.copyItem(atPath: source, toPath: partial)
            let queue = try DatabaseQueue(path: partial)
            // The restored log is behind what clients may hold: a new history starts at its head, and clients that
            // see it offer again what this log lacks (PROTOCOL.md section 12.5). A backup of an older store gets the
            // tables first.
            try ServerSchema.migrator.migrate(queue)
            let key = try queue.write { db -> String? in
                try LogEpochs.start(db)
                guard try db.tableExists(keyTable) else { return nil }
                let key = try String.fetchOne(db, sql: "SELECT key FROM \(keyTable)")
                try db.execute(sql: "DROP TABLE \(keyTable)")
                return key
            }
            try queue.close()
            if let key {
                try AtomicFile.write(
                    Array((key + "\n").utf8),
                    to: (directory as NSString).appendingPathComponent(PublicationKeyFile.fileName),
                    mode: 0o600, existing: .replace)
            }
            try fileManager.moveItem(atPath: partial, toPath: target)
        } catch {
            try? fileManager.removeItem(atPath: partial)
            throw error
        }
        var report = try verify(target)
        report.includesSigningKey = fileManager.fileExists(
            atPath: (directory as NSString).appendingPathComponent(PublicationKeyFile.fileName))
        return report
    }

    /// Checks that `path` is a healthy server store and says what it holds.
    public static func verify(_ path: String) throws -> BackupReport {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard check == ["ok"] else {
                throw BackupError.integrity(path: path, detail: check.prefix(3).joined(separator: "; "))
            }
            guard try db.tableExists("server_info") else { throw BackupError.notAServerStore(path: path) }
            let head = try ServerQueries.head(db)
            var entities: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT kind, COUNT(*) AS n FROM entity WHERE NOT deleted GROUP BY kind")
            {
                entities[row["kind"]] = row["n"]
            }
            let accounts =
                try db.tableExists("account")
                ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0 : 0
            return BackupReport(
                headSeq: head, entities: entities, accounts: accounts,
                includesSigningKey: try db.tableExists(keyTable))
        }
    }
}
