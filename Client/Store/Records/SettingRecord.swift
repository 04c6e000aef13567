import GRDB

/// One local preference of this store's user (e.g. the desk's language): never synced.
struct SettingRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"

    /// The setting's name, e.g. `desk.language`.
    var key: String
    /// Its value.
    var value: String

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let value = Column(CodingKeys.value)
    }

}
