import SyncProtocol

/// One page of a snapshot: synthetic `create` records of live entities, in walk order (newest issue first, each
/// followed by its children).
public typealias SnapshotPage = ResumablePage<SnapshotPosition>

/// Builds snapshot pages by walking the materialised state with keyset queries: memory per page is bounded by the
/// page limits, never by the archive.
struct SnapshotPager {
    private let store: any StoreReader
    private let filter: PullFilter?
    private var position: SnapshotPosition
    private var page: PageBuilder

    /// Reads the page that starts at `position`.
    static func page(
        from position: SnapshotPosition, limits: PageLimits, filter: PullFilter?, _ store: any StoreReader
    ) throws -> SnapshotPage {
        var pager = SnapshotPager(store: store, limits: limits, filter: filter, position: position)
        let finished = try pager.walk()
        return SnapshotPage(
            records: pager.page.records, bytes: pager.page.bytes, headSeq: position.headSeq,
            next: finished ? nil : pager.position)
    }

    private init(store: any StoreReader, limits: PageLimits, filter: PullFilter?, position: SnapshotPosition) {
        self.store = store
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
                let issue = try store.entity(EntityKey(kind: .issue, id: issueID)),
                !issue.deleted
            {
                guard try offer(issue) else { return false }
            }
            position.stage = .section
            position.afterID = nil
        case .section, .article, .annotation, .conflict:
            let store = store
            guard
                try walkChildren({ kind, afterID, limit in
                    try store.children(issueID: issueID, kind: kind, afterID: afterID, limit: limit)
                })
            else { return false }
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
        try store.nextIssue(before: current, issues: filter?.issues)
    }

    // MARK: Orphans phase

    /// Advances through one stage of the orphans; `false` when the page filled up.
    private mutating func walkOrphanStep() throws -> Bool {
        let issues = filter?.issues
        let store = store
        guard
            try walkChildren({ kind, afterID, limit in
                try store.orphans(kind: kind, afterID: afterID, issues: issues, limit: limit)
            })
        else { return false }
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
            let chunk = try store.changedEntities(
                afterSeq: position.afterSeq ?? position.headSeq, kinds: filter?.entities?.map(\.rawValue),
                issues: filter?.issues, limit: Self.chunkSize)
            var read = 0
            for entity in chunk {
                guard try offer(entity) else { return false }
                position.afterSeq = entity.lastSeq
                read += 1
            }
            if read < Self.chunkSize { return true }
        }
    }

    // MARK: Shared

    /// Offers the live entities of the current stage's kind that `fetch` returns (kind, after id, limit: live
    /// entities in id order), after `afterID`; `true` when the stage is exhausted, `false` when the page filled up.
    private mutating func walkChildren(
        _ fetch: (EntityKind, String, Int) throws -> [StoredEntity]
    ) throws -> Bool {
        guard let kind = Self.kind(of: position.stage), includes(kind) else { return true }
        while true {
            let chunk = try fetch(kind, position.afterID ?? "", Self.chunkSize)
            var read = 0
            for entity in chunk {
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
        let fields = try RecordJSON.fields(from: entity.fields)
        // Likewise `base`, which carries the stored versions JSON (written here for a row that stores none).
        let versions =
            entity.versions.isEmpty
            ? CanonicalJSON.text(names: fields.keys, each: entity.lastChangeID) : entity.versions
        let size = envelope - 4 + entity.fields.utf8.count + versions.utf8.count
        return try page.add(size: size) {
            record.fields = fields
            // A snapshot record's `base` carries the entity's per-field versions, so that the new replica's later
            // edits name the same bases as everyone else's (conflict detection compares them).
            record.base = try entity.versionsByField(fields: fields)
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
