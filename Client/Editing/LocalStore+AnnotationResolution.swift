import BulletinCore
import GRDB
import SyncProtocol

extension LocalStore {
    /// Marks an annotation resolved (or open again): one `update` of its `resolved` field.
    ///
    /// - Throws: ``StoreError/invalidArgument(_:)`` when no live annotation has this id.
    @discardableResult
    public func setAnnotationResolved(_ annotationID: String, resolved: Bool = true) throws -> Annotation {
        try perform { changes in
            guard let note = try AnnotationRecord.fetchOne(changes.db, key: annotationID.lowercased()), !note.deleted
            else { throw StoreError.invalidArgument("no annotation has the id '\(annotationID)'") }
            try changes.update(.annotation, id: note.id, fields: ["resolved": .bool(resolved)])
            var model = note.model
            model.resolved = resolved
            return model
        }
    }
}
