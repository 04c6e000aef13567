import Foundation

/// A server's `HOST:PORT`, as typed on the command line and remembered in the store.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The port `bulletin-server` listens on unless told otherwise.
    public static let defaultPort = 7420

    /// Parses `HOST:PORT`, `HOST` (default port) or `[V6]:PORT`.
    ///
    /// - Throws: ``SyncError/invalidAddress(_:)`` naming what is wrong.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var host = trimmed
        var portText: Substring?
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { throw SyncError.invalidAddress(text) }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            if rest.hasPrefix(":") {
                portText = rest.dropFirst()
            } else if !rest.isEmpty {
                throw SyncError.invalidAddress(text)
            }
        } else if let colon = trimmed.lastIndex(of: ":"), trimmed.firstIndex(of: ":") == colon {
            host = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
        }
        guard !host.isEmpty else { throw SyncError.invalidAddress(text) }
        var port = Self.defaultPort
        if let portText {
            guard let parsed = Int(portText), (1...65_535).contains(parsed) else {
                throw SyncError.invalidAddress(text)
            }
            port = parsed
        }
        self.init(host: host, port: port)
    }

    /// `host:port` (IPv6 hosts in brackets).
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
