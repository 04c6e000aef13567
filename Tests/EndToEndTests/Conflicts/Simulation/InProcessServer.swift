import BulletinCore
import Foundation
import SyncProtocol

@testable import SyncClient
@testable import SyncServer

/// A scenario's server: the server store, driven in-process.
struct InProcessServer: SimulationServer {
    let room: Newsroom

    func sync(_ store: LocalStore, interruption: InProcessSync.Interruption?) async throws {
        // Empty replicas pull the log rather than a snapshot: cheaper, and snapshots are exercised elsewhere
        // (the merge-rule tests and the TCP simulation start every editor from one).
        var sync = room.sync
        sync.snapshots = false
        try await sync.sync(store, interruption: interruption)
    }

    func entities() async throws -> [String: EntityState] {
        try await room.serverEntities()
    }

    func editor(_ name: String) throws -> LocalStore {
        try room.editor(name)
    }

    func makeChief(_ store: LocalStore) throws {
        try room.chiefs.add(store)
    }
}
