import BulletinCore
import GRDB
import SyncProtocol

/// Conflicts as this replica has them (the server makes them; they sync like any entity), and their resolution.
extension LocalStore {
    /// The conflicts, newest first: the open ones, or all of them.
    public func conflicts(includingResolved: Bool = false) throws -> [ConflictInfo] {
        try writer.read { db in
            // Newest first: by the seq of the record that created the conflict.
            let rows = try ConflictRecord.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM conflict c
                    LEFT JOIN change_log l ON l.entity_id = c.id AND l.op = 'create'
                    WHERE c.deleted = 0 AND (? OR c.status = 'open')
                    ORDER BY l.seq DESC, c.id
                    """, arguments: [includingResolved])
            var describer = TargetDescriber()
            return try rows.map { try $0.info(describer: &describer, in: db) }
        }
    }

    /// One conflict by id or unique id prefix.
    public func conflict(_ reference: String) throws -> ConflictInfo {
        try writer.read { db in
            var describer = TargetDescriber()
            return try ConflictLookup.find(reference, in: db).info(describer: &describer, in: db)
        }
    }

    /// How many conflicts are open.
    public func openConflictCount() throws -> Int {
        try writer.read { db in
            try ConflictRecord
                .filter(
                    ConflictRecord.Columns.deleted == false
                        && ConflictRecord.Columns.status == ConflictStatus.open.rawValue
                )
                .fetchCount(db)
        }
    }

    /// The open conflicts of one issue, by the article they concern (`nil` key: the issue or a section).
    /// Conflicts about an annotation count for its article.
    public func openConflicts(ofIssue issueID: String) throws -> [String?: [String]] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, CASE c.entity WHEN 'article' THEN c.entity_id
                        WHEN 'annotation' THEN (SELECT n.article_id FROM annotation n WHERE n.id = c.entity_id)
                        END AS article_id
                    FROM conflict c
                    WHERE c.issue_id = ? AND c.deleted = 0 AND c.status = 'open'
                    ORDER BY c.id
                    """, arguments: [issueID])
            var result: [String?: [String]] = [:]
            for row in rows {
                let articleID: String? = row["article_id"]
                result[articleID, default: []].append(row["id"])
            }
            return result
        }
    }

    /// Resolves a conflict in one transaction: writes the chosen value to the entity (an ordinary update, with
    /// the conflict's stored version as its base so the server merges it with anything written since) and marks
    /// the conflict resolved. Both changes sync like any other.
    ///
    /// - Throws: ``StoreError/unknownConflict(_:)``, ``StoreError/invalidArgument(_:)`` when the conflict is
    ///   already resolved or a value does not fit it.
    @discardableResult
    public func resolveConflict(_ reference: String, choice: ConflictChoice) throws -> ConflictResolutionReport {
        try perform { changes in
            let record = try ConflictLookup.find(reference, in: changes.db)
            guard record.status == .open else {
                throw StoreError.invalidArgument(
                    "conflict \(record.id.prefix(8)) was already resolved (\(record.resolution?.rawValue ?? "?")) "
                        + "by \(record.resolvedBy ?? "someone")")
            }
            let plan = try ResolutionPlan.make(record, choice: choice)
            var wrote: [String] = []
            var deleted = false
            let state = try ChangeApplier.state(of: record.entity, id: record.entityID, in: changes.db)
            switch plan.action {
            case .write(let fields, let base):
                let current = state ?? EntityState()
                let differs =
                    current.deleted
                    || fields.contains { name, value in
                        current.fields[name] != value || (base[name].map { $0 != current.versions[name] } ?? false)
                    }
                if state != nil, differs {
                    try changes.write(record.entity, id: record.entityID, fields: fields, base: base)
                    wrote = fields.keys.sorted()
                }
            case .delete:
                if let state, !state.deleted {
                    try changes.delete(record.entity, id: record.entityID)
                    deleted = true
                }
            case .keep:
                break
            }
            let versions = record.versions.byField
            let resolution: [String: JSONValue] = [
                ConflictField.status: .string(ConflictStatus.resolved.rawValue),
                ConflictField.resolution: .string(plan.resolution.rawValue),
                ConflictField.resolvedBy: .string(changes.author),
            ]
            try changes.write(
                .conflict, id: record.id, fields: resolution,
                base: versions.filter { resolution[$0.key] != nil })
            var describer = TargetDescriber()
            let resolved = try ConflictLookup.find(record.id, in: changes.db)
            return ConflictResolutionReport(
                conflict: try resolved.info(describer: &describer, in: changes.db), wroteFields: wrote,
                deletedEntity: deleted)
        }
    }
}

/// Finds conflicts by id or unique id prefix.
enum ConflictLookup {
    static func find(_ reference: String, in db: Database) throws -> ConflictRecord {
        let text = reference.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty, text.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw StoreError.unknownConflict(reference)
        }
        if let exact = try ConflictRecord.fetchOne(db, key: text), !exact.deleted { return exact }
        let matches = try ConflictRecord.fetchAll(
            db, sql: "SELECT * FROM conflict WHERE id GLOB ? AND deleted = 0 ORDER BY id LIMIT 5",
            arguments: [text + "*"])
        guard let first = matches.first else { throw StoreError.unknownConflict(reference) }
        guard matches.count == 1 else {
            throw StoreError.ambiguousConflict(reference, candidates: matches.map(\.id))
        }
        return first
    }
}

extension ConflictRecord {
    /// The public description, with the entity named for people.
    func info(describer: inout TargetDescriber, in db: Database) throws -> ConflictInfo {
        let row = ChangeLogRecord(
            changeID: mineChange, entity: entity, entityID: entityID, issueID: issueID, articleID: nil, op: .update,
            fields: [], author: mineAuthor, clientID: "", hlc: "", seq: nil)
        return ConflictInfo(
            id: id, kind: kind, entity: entity, entityID: entityID, field: field, issueID: issueID,
            target: try describer.describe(row, in: db), base: JSONText.value(base), mine: JSONText.value(mine),
            theirs: JSONText.value(theirs), current: JSONText.value(current), mineAuthor: mineAuthor,
            theirsAuthor: theirsAuthor, mineChange: mineChange, theirsChange: theirsChange, status: status,
            resolution: resolution, resolvedBy: resolvedBy)
    }
}
