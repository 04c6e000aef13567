import BulletinCore
import BulletinFormat
import Foundation

extension LocalStore {
    /// Parses a bulletin text file and stores it as a new issue (what `bulletin import` and the desk's upload do).
    ///
    /// - Throws: `BulletinImportError` for a malformed file, ``StoreError/duplicateIssueDate`` when an issue for
    ///   its date exists.
    @discardableResult
    public func importBulletin(text: String) throws -> IssueReference {
        let now = ISOTime.string(fromMillis: options.wallClock())
        let issue = try BulletinImporter.parse(TextNormalization.normalize(text), makeID: options.makeID, now: now)
        return try importIssue(issue)
    }
}
