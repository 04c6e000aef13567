import BulletinCore
import Foundation
import GRDB
import PostgresTestSupport
import SyncProtocol
import Synchronization
import TestSupport

@testable import SyncClient
@testable import SyncServer

/// A server store and editors' in-memory stores that share one simulated clock, synced in-process.
///
/// The clock moves one millisecond per reading, so a later edit always has a later hybrid-logical-clock stamp:
/// tests know which side of a conflict is the later writer.
final class Newsroom: Sendable {
    let directory: TemporaryDirectory
    let server: ServerStore
    let sync: InProcessSync
    /// The editors who push as chiefs.
    let chiefs: ChiefList
    private let stores: StoreFactory

    /// Opens a fresh server store (SQLite, unless `server` is given); with `seed`, every id an editor's store makes
    /// comes from it.
    init(seed: UInt64? = nil, server: ServerStore? = nil) throws {
        directory = try TemporaryDirectory.fast()
        if let server {
            self.server = server
        } else {
            self.server = try ServerStore(directory: directory.file("server"))
        }
        chiefs = ChiefList()
        sync = InProcessSync(server: self.server, chiefs: chiefs)
        stores = StoreFactory(seed: seed)
    }

    deinit {
        try? server.close()
        directory.remove()
    }

    /// Runs `body` with a newsroom whose server store is of `kind` (a fresh PostgreSQL database, dropped after).
    static func with<Result: Sendable>(
        _ kind: StoreKind, seed: UInt64? = nil, _ body: (Newsroom) async throws -> Result
    ) async throws -> Result {
        try await ScratchDatabase.with(kind) { database in
            var server: ServerStore?
            if let database { server = try await ServerStore.open(postgres: database) }
            let room = try Newsroom(seed: seed, server: server)
            // Closed before the database is dropped (closing twice, here and in deinit, is harmless).
            defer { try? room.server.close() }
            return try await body(room)
        }
    }

    /// A new editor's store.
    func editor(_ name: String) throws -> LocalStore {
        try stores.editor(name)
    }

    /// Syncs the stores one after the other.
    func syncAll(_ stores: LocalStore...) async throws {
        for store in stores { try await sync.sync(store) }
    }

    /// Every entity the server holds: kind/id → state.
    func serverEntities() async throws -> [String: EntityState] {
        try await server.entityStates()
    }

    /// The open and resolved conflicts the server holds, as their fields.
    func serverConflicts() async throws -> [String: [String: JSONValue]] {
        try await serverEntities().filter { $0.key.hasPrefix("conflict/") }
            .reduce(into: [:]) { $0[String($1.key.dropFirst("conflict/".count))] = $1.value.fields }
    }
}

/// Makes editors' in-memory stores that share one simulated clock (one millisecond per reading) and, with a
/// seed, one seeded source of ids.
final class StoreFactory: Sendable {
    private let clock = Mutex<Int64>(1_725_523_200_000)
    private let ids: Mutex<SeededIDs>?

    init(seed: UInt64?) {
        ids = seed.map { Mutex(SeededIDs(seed: $0)) }
    }

    /// A new editor's store: a copy of an empty, migrated store (migrating each one anew is what made thousands
    /// of simulated stores slow), with its own replica row.
    func editor(_ name: String) throws -> LocalStore {
        let options = LocalStoreOptions(
            wallClock: { [self] in
                clock.withLock {
                    $0 += 1
                    return $0
                }
            },
            makeID: { [self] in ids?.withLock { $0.next() } ?? UUID().uuidString.lowercased() })
        let queue = try DatabaseQueue()
        try Self.template.get().backup(to: queue)
        try queue.write { db in try ReplicaRecord(clientID: options.makeID(), editor: name).insert(db) }
        return LocalStore(writer: queue, path: ":memory:", options: options)
    }

    /// An empty store with every migration applied.
    private static let template = Result<DatabaseQueue, any Error> {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
        return queue
    }
}

/// Lowercase UUID texts from a seeded generator, so a scenario replays the same ids.
struct SeededIDs: Sendable {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed ^ 0x5eed_1d5)
    }

    mutating func next() -> String {
        let high = random.next()
        let low = random.next()
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        func part(_ range: Range<Int>) -> String { String(characters[range]) }
        return [part(0..<8), part(8..<12), "4" + part(13..<16), "a" + part(17..<20), part(20..<32)]
            .joined(separator: "-")
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}

extension TemporaryDirectory {
    /// A temporary directory in memory (`/dev/shm`) when there is one: the server store commits with
    /// `synchronous = FULL`, and the simulation commits thousands of times.
    static func fast() throws -> TemporaryDirectory {
        guard FileManager.default.isWritableFile(atPath: "/dev/shm") else { return try TemporaryDirectory() }
        return try TemporaryDirectory(under: "/dev/shm")
    }
}

extension LocalStore {
    /// Every entity this replica holds: kind/id → state.
    func allEntities() throws -> [String: EntityState] {
        try writer.read { db in
            var result: [String: EntityState] = [:]
            // Publications are field offices' records, kept apart from the entities.
            for kind in EntityKind.allCases where kind != .publication {
                let table = kind.rawValue
                for id in try String.fetchAll(db, sql: "SELECT id FROM \(table)") {
                    result["\(table)/\(id)"] = try ChangeApplier.state(of: kind, id: id, in: db)
                }
            }
            return result
        }
    }

    /// The current fields of one entity.
    func fields(_ kind: EntityKind, _ id: String) throws -> [String: JSONValue] {
        try entityState(kind, id: id)?.fields ?? [:]
    }

    /// An article's paragraphs.
    func paragraphs(_ id: String) throws -> [String] {
        try entityState(.article, id: id)?.fields["paragraphs"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

extension ServerStore {
    /// Every entity the store holds (deleted ones too), keyed `kind/id`, on either backend.
    func entityStates() async throws -> [String: EntityState] {
        var result: [String: EntityState] = [:]
        for row in try await allEntities() {
            result["\(row.kind)/\(row.id)"] = try row.state()
        }
        return result
    }
}
