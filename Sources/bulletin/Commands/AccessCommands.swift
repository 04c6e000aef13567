import ArgumentParser
import Logging
import SyncClient

/// `bulletin login --token T`.
struct LoginCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Store your account's token (from `bulletin-server user add`).")

    @OptionGroup var store: StoreOption
    @Option(help: "The token.") var token: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.login(store: store.store, token: token)
    }
}

/// `bulletin verify ISSUE [--json]`.
struct VerifyCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a published issue in a field-office store against the pinned server key.")

    @OptionGroup var store: StoreOption
    @Argument(help: "The issue: date, id or id prefix.") var issue: String
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.verify(store: store.store, issue: issue, json: json)
    }
}

/// `bulletin pull [--server HOST:PORT] [--json]`.
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
        output.write(try await cli.pull(store: store.store, server: server, json: json, logger: logger))
    }
}
