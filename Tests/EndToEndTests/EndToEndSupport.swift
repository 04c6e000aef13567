import BulletinCore
import Foundation
import Logging
import PostgresTestSupport
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport

/// A logger that drops everything: end-to-end tests assert on stores, not on log lines.
let quietLogger = Logger(label: "e2e") { _ in SwiftLogNoOpLogHandler() }

/// Runs an in-process server on 127.0.0.1, port 0, with its data in `directory`, while `body` runs. With `kind`
/// `.postgres` its store is a fresh PostgreSQL database instead, dropped afterwards.
///
/// - Parameter authenticator: who may connect; by default everyone (tests about sync, not accounts).
func withServer<Result: Sendable>(
    in directory: String, kind: StoreKind, authenticator: any Authenticator = AllowAllAuthenticator(),
    _ body: (Server) async throws -> Result
) async throws -> Result {
    try await ScratchDatabase.with(kind) { database in
        try await withServer(in: directory, database: database, authenticator: authenticator, body)
    }
}

/// Runs an in-process server on 127.0.0.1, port 0, with its store in the PostgreSQL `database` when given, else
/// in `directory`, while `body` runs.
func withServer<Result: Sendable>(
    in directory: String, database: String? = nil, authenticator: any Authenticator = AllowAllAuthenticator(),
    _ body: (Server) async throws -> Result
) async throws -> Result {
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
    configuration.database = database
    return try await Server.withRunning(
        configuration: configuration, logger: quietLogger, authenticator: authenticator, body)
}

/// One editor's laptop: a store file and a runner that syncs it with a server.
struct Editor: Sendable {
    let name: String
    let store: LocalStore

    init(_ name: String, in directory: TemporaryDirectory) throws {
        self.name = name
        store = try LocalStore.create(at: directory.file("\(name).sqlite"), editor: name)
    }

    func runner(port: Int, options: SyncOptions = SyncOptions()) -> SyncRunner {
        SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: port), options: options,
            logger: quietLogger)
    }

    @discardableResult
    func sync(port: Int, options: SyncOptions = SyncOptions()) async throws -> SyncSummary {
        try await runner(port: port, options: options).syncOnce()
    }
}

/// Every entity a replica holds, as the server would describe it: kind, id and state.
struct ReplicaContents: Equatable, CustomStringConvertible {
    var entities: [String: EntityState]

    var description: String { entities.keys.sorted().joined(separator: ", ") }
}

extension Editor {
    /// The states of every issue, section, article and annotation reachable from this editor's issues.
    func contents() throws -> ReplicaContents {
        var entities: [String: EntityState] = [:]
        func add(_ kind: EntityKind, _ id: String) throws {
            entities["\(kind.rawValue)/\(id)"] = try store.entityState(kind, id: id)
        }
        for summary in try store.issueSummaries() {
            let issue = try store.issue(summary.id)
            try add(.issue, issue.id)
            for section in issue.sections {
                try add(.section, section.id)
                for article in section.articles {
                    try add(.article, article.id)
                    for annotation in article.annotations { try add(.annotation, annotation.id) }
                }
            }
        }
        return ReplicaContents(entities: entities)
    }
}

extension ReplicaContents {
    /// The same entities as the server holds them.
    static func onServer(_ server: Server, like replica: ReplicaContents) async throws -> ReplicaContents {
        var entities: [String: EntityState] = [:]
        for key in replica.entities.keys {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            guard let kind = EntityKind(rawValue: parts[0]) else { continue }
            entities[key] = try await server.store.entityState(kind, id: parts[1])?.state
        }
        return ReplicaContents(entities: entities)
    }
}
