import ArgumentParser
import BulletinCore
import Logging
import ServiceLifecycle
import SyncServer

/// `bulletin-server serve`: runs the server until SIGINT or SIGTERM, then shuts down gracefully and exits 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Listen for BulletinSync clients, with the store in an embedded SQLite file or in PostgreSQL.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on (0 picks a free one and logs it).")
    var port = 7420

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve TLS (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of the TLS certificate.")
    var tlsKey: String?

    @Option(help: "zlib level of the frames sent, 1 (fastest) to 9 (smallest).")
    var compressionLevel: Int32 = 3

    @Option(
        help: ArgumentHelp(
            "On SIGTERM/SIGINT, how long sessions may finish their current request before they are closed.",
            valueName: "seconds"))
    var drainTimeout: Double = 10

    @Option(help: "glibc malloc arenas (default: one per core; 0: glibc's own default, eight per core).")
    var mallocArenas: Int?

    @Flag(
        inversion: .prefixedNo,
        help: "Give the memory of departed sessions back to the system once half of them have left (malloc_trim).")
    var returnMemory = true

    @Option(
        help: ArgumentHelp(
            "How log lines are written to standard error: text, or json (one object a line).",
            valueName: "text|json"))
    var logFormat = "text"

    @Option(help: ArgumentHelp("The least severe level logged.", valueName: "trace|debug|info|notice|warning|error"))
    var logLevel = "info"

    @Option(
        help: ArgumentHelp(
            "Serve /metrics (Prometheus), /healthz and /readyz over HTTP on HOST:PORT (off unless given).",
            valueName: "host:port"))
    var metrics: String?

    /// The server's configuration from the options.
    private func serverConfiguration(tls: ServerTLS?) -> ServerConfiguration {
        var configuration = ServerConfiguration(
            host: host, port: port, dataDirectory: store.dataDirectory,
            shutdownGracePeriod: .milliseconds(Int64(drainTimeout * 1000)), tls: tls,
            compressionLevel: compressionLevel)
        configuration.database = store.databaseURL
        if !returnMemory { configuration.memoryReturnDelay = nil }
        return configuration
    }

    /// How `user add` names this server's store.
    private var storeOption: String {
        store.databaseURL != nil ? "--database URL" : "--data \(store.dataDirectory)"
    }

    func validate() throws {
        guard (1...9).contains(compressionLevel) else {
            throw ValidationError("--compression-level must be between 1 and 9, not \(compressionLevel)")
        }
        if let mallocArenas, mallocArenas < 0 {
            throw ValidationError("--malloc-arenas must be 0 (glibc's default) or more")
        }
        guard drainTimeout >= 0, drainTimeout <= 3600 else {
            throw ValidationError("--drain-timeout must be between 0 and 3600 seconds")
        }
        guard ["text", "json"].contains(logFormat) else {
            throw ValidationError("--log-format must be text or json, not '\(logFormat)'")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let metrics, Self.hostAndPort(metrics) == nil {
            throw ValidationError("--metrics takes HOST:PORT, e.g. 127.0.0.1:9464, not '\(metrics)'")
        }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: pass both, or neither for plain TCP")
        }
    }

    func run() async throws {
        // Before anything allocates on more threads: fewer arenas give more back after a burst of sessions.
        switch mallocArenas {
        case nil: ProcessMemory.limitMallocArenas()
        case 0: break
        case let count?: ProcessMemory.limitMallocArenas(to: count)
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                json
                ? JSONLinesLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "bulletin-server")
        var tls: ServerTLS?
        if let tlsCertificate, let tlsKey {
            tls = ServerTLS(certificatePath: tlsCertificate, privateKeyPath: tlsKey)
        }
        let server = try await Server.bind(
            configuration: serverConfiguration(tls: tls), logger: logger)
        let accounts = try await server.store.accounts().filter { !$0.isRevoked }
        if accounts.isEmpty {
            logger.warning(
                """
                no active accounts: every client will be refused; run `bulletin-server user add NAME --role editor \
                \(storeOption)` and give the printed token to the client
                """)
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let metrics, let (host, port) = Self.hostAndPort(metrics) {
            // Listed first, so stopped last: /readyz answers "draining" while the sync server shuts down.
            services.append(
                .init(
                    service: OperationsEndpoint(
                        server: server, host: host, port: port, logger: logger,
                        onListening: { port in
                            logger.info("metrics listening", metadata: ["metrics.address": "\(host):\(port)"])
                        })))
        }
        services.append(.init(service: server))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// `HOST:PORT` split, or `nil`.
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port), colon != text.startIndex
        else { return nil }
        return (String(text[..<colon]), port)
    }
}
