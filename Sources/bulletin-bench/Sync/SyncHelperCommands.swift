import ArgumentParser
import BulletinCore
import Foundation
import Logging
import ServiceLifecycle
import SyncClient
import SyncServer

/// `bulletin-bench sync-server`: what `bulletin-server serve` does, for when that binary was not built; the sync
/// benchmark runs it as a separate process.
struct SyncServerHelper: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-server", abstract: "Run a sync server (helper of `sync`).", shouldDisplay: false)

    @Option var host = "127.0.0.1"
    @Option var port = 0
    @Option var data = "./data"
    @Option var database: String?
    @Flag(inversion: .prefixedNo) var returnMemory = true
    @Option var mallocArenas: Int?

    func run() async throws {
        switch mallocArenas {
        case nil: ProcessMemory.limitMallocArenas()
        case 0: break
        case let count?: ProcessMemory.limitMallocArenas(to: count)
        }
        let logger = Logger(label: "bulletin-server") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        var configuration = ServerConfiguration(host: host, port: port, dataDirectory: data)
        configuration.database = database
        if !returnMemory { configuration.memoryReturnDelay = nil }
        let server = try await Server.bind(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// `bulletin-bench sync-client`: what `bulletin sync --json` does (creating the store first if needed), for when
/// that binary was not built; the sync benchmark runs it as a separate process.
struct SyncClientHelper: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-client", abstract: "Sync one store once (helper of `sync`).", shouldDisplay: false)

    @Option var store: String
    @Option var server: String

    func run() async throws {
        let local =
            FileManager.default.fileExists(atPath: store)
            ? try LocalStore.open(at: store) : try LocalStore.create(at: store, editor: "Bench")
        let runner = SyncRunner(store: local, address: try ServerAddress(parsing: server), logger: BenchEditor.quiet)
        let summary = try await runner.syncOnce()
        print(String(decoding: try BulletinJSON.encoder().encode(summary), as: UTF8.self))
    }
}
