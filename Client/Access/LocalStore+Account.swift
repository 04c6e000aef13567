import GRDB
import SyncProtocol

extension LocalStore {
    /// The account this store acts as, as the server said on the last connect; `nil` until the first connect to a
    /// server that tells (capability `account`, PROTOCOL.md section 8.2).
    public func account() throws -> AccountInfo? {
        try writer.read { db in
            try AccountRecord.fetchOne(db, key: 1).map { AccountInfo(name: $0.name, role: $0.role) }
        }
    }

    /// Keeps what `welcome` says about the account; written only when it changed (a write costs a disk flush on
    /// every connect otherwise). A `welcome` without the member leaves what the store knew.
    func rememberAccount(from welcome: Welcome) throws {
        guard let account = welcome.account else { return }
        let record = AccountRecord(name: account.name, role: account.role, serverID: welcome.serverID)
        if try writer.read({ db in try AccountRecord.fetchOne(db, key: 1) }) == record { return }
        try writer.write { db in try record.save(db) }
    }
}
