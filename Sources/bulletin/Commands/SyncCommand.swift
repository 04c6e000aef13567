import ArgumentParser
import Logging
import SyncClient

/// `bulletin sync [--server HOST:PORT] [--watch] [--json]`: pushes pending changes and pulls everyone else's.
///
/// The address is remembered in the store after the first successful sync. With `--watch`, stays connected until
/// cancelled and writes a line per push or pull.
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
        let local = try cli.openStore(store.store, concurrentReads: true)
        let runner = try SyncRunner(store: local, server: server, logger: logger)
        let address = runner.address
        if watch {
            output.write("watching \(address) (Ctrl-C to stop)\n")
            try await runner.watch { [json] summary in
                guard summary.pushed + summary.pulled > 0 else { return }
                output.write(json ? SyncReport.jsonLine(summary) : SyncReport.line(summary, address: address))
            }
            return
        }
        var bar: ProgressBar?
        var report: (@Sendable (SyncProgress) -> Void)?
        if let draw = output.progress {
            let progressBar = ProgressBar(draw: draw)
            bar = progressBar
            report = { progressBar.update($0) }
        }
        let summary = try await runner.syncOnce(progress: report)
        bar?.finish()
        output.write(json ? try cli.json(summary) : SyncReport.summary(summary, address: address))
    }
}
