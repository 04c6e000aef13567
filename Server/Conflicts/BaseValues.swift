import SyncProtocol

/// Reconstructs the value a field had, in the author's replica, at the base version a change names.
///
/// The log stores every change with the values the server stored, so the value at version V is V's logged value,
/// with one exception: when V was the author's own change and the server stored something else than it sent (a
/// merge, a late edit), the author kept what it sent until it pulled V back. Its `seen` cursor tells which: below
/// V's seq (or absent), the author still had its own value.
enum BaseValues {
    /// The possible values of `field` at `version` for `change`'s author, most likely first; empty when the server
    /// does not know the version (it never logged that change, or the change did not write the field).
    static func candidates(
        version: String, field: String, for change: ChangeRecord, _ store: any StoreReader
    ) throws -> [JSONValue] {
        guard let logged = try store.loggedChange(version) else { return [] }
        let stored = logged.record.fields[field]
        let sent = logged.record.clientID == change.clientID ? logged.sentFields[field] : nil
        let authorHadItsOwn = (change.seen ?? Int64.min) < logged.seq
        let ordered = authorHadItsOwn ? [sent, stored] : [stored, sent]
        var result: [JSONValue] = []
        for case let value? in ordered where !result.contains(value) {
            result.append(value)
        }
        return result
    }

    /// The value the author of `change` still had at `version` when the server stored something else for it (a
    /// merge of the author's own earlier change it had not pulled back yet), or `nil` when the author's view is
    /// the logged value. A change based on such a version is concurrent with the merge even though it names the
    /// field's current version.
    static func authorsOwnValue(
        version: String, field: String, for change: ChangeRecord, _ store: any StoreReader
    ) throws -> JSONValue? {
        guard let (seq, text) = try store.authorsSentFields(changeID: version, clientID: change.clientID)
        else { return nil }
        guard (change.seen ?? Int64.min) < seq else { return nil }
        return try RecordJSON.fields(from: text)[field]
    }

    /// The most likely value (see ``candidates(version:field:for:_:)``), or `nil` when it is unknown.
    static func value(
        version: String, field: String, for change: ChangeRecord, _ store: any StoreReader
    ) throws -> JSONValue? {
        try candidates(version: version, field: field, for: change, store).first
    }
}
