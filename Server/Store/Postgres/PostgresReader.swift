import BulletinCore
import Logging
import PostgresNIO
import SyncProtocol

/// The PostgreSQL answers to ``StoreReader`` and ``StoreTransaction``, over one connection inside a transaction
/// the backend opened. Each call blocks on postgres-nio's future: it runs on a thread of ``PostgresBackend``'s own
/// pool, never on an event loop or Swift's cooperative pool.
final class PostgresReader: StoreTransaction {
    private let connection: PostgresConnection
    private let logger: Logger

    /// A reader over `connection`, which is inside a transaction.
    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The rows of `query`.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// Runs `query`, ignoring any rows.
    func execute(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    private func int(_ query: PostgresQuery) throws -> Int64? {
        try rows(query).first?.decode(Int64?.self) ?? nil
    }

    func head() throws -> Int64 {
        try int("SELECT MAX(seq) FROM change_log") ?? 0
    }

    func seq(ofChange changeID: String) throws -> Int64? {
        try int("SELECT seq FROM change_log WHERE change_id = \(changeID)")
    }

    /// The columns of `entity`, in the order ``entity(from:)`` reads them.
    static let entityColumns = """
        kind, id, issue_id, sort_date, fields, versions, deleted, last_seq, last_change_id, last_hlc, last_author, \
        last_client_id
        """

    private static func entity(from row: PostgresRow) throws -> StoredEntity {
        let (kind, id, issueID, sortDate, fields, versions, deleted, lastSeq, changeID, hlc, author, client) =
            try row.decode(
                (String, String, String, String, String, String, Bool, Int64, String, String, String, String).self)
        return StoredEntity(
            kind: kind, id: id, issueID: issueID, sortDate: sortDate, fields: fields, versions: versions,
            deleted: deleted, lastSeq: lastSeq, lastChangeID: changeID, lastHLC: hlc, lastAuthor: author,
            lastClientID: client)
    }

    private func entities(_ query: PostgresQuery) throws -> [StoredEntity] {
        try rows(query).map(Self.entity(from:))
    }

    func entity(_ key: EntityKey) throws -> StoredEntity? {
        try entities(
            """
            SELECT \(unescaped: Self.entityColumns) FROM entity WHERE kind = \(key.kind.rawValue) AND id = \(key.id)
            """
        ).first
    }

    func loggedChange(_ changeID: String) throws -> LoggedChange? {
        guard
            let row = try rows(
                "SELECT seq, record, sent_fields, prior_seq FROM change_log WHERE change_id = \(changeID)"
            ).first
        else { return nil }
        let (seq, record, sent, prior) = try row.decode((Int64, String, String?, Int64?).self)
        return try LoggedChange(stored: seq, record: record, sent: sent, priorSeq: prior)
    }

    func authorsSentFields(changeID: String, clientID: String) throws -> (seq: Int64, sentFields: String)? {
        guard
            let row = try rows(
                """
                SELECT seq, sent_fields FROM change_log WHERE change_id = \(changeID) AND client_id = \(clientID)
                """
            ).first
        else { return nil }
        let (seq, sent) = try row.decode((Int64, String?).self)
        return sent.map { (seq, $0) }
    }

    func epochs() throws -> [LogEpoch] {
        try rows("SELECT epoch, from_seq FROM log_epoch ORDER BY position").map {
            let (epoch, from) = try $0.decode((String, Int64).self)
            return LogEpoch(epoch: epoch, fromSeq: from)
        }
    }

    func publication(issueID: String) throws -> PublicationRow? {
        guard
            let row = try rows(
                """
                SELECT issue_id, sort_date, version, state, seq, content FROM publication WHERE issue_id = \(issueID)
                """
            ).first
        else { return nil }
        let (id, date, version, state, seq, content) = try row.decode(
            (String, String, Int64, String, Int64, String).self)
        return PublicationRow(issueID: id, sortDate: date, version: version, state: state, seq: seq, content: content)
    }

    func liveEntities(issueID: String, kind: EntityKind) throws -> [StoredEntity] {
        try entities(
            """
            SELECT \(unescaped: Self.entityColumns) FROM entity
            WHERE issue_id = \(issueID) AND kind = \(kind.rawValue) AND NOT deleted ORDER BY id
            """)
    }

    func record(atSeq seq: Int64) throws -> String? {
        try rows("SELECT record FROM change_log WHERE seq = \(seq)").first?.decode(String.self)
    }

    func publicationHead() throws -> Int64 {
        try int("SELECT MAX(seq) FROM publication") ?? 0
    }

    // MARK: Pages

    func logRows(
        since: Int64, bound: Int64, kinds: [String]?, issues: [String]?, excluding: [Int64], limit: Int
    ) throws -> [LogRow] {
        var query = QueryText(
            """
            SELECT seq, record, client_id, edit_record, author_record FROM change_log WHERE seq > 
            """)
        query.bind(since)
        query.append(" AND seq <= ")
        query.bind(bound)
        if let kinds {
            query.append(" AND entity = ANY(")
            query.bind(kinds)
            query.append(")")
        }
        if let issues {
            query.append(" AND issue_id = ANY(")
            query.bind(issues)
            query.append(")")
        }
        if !excluding.isEmpty {
            query.append(" AND seq <> ALL(")
            query.bind(excluding)
            query.append(")")
        }
        query.append(" ORDER BY seq LIMIT ")
        query.bind(Int64(limit))
        return try rows(query.query).map {
            let (seq, record, client, edit, author) = try $0.decode((Int64, String, String?, String?, String?).self)
            return LogRow(seq: seq, record: record, clientID: client, editRecord: edit, authorRecord: author)
        }
    }

    func nextIssue(before current: (date: String, id: String)?, issues: [String]?) throws -> StoredEntity? {
        var query = QueryText(
            "SELECT \(Self.entityColumns) FROM entity WHERE kind = 'issue' AND NOT deleted")
        if let issues {
            query.append(" AND id = ANY(")
            query.bind(issues)
            query.append(")")
        }
        if let (date, id) = current {
            query.append(" AND (sort_date, id) < (")
            query.bind(date)
            query.append(", ")
            query.bind(id)
            query.append(")")
        }
        query.append(" ORDER BY sort_date DESC, id DESC LIMIT 1")
        return try entities(query.query).first
    }

    func children(issueID: String, kind: EntityKind, afterID: String, limit: Int) throws -> [StoredEntity] {
        try entities(
            """
            SELECT \(unescaped: Self.entityColumns) FROM entity
            WHERE issue_id = \(issueID) AND kind = \(kind.rawValue) AND NOT deleted AND id > \(afterID)
            ORDER BY id LIMIT \(Int64(limit))
            """)
    }

    func orphans(kind: EntityKind, afterID: String, issues: [String]?, limit: Int) throws -> [StoredEntity] {
        var query = QueryText(
            """
            SELECT \(Self.entityColumns) FROM entity WHERE NOT EXISTS (SELECT 1 FROM entity AS parent \
            WHERE parent.kind = 'issue' AND parent.id = entity.issue_id AND NOT parent.deleted) AND kind = 
            """)
        query.bind(kind.rawValue)
        query.append(" AND NOT deleted AND id > ")
        query.bind(afterID)
        if let issues {
            query.append(" AND issue_id = ANY(")
            query.bind(issues)
            query.append(")")
        }
        query.append(" ORDER BY id LIMIT ")
        query.bind(Int64(limit))
        return try entities(query.query)
    }

    func changedEntities(afterSeq: Int64, kinds: [String]?, issues: [String]?, limit: Int) throws
        -> [StoredEntity]
    {
        var query = QueryText("SELECT \(Self.entityColumns) FROM entity WHERE NOT deleted AND last_seq > ")
        query.bind(afterSeq)
        if let kinds {
            query.append(" AND kind = ANY(")
            query.bind(kinds)
            query.append(")")
        }
        if let issues {
            query.append(" AND issue_id = ANY(")
            query.bind(issues)
            query.append(")")
        }
        query.append(" ORDER BY last_seq LIMIT ")
        query.bind(Int64(limit))
        return try entities(query.query)
    }

    func publicationRecords(before: (date: String, id: String)?, issues: [String]?, limit: Int) throws
        -> [(date: String, id: String, record: String)]
    {
        var query = QueryText(
            """
            SELECT p.sort_date, p.issue_id, c.record FROM publication AS p JOIN change_log AS c ON c.seq = p.seq \
            WHERE TRUE
            """)
        if let (date, id) = before {
            query.append(" AND (p.sort_date, p.issue_id) < (")
            query.bind(date)
            query.append(", ")
            query.bind(id)
            query.append(")")
        }
        if let issues {
            query.append(" AND p.issue_id = ANY(")
            query.bind(issues)
            query.append(")")
        }
        query.append(" ORDER BY p.sort_date DESC, p.issue_id DESC LIMIT ")
        query.bind(Int64(limit))
        return try rows(query.query).map {
            let (date, id, record) = try $0.decode((String, String, String).self)
            return (date, id, record)
        }
    }

    // MARK: Accounts and operations

    private static let accountColumns = "name, role, token_hash, created_at, revoked_at, last_synced_at"

    private static func account(from row: PostgresRow) throws -> Account {
        let (name, role, hash, created, revoked, synced) = try row.decode(
            (String, String, String, String, String?, String?).self)
        return Account(
            name: name, role: Role(rawValue: role) ?? .fieldOffice, tokenHash: hash, createdAt: created,
            revokedAt: revoked, lastSyncedAt: synced)
    }

    func accounts() throws -> [Account] {
        try rows("SELECT \(unescaped: Self.accountColumns) FROM account ORDER BY created_at, name")
            .map(Self.account(from:))
    }

    func account(named name: String) throws -> Account? {
        try rows("SELECT \(unescaped: Self.accountColumns) FROM account WHERE name = \(name)").first
            .map(Self.account(from:))
    }

    func activeAccountNames(among names: Set<String>) throws -> Set<String> {
        Set(
            try rows("SELECT name FROM account WHERE name = ANY(\(Array(names))) AND revoked_at IS NULL")
                .map { try $0.decode(String.self) })
    }

    func fieldOfficeSyncTimes() throws -> [(name: String, since: String)] {
        try rows(
            """
            SELECT name, COALESCE(last_synced_at, created_at) FROM account
            WHERE role = \(Role.fieldOffice.rawValue) AND revoked_at IS NULL
            """
        ).map { try $0.decode((String, String).self) }
    }

    func databaseBytes() throws -> Int64 {
        try int("SELECT pg_database_size(current_database())") ?? 0
    }

    func openConflictCount() throws -> Int {
        Int(
            try int(
                """
                SELECT COUNT(*) FROM entity WHERE kind = 'conflict' AND NOT deleted AND fields::jsonb ->> 'status' = 'open'
                """) ?? 0)
    }

    func allEntities() throws -> [StoredEntity] {
        try entities("SELECT \(unescaped: Self.entityColumns) FROM entity ORDER BY kind, id")
    }

    // MARK: Writes

    func append(_ entry: ChangeLogEntry) throws {
        try execute(
            """
            INSERT INTO change_log (seq, change_id, entity, entity_id, issue_id, op, record, received_at, client_id, \
            sent_fields, edit_record, author_record, prior_seq) VALUES (\(entry.seq), \(entry.changeID), \
            \(entry.entity), \(entry.entityID), \(entry.issueID), \(entry.op), \(entry.record), \(entry.receivedAt), \
            \(entry.clientID), \(entry.sentFields), \(entry.editRecord), \(entry.authorRecord), \(entry.priorSeq))
            """)
    }

    func write(_ entity: StoredEntity, isNew: Bool) throws {
        let e = entity
        if isNew {
            try execute(
                """
                INSERT INTO entity (kind, id, issue_id, sort_date, fields, versions, deleted, last_seq, \
                last_change_id, last_hlc, last_author, last_client_id) VALUES (\(e.kind), \(e.id), \(e.issueID), \
                \(e.sortDate), \(e.fields), \(e.versions), \(e.deleted), \(e.lastSeq), \(e.lastChangeID), \
                \(e.lastHLC), \(e.lastAuthor), \(e.lastClientID))
                """)
        } else {
            try execute(
                """
                UPDATE entity SET issue_id = \(e.issueID), sort_date = \(e.sortDate), fields = \(e.fields), \
                versions = \(e.versions), deleted = \(e.deleted), last_seq = \(e.lastSeq), \
                last_change_id = \(e.lastChangeID), last_hlc = \(e.lastHLC), last_author = \(e.lastAuthor), \
                last_client_id = \(e.lastClientID) WHERE kind = \(e.kind) AND id = \(e.id)
                """)
        }
    }

    func save(_ publication: PublicationRow) throws {
        let p = publication
        try execute(
            """
            INSERT INTO publication (issue_id, sort_date, version, state, seq, content) VALUES (\(p.issueID), \
            \(p.sortDate), \(p.version), \(p.state), \(p.seq), \(p.content)) ON CONFLICT (issue_id) DO UPDATE SET \
            sort_date = EXCLUDED.sort_date, version = EXCLUDED.version, state = EXCLUDED.state, seq = EXCLUDED.seq, \
            content = EXCLUDED.content
            """)
    }

    func insert(_ account: Account) throws {
        let a = account
        // Two nodes (or two `user add`s) adding one name at once both find it free; the second insert then finds
        // the first one's row, and says so as a taken name rather than as the database's unique violation.
        let inserted = try rows(
            """
            INSERT INTO account (name, role, token_hash, created_at, revoked_at, last_synced_at) VALUES (\(a.name), \
            \(a.role.rawValue), \(a.tokenHash), \(a.createdAt), \(a.revokedAt), \(a.lastSyncedAt)) \
            ON CONFLICT (name) DO NOTHING RETURNING name
            """)
        if inserted.isEmpty { throw AccountError.exists(a.name) }
    }

    func revoke(name: String, at time: String) throws {
        try execute("UPDATE account SET revoked_at = \(time) WHERE name = \(name)")
    }

    func noteSynced(name: String, at time: String) throws {
        try execute("UPDATE account SET last_synced_at = \(time) WHERE name = \(name)")
    }

    func startEpoch(_ epoch: LogEpoch, at time: String) throws {
        try execute(
            """
            INSERT INTO log_epoch (position, epoch, from_seq, started_at)
            VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM log_epoch), \(epoch.epoch), \(epoch.fromSeq), \(time))
            """)
    }
}

/// A query put together piece by piece, its values bound as `$n` parameters (never spliced into the text).
struct QueryText {
    private var sql: String
    private var binds = PostgresBindings()

    init(_ sql: String) {
        self.sql = sql
    }

    /// Appends SQL text (never a value: values are bound).
    mutating func append(_ text: String) {
        sql += text
    }

    /// Binds `value` as the next parameter and appends its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) {
        binds.append(value)
        sql += "$\(binds.count)"
    }

    /// The finished query.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
