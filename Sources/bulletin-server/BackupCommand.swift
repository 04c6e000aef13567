import ArgumentParser
import Foundation
import SyncServer

/// `bulletin-server backup --data DIR --to FILE [--include-key]`: an online, verified copy of the store.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store into FILE while the server runs; the copy is verified before it is reported.")

    @Option(name: .customLong("data"), help: "The server's data directory.")
    var dataDirectory = "./data"

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "The backup file to make (must not exist).",
            valueName: "file"))
    var destination: String

    @Flag(help: "Put the publication signing key (a secret) in the backup too.")
    var includeKey = false

    func run() async throws {
        let store = try ServerStore(path: try ExistingStore.path(in: dataDirectory))
        defer { try? store.close() }
        let report = try await ServerBackup.backup(store, to: destination, includeKey: includeKey)
        print("backed up \(dataDirectory) to \(destination): \(report)")
        if !includeKey {
            print(
                "the publication signing key is not in the backup: keep \(dataDirectory)/publication-signing-key "
                    + "safe beside it (or back up with --include-key)")
        }
    }
}

/// `bulletin-server restore --from FILE --data DIR`: a backup into a new, empty data directory.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty data directory (refuses one that holds anything).")

    @Option(name: .customLong("from"), help: ArgumentHelp("The backup file.", valueName: "file"))
    var source: String

    @Option(name: .customLong("data"), help: "The data directory to restore into (missing or empty).")
    var dataDirectory: String

    func run() async throws {
        let report = try ServerBackup.restore(from: source, into: dataDirectory)
        print("restored \(source) into \(dataDirectory): \(report)")
        print(LogEpochNotice.started(at: report.headSeq))
        if !report.includesSigningKey {
            print(
                "the backup held no signing key: copy the old publication-signing-key into \(dataDirectory) "
                    + "before starting, or field offices must pin the new key that `serve` will make")
        }
    }
}
