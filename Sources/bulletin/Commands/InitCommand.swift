import ArgumentParser
import SyncClient

/// `bulletin init [--editor NAME] [--server HOST:PORT] [--token T] [--role R] [--server-key K] [--tls] [--ca F]`.
struct InitCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the store (an editor's, or a field office's read-only replica).",
        discussion: """
            A field office: bulletin init --role field-office --server HOST:PORT --token TOKEN --server-key KEY \
            (KEY is what `bulletin-server key show` prints); then `bulletin pull` keeps a verified replica of the \
            published issues.
            """)

    @OptionGroup var store: StoreOption
    @Option(help: "Your name as changes are signed (default: $USER).")
    var editor: String?
    @Option(help: ArgumentHelp("The server, HOST:PORT (remembered).", valueName: "host:port"))
    var server: String?
    @Option(help: "Your account's token (from `bulletin-server user add`); stored, file mode 0600.")
    var token: String?
    @Option(help: "editor (default) or field-office (a read-only replica of published issues).")
    var role: StoreRole = .editor
    @Option(name: .customLong("server-key"), help: "The server's publication key to pin (field office).")
    var serverKey: String?
    @Flag(help: "Connect with TLS (remembered).")
    var tls = false
    @Option(help: ArgumentHelp("With --tls: trust only the CA certificates in this PEM file.", valueName: "file"))
    var ca: String?

    func output(using cli: BulletinCLI) throws -> String {
        try cli.initStore(store: store.store, editor: editor, access: InitAccess(
            server: server, token: token, role: role, serverKey: serverKey, tls: tls, ca: ca))
    }
}

extension StoreRole: ExpressibleByArgument {}
