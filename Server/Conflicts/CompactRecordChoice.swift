import GRDB

/// Which stored text of a log row a pull gets.
enum CompactRecordChoice {
    /// The full record; or, for a pull that accepts text edits (`puller` set), the author's compact form when the
    /// puller made the change, else the compact form for everyone, when one exists.
    static func text(of row: Row, for puller: String?) -> String {
        let full: String = row[ChangeLogEntry.Columns.record]
        guard let puller else { return full }
        let author: String? = row[ChangeLogEntry.Columns.clientID]
        if author == puller {
            let own: String? = row[ChangeLogEntry.Columns.authorRecord]
            return own ?? full
        }
        let compact: String? = row[ChangeLogEntry.Columns.editRecord]
        return compact ?? full
    }
}
