import Foundation
import PostgresTestSupport
import TestSupport
import Testing

@testable import SyncServer

/// Runs `body` with a new, empty store of `kind`, then closes it and throws it away (the temporary directory, or
/// the whole PostgreSQL database). The directory is given for both kinds: tests keep other files in it.
func withTestStore<Result: Sendable>(
    _ kind: StoreKind, _ body: (ServerStore, TemporaryDirectory) async throws -> Result
) async throws -> Result {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await ScratchDatabase.with(kind) { url in
        let store: ServerStore
        if let url {
            store = try await ServerStore.open(postgres: url)
        } else {
            store = try ServerStore(directory: directory.path)
        }
        do {
            let result = try await body(store, directory)
            try store.close()
            return result
        } catch {
            try? store.close()
            throw error
        }
    }
}

/// Says, in every run, whether the PostgreSQL cases ran.
@Suite struct PostgresAvailabilityTests {
    // Without BULLETIN_TEST_POSTGRES_URL the PostgreSQL cases of the store and end-to-end suites are not run; this
    // test shows up as skipped with that reason, so it is never silent. `bash Tests/run-all.sh` starts a
    // throwaway PostgreSQL and sets the variable.
    @Test(
        .enabled(
            if: TestPostgres.url != nil,
            "BULLETIN_TEST_POSTGRES_URL is not set: the PostgreSQL store cases are skipped (run `bash Tests/run-all.sh`)"
        ))
    func postgresCasesRun() async throws {
        try await withTestStore(.postgres) { store, _ in
            let head = try await store.headSeq()
            #expect(head == 0)
        }
    }

    // Under CI the PostgreSQL cases must run: a missing server is a failure there, not a skip.
    @Test(.enabled(if: TestPostgres.isCI, "runs under CI only (CI=true)")) func ciHasPostgres() {
        #expect(TestPostgres.url != nil, "CI must run the PostgreSQL cases: \(TestPostgres.variable) is not set")
    }
}
