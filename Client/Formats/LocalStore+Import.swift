import BulletinCore
import BulletinFormat

extension LocalStore {
    /// Imports a bulletin in the newsroom's text format as a new issue, in one transaction (ids and times from the
    /// store's options): what `bulletin import` and the web app's upload both do.
    ///
    /// - Throws: `BulletinImportError` when the text is not a bulletin; ``StoreError`` as
    ///   ``importIssue(_:)`` does (e.g. an issue for that date exists).
    public func importBulletin(_ text: String) throws -> IssueReference {
        let now = ISOTime.string(fromMillis: options.wallClock())
        let issue = try BulletinImporter.parse(text, makeID: options.makeID, now: now)
        return try importIssue(issue)
    }
}
