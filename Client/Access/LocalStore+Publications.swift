import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// Publications a field office refused while applying a page: the sync reports them, nothing of them was stored.
public struct PublicationRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why each refused record was refused.
    public var reasons: [String]

    /// A sentence a person can act on.
    public var description: String {
        "refused \(reasons.count) publication\(reasons.count == 1 ? "" : "s") that failed verification against "
            + "the pinned server key (nothing of them was stored): " + reasons.joined(separator: "; ")
    }
}

/// The outcome of `bulletin verify ISSUE`.
public struct PublicationVerification: Codable, Sendable, Hashable {
    /// The issue.
    public var issueID: String
    /// The issue's date.
    public var date: String
    /// The verified version.
    public var version: Int64
    /// `published` or `retracted`.
    public var state: String
    /// The key that signed it.
    public var keyID: String
}

extension LocalStore {
    /// Applies a field office's pulled page: each `publication` record is verified against the pinned key BEFORE
    /// anything of it is stored; verified content replaces the local copy of its issue (entity tables, so that
    /// `show` and exports work offline). Records of any other kind are ignored. The page's cursor (or snapshot
    /// progress) is stored in the same transaction.
    ///
    /// - Throws: ``PublicationRefusal`` after the transaction when some records failed verification: they were not
    ///   stored, the rest of the page was.
    func applyPublications(_ page: Changes, snapshot: Bool) throws {
        let refusals = try writer.write { db -> [String] in
            let settings = try Self.access(db)
            let key = try Self.pinnedKey(settings)
            var refusals: [String] = []
            for record in page.changes where record.entity == .publication {
                do {
                    let (publication, content) = try key.verify(record: record)
                    try Self.store(publication, content: content, record: record, db)
                } catch let error as PublicationError {
                    refusals.append("\(error)")
                }
            }
            try Self.advance(page, snapshot: snapshot, path: path, db)
            return refusals
        }
        if !refusals.isEmpty { throw PublicationRefusal(reasons: refusals) }
    }

    /// Re-checks the stored publication of an issue: its signature against the pinned key, and that the issue,
    /// sections and articles in the store are exactly its content.
    ///
    /// - Throws: ``StoreError`` when the issue is unknown or was never published here, ``PublicationError`` when the
    ///   signature does not verify, ``StoreError/invalidArgument(_:)`` when the stored entities differ.
    public func verifyPublication(_ reference: String) throws -> PublicationVerification {
        try writer.read { db in
            let issue = try References.issue(reference, in: db)
            guard let stored = try LocalPublicationRecord.fetchOne(db, key: issue.id) else {
                throw StoreError.invalidArgument("issue \(issue.date) has no stored publication to verify")
            }
            let key = try Self.pinnedKey(try Self.access(db))
            let content = try RecordJSONText.decode(stored.content)
            let publication = Publication(
                issueID: stored.issueID, content: content, version: stored.version,
                status: PublicationStatus(rawValue: stored.state) ?? .published, signature: stored.signature,
                keyID: stored.keyID)
            try key.verify(publication)
            let expected = try PublicationContent(json: content)
            let actual = try Self.localContent(issueID: issue.id, db)
            guard Self.canonical(expected.json) == Self.canonical(actual.json) else {
                throw StoreError.invalidArgument(
                    "issue \(issue.date): the stored issue, sections or articles differ from the signed content "
                        + "of version \(stored.version); run `bulletin pull` on a fresh store")
            }
            return PublicationVerification(
                issueID: issue.id, date: issue.date, version: stored.version, state: stored.state,
                keyID: stored.keyID)
        }
    }

    private static func pinnedKey(_ settings: AccessSettings) throws -> PublicationPublicKey {
        guard let text = settings.serverKey else {
            throw StoreError.invalidArgument(
                "this store has no pinned server key; a field-office store is made with "
                    + "`bulletin init --role field-office --server-key KEY`")
        }
        return try PublicationPublicKey(base64: text)
    }

    /// Stores a verified publication if it is newer than the stored one, and materialises its content.
    private static func store(
        _ publication: Publication, content: PublicationContent, record: ChangeRecord, _ db: Database
    ) throws {
        if let current = try LocalPublicationRecord.fetchOne(db, key: publication.issueID),
            current.version >= publication.version
        {
            return
        }
        try LocalPublicationRecord(
            issueID: publication.issueID, version: publication.version, state: publication.status.rawValue,
            content: CanonicalJSON.string(CanonicalJSON.bytes(publication.content)),
            signature: publication.signature, keyID: publication.keyID, seq: record.seq ?? 0
        ).save(db)
        try materialise(content, record: record, db)
    }

    /// Writes the content into the entity tables; sections and articles it no longer holds are deleted.
    private static func materialise(_ content: PublicationContent, record: ChangeRecord, _ db: Database) throws {
        func apply(_ kind: EntityKind, _ id: String, _ op: ChangeOperation, _ fields: [String: JSONValue]) throws {
            try ChangeApplier.apply(
                ChangeRecord(
                    changeID: record.changeID, entity: kind, entityID: id, op: op, fields: op == .delete ? [:] : fields,
                    hlc: record.hlc, author: record.author, clientID: record.clientID, seq: record.seq), in: db)
        }
        let issueID = content.issue.id
        try apply(.issue, issueID, .create, content.issue.fields)
        var sections = Set<String>()
        var articles = Set<String>()
        for section in content.sections {
            sections.insert(section.section.id)
            try apply(.section, section.section.id, .create, section.section.fields)
            for article in section.articles {
                articles.insert(article.id)
                try apply(.article, article.id, .create, article.fields)
            }
        }
        for (kind, keep) in [(EntityKind.article, articles), (EntityKind.section, sections)] {
            let live = try String.fetchAll(
                db, sql: "SELECT id FROM \(kind.rawValue) WHERE issue_id = ? AND deleted = 0", arguments: [issueID])
            for id in live where !keep.contains(id) {
                try apply(kind, id, .delete, [:])
            }
        }
    }

    /// Stores the page's cursor or snapshot progress, as an editor's replica does.
    private static func advance(_ page: Changes, snapshot: Bool, path: String, _ db: Database) throws {
        var replica = try ReplicaRecord.fetch(db, path: path)
        var progress = try SnapshotProgressRecord.current(db)
        if snapshot {
            progress.head = page.headSeq ?? progress.head
            progress.resume = page.more ? page.resume : nil
            if !page.more {
                progress.completed = true
                replica.cursor = max(replica.cursor, progress.head ?? page.toSeq)
            }
        } else {
            guard page.toSeq >= replica.cursor else {
                throw StoreError.cursorWentBack(current: replica.cursor, proposed: page.toSeq)
            }
            replica.cursor = page.toSeq
            progress.completed = true
        }
        try replica.update(db)
        try progress.save(db)
    }

    /// The issue as the store holds it, in the canonical content layout.
    private static func localContent(issueID: String, _ db: Database) throws -> PublicationContent {
        func fields(_ kind: EntityKind, _ id: String) throws -> [String: JSONValue] {
            try ChangeApplier.state(of: kind, id: id, in: db)?.fields ?? [:]
        }
        func live(_ kind: EntityKind) throws -> [PublicationContent.Entity] {
            try String.fetchAll(
                db, sql: "SELECT id FROM \(kind.rawValue) WHERE issue_id = ? AND deleted = 0", arguments: [issueID]
            ).map { PublicationContent.Entity(id: $0, fields: try fields(kind, $0)) }
        }
        return PublicationContent(
            issue: PublicationContent.Entity(id: issueID, fields: try fields(.issue, issueID)),
            sections: try live(.section), articles: try live(.article))
    }

    /// Canonical bytes with integral numbers written as integers, so `2` and `2.0` compare equal.
    private static func canonical(_ value: JSONValue) -> [UInt8] {
        CanonicalJSON.bytes(value.integralNumbersAsIntegers())
    }
}

extension JSONValue {
    /// The value with every integral `double` turned into an `int` (SQLite gives back `position` as a real).
    func integralNumbersAsIntegers() -> JSONValue {
        switch self {
        case .double(let number) where number.rounded() == number && abs(number) < 9e15: .int(Int64(number))
        case .array(let items): .array(items.map { $0.integralNumbersAsIntegers() })
        case .object(let members): .object(members.mapValues { $0.integralNumbersAsIntegers() })
        default: self
        }
    }
}

/// Decodes stored JSON text.
enum RecordJSONText {
    static func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
