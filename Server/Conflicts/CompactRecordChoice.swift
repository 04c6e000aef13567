/// Which stored text of a log row a pull gets.
enum CompactRecordChoice {
    /// The full record; or, for a pull that accepts text edits (`puller` set), the author's compact form when the
    /// puller made the change, else the compact form for everyone, when one exists.
    static func text(of row: LogRow, for puller: String?) -> String {
        let full = row.record
        guard let puller else { return full }
        if row.clientID == puller {
            return row.authorRecord ?? full
        }
        return row.editRecord ?? full
    }
}
