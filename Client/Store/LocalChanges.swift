import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// The change records of one user action, made and applied inside the action's transaction.
///
/// Each change is stamped by the store's clock, applied to the entity tables, appended to the outbox and
/// written to the change log before the next is made, so later changes of the same action see earlier ones.
struct LocalChanges {
    let db: Database
    private(set) var clock: HybridLogicalClock
    private(set) var made: [ChangeRecord] = []
    private let replica: ReplicaRecord
    private let wall: Int64
    private let makeID: @Sendable () -> String
    private let compactPushes: Bool

    init(db: Database, replica: ReplicaRecord, options: LocalStoreOptions) throws {
        self.db = db
        self.replica = replica
        self.clock = try replica.clock()
        self.wall = options.wallClock()
        self.makeID = options.makeID
        self.compactPushes = options.compactPushes
    }

    /// The editor making the changes.
    var author: String { replica.editor }

    /// The wall clock at the start of the action (for `created_at`).
    var wallMillis: Int64 { wall }

    /// A new lowercase UUID.
    func newID() -> String { makeID() }

    /// Creates an entity with all its fields.
    @discardableResult
    mutating func create(_ entity: EntityKind, id: String, fields: [String: JSONValue]) throws -> ChangeRecord {
        try commit(entity: entity, id: id, op: .create, fields: fields, base: [:])
    }

    /// Sets the fields whose values differ from the entity's current ones; `nil` when nothing differs.
    ///
    /// `base` is, for each changed field, the change id that last wrote it here.
    @discardableResult
    mutating func update(_ entity: EntityKind, id: String, fields: [String: JSONValue]) throws -> ChangeRecord? {
        let current = try ChangeApplier.state(of: entity, id: id, in: db) ?? EntityState()
        let changed = fields.filter { current.fields[$0.key] != $0.value }
        guard !changed.isEmpty else { return nil }
        let base = current.versions.filter { changed[$0.key] != nil }
        return try commit(entity: entity, id: id, op: .update, fields: changed, base: base, before: current)
    }

    /// Sets fields to the given values even when they equal the current ones, naming `base` as the versions they
    /// were decided against (a conflict resolution names the version that holds the conflict's current value).
    @discardableResult
    mutating func write(
        _ entity: EntityKind, id: String, fields: [String: JSONValue], base: [String: String]
    ) throws -> ChangeRecord {
        try commit(entity: entity, id: id, op: .update, fields: fields, base: base)
    }

    /// Deletes an entity. `base` carries the versions of every field as this replica has them, so the server can
    /// tell edits the deleting editor had not seen (they survive the delete).
    @discardableResult
    mutating func delete(_ entity: EntityKind, id: String) throws -> ChangeRecord {
        let current = try ChangeApplier.state(of: entity, id: id, in: db) ?? EntityState()
        return try commit(entity: entity, id: id, op: .delete, fields: [:], base: current.versions)
    }

    /// Whether this replica holds the entity (deleted or not): a reference the change makes must name one.
    private func knows(_ kind: EntityKind, _ id: String) throws -> Bool {
        let table: String
        switch kind {
        case .issue: table = IssueRecord.databaseTableName
        case .section: table = SectionRecord.databaseTableName
        case .article: table = ArticleRecord.databaseTableName
        case .annotation: table = AnnotationRecord.databaseTableName
        case .conflict: table = ConflictRecord.databaseTableName
        case .publication: return false
        }
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)")
        return try Bool.fetchOne(statement, arguments: [id]) ?? false
    }

    /// - Parameter known: the entity's state before the change, when the caller has read it.
    private mutating func commit(
        entity: EntityKind, id: String, op: ChangeOperation, fields: [String: JSONValue], base: [String: String],
        before known: EntityState? = nil
    ) throws -> ChangeRecord {
        // The text before the change: the base a compact edit of it is made against.
        let before =
            op == .update && compactPushes
            ? try known ?? ChangeApplier.state(of: entity, id: id, in: db) : nil
        // Text enters the store as the server would store it (NFC, `\n`), and the change must keep the contract the
        // server judges it by: a local bug stops here, with nothing queued, not at the server.
        let change = ChangeRecord(
            changeID: makeID(), entity: entity, entityID: id, op: op, fields: fields, base: base,
            hlc: clock.now(wall: wall), author: replica.editor, clientID: replica.clientID,
            seen: op == .create ? nil : replica.cursor
        ).normalizingText()
        if let violation = try ChangeValidator(origin: .client).check(change, knows: knows) {
            throw StoreError.contractViolation(violation)
        }
        let scope = try ChangeApplier.apply(change, in: db)
        let compact = before.flatMap { CompactChange.make(change, before: $0) }
        var outbox = OutboxRecord(change: change, issueID: scope.issueID, compact: compact)
        try outbox.insert(db)
        try ChangeLog.record(change, scope: scope, in: db)
        made.append(change)
        return change
    }
}

/// Writes applied changes to the `change_log` table.
enum ChangeLog {
    /// Records `change` (or, when already logged, fills in its server `seq`): one statement, bound through SQLite's
    /// C API (``DirectStatement``), since this runs for every applied change.
    static func record(_ change: ChangeRecord, scope: ChangeScope, in db: Database) throws {
        try DirectStatement.run(
            """
            INSERT INTO change_log (change_id, entity, entity_id, issue_id, article_id, op, fields, author, \
            client_id, hlc, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (change_id) DO UPDATE SET seq = excluded.seq
            WHERE excluded.seq IS NOT NULL AND change_log.seq IS NOT excluded.seq
            """, in: db
        ) { values in
            values.text(change.changeID)
            values.text(change.entity.rawValue)
            values.text(change.entityID)
            values.text(scope.issueID)
            values.text(scope.articleID)
            values.text(change.op.rawValue)
            values.text(DatabaseJSON.text(change.fields.keys.sorted()))
            values.text(change.author)
            values.text(change.clientID)
            values.text(change.hlc.description)
            values.integer(change.seq)
        }
    }
}

extension LocalStore {
    /// Runs one user action: a single write transaction in which `body` makes its changes; the clock is saved
    /// with them. If anything throws, nothing of the action remains — no rows, no outbox entries.
    @discardableResult
    func perform<Result>(_ body: (inout LocalChanges) throws -> Result) throws -> Result {
        let (result, changed) = try writer.write { db in
            var replica = try replica(db)
            var changes = try LocalChanges(db: db, replica: replica, options: options)
            let result = try body(&changes)
            let clock = changes.clock.last.description
            if clock != replica.hlc {
                replica.hlc = clock
                try replica.update(db)
            }
            return (result, !changes.made.isEmpty)
        }
        if changed {
            commits.post()
            if path != ":memory:" { StoreFileWatcher.announceCommit(ofStoreAt: path) }
        }
        return result
    }
}
