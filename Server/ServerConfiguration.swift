import SyncProtocol

/// Where and how a sync server listens, and the limits it enforces.
public struct ServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The TCP port; 0 picks a free one (read it back from ``Server/port``).
    public var port: Int
    /// The directory holding the server's SQLite store; created if missing. Unused when ``database`` is set.
    public var dataDirectory: String
    /// The PostgreSQL store's URL (`postgres://USER:PASS@HOST:PORT/DB`, optional `sslmode`), shared by every node
    /// serving one newsroom; `nil` for the embedded SQLite store in ``dataDirectory``.
    public var database: String? = nil
    /// The most changes one `push` may carry (announced in `welcome`).
    public var maxBatchChanges: Int
    /// The most records the server puts in one `changes` page, whatever a `pull` asks for.
    public var maxPageChanges: Int
    /// The most record JSON bytes the server puts in one `changes` page, whatever a `pull` asks for.
    public var maxPageBytes: Int
    /// How long a graceful shutdown waits for sessions to finish before closing them.
    public var shutdownGracePeriod: Duration
    /// TLS for every connection, or `nil` for plain TCP (the server then warns if it listens beyond loopback).
    public var tls: ServerTLS?
    /// How long a new connection may take to authenticate before it is closed (bounds idle pre-auth connections).
    public var handshakeTimeout: Duration
    /// How often the server checks whether accounts with open sessions were revoked (by `user revoke`, from
    /// another process), and closes their sessions.
    public var revocationCheckInterval: Duration
    /// zlib level (1 fastest … 9 smallest) of the frames the server sends. The default, 3, keeps change pages at about
    /// an eighth of their JSON (level 6 reaches a ninth) for a third of level 6's compression time, which an initial
    /// pull on a busy server spends mostly compressing; see BENCHMARKS.md.
    public var compressionLevel: Int32
    /// How long after half of the open connections have closed the server gives the memory they freed back to the
    /// system (`malloc_trim`); `nil`: never (the allocator keeps it for reuse, and RSS stays near its peak).
    public var memoryReturnDelay: Duration? = .seconds(1)

    /// The codec of every connection's frames (one place, so that frames made once can be sent by any of them).
    var frameCodec: FrameCodec {
        FrameCodec(compressionLevel: compressionLevel)
    }

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 7420, dataDirectory: String = "./data", maxBatchChanges: Int = 5000,
        maxPageChanges: Int = 10_000, maxPageBytes: Int = 4 << 20, shutdownGracePeriod: Duration = .seconds(10),
        tls: ServerTLS? = nil, handshakeTimeout: Duration = .seconds(10),
        revocationCheckInterval: Duration = .milliseconds(500), compressionLevel: Int32 = 3
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.maxBatchChanges = maxBatchChanges
        self.maxPageChanges = maxPageChanges
        self.maxPageBytes = maxPageBytes
        self.shutdownGracePeriod = shutdownGracePeriod
        self.tls = tls
        self.handshakeTimeout = handshakeTimeout
        self.revocationCheckInterval = revocationCheckInterval
        self.compressionLevel = compressionLevel
    }
}
