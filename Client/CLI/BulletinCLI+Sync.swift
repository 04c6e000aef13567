import Foundation

/// The `--json` shape of `bulletin status`.
public struct StatusReport: Codable, Sendable, Hashable {
    /// The replica's client id.
    public var clientID: String
    /// The store's editor.
    public var editor: String
    /// The remembered server address.
    public var server: String?
    /// The sync cursor (highest server seq applied).
    public var cursor: Int64
    /// Number of changes waiting to be pushed.
    public var pending: Int
    /// Their total size in bytes of JSON.
    public var pendingBytes: Int
    /// Number of changes the server rejected.
    public var rejected: Int
    /// Number of open conflicts (see `bulletin conflicts`).
    public var openConflicts: Int
    /// The waiting changes, oldest first.
    public var changes: [PendingChange]
    /// The account the server said this store acts as (on the last connect); absent until then.
    public var account: AccountInfo?
}

extension BulletinCLI {
    /// `bulletin status [--json]`: what has not been synced yet.
    public func status(store: String?, json: Bool) throws -> String {
        let local = try openStore(store)
        let info = try local.replicaInfo()
        let changes = try local.pendingSummary()
        let report = StatusReport(
            clientID: info.clientID, editor: info.editor, server: info.serverAddress, cursor: info.cursor,
            pending: changes.count, pendingBytes: changes.reduce(0) { $0 + $1.bytes },
            rejected: try local.rejectedChanges().count, openConflicts: try local.openConflictCount(),
            changes: changes, account: try local.account())
        if json { return try self.json(report) }
        var text = "editor \(report.editor) · client \(report.clientID)\n"
        text += "server \(report.server ?? "(not synced yet)") · cursor \(report.cursor)\n"
        if let account = report.account {
            text += "account \(account.name) · role \(account.role) (as the server said on the last sync)\n"
        }
        text += report.pending == 0
            ? "nothing to push\n"
            : "\(report.pending) change\(report.pending == 1 ? "" : "s") to push (\(report.pendingBytes) bytes)\n"
        if report.rejected > 0 {
            text += "\(report.rejected) change\(report.rejected == 1 ? " was" : "s were") rejected by the server\n"
        }
        if report.openConflicts > 0 {
            text += "\(report.openConflicts) open conflict\(report.openConflicts == 1 ? "" : "s"): "
                + "see `bulletin conflicts`\n"
        }
        for change in changes {
            let fields = change.fields.isEmpty ? "" : "  " + change.fields.joined(separator: ", ")
            text += "  \(change.hlc)  \(change.op) \(change.entity) \(change.entityID)\(fields)\n"
        }
        return text
    }

    /// `bulletin log [ISSUE|ARTICLE] [--json]`: who changed what, and when (oldest first).
    public func log(store: String?, target: String?, json: Bool) throws -> String {
        let entries = try openStore(store).history(of: target)
        if json { return try self.json(entries) }
        guard !entries.isEmpty else { return "no changes\n" }
        return entries.map { entry in
            let fields = entry.op == "update" ? "  " + entry.fields.joined(separator: ", ") : ""
            let pending = entry.pending ? "  (not pushed)" : ""
            return "\(entry.time)  \(entry.author)  \(entry.op) \(entry.target)\(fields)\(pending)\n"
        }.joined()
    }
}
