/// One history of a server's log (`welcome.log_epochs`, capability `log_epochs`, PROTOCOL.md section 12.5).
///
/// A server's log starts with one epoch from seq 0. Restoring the server from a backup starts a new epoch at the
/// backup's head: records up to that seq are the same in both histories; records after it may differ (the old
/// history's were lost with the restore, and new ones take their seqs).
public struct LogEpoch: Codable, Sendable, Hashable {
    /// The epoch's id (lowercase UUID), made when it started.
    public var epoch: String
    /// The head seq the epoch started from: every record with `seq <= fromSeq` is shared with the epoch before.
    public var fromSeq: Int64

    /// Creates an epoch.
    public init(epoch: String, fromSeq: Int64) {
        self.epoch = epoch
        self.fromSeq = fromSeq
    }

    enum CodingKeys: String, CodingKey {
        case epoch
        case fromSeq = "from_seq"
    }
}

extension [LogEpoch] {
    /// The highest seq up to which a replica that last synced in `known` shares this lineage's log (oldest epoch
    /// first): the least `fromSeq` of the epochs that started after `known`. `nil` when `known` is the current
    /// (last) epoch — nothing diverged; 0 when `known` is not in the lineage at all (another server's log, or a
    /// history restored away entirely).
    public func divergence(since known: String) -> Int64? {
        guard let index = firstIndex(where: { $0.epoch == known }) else { return 0 }
        let later = self[index...].dropFirst()
        return later.map(\.fromSeq).min()
    }
}
