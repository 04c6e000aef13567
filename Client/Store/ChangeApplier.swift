import BulletinCore
import GRDB
import SyncProtocol

/// Where an applied change belongs: used to file it in the outbox and the change log.
struct ChangeScope: Sendable, Hashable {
    /// The issue the entity belongs to (the entity itself for an issue).
    var issueID: String?
    /// The article, for articles and annotations.
    var articleID: String?
}

/// Applies change records to the typed entity tables (their rows and per-field versions) and the search index.
///
/// The rule itself is ``EntityState/applying(_:)`` from BulletinCore, the one the server uses too: this type only
/// loads an entity's state from its row (fields and versions), applies the change, and writes the result back.
enum ChangeApplier {
    /// Applies `change` inside the caller's transaction.
    ///
    /// - Parameters:
    ///   - recordedVersions: Versions to record for fields the change writes instead of the change's own id: a
    ///     snapshot record carries the server's per-field versions in `base`, and those are what later edits here
    ///     must name. Fields not listed get the change's id.
    ///   - folded: For an article, the change's texts already folded for the search index (``FoldAhead``).
    @discardableResult
    static func apply(
        _ change: ChangeRecord, in db: Database, recordedVersions: [String: String] = [:],
        folded: FoldedArticle? = nil
    ) throws -> ChangeScope {
        let versions = recordedVersions
        switch change.entity {
        case .issue:
            let row = try apply(change, to: IssueRecord.self, in: db, recordedVersions: versions)
            return ChangeScope(issueID: row.id, articleID: nil)
        case .section:
            let row = try apply(change, to: SectionRecord.self, in: db, recordedVersions: versions)
            return ChangeScope(issueID: row.issueID, articleID: nil)
        case .article:
            let before = try ArticleRecord.row(change.entityID, in: db)
            let row = try apply(
                change, to: ArticleRecord.self, existing: .some(before), in: db, recordedVersions: versions
            ) { new in
                new.searchID = try SearchIndex.nextSearchID(in: db)
            }
            if before?.title != row.title || before?.paragraphs != row.paragraphs || before?.deleted != row.deleted {
                try SearchIndex.update(row, replacing: before, folded: folded, in: db)
            }
            return ChangeScope(issueID: row.issueID, articleID: row.id)
        case .annotation:
            let row = try apply(change, to: AnnotationRecord.self, in: db, recordedVersions: versions)
            return ChangeScope(issueID: row.issueID, articleID: row.articleID)
        case .conflict:
            let row = try apply(change, to: ConflictRecord.self, in: db, recordedVersions: versions)
            return ChangeScope(issueID: row.issueID, articleID: row.entity == .article ? row.entityID : nil)
        case .publication:
            // Signed publications are for field offices (see PublicationReplica); an editor's store skips them.
            return ChangeScope(issueID: change.entityID, articleID: nil)
        }
    }

    /// The current state of an entity, or `nil` when this replica has never seen it.
    static func state(of entity: EntityKind, id: String, in db: Database) throws -> EntityState? {
        switch entity {
        case .issue: try state(of: IssueRecord.self, id: id, in: db)
        case .section: try state(of: SectionRecord.self, id: id, in: db)
        case .article: try state(of: ArticleRecord.self, id: id, in: db)
        case .annotation: try state(of: AnnotationRecord.self, id: id, in: db)
        case .conflict: try state(of: ConflictRecord.self, id: id, in: db)
        case .publication: nil
        }
    }

    private static func state<Row: EntityRow>(of type: Row.Type, id: String, in db: Database) throws
        -> EntityState?
    {
        try Row.row(id, in: db)?.state
    }

    /// - Parameter known: the entity's row when the caller has already read it (`.some(nil)`: there is none).
    private static func apply<Row: EntityRow>(
        _ change: ChangeRecord, to type: Row.Type, existing known: Row?? = nil, in db: Database,
        recordedVersions: [String: String], preparingNewRow prepare: (inout Row) throws -> Void = { _ in }
    ) throws -> Row {
        let existing = try known ?? Row.row(change.entityID, in: db)
        var row = existing ?? Row(newID: change.entityID)
        let after = row.state.applying(change)
        // The fields the change wrote: for create/update exactly its fields (even when a replica applies its own
        // change again, whose values the server may have changed); none for delete.
        let written = after.versions.filter { change.fields[$0.key] != nil && $0.value == change.changeID }
        for name in written.keys.sorted() {
            try row.setField(name, to: after.fields[name] ?? .null)
        }
        row.deleted = after.deleted
        for (name, changeID) in written {
            row.versions.byField[name] = recordedVersions[name] ?? changeID
        }
        if existing == nil {
            try prepare(&row)
            try row.insertNew(db)
        } else {
            try row.update(db)
        }
        return row
    }
}
