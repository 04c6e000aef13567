import ArgumentParser
import SyncServer

/// `bulletin-server restored [--data DIR | --database URL]`: a store brought back by other tools starts a new log
/// epoch, so that what the replicas hold beyond the restored head comes back.
struct RestoredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restored",
        abstract: "Mark a store restored by other tools (pg_restore, point-in-time recovery, a copied file).",
        discussion: """
            Run it once, with every server on the store stopped, before starting them again. The log then starts \
            a new epoch at its head: on their next sync, clients offer again every change they hold beyond it, and \
            nothing any replica still holds is lost. `bulletin-server restore` does this by itself.
            """)

    @OptionGroup var store: StoreOptions

    func run() async throws {
        if store.databaseURL == nil { _ = try ExistingStore.path(in: store.dataDirectory) }
        let opened = try await store.open()
        defer { try? opened.close() }
        let epoch = try await opened.startLogEpoch()
        print(LogEpochNotice.started(at: epoch.fromSeq))
    }
}
