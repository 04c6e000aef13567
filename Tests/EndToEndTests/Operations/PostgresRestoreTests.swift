import BulletinCore
import Foundation
import GRDB
import PostgresTestSupport
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// A PostgreSQL store brought back with PostgreSQL's own tools (`pg_dump`, `pg_restore`) has lost what was
/// acknowledged after the dump; once an operator marks it restored (`bulletin-server restored`), the editors'
/// replicas offer it again and nothing is lost (PROTOCOL.md section 12.5).
@Suite(
    .timeLimit(.minutes(2)),
    .enabled(
        if: TestPostgres.url != nil, "BULLETIN_TEST_POSTGRES_URL is not set: the PostgreSQL store cases are skipped"))
struct PostgresRestoreTests {
    @Test func aDumpRestoredAndMarkedRestoredGetsBackEverythingTheReplicasHeld() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        let dump = directory.file("bulletin.dump")
        try await ScratchDatabase.with(.postgres) { original in
            try await ScratchDatabase.with(.postgres) { restored in
                let originalURL = try #require(original)
                let restoredURL = try #require(restored)
                try await withServer(in: directory.file("original"), database: originalURL) { server in
                    try await withTimeout {
                        try hong.draftSampleIssue()
                        try await hong.sync(port: server.port)
                        try await khang.sync(port: server.port)
                        // The nightly dump, taken while the server runs.
                        let dumped = try await BuiltBinaries.runTool("pg_dump", ["-Fc", "-f", dump, originalURL])
                        #expect(dumped.status == 0, "\(dumped.standardError)")
                        // After it, all acknowledged: Khang adds an article, Hồng pulls it and retitles hers.
                        try khang.addIHanoiArticle()
                        try await khang.sync(port: server.port)
                        try await hong.sync(port: server.port)
                        try hong.store.editArticle("2024-09-05/1", title: "Tăng cường cải cách hành chính năm 2024")
                        try await hong.sync(port: server.port)
                    }
                }
                let held = try Set(hong.changeIDs()).union(khang.changeIDs())
                let loaded = try await BuiltBinaries.runTool(
                    "pg_restore", ["--no-owner", "--exit-on-error", "--dbname", restoredURL, dump])
                #expect(loaded.status == 0, "\(loaded.standardError)")

                // What the operator runs before starting the servers again.
                let marked = try await BuiltBinaries.run("bulletin-server", ["restored", "--database", restoredURL])
                #expect(marked.status == 0, "\(marked.standardError)")
                #expect(marked.standardOutput.contains("a new log epoch starts at seq 3"))

                try await withServer(in: directory.file("restored"), database: restoredURL) { server in
                    #expect(server.store.logEpochs.count == 2)
                    #expect(server.store.logEpochs.last?.fromSeq == 3)
                    #expect(
                        try await server.store.unlogged(held).count == 2, "the dump lacks the two changes made after it"
                    )
                    try await withTimeout {
                        let summary = try await khang.sync(port: server.port)
                        #expect(summary.reoffered > 0 && summary.reofferRefused == 0)
                        try await hong.sync(port: server.port)
                        try await khang.sync(port: server.port)
                    }
                    #expect(try await server.store.unlogged(held).isEmpty)
                    let contents = try hong.contents()
                    #expect(try khang.contents() == contents)
                    #expect(try await ReplicaContents.onServer(server, like: contents) == contents)
                    #expect(
                        try hong.store.issue("2024-09-05").articles.map(\.title)
                            == ["Tăng cường cải cách hành chính năm 2024", "iHanoi tiếp nhận phản ánh"])
                }
            }
        }
    }
}

extension ServerStore {
    /// Which of `changeIDs` the log does not hold, on either backend.
    fileprivate func unlogged(_ changeIDs: Set<String>) async throws -> Set<String> {
        try await backend.read { reader in
            try changeIDs.filter { try reader.seq(ofChange: $0) == nil }
        }
    }
}
