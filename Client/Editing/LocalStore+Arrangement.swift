import BulletinCore
import GRDB
import SyncProtocol

/// Which way an item moves in contents order.
public enum MoveDirection: String, Sendable, Hashable, CaseIterable {
    /// Towards the front of the issue.
    case up
    /// Towards the back of the issue.
    case down
}

/// Reordering and renaming: each records one `update` of the moved or renamed entity only, so that two editors
/// moving different items never touch the same record. A move writes a position between the new neighbours.
extension LocalStore {
    /// Moves a section one place up or down in its issue; returns its new 1-based number (unchanged at an end).
    ///
    /// - Throws: ``StoreError/invalidArgument(_:)`` for an unknown section.
    @discardableResult
    public func moveSection(_ sectionID: String, _ direction: MoveDirection) throws -> Int {
        try perform { changes in
            let section = try Self.liveSection(sectionID, in: changes.db)
            let siblings = try Numbering.sections(ofIssue: section.issueID, in: changes.db)
            guard let index = siblings.firstIndex(where: { $0.id == section.id }) else {
                throw StoreError.invalidArgument("the section \(sectionID) is not in a live issue")
            }
            guard let position = Self.position(moving: index, in: siblings.map(\.position), direction) else {
                return index + 1
            }
            try changes.update(.section, id: section.id, fields: ["position": FieldEncoding.number(position)])
            return direction == .up ? index : index + 2
        }
    }

    /// Moves an article one place up or down inside its section; returns its new number in the issue.
    @discardableResult
    public func moveArticle(_ reference: String, _ direction: MoveDirection) throws -> ArticleReference {
        try perform { changes in
            let location = try References.article(reference, in: changes.db)
            let siblings = try Double.fetchAll(
                changes.db,
                sql: """
                    SELECT position FROM article WHERE section_id = ? AND issue_id = ? AND deleted = 0 ORDER BY position, id
                    """, arguments: [location.article.sectionID, location.issue.id])
            let ids = try String.fetchAll(
                changes.db,
                sql: """
                    SELECT id FROM article WHERE section_id = ? AND issue_id = ? AND deleted = 0 ORDER BY position, id
                    """, arguments: [location.article.sectionID, location.issue.id])
            if let index = ids.firstIndex(of: location.article.id),
                let position = Self.position(moving: index, in: siblings, direction)
            {
                try changes.update(
                    .article, id: location.article.id,
                    fields: ["position": FieldEncoding.number(position)])
            }
            let row = try ArticleRecord.fetchOne(changes.db, key: location.article.id) ?? location.article
            return ArticleReference(try References.location(of: row, in: changes.db))
        }
    }

    /// Renames a section.
    public func renameSection(_ sectionID: String, title: String) throws {
        let clean = TextNormalization.normalize(title).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw StoreError.invalidArgument("the section title cannot be empty") }
        try perform { changes in
            let section = try Self.liveSection(sectionID, in: changes.db)
            try changes.update(.section, id: section.id, fields: ["title": .string(clean)])
        }
    }

    /// Sets (or with `nil` removes) an article's citation: outlet, date and authors.
    @discardableResult
    public func setArticleSource(_ reference: String, source: Citation?) throws -> ArticleReference {
        let clean = try source.map { citation -> Citation in
            let outlet = TextNormalization.normalize(citation.outlet).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !outlet.isEmpty else { throw StoreError.invalidArgument("the source's outlet cannot be empty") }
            return Citation(
                outlet: outlet,
                date: TextNormalization.normalize(citation.date).trimmingCharacters(in: .whitespacesAndNewlines),
                authors: citation.authors.map {
                    TextNormalization.normalize($0).trimmingCharacters(in: .whitespacesAndNewlines)
                }.filter { !$0.isEmpty })
        }
        return try perform { changes in
            let location = try References.article(reference, in: changes.db)
            try changes.update(.article, id: location.article.id, fields: ["source": FieldEncoding.citation(clean)])
            return ArticleReference(location)
        }
    }

    /// The section with this exact id, if it is live.
    static func liveSection(_ id: String, in db: Database) throws -> SectionRecord {
        guard let section = try SectionRecord.fetchOne(db, key: id.lowercased()), !section.deleted else {
            throw StoreError.invalidArgument("no section has the id '\(id)'")
        }
        return section
    }

    /// A position that puts item `index` one place further `direction`, between its new neighbours; `nil` when it
    /// is already at that end.
    static func position(moving index: Int, in positions: [Double], _ direction: MoveDirection) -> Double? {
        switch direction {
        case .up:
            guard index > 0 else { return nil }
            let before = index >= 2 ? positions[index - 2] : positions[index - 1] - 2
            return (before + positions[index - 1]) / 2
        case .down:
            guard index + 1 < positions.count else { return nil }
            let after = index + 2 < positions.count ? positions[index + 2] : positions[index + 1] + 2
            return (positions[index + 1] + after) / 2
        }
    }
}
