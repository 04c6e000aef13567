import BulletinCore
import SyncProtocol

/// The data contract: which fields each entity kind has, and the shape of each field's value.
///
/// `create` carries every field of its kind, `update` a non-empty subset, `delete` none. Unknown field names are
/// refused so that a typo never becomes silently stored data.
enum EntityContract {
    /// The fields of `kind` and their shapes.
    static func fields(of kind: EntityKind) -> [String: FieldKind] {
        switch kind {
        case .issue: issueFields
        case .section: sectionFields
        case .article: articleFields
        case .annotation: annotationFields
        case .conflict: ConflictContract.fields
        case .publication: [:]
        }
    }

    private static let issueFields: [String: FieldKind] = [
        "publication": .string, "date": .date, "weekday": .string, "year_line": .string,
        "release_line": .string, "title_lines": .stringArray, "subject": .string, "cadence": .string,
        "intro": .string, "editor": .string, "state": .oneOf(PublicationState.allCases.map(\.rawValue)),
    ]

    private static let sectionFields: [String: FieldKind] = [
        "issue_id": .reference, "title": .string, "position": .number, "contents_page": .optionalInteger,
    ]

    private static let articleFields: [String: FieldKind] = [
        "issue_id": .reference, "section_id": .reference, "title": .string, "paragraphs": .stringArray,
        "source": .optionalCitation, "contents_page": .optionalInteger, "position": .number,
    ]

    private static let annotationFields: [String: FieldKind] = [
        "issue_id": .reference, "article_id": .reference, "paragraph": .optionalIndex, "range": .optionalRange,
        "kind": .oneOf(AnnotationKind.allCases.map(\.rawValue)), "text": .string, "author": .string,
        "created_at": .timestamp, "resolved": .bool,
    ]

    /// Why `change` breaks the contract on its own (ids, field names, field shapes), or `nil` when it does not.
    ///
    /// Checks that need the stored entity (does it exist, does `state` move backwards) are made by the caller.
    /// - Parameter serverMade: the record is one the server made itself in a log history lost to a restore,
    ///   re-offered by a replica (PROTOCOL.md section 12.5): a conflict's `create` is then allowed.
    static func violation(in change: ChangeRecord, serverMade: Bool = false) -> String? {
        guard Identifiers.isLowercaseUUID(change.changeID) else { return "change_id must be a lowercase UUID" }
        guard Identifiers.isLowercaseUUID(change.entityID) else { return "entity_id must be a lowercase UUID" }
        guard Identifiers.isLowercaseUUID(change.clientID) else { return "client_id must be a lowercase UUID" }
        if change.entity == .conflict, !serverMade, let why = ConflictContract.violation(in: change) { return why }
        let contract = fields(of: change.entity)
        if let why = baseViolation(in: change, contract: contract) { return why }
        switch change.op {
        case .delete:
            guard change.fields.isEmpty else { return "a delete carries no fields" }
            return nil
        case .create:
            let missing = Set(contract.keys).subtracting(change.fields.keys).sorted()
            if !missing.isEmpty {
                return "a create of \(change.entity.rawValue) carries every field; missing: "
                    + missing.joined(separator: ", ")
            }
        case .update:
            guard !change.fields.isEmpty else { return "an update carries at least one field" }
        }
        for name in change.fields.keys.sorted() {
            guard let kind = contract[name] else {
                return "\(change.entity.rawValue) has no field '\(name)'"
            }
            if let why = change.fields[name].flatMap(kind.check) {
                return "field '\(name)' \(why)"
            }
        }
        return nil
    }

    /// Why the record's `base` is malformed: each entry names a field of the entity and the `change_id` (a
    /// lowercase UUID) that last wrote it in the author's replica (PROTOCOL.md section 7).
    private static func baseViolation(in change: ChangeRecord, contract: [String: FieldKind]) -> String? {
        for (name, version) in change.base.sorted(by: { $0.key < $1.key }) {
            guard contract[name] != nil else { return "base names '\(name)', which \(change.entity.rawValue) lacks" }
            guard Identifiers.isLowercaseUUID(version) else {
                return "base.\(name) must be the change_id (a lowercase UUID) that last wrote the field"
            }
        }
        return nil
    }
}
