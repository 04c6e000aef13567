import ArgumentParser
import SyncClient

/// `bulletin init [--editor NAME]`.
struct InitCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the store.")

    @OptionGroup var store: StoreOption
    @Option(help: "Your name as changes are signed (default: $USER).")
    var editor: String?

    func output(using cli: BulletinCLI) throws -> String {
        try cli.initStore(store: store.store, editor: editor)
    }
}
