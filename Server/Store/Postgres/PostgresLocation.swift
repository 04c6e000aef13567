import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is: a `postgres://USER:PASS@HOST:PORT/DB` URL (also `postgresql://`), with an optional
/// `sslmode` of `disable` (the default), `require` (encrypted, the server's certificate not checked) or
/// `verify-full` (encrypted, the certificate checked against the system's trust roots and the host name).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// Its password, if any.
    public var password: String?
    /// The database.
    public var database: String
    /// How the connection is protected.
    public var sslMode: SSLMode

    /// The TLS modes the URL may ask for (libpq's names).
    public enum SSLMode: String, Sendable, Hashable {
        /// Plain TCP (loopback or a trusted network only).
        case disable
        /// TLS, without checking the server's certificate.
        case require
        /// TLS, checking the server's certificate and host name.
        case verifyFull = "verify-full"
    }

    /// Parses a URL.
    /// - Throws: ``PostgresStoreError/badURL(_:)`` naming what is wrong (never echoing the password).
    public init(url text: String) throws {
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw PostgresStoreError.badURL("it must look like postgres://USER:PASS@HOST:PORT/DATABASE") }
        guard let host = components.host, !host.isEmpty else { throw PostgresStoreError.badURL("it names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresStoreError.badURL("it names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresStoreError.badURL("it names no database") }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password
        self.database = database
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw PostgresStoreError.badURL("sslmode must be disable, require or verify-full, not \(mode)")
        }
        self.sslMode = sslMode
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (sslMode == .disable ? "" : "?sslmode=\(sslMode.rawValue)")
    }

    /// The same server with another database (tests make one per test).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The postgres-nio configuration for this location.
    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable:
            tls = .disable
        case .require:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            tls = .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}

/// Why a PostgreSQL store could not be used.
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not usable.
    case badURL(String)
    /// PostgreSQL could not be reached (or the connection broke) after retrying with backoff.
    case unavailable(location: String, detail: String)
    /// A newer `bulletin-server` migrated the database; this one does not know its schema.
    case newerSchema(location: String, unknown: [String])
    /// The database has no `server_info` row although migrations ran.
    case missingServerInfo(location: String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .badURL(let why):
            "the database URL is not usable: \(why)"
        case .unavailable(let location, let detail):
            "PostgreSQL at \(location) is unavailable (\(detail)); retry later"
        case .newerSchema(let location, let unknown):
            "\(location) was migrated by a newer bulletin-server (migrations \(unknown.joined(separator: ", ")) "
                + "are unknown to this one): run that version (or newer) on every node"
        case .missingServerInfo(let location):
            "\(location) has no server_info row; it is not a bulletin-server database or it is damaged"
        }
    }
}
