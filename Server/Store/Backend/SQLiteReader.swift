import BulletinCore
import GRDB
import SyncProtocol

/// The SQLite answers to ``StoreReader`` and ``StoreTransaction``, over one GRDB `Database` access (a read on a
/// snapshot, or the writer's transaction). Statements that run for every pushed change are cached.
struct SQLiteReader: StoreTransaction {
    /// The database, inside the access that created this reader.
    let db: Database
    /// The entity rows this access read or wrote.
    private let rows = EntityRowCache()

    /// A reader over `db`, inside one access to it.
    init(db: Database) {
        self.db = db
    }

    func head() throws -> Int64 {
        try ServerQueries.head(db)
    }

    func seq(ofChange changeID: String) throws -> Int64? {
        if let seq = rows.seqs[changeID] { return seq }
        return try ServerQueries.seq(ofChange: changeID, db)
    }

    func readAhead(for changes: [ChangeRecord]) throws {
        // One change looks itself up as cheaply.
        guard changes.count > 1 else { return }
        let changeIDs = changes.map(\.changeID)
        let logged = try ServerQueries.seqs(ofChanges: changeIDs, db)
        for changeID in changeIDs { rows.seqs[changeID] = .some(logged[changeID]) }
        var idsByKind: [EntityKind: [String]] = [:]
        for change in changes where rows.rows[EntityKey(kind: change.entity, id: change.entityID)] == nil {
            idsByKind[change.entity, default: []].append(change.entityID)
        }
        for (kind, ids) in idsByKind {
            let found = try StoredEntity.find(kind, ids: ids, db)
            for id in ids { rows.rows[EntityKey(kind: kind, id: id)] = .some(found[id]) }
        }
    }

    func entity(_ key: EntityKey) throws -> StoredEntity? {
        if let row = rows.rows[key] { return row }
        let row = try StoredEntity.find(key, db)
        rows.rows[key] = .some(row)
        return row
    }

    func issueStatus(_ issueID: String) throws -> IssueStatus? {
        if let status = rows.issues[issueID] { return status }
        let status = try entity(EntityKey(kind: .issue, id: issueID)).map(IssueStatus.init(row:))
        rows.issues[issueID] = .some(status)
        return status
    }

    func loggedChange(_ changeID: String) throws -> LoggedChange? {
        let statement = try db.cachedStatement(
            sql: "SELECT seq, record, sent_fields, prior_seq FROM change_log WHERE change_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [changeID]) else { return nil }
        return try LoggedChange(
            stored: row["seq"], record: row["record"], sent: row["sent_fields"],
            priorSeq: row["prior_seq"])
    }

    func authorsSentFields(changeID: String, clientID: String) throws -> (seq: Int64, sentFields: String)? {
        let statement = try db.cachedStatement(
            sql: "SELECT seq, sent_fields FROM change_log WHERE change_id = ? AND client_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [changeID, clientID]),
            let text: String = row["sent_fields"]
        else { return nil }
        return (row["seq"], text)
    }

    func epochs() throws -> [LogEpoch] {
        try LogEpochs.all(db)
    }

    func publication(issueID: String) throws -> PublicationRow? {
        try PublicationRow.fetchOne(db, key: issueID)
    }

    func liveEntities(issueID: String, kind: EntityKind) throws -> [StoredEntity] {
        try StoredEntity
            .filter(
                StoredEntity.Columns.issueID == issueID && StoredEntity.Columns.kind == kind.rawValue
                    && StoredEntity.Columns.deleted == false
            )
            .order(StoredEntity.Columns.id)
            .fetchAll(db)
    }

    func record(atSeq seq: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT record FROM change_log WHERE seq = ?", arguments: [seq])
    }

    func publicationHead() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM publication") ?? 0
    }

    // MARK: Pages

    func logRows(
        since: Int64, bound: Int64, kinds: [String]?, issues: [String]?, excluding: [Int64], limit: Int
    ) throws -> [LogRow] {
        var request =
            ChangeLogEntry
            .select(
                ChangeLogEntry.Columns.seq, ChangeLogEntry.Columns.record, ChangeLogEntry.Columns.clientID,
                ChangeLogEntry.Columns.editRecord, ChangeLogEntry.Columns.authorRecord
            )
            .filter(ChangeLogEntry.Columns.seq > since && ChangeLogEntry.Columns.seq <= bound)
        if let kinds {
            request = request.filter(kinds.contains(ChangeLogEntry.Columns.entity))
        }
        if let issues {
            request = request.filter(issues.contains(ChangeLogEntry.Columns.issueID))
        }
        if !excluding.isEmpty {
            request = request.filter(!excluding.contains(ChangeLogEntry.Columns.seq))
        }
        request = request.order(ChangeLogEntry.Columns.seq).limit(limit)
        return try Row.fetchAll(db, request).map {
            LogRow(
                seq: $0["seq"], record: $0["record"], clientID: $0["client_id"], editRecord: $0["edit_record"],
                authorRecord: $0["author_record"])
        }
    }

    func nextIssue(before current: (date: String, id: String)?, issues: [String]?) throws -> StoredEntity? {
        // `kind = 'issue'` as a literal: the date order is a partial index of issues (``EntityIndexSchema``), which
        // SQLite uses only when the query names its condition in the same words, not through a parameter.
        var request = StoredEntity.filter(sql: "kind = 'issue'").filter(StoredEntity.Columns.deleted == false)
        if let issues {
            request = request.filter(issues.contains(StoredEntity.Columns.id))
        }
        if let (date, id) = current {
            // A row value, not `sort_date < ? OR (sort_date = ? AND id < ?)`: with the OR, SQLite bounds the index
            // scan by `kind` alone and walks every newer issue first, which made a snapshot quadratic in the
            // number of issues (a 40,000-article archive: 30 s of the server's CPU in this query alone).
            request = request.filter(sql: "(sort_date, id) < (?, ?)", arguments: [date, id])
        }
        return
            try request
            .order(StoredEntity.Columns.sortDate.desc, StoredEntity.Columns.id.desc)
            .fetchOne(db)
    }

    func children(issueID: String, kind: EntityKind, afterID: String, limit: Int) throws -> [StoredEntity] {
        // `id > ''` (every id is longer) on the first chunk too: with only `issue_id = ? AND kind = ?` SQLite
        // prefers walking the primary key (kind, id) — every entity of the kind, read with its overflow pages,
        // once per issue — over the `entity_by_issue` index, which turns a snapshot quadratic in the archive.
        try StoredEntity
            .filter(
                StoredEntity.Columns.issueID == issueID && StoredEntity.Columns.kind == kind.rawValue
                    && StoredEntity.Columns.deleted == false && StoredEntity.Columns.id > afterID
            )
            .order(StoredEntity.Columns.id).limit(limit).fetchAll(db)
    }

    func orphans(kind: EntityKind, afterID: String, issues: [String]?, limit: Int) throws -> [StoredEntity] {
        var request = StoredEntity.filter(
            sql: """
                NOT EXISTS (SELECT 1 FROM entity AS parent WHERE parent.kind = 'issue' \
                AND parent.id = entity.issue_id AND parent.deleted = 0)
                """)
        if let issues {
            request = request.filter(issues.contains(StoredEntity.Columns.issueID))
        }
        return
            try request
            .filter(
                StoredEntity.Columns.kind == kind.rawValue && StoredEntity.Columns.deleted == false
                    && StoredEntity.Columns.id > afterID
            )
            .order(StoredEntity.Columns.id).limit(limit).fetchAll(db)
    }

    func changedEntities(afterSeq: Int64, kinds: [String]?, issues: [String]?, limit: Int) throws
        -> [StoredEntity]
    {
        // Through the change log, whose seq is its rowid: an entity changed after `afterSeq` is the entity of a
        // later log row whose seq is the entity's `last_seq` (each logged change writes both at the same seq), so
        // the entity table needs no index on `last_seq` (``EntityIndexSchema``).
        var conditions = ["c.seq > ?", "NOT e.deleted"]
        var arguments: StatementArguments = [afterSeq]
        if let kinds {
            conditions.append("e.kind IN (\(databaseQuestionMarks(count: kinds.count)))")
            arguments += StatementArguments(kinds)
        }
        if let issues {
            conditions.append("e.issue_id IN (\(databaseQuestionMarks(count: issues.count)))")
            arguments += StatementArguments(issues)
        }
        arguments += [limit]
        let sql = """
            SELECT e.* FROM change_log AS c CROSS JOIN entity AS e ON e.kind = c.entity AND e.id = c.entity_id \
            AND e.last_seq = c.seq WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.seq LIMIT ?
            """
        return try StoredEntity.fetchAll(db, sql: sql, arguments: arguments)
    }

    func publicationRecords(before: (date: String, id: String)?, issues: [String]?, limit: Int) throws
        -> [(date: String, id: String, record: String)]
    {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let (date, id) = before {
            // A row value, not `sort_date < ? OR (…)`: with the OR, SQLite scans the index from the newest issue
            // every page (see ``nextIssue(before:issues:)``).
            conditions.append("(p.sort_date, p.issue_id) < (?, ?)")
            arguments += [date, id]
        }
        if let issues {
            conditions.append("p.issue_id IN (\(databaseQuestionMarks(count: issues.count)))")
            arguments += StatementArguments(issues)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT p.sort_date, p.issue_id, c.record FROM publication AS p JOIN change_log AS c ON c.seq = p.seq
            \(whereClause) ORDER BY p.sort_date DESC, p.issue_id DESC LIMIT ?
            """
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            ($0["sort_date"], $0["issue_id"], $0["record"])
        }
    }

    // MARK: Accounts and operations

    func accounts() throws -> [Account] {
        try Account.order(Account.Columns.createdAt, Account.Columns.name).fetchAll(db)
    }

    func account(named name: String) throws -> Account? {
        try Account.fetchOne(db, key: name)
    }

    func activeAccountNames(among names: Set<String>) throws -> Set<String> {
        try String.fetchSet(
            db,
            Account.select(Account.Columns.name)
                .filter(names.contains(Account.Columns.name) && Account.Columns.revokedAt == nil))
    }

    func fieldOfficeSyncTimes() throws -> [(name: String, since: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT name, COALESCE(last_synced_at, created_at) AS since FROM account
                WHERE role = ? AND revoked_at IS NULL
                """, arguments: [Role.fieldOffice.rawValue]
        ).map { ($0["name"], $0["since"]) }
    }

    func databaseBytes() throws -> Int64 {
        let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        return pages * (try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
    }

    func openConflictCount() throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM entity
                WHERE kind = 'conflict' AND NOT deleted AND json_extract(fields, '$.status') = 'open'
                """) ?? 0
    }

    func allEntities() throws -> [StoredEntity] {
        try StoredEntity.order(StoredEntity.Columns.kind, StoredEntity.Columns.id).fetchAll(db)
    }

    // MARK: Writes

    func append(_ entry: ChangeLogEntry) throws {
        try entry.append(db)
        if !rows.seqs.isEmpty { rows.seqs[entry.changeID] = .some(entry.seq) }
    }

    func write(_ entity: StoredEntity, isNew: Bool) throws {
        try entity.write(isNew: isNew, db)
        if let kind = EntityKind(rawValue: entity.kind) {
            rows.rows[EntityKey(kind: kind, id: entity.id)] = .some(entity)
            if kind == .issue { rows.issues[entity.id] = nil }
        } else {
            rows.rows.removeAll()
            rows.issues.removeAll()
        }
    }

    func save(_ publication: PublicationRow) throws {
        try publication.save(db)
    }

    func insert(_ account: Account) throws {
        try account.insert(db)
    }

    func revoke(name: String, at time: String) throws {
        try db.execute(sql: "UPDATE account SET revoked_at = ? WHERE name = ?", arguments: [time, name])
    }

    func noteSynced(name: String, at time: String) throws {
        try db.execute(sql: "UPDATE account SET last_synced_at = ? WHERE name = ?", arguments: [time, name])
    }

    func startEpoch(_ epoch: LogEpoch, at time: String) throws {
        try LogEpochs.append(epoch, at: time, db)
    }
}
