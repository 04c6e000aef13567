import Foundation
import SyncProtocol
import Synchronization

@testable import SyncClient
@testable import SyncServer

/// Syncs a local store with a server store in-process: the calls the sync engine and a session make, without
/// sockets (push the outbox, acknowledge; pull a snapshot or log pages, apply each).
struct InProcessSync: Sendable {
    /// How a sync can be cut short.
    enum Interruption: Sendable, Hashable, CaseIterable {
        /// The server applied the push but the client never read its `push_ack` (and pulled nothing).
        case lostPushAck
        /// The connection dropped after the first pulled page.
        case cutPull
    }

    let server: ServerStore
    /// The client ids that push as chief editors; everyone else pushes as an editor.
    let chiefs: ChiefList
    /// Records per page (small, so pulls take several pages).
    var pageChanges = 6
    /// Whether pulls ask for text edits.
    var textEdits = true
    /// Whether an empty replica starts with a snapshot (as the sync engine does) or with the whole log.
    var snapshots = true

    private var limits: PageLimits { PageLimits(maxChanges: pageChanges, maxBytes: 1 << 20) }

    /// One sync of `store`, possibly cut short.
    func sync(_ store: LocalStore, interruption: Interruption? = nil) async throws {
        try await push(store, loseAck: interruption == .lostPushAck)
        guard interruption != .lostPushAck else { return }
        try await pull(store, maxPages: interruption == .cutPull ? 1 : nil)
    }

    private func push(_ store: LocalStore, loseAck: Bool) async throws {
        while true {
            let batch = try store.pendingChanges(maxCount: 8, maxBytes: 1 << 20)
            guard !batch.isEmpty else { return }
            let role: Role = chiefs.contains(try store.clientID()) ? .chief : .editor
            let outcome = try await server.push(batch, role: role)
            if loseAck { return }
            let ack = try store.acknowledge(outcome.results)
            if ack.accepted + ack.rejected + ack.resent == 0 { return }
        }
    }

    private func pull(_ store: LocalStore, maxPages: Int?) async throws {
        var pages = 0
        let cursor = try store.syncCursor()
        if snapshots, !cursor.initialized || cursor.snapshotResume != nil {
            var position = try cursor.snapshotResume.map(SnapshotPosition.init(token:))
            repeat {
                let page = try await server.snapshotPage(from: position, limits: limits)
                position = page.next
                let more = page.next != nil
                try store.apply(
                    Changes(
                        fromSeq: 0, toSeq: more ? 0 : page.headSeq, more: more, changes: page.records,
                        resume: page.next?.token, headSeq: page.headSeq), snapshot: true)
                pages += 1
                if more, let maxPages, pages >= maxPages { return }
            } while position != nil
        }
        let clientID = try store.clientID()
        var edits = textEdits
        let bound = try await server.headSeq()
        while true {
            let since = try store.cursor()
            let page = try await server.logPage(
                since: since, bound: bound, limits: limits, editsFor: edits ? clientID : nil)
            // Nothing new for an initialised replica: applying the empty page would change nothing.
            if page.records.isEmpty, page.toSeq == since, !page.more, cursor.initialized { return }
            do {
                try store.apply(
                    Changes(
                        fromSeq: since, toSeq: page.toSeq, more: page.more, changes: page.records, headSeq: bound),
                    snapshot: false)
            } catch StoreError.staleTextEdit where edits {
                edits = false
                continue
            }
            pages += 1
            if !page.more { return }
            if let maxPages, pages >= maxPages { return }
        }
    }
}

/// Which clients act as chief editors (the rest are editors).
final class ChiefList: Sendable {
    private let ids = Mutex<Set<String>>([])

    /// Makes the store's client a chief.
    func add(_ store: LocalStore) throws {
        let id = try store.clientID()
        ids.withLock { _ = $0.insert(id) }
    }

    /// Whether the client is a chief.
    func contains(_ clientID: String) -> Bool {
        ids.withLock { $0.contains(clientID) }
    }
}
