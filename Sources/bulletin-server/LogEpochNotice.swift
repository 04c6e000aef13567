/// What the restoring commands tell the operator once the restored log has a new epoch.
enum LogEpochNotice {
    /// The new epoch's start and what clients will do about it.
    static func started(at seq: Int64) -> String {
        "a new log epoch starts at seq \(seq): on their next sync, clients offer again what they hold beyond it"
    }
}
