/// Where and how a sync server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The TCP port; 0 picks a free one.
    public var port: Int
    /// The directory holding the server's SQLite store.
    public var dataDirectory: String

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 7420, dataDirectory: String = "./data") {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
    }
}
