import Foundation
import NIOConcurrencyHelpers

/// When each account last finished a pull, kept in the store so that an operator sees a field office that stopped
/// syncing (`bulletin_field_office_sync_age_seconds`), across restarts.
///
/// Written at most once a minute per account: a field office pulls on every new publication, and each write is a
/// transaction on the one writer.
final class SyncRecency: Sendable {
    /// The least time between two writes for one account.
    static let interval: Duration = .seconds(60)

    private let written = NIOLockedValueBox<[String: ContinuousClock.Instant]>([:])

    /// Notes that `account` finished a pull now.
    func caughtUp(_ account: String, store: ServerStore) async throws {
        let now = ContinuousClock.now
        let due = written.withLockedValue { written in
            if let last = written[account], now - last < Self.interval { return false }
            written[account] = now
            return true
        }
        guard due else { return }
        try await store.noteSynced(account: account)
    }
}

extension ServerStore {
    /// Records that `account` finished a pull now.
    func noteSynced(account: String) async throws {
        let now = ServerClock.nowText()
        try await backend.write(appending: false) { store in
            try store.noteSynced(name: account, at: now)
        }
    }

    /// The longest time since a field-office account that is not `connected` now finished a pull (since it was
    /// made, when it never has), in seconds; 0 when there is none. Revoked accounts do not count.
    func longestFieldOfficeSyncAge(connected: Set<String>, now: Date = .now) async throws -> Double {
        let rows = try await backend.read { try $0.fieldOfficeSyncTimes() }
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return rows.reduce(0) { longest, row in
            guard !connected.contains(row.name), let since = try? format.parse(row.since) else {
                return longest
            }
            return max(longest, now.timeIntervalSince(since))
        }
    }

    /// The database's size in bytes (`bulletin_store_bytes`; on PostgreSQL the whole shared database).
    func databaseBytes() async throws -> Int64 {
        try await backend.read { try $0.databaseBytes() }
    }

    /// How many conflicts are open (not resolved, not deleted).
    func openConflictCount() async throws -> Int {
        try await backend.read { try $0.openConflictCount() }
    }
}
