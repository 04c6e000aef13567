import GRDB
import SyncProtocol

extension ServerStore {
    /// The seq of the newest `publication` record (0 when there is none): where field offices' notifications start.
    public func publicationHead() async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM publication") ?? 0
        }
    }

    /// One page of a field office's snapshot, starting at `position` (a new snapshot when `nil`).
    public func publicationSnapshotPage(
        from position: PublicationSnapshotPosition?, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> PublicationPage {
        try await writer.read { db in
            let start = try position ?? .start(headSeq: ServerQueries.head(db))
            return try PublicationPager.page(from: start, limits: limits, filter: filter, db)
        }
    }

    /// The latest publication of an issue as logged, or `nil` when it was never published.
    public func latestPublication(issueID: String) async throws -> ChangeRecord? {
        try await writer.read { db in
            guard let row = try PublicationRow.fetchOne(db, key: issueID),
                  let text = try String.fetchOne(
                    db, sql: "SELECT record FROM change_log WHERE seq = ?", arguments: [row.seq])
            else { return nil }
            return try RecordJSON.decode(ChangeRecord.self, from: text)
        }
    }
}

extension PullFilter {
    /// This filter narrowed to `publication` records: what a field office's log pull may see.
    var publicationsOnly: PullFilter {
        let kinds = entities.map { $0.filter { $0 == .publication } } ?? [.publication]
        return PullFilter(entities: kinds, issues: issues)
    }
}
