import ArgumentParser
import Logging
import ServiceLifecycle
import SyncServer

/// `bulletin-server serve`: runs the server until SIGINT or SIGTERM, then shuts down gracefully and exits 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Listen for BulletinSync clients, with the store in an embedded SQLite file.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on (0 picks a free one and logs it).")
    var port = 7420

    @Option(name: .customLong("data"), help: "The data directory (created if missing).")
    var dataDirectory = "./data"

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "bulletin-server")
        let server = try await Server.bind(
            configuration: ServerConfiguration(host: host, port: port, dataDirectory: dataDirectory),
            logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
