import SyncProtocol

extension ServerStore {
    /// The seq of the newest `publication` record (0 when there is none): where field offices' notifications start.
    public func publicationHead() async throws -> Int64 {
        try await backend.read { try $0.publicationHead() }
    }

    /// One page of a field office's snapshot, starting at `position` (a new snapshot when `nil`).
    public func publicationSnapshotPage(
        from position: PublicationSnapshotPosition?, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> PublicationPage {
        try await backend.read { store in
            let start = try position ?? .start(headSeq: store.head())
            return try PublicationPager.page(from: start, limits: limits, filter: filter, store)
        }
    }

    /// The latest publication of an issue as logged, or `nil` when it was never published.
    public func latestPublication(issueID: String) async throws -> ChangeRecord? {
        try await backend.read { store in
            guard let row = try store.publication(issueID: issueID), let text = try store.record(atSeq: row.seq)
            else { return nil }
            return try RecordJSON.record(from: text)
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
