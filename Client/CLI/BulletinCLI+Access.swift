import Foundation
import Logging
import SyncProtocol

/// How `bulletin init` connects the new store to a server.
public struct InitAccess: Sendable, Hashable {
    /// `HOST:PORT`, remembered in the store.
    public var server: String?
    /// The account's token.
    public var token: String?
    /// Editor or field office.
    public var role: StoreRole
    /// The pinned publication key (base64).
    public var serverKey: String?
    /// Connect with TLS.
    public var tls: Bool
    /// CA certificates to trust with TLS.
    public var ca: String?

    /// Creates the options.
    public init(server: String? = nil, token: String? = nil, role: StoreRole = .editor, serverKey: String? = nil,
                tls: Bool = false, ca: String? = nil) {
        self.server = server
        self.token = token
        self.role = role
        self.serverKey = serverKey
        self.tls = tls
        self.ca = ca
    }
}

extension BulletinCLI {
    /// `bulletin init [--editor NAME] [--server HOST:PORT] [--token T] [--role R] [--server-key K] [--tls]
    /// [--ca F]`: creates the store and remembers how it connects.
    public func initStore(store: String?, editor: String?, access: InitAccess) throws -> String {
        if access.ca != nil, !access.tls {
            throw CommandError.invalidArgument("--ca only makes sense with --tls")
        }
        if let ca = access.ca, !FileManager.default.isReadableFile(atPath: ca) {
            throw CommandError.invalidArgument("cannot read the CA file \(ca)")
        }
        if access.role == .fieldOffice {
            guard access.server != nil, access.token != nil, access.serverKey != nil else {
                throw CommandError.invalidArgument(
                    "a field-office store needs --server HOST:PORT, --token TOKEN and --server-key KEY "
                        + "(`bulletin-server key show` prints the key)")
            }
        }
        if let key = access.serverKey {
            do {
                _ = try PublicationPublicKey(base64: key)
            } catch {
                throw CommandError.invalidArgument("\(error)")
            }
        }
        let address = try access.server.map { try ServerAddress(parsing: $0) }
        let name = editor ?? (access.role == .fieldOffice ? context.environment["USER"] ?? "field-office" : nil)
        var text = try initStore(store: store, editor: name)
        let local = try openStore(store)
        if let address { try local.setServerAddress(address.description) }
        try local.setAccessSettings(AccessSettings(
            role: access.role, token: access.token, serverKey: access.serverKey, tls: access.tls, tlsCA: access.ca))
        if access.role == .fieldOffice { text += "field-office replica: pins server key \(access.serverKey ?? "")\n" }
        if let address { text += "server \(address)\(access.tls ? " (TLS)" : "")\n" }
        if access.token != nil { text += "token stored; the store file is now readable by you only (mode 0600)\n" }
        return text
    }

    /// `bulletin login --token T`: stores (or replaces) the account token.
    public func login(store: String?, token: String) throws -> String {
        let local = try openStore(store)
        try local.setToken(token)
        return "token stored in \(local.path) (mode 0600); it is sent when you sync\n"
    }

    /// `bulletin verify ISSUE [--json]`: re-checks a field office's stored publication.
    public func verify(store: String?, issue: String, json: Bool) throws -> String {
        let result = try openStore(store).verifyPublication(issue)
        if json { return try self.json(result) }
        return "issue \(result.date) version \(result.version) (\(result.state)): signature valid (key "
            + "\(result.keyID)), stored content matches\n"
    }

    /// `bulletin pull [--server HOST:PORT] [--json]`: pulls without pushing — how a field office updates its
    /// replica of published issues (`bulletin sync --watch` keeps it current).
    public func pull(store: String?, server: String?, json: Bool, logger: Logger) async throws -> String {
        let local = try openStore(store)
        guard let text = try server ?? local.serverAddress() else { throw SyncError.noServerConfigured }
        let address = try ServerAddress(parsing: text)
        let runner = SyncRunner(
            store: local, address: address, logger: logger, tls: try local.accessSettings().clientTLS)
        let summary = try await runner.pullOnce()
        if json { return try self.json(summary) }
        return "pulled \(summary.pulled) record\(summary.pulled == 1 ? "" : "s") from \(address) in \(summary.pages) "
            + "page\(summary.pages == 1 ? "" : "s"); cursor \(summary.cursor)\n"
    }
}
