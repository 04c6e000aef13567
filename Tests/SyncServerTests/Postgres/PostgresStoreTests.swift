import BulletinCore
import Foundation
import PostgresTestSupport
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// What only the PostgreSQL store has: its URL, its migrations, what nodes share, and losing the connection.
@Suite struct PostgresLocationTests {
    @Test func aURLGivesTheServerTheDatabaseAndTheTLSMode() throws {
        let plain = try PostgresLocation(url: "postgres://bulletin:s%C3%A9cret@db.example:5433/newsroom")
        #expect(plain.host == "db.example")
        #expect(plain.port == 5433)
        #expect(plain.user == "bulletin")
        #expect(plain.database == "newsroom")
        #expect(plain.sslMode == .disable)
        #expect(plain.description == "postgres://bulletin@db.example:5433/newsroom", "never the password")
        let tls = try PostgresLocation(url: "postgresql://bulletin@db.example/newsroom?sslmode=verify-full")
        #expect(tls.port == 5432)
        #expect(tls.sslMode == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://u@h/d?sslmode=require").sslMode == .require)
    }

    @Test(arguments: [
        "mysql://u@h/d", "postgres://h/d", "postgres://u@h", "postgres://u@h/d?sslmode=prefer", "not a url",
    ])
    func anUnusableURLIsRefusedWithTheReason(_ url: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: url) }
    }
}

@Suite(
    .timeLimit(.minutes(1)),
    .enabled(
        if: TestPostgres.url != nil, "BULLETIN_TEST_POSTGRES_URL is not set: the PostgreSQL store cases are skipped"))
struct PostgresStoreTests {
    @Test func nodesOnOneDatabaseShareTheServerIDTheSigningKeyAndTheMigrationsRunOnce() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            // Three nodes starting at once: one migrates, the others wait on the lock and find the schema made.
            async let a = ServerStore.open(postgres: url)
            async let b = ServerStore.open(postgres: url)
            async let c = ServerStore.open(postgres: url)
            let nodes = try await [a, b, c]
            defer { for node in nodes { try? node.close() } }
            #expect(Set(nodes.map(\.serverID)).count == 1)
            #expect(Set(nodes.map(\.publicationKey.base64)).count == 1)
            #expect(Set(nodes.map { $0.logEpochs.map(\.epoch) }).count == 1)
            #expect(
                try await TestPostgres.integer("SELECT COUNT(*) FROM bulletin_migration", in: url)
                    == Int64(PostgresSchema.migrations.count))
        }
    }

    @Test func aStoreDroppedWithoutClosingEndsItsConnectionsAndThreadsRatherThanStoppingTheProcess() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            do {
                let store = try await ServerStore.open(postgres: url)
                #expect(try await store.headSeq() == 0)
                // Dropped here with a connection idle and its threads running, as a test cut short by its time
                // limit drops its server: PostgresNIO's and NIO's assertions would stop this whole (debug) process.
            }
            // Still here, and the database is still usable.
            let again = try await ServerStore.open(postgres: url)
            defer { try? again.close() }
            #expect(try await again.headSeq() == 0)
        }
    }

    @Test func aDatabaseMigratedByANewerServerIsRefusedWithAClearMessage() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            try await ServerStore.open(postgres: url).close()
            _ = try await TestPostgres.integer(
                """
                INSERT INTO bulletin_migration (name, position, applied_at)
                VALUES ('pg99 from the future', 99, 'now') RETURNING position
                """, in: url)
            let error = await #expect(throws: PostgresStoreError.self) { try await ServerStore.open(postgres: url) }
            #expect(error?.description.contains("newer bulletin-server") == true)
            #expect(error?.description.contains("pg99 from the future") == true)
        }
    }

    @Test func aLostConnectionIsRemadeAndNoPushIsAcknowledgedUnlessCommitted() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            let store = try await ServerStore.open(postgres: url)
            defer { try? store.close() }
            var factory = ChangeFactory()
            let first = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
            #expect(try await store.push([first]).results.map(\.status) == [.applied])
            // PostgreSQL drops every connection of the store (a restart, a failover, an administrator).
            let name = String(url.split(separator: "/").last ?? "")
            _ = try await TestPostgres.integer(
                """
                SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = '\(name)' AND pid <> pg_backend_pid()
                """, in: url)
            let second = factory.issue(ChangeFactory.newID(), date: "2024-09-06")
            var outcome: PushOutcome?
            for _ in 0..<3 where outcome == nil {
                do {
                    outcome = try await store.push([second])
                } catch let error as PostgresStoreError {
                    // Retryable: the session answers `internal_error`, the client pushes again.
                    guard case .unavailable = error else { throw error }
                }
            }
            let results = try #require(outcome).results
            #expect(results.map(\.status) == [.applied] || results.map(\.status) == [.duplicate])
            #expect(try await store.push([second]).results.map(\.status) == [.duplicate])
            #expect(try await store.logSeqs() == [1, 2])
        }
    }
}
