import ArgumentParser
import Logging
import SyncClient

/// `bulletin pull [--server HOST:PORT] [--json]`: pulls without pushing — how a field office updates its replica of
/// published issues (`bulletin sync --watch` keeps it current).
struct PullCommand: StreamingBulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Pull from the server without pushing (a field office's update; each publication is verified).")

    @OptionGroup var store: StoreOption
    @Option(help: ArgumentHelp("The server, HOST:PORT (remembered after first use).", valueName: "host:port"))
    var server: String?
    @Flag(help: "Print JSON.") var json = false

    func run(using cli: BulletinCLI, output: CommandOutput) async throws {
        var logger = Logger(label: "bulletin.pull")
        logger.logLevel = .warning
        let runner = try SyncRunner(store: try cli.openStore(store.store), server: server, logger: logger)
        let summary = try await runner.pullOnce()
        output.write(json ? try cli.json(summary) : SyncReport.pulled(summary, address: runner.address))
    }
}
