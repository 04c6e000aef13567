import ArgumentParser
import Logging
import SyncClient

/// `bulletin sync [--server HOST:PORT] [--watch] [--json]`.
struct SyncCommand: StreamingBulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push pending changes to the server and pull everyone else's.",
        discussion: """
            The server address is remembered in the store after the first successful sync. With --watch the \
            command stays connected: it pulls within milliseconds of each change on the server, pushes local \
            changes as they are made, and reconnects with backoff after a disconnect.
            """)

    @OptionGroup var store: StoreOption
    @Option(help: ArgumentHelp("The server, HOST:PORT (remembered after first use).", valueName: "host:port"))
    var server: String?
    @Flag(help: "Stay connected and sync continuously.") var watch = false
    @Flag(help: "Print JSON (one object; with --watch, one line per activity).") var json = false

    func run(using cli: BulletinCLI, output: CommandOutput) async throws {
        var logger = Logger(label: "bulletin.sync")
        logger.logLevel = .warning
        try await cli.sync(store: store.store, server: server, watch: watch, json: json, output: output,
                           logger: logger)
    }
}
