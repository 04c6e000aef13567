import Testing

@testable import SyncProtocol

/// Where a replica's history parts from the server's (PROTOCOL.md section 12.5).
@Suite struct LogEpochTests {
    let lineage = [
        LogEpoch(epoch: "a", fromSeq: 0), LogEpoch(epoch: "b", fromSeq: 1_180), LogEpoch(epoch: "c", fromSeq: 900),
    ]

    @Test func aReplicaInTheCurrentHistoryHasNotDiverged() {
        #expect(lineage.divergence(since: "c") == nil)
    }

    @Test func aReplicaOfAnEarlierHistoryDivergedAtTheLowestStartAfterIt() {
        // Restored at 1,180, then again from an older backup at 900: records after 900 of "a" may be missing.
        #expect(lineage.divergence(since: "a") == 900)
        #expect(lineage.divergence(since: "b") == 900)
        #expect(Array(lineage.prefix(2)).divergence(since: "a") == 1_180)
    }

    @Test func aReplicaOfAHistoryTheServerNeverHadSharesNothing() {
        #expect(lineage.divergence(since: "another server's") == 0)
    }
}
