import ArgumentParser
import SyncClient

/// The `--json` shape of `bulletin status` (README, "JSON shapes").
struct StatusReport: Codable, Sendable, Hashable {
    /// The replica's client id.
    var clientID: String
    /// The store's editor.
    var editor: String
    /// The remembered server address.
    var server: String?
    /// The sync cursor (highest server seq applied).
    var cursor: Int64
    /// Number of changes waiting to be pushed.
    var pending: Int
    /// Their total size in bytes of JSON.
    var pendingBytes: Int
    /// Number of changes the server rejected.
    var rejected: Int
    /// Number of open conflicts (see `bulletin conflicts`).
    var openConflicts: Int
    /// The waiting changes, oldest first.
    var changes: [PendingChange]
    /// The account the server said this store acts as (on the last connect); absent until then.
    var account: AccountInfo?
}

/// `bulletin status [--json]`: what has not been synced yet, and the account the store acts as.
struct StatusCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Changes not yet pushed to the server, and the account you act as.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let info = try local.replicaInfo()
        let changes = try local.pendingSummary()
        let report = StatusReport(
            clientID: info.clientID, editor: info.editor, server: info.serverAddress, cursor: info.cursor,
            pending: changes.count, pendingBytes: changes.reduce(0) { $0 + $1.bytes },
            rejected: try local.rejectedChanges().count, openConflicts: try local.openConflictCount(),
            changes: changes, account: try local.account())
        if json { return try cli.json(report) }
        var text = "editor \(report.editor) · client \(report.clientID)\n"
        text += "server \(report.server ?? "(not synced yet)") · cursor \(report.cursor)\n"
        if let account = report.account {
            text += "account \(account.name) · role \(account.role) (as the server said on the last sync)\n"
        }
        text +=
            report.pending == 0
            ? "nothing to push\n"
            : "\(report.pending) change\(report.pending == 1 ? "" : "s") to push (\(report.pendingBytes) bytes)\n"
        if report.rejected > 0 {
            text += "\(report.rejected) change\(report.rejected == 1 ? " was" : "s were") rejected by the server\n"
        }
        if report.openConflicts > 0 {
            text +=
                "\(report.openConflicts) open conflict\(report.openConflicts == 1 ? "" : "s"): "
                + "see `bulletin conflicts`\n"
        }
        for change in changes {
            let fields = change.fields.isEmpty ? "" : "  " + change.fields.joined(separator: ", ")
            text += "  \(change.hlc)  \(change.op) \(change.entity) \(change.entityID)\(fields)\n"
        }
        return text
    }
}
