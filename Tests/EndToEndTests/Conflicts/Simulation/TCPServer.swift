import BulletinCore
import Foundation
import Logging
import SyncProtocol

@testable import SyncClient
@testable import SyncServer

/// A scenario's server: a real server on 127.0.0.1, reached over TCP by the sync engine; interrupted syncs are
/// real connections closed early.
struct TCPServer: SimulationServer {
    let server: Server
    let stores: StoreFactory
    var options = SyncOptions(pullMaxChanges: 6, replyTimeout: .seconds(20))

    private var address: ServerAddress { ServerAddress(host: "127.0.0.1", port: server.port) }

    func sync(_ store: LocalStore, interruption: InProcessSync.Interruption?) async throws {
        let runner = SyncRunner(store: store, address: address, options: options, logger: quietLogger)
        guard let interruption else {
            _ = try await runner.syncOnce()
            return
        }
        let engine = SyncEngine(replica: store, options: options, logger: quietLogger)
        try await SyncConnector(address: address, options: options).withConversation(hello: try runner.hello()) {
            conversation, welcome in
            switch interruption {
            case .lostPushAck:
                // The push reaches the server; the connection goes before its ack is read (the pong answering the
                // ping sent after it proves the server handled the push first).
                let changes = try store.pendingChanges(maxCount: 8, maxBytes: 1 << 20)
                guard !changes.isEmpty else { return }
                try await conversation.send(.push(Push(batchID: UUID().uuidString.lowercased(), changes: changes)))
                _ = try await conversation.request(.ping(Ping(nonce: 1)), timeout: .seconds(20), awaiting: "pong") {
                    reply -> Bool? in
                    if case .pong = reply { return true }
                    return nil
                }
            case .cutPull:
                var summary = SyncSummary()
                try await engine.pushAll(conversation, welcome: welcome, into: &summary)
                let cursor = try store.syncCursor()
                guard cursor.initialized, cursor.snapshotResume == nil else { return }
                try await conversation.send(.pull(Pull(since: cursor.seq, maxChanges: 3, maxBytes: 1 << 20)))
                let page = try await conversation.awaitReply(timeout: .seconds(20), awaiting: "changes") {
                    reply -> Changes? in
                    if case .changes(let page) = reply { return page }
                    return nil
                }
                try store.apply(page, snapshot: false)
            }
        }
    }

    func entities() async throws -> [String: EntityState] {
        try await server.store.entityStates()
    }

    func editor(_ name: String) throws -> LocalStore {
        try stores.editor(name)
    }

    /// Every account of the test server is a chief (it allows every `hello`).
    func makeChief(_ store: LocalStore) throws {}
}
