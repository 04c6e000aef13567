import GRDB

/// Local preferences, kept in the store so that they follow the store and not the browser.
extension LocalStore {
    /// The value of a local setting, or `nil` when it was never set.
    public func setting(_ key: String) throws -> String? {
        try writer.read { db in try SettingRecord.fetchOne(db, key: key)?.value }
    }

    /// Sets (or with `nil` clears) a local setting.
    public func setSetting(_ key: String, to value: String?) throws {
        try writer.write { db in
            if let value {
                try SettingRecord(key: key, value: value).save(db)
            } else {
                _ = try SettingRecord.deleteOne(db, key: key)
            }
        }
    }
}
