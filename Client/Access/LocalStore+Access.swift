import Foundation
import GRDB
import SyncProtocol

/// How a store connects and proves who it is: its role, token, pinned key and TLS settings.
public struct AccessSettings: Sendable, Hashable {
    /// Editor or field office.
    public var role: StoreRole
    /// The bearer token sent in `hello`.
    public var token: String?
    /// The pinned publication key (base64); required for a field office.
    public var serverKey: String?
    /// Whether to connect with TLS.
    public var tls: Bool
    /// CA certificates (PEM file) to trust with TLS instead of the system's.
    public var tlsCA: String?

    /// Creates settings.
    public init(
        role: StoreRole = .editor, token: String? = nil, serverKey: String? = nil, tls: Bool = false,
        tlsCA: String? = nil
    ) {
        self.role = role
        self.token = token
        self.serverKey = serverKey
        self.tls = tls
        self.tlsCA = tlsCA
    }

    /// The TLS configuration to connect with, or `nil` for plain TCP.
    public var clientTLS: ClientTLS? {
        tls ? ClientTLS(caFile: tlsCA) : nil
    }
}

extension LocalStore {
    /// The store's access settings (an editor store without a token until told otherwise).
    public func accessSettings() throws -> AccessSettings {
        try writer.read { db in try Self.access(db) }
    }

    /// Replaces the access settings. A field office must pin a valid key; a token makes the file owner-only.
    ///
    /// - Throws: ``StoreError/invalidArgument(_:)`` for a field office without a valid key, or a key or token that
    ///   is not usable.
    public func setAccessSettings(_ settings: AccessSettings) throws {
        if let key = settings.serverKey {
            do {
                _ = try PublicationPublicKey(base64: key)
            } catch {
                throw StoreError.invalidArgument("\(error); copy it from `bulletin-server key show`")
            }
        } else if settings.role == .fieldOffice {
            throw StoreError.invalidArgument(
                "a field-office store needs the server's publication key: pass --server-key KEY "
                    + "(the output of `bulletin-server key show`)")
        }
        if let token = settings.token {
            guard !token.isEmpty, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw StoreError.invalidArgument("the token must be the text `bulletin-server user add` printed")
            }
        }
        try writer.write { db in
            try AccessRecord(
                role: settings.role, token: settings.token, serverKey: settings.serverKey, tls: settings.tls,
                tlsCA: settings.tlsCA
            ).save(db)
        }
        if settings.token != nil { try restrictToOwner() }
    }

    /// Stores a new token (`bulletin login`), keeping the other settings.
    public func setToken(_ token: String) throws {
        var settings = try accessSettings()
        settings.token = token.trimmingCharacters(in: .whitespacesAndNewlines)
        try setAccessSettings(settings)
    }

    /// Makes the store file (and its WAL files) readable and writable by its owner only (mode 0600): it holds a
    /// secret token.
    public func restrictToOwner() throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            } catch {
                throw StoreError.invalidArgument("cannot make \(file) private (mode 0600): \(error)")
            }
        }
    }

    static func access(_ db: Database) throws -> AccessSettings {
        guard let row = try AccessRecord.fetchOne(db, key: 1) else { return AccessSettings() }
        return AccessSettings(
            role: row.role, token: row.token, serverKey: row.serverKey, tls: row.tls, tlsCA: row.tlsCA)
    }
}
