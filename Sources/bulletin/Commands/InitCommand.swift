import ArgumentParser
import Foundation
import SyncClient
import SyncProtocol

/// `bulletin init [--editor NAME] [--server HOST:PORT] [--token T] [--role R] [--server-key K] [--tls] [--ca F]`:
/// creates the store and remembers how it connects.
struct InitCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the store (an editor's, or a field office's read-only replica).",
        discussion: """
            A field office: bulletin init --role field-office --server HOST:PORT --token TOKEN --server-key KEY \
            (KEY is what `bulletin-server key show` prints); then `bulletin pull` keeps a verified replica of the \
            published issues.
            """)

    @OptionGroup var store: StoreOption
    @Option(help: "Your name as changes are signed (default: $USER, else your login name).")
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
        if ca != nil, !tls {
            throw CommandError.invalidArgument("--ca only makes sense with --tls")
        }
        if let ca, !FileManager.default.isReadableFile(atPath: ca) {
            throw CommandError.invalidArgument("cannot read the CA file \(ca)")
        }
        if role == .fieldOffice {
            guard server != nil, token != nil, serverKey != nil else {
                throw CommandError.invalidArgument(
                    "a field-office store needs --server HOST:PORT, --token TOKEN and --server-key KEY "
                        + "(`bulletin-server key show` prints the key)")
            }
        }
        if let serverKey {
            do {
                _ = try PublicationPublicKey(base64: serverKey)
            } catch {
                throw CommandError.invalidArgument("\(error)")
            }
        }
        let address = try server.map { try ServerAddress(parsing: $0) }
        let (name, fromSystem) = try editorName(cli.context)
        let path = try cli.storePath(store.store)
        let local = try LocalStore.create(at: path, editor: name, options: cli.context.storeOptions)
        let info = try local.replicaInfo()
        var text = "created store \(path) for editor \(info.editor) (client \(info.clientID))\n"
        if fromSystem {
            text +=
                "the editor name \(info.editor) is your login name ($USER is not set); "
                + "pass --editor NAME to sign as someone else\n"
        }
        if let address { try local.setServerAddress(address.description) }
        try local.setAccessSettings(
            AccessSettings(
                role: role, token: token, serverKey: serverKey, tls: tls, tlsCA: ca))
        if role == .fieldOffice { text += "field-office replica: pins server key \(serverKey ?? "")\n" }
        if let address { text += "server \(address)\(tls ? " (TLS)" : "")\n" }
        if token != nil { text += "token stored; the store file is now readable by you only (mode 0600)\n" }
        return text
    }

    /// The name changes are signed with: `--editor`, else `$USER`, else `field-office` for a field office (which
    /// signs nothing), else the login name the system knows (then `true`: the command says so).
    private func editorName(_ context: CommandContext) throws -> (String, Bool) {
        if let editor { return (editor, false) }
        if let user = context.environment["USER"], !user.isEmpty { return (user, false) }
        if role == .fieldOffice { return ("field-office", false) }
        if let login = context.loginName() { return (login, true) }
        throw CommandError.invalidArgument("pass --editor NAME (the name your changes are signed with)")
    }
}

extension StoreRole: ExpressibleByArgument {}
