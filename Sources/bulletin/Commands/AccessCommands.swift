import ArgumentParser
import Logging
import SyncClient

/// `bulletin login --token T`: stores (or replaces) the account token.
struct LoginCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Store your account's token (from `bulletin-server user add`).")

    @OptionGroup var store: StoreOption
    @Option(help: "The token.") var token: String

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        try local.setToken(token)
        return "token stored in \(local.path) (mode 0600); it is sent when you sync\n"
    }
}

/// `bulletin verify ISSUE [--json]`: re-checks a field office's stored publication.
struct VerifyCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a published issue in a field-office store against the pinned server key.")

    @OptionGroup var store: StoreOption
    @Argument(help: "The issue: date, id or id prefix.") var issue: String
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let result = try cli.openStore(store.store).verifyPublication(issue)
        if json { return try cli.json(result) }
        return "issue \(result.date) version \(result.version) (\(result.state)): signature valid (key "
            + "\(result.keyID)), stored content matches\n"
    }
}

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
