import ArgumentParser
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
