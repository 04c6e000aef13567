import GRDB
import SyncProtocol

/// One page of a snapshot: synthetic `create` records of live entities, in walk order (newest issue first, each
/// followed by its children).
public typealias SnapshotPage = ResumablePage<SnapshotPosition>

/// Builds snapshot pages by walking the materialised state with keyset queries: memory per page is bounded by the
/// page limits, never by the archive.
struct SnapshotPager {
    private let db: Database
    private let filter: PullFilter?
    private var position: SnapshotPosition
    private var page: PageBuilder

    /// Reads the page that starts at `position`.
    static func page(
        from position: SnapshotPosition, limits: PageLimits, filter: PullFilter?, _ db: Database
    ) throws -> SnapshotPage {
        var pager = SnapshotPager(db: db, limits: limits, filter: filter, position: position)
        let finished = try pager.walk()
        return SnapshotPage(
            records: pager.page.records, bytes: pager.page.bytes, headSeq: position.headSeq,
            next: finished ? nil : pager.position)
    }

    private init(db: Database, limits: PageLimits, filter: PullFilter?, position: SnapshotPosition) {
        self.db = db
        page = PageBuilder(limits: limits)
        self.filter = filter
        self.position = position
    }

    /// Adds records until the page is full (returns `false`) or the snapshot is complete (returns `true`).
    private mutating func walk() throws -> Bool {
        while true {
            switch position.phase {
            case .issues:
                guard try walkIssueStep() else { return false }
            case .orphans:
                guard try walkOrphanStep() else { return false }
            case .changed:
                return try walkChanged()
            }
        }
    }

    // MARK: Issues phase

    /// Advances through one stage of the current issue; `false` when the page filled up.
    private mutating func walkIssueStep() throws -> Bool {
        guard let issueID = position.issueID else {
            try moveToIssue(after: nil)
            return true
        }
        switch position.stage {
        case .issue:
            if includes(.issue),
               let issue = try StoredEntity.find(EntityKey(kind: .issue, id: issueID), db),
               !issue.deleted {
                guard try offer(issue) else { return false }
            }
            position.stage = .section
            position.afterID = nil
        case .section, .article, .annotation, .conflict:
            let request = StoredEntity.filter(StoredEntity.Columns.issueID == issueID)
            guard try walkChildren(request) else { return false }
            if position.stage == .lastStage {
                try moveToIssue(after: (position.issueDate ?? "", issueID))
            } else {
                position.stage = Self.stage(after: position.stage)
                position.afterID = nil
            }
        }
        return true
    }

    /// Moves to the next live issue in newest-first order, or to the orphans phase when none is left.
    private mutating func moveToIssue(after current: (date: String, id: String)?) throws {
        let next = try nextIssue(after: current)
        position.afterID = nil
        if let next {
            position.issueDate = next.sortDate
            position.issueID = next.id
            position.stage = .issue
        } else {
            position.phase = .orphans
            position.issueDate = nil
            position.issueID = nil
            position.stage = .section
        }
    }

    private func nextIssue(after current: (date: String, id: String)?) throws -> StoredEntity? {
        var request = StoredEntity
            .filter(StoredEntity.Columns.kind == EntityKind.issue.rawValue && StoredEntity.Columns.deleted == false)
        if let issues = filter?.issues {
            request = request.filter(issues.contains(StoredEntity.Columns.id))
        }
        if let (date, id) = current {
            // A row value, not `sort_date < ? OR (sort_date = ? AND id < ?)`: with the OR, SQLite bounds the index
            // scan by `kind` alone and walks every newer issue first, which made a snapshot quadratic in the
            // number of issues (a 40,000-article archive: 30 s of the server's CPU in this query alone).
            request = request.filter(sql: "(sort_date, id) < (?, ?)", arguments: [date, id])
        }
        return try request
            .order(StoredEntity.Columns.sortDate.desc, StoredEntity.Columns.id.desc)
            .fetchOne(db)
    }

    // MARK: Orphans phase

    /// Advances through one stage of the orphans; `false` when the page filled up.
    private mutating func walkOrphanStep() throws -> Bool {
        var request = StoredEntity.filter(sql: """
            NOT EXISTS (SELECT 1 FROM entity AS parent WHERE parent.kind = 'issue' \
            AND parent.id = entity.issue_id AND parent.deleted = 0)
            """)
        if let issues = filter?.issues {
            request = request.filter(issues.contains(StoredEntity.Columns.issueID))
        }
        guard try walkChildren(request) else { return false }
        if position.stage == .lastStage {
            position.phase = .changed
            position.afterID = nil
            position.afterSeq = position.headSeq
        } else {
            position.stage = Self.stage(after: position.stage)
            position.afterID = nil
        }
        return true
    }

    // MARK: Changed phase

    /// Sends live entities changed since the snapshot started; `true` when none is left.
    private mutating func walkChanged() throws -> Bool {
        while true {
            var request = StoredEntity.filter(
                StoredEntity.Columns.lastSeq > (position.afterSeq ?? position.headSeq)
                    && StoredEntity.Columns.deleted == false)
            if let kinds = filter?.entities {
                request = request.filter(kinds.map(\.rawValue).contains(StoredEntity.Columns.kind))
            }
            if let issues = filter?.issues {
                request = request.filter(issues.contains(StoredEntity.Columns.issueID))
            }
            let chunk = try request.order(StoredEntity.Columns.lastSeq).limit(Self.chunkSize).fetchCursor(db)
            var read = 0
            while let entity = try chunk.next() {
                guard try offer(entity) else { return false }
                position.afterSeq = entity.lastSeq
                read += 1
            }
            if read < Self.chunkSize { return true }
        }
    }

    // MARK: Shared

    /// Offers the live entities of the current stage's kind from `request`, in id order after `afterID`; `true`
    /// when the stage is exhausted, `false` when the page filled up first.
    private mutating func walkChildren(_ request: QueryInterfaceRequest<StoredEntity>) throws -> Bool {
        guard let kind = Self.kind(of: position.stage), includes(kind) else { return true }
        while true {
            // `id > ''` (every id is longer) on the first chunk too: with only `issue_id = ? AND kind = ?` SQLite
            // prefers walking the primary key (kind, id) — every entity of the kind, read with its overflow pages,
            // once per issue — over the `entity_by_issue` index, which turns a snapshot quadratic in the archive.
            let stageRequest = request.filter(
                StoredEntity.Columns.kind == kind.rawValue && StoredEntity.Columns.deleted == false
                    && StoredEntity.Columns.id > (position.afterID ?? ""))
            let chunk = try stageRequest.order(StoredEntity.Columns.id).limit(Self.chunkSize).fetchCursor(db)
            var read = 0
            while let entity = try chunk.next() {
                guard try offer(entity) else { return false }
                position.afterID = entity.id
                read += 1
            }
            if read < Self.chunkSize { return true }
        }
    }

    /// Adds the synthetic `create` of `entity` if the page has room; `false` when it has not.
    private mutating func offer(_ entity: StoredEntity) throws -> Bool {
        guard let kind = EntityKind(rawValue: entity.kind) else { return true }
        var record = ChangeRecord(
            changeID: entity.lastChangeID, entity: kind, entityID: entity.id, op: .create,
            hlc: HLCTimestamp(entity.lastHLC) ?? .zero, author: entity.lastAuthor, clientID: entity.lastClientID,
            seq: entity.lastSeq)
        // The record's size is its envelope plus its fields' stored JSON, which is byte-identical to how the
        // fields encode inside the record: measured without encoding the (possibly large) fields twice.
        let envelope = CanonicalJSON.bytes(record).count
        // Likewise `base`, which carries the stored versions JSON.
        let size = envelope - 4 + entity.fields.utf8.count + entity.versions.utf8.count
        return try page.add(size: size) {
            record.fields = try RecordJSON.fields(from: entity.fields)
            // A snapshot record's `base` carries the entity's per-field versions, so that the new replica's later
            // edits name the same bases as everyone else's (conflict detection compares them).
            record.base = try RecordJSON.versions(from: entity.versions)
            return record
        }
    }

    private func includes(_ kind: EntityKind) -> Bool {
        filter?.entities?.contains(kind) ?? true
    }

    private static let chunkSize = 256

    private static func kind(of stage: SnapshotPosition.Stage) -> EntityKind? {
        switch stage {
        case .issue: .issue
        case .section: .section
        case .article: .article
        case .annotation: .annotation
        case .conflict: .conflict
        }
    }

    private static func stage(after stage: SnapshotPosition.Stage) -> SnapshotPosition.Stage {
        SnapshotPosition.Stage(rawValue: stage.rawValue + 1) ?? .lastStage
    }
}
