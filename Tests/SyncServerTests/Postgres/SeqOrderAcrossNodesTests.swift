import BulletinCore
import Foundation
import NIOConcurrencyHelpers
import PostgresTestSupport
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Several nodes on one PostgreSQL database keep one log: gap-free, and visible in seq order. The trap: a seq
/// allocated first can commit last, and a reader that saw the higher seq then skips the lower one for ever.
@Suite(
    .timeLimit(.minutes(1)),
    .enabled(if: TestPostgres.url != nil, "BULLETIN_TEST_POSTGRES_URL is not set: the multi-node cases are skipped"))
struct SeqOrderAcrossNodesTests {
    /// Node A's push is held after appending seq 1, before its commit. Node B's push must wait for it (the append
    /// lock), not take seq 2 and commit first; meanwhile no reader sees anything of either.
    @Test func aPushOnAnotherNodeWaitsUntilTheLowerSeqCommitted() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            let nodeA = try await ServerStore.open(postgres: url)
            let nodeB = try await ServerStore.open(postgres: url)
            defer {
                try? nodeA.close()
                try? nodeB.close()
            }
            let backendA = try #require(nodeA.backend as? PostgresBackend)
            let (atCommit, reachedCommit) = AsyncStream.makeStream(of: Void.self)
            let release = DispatchSemaphore(value: 0)
            let once = NIOLockedValueBox(false)
            backendA.beforeAppendCommit.withLockedValue {
                $0 = {
                    guard
                        once.withLockedValue({ fired in
                            defer { fired = true }
                            return !fired
                        })
                    else { return }
                    reachedCommit.yield()
                    release.wait()
                }
            }
            var factory = ChangeFactory()
            let first = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
            let second = factory.issue(ChangeFactory.newID(), date: "2024-09-06")
            async let pushA = nodeA.push([first])
            var events = atCommit.makeAsyncIterator()
            _ = await events.next()
            // A holds seq 1, uncommitted. B's push starts and must queue on the append lock.
            async let pushB = nodeB.push([second])
            while try await TestPostgres.integer(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", in: url) != 1
            {}
            #expect(try await nodeB.headSeq() == 0, "nothing is visible before seq 1 commits")
            let page = try await nodeB.logPage(
                since: 0, bound: .max, limits: PageLimits(maxChanges: 10, maxBytes: 1 << 20))
            #expect(page.records.isEmpty)
            release.signal()
            let (a, b) = try await (pushA, pushB)
            #expect(a.results.map(\.seq) == [1])
            #expect(b.results.map(\.seq) == [2], "B appended after A committed, so its seq is the next one")
            #expect(try await nodeA.logSeqs() == [1, 2])
        }
    }

    /// Two nodes, eight concurrent pushers and a reader that follows the head: every page the reader reads from its
    /// cursor to the head it saw is gap-free, so it never skips a change, and the log ends gap-free.
    @Test func concurrentPushesOnTwoNodesAreReadInOrderWithoutGaps() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            let nodes = [try await ServerStore.open(postgres: url), try await ServerStore.open(postgres: url)]
            defer { for node in nodes { try? node.close() } }
            let pushers = 8
            let batches = 15
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pusher in 0..<pushers {
                    group.addTask {
                        var factory = ChangeFactory()
                        for day in 0..<batches {
                            let issue = factory.issue(
                                ChangeFactory.newID(), date: String(format: "2024-%02d-%02d", pusher + 1, day + 1))
                            let outcome = try await nodes[pusher % 2].push([issue])
                            #expect(outcome.results.first?.status == .applied)
                        }
                    }
                }
                group.addTask {
                    // The reader, on node B: pulls from its cursor up to the head it read, like a session.
                    var cursor: Int64 = 0
                    let limits = PageLimits(maxChanges: 1000, maxBytes: 1 << 24)
                    while cursor < Int64(pushers * batches) {
                        let head = try await nodes[1].headSeq()
                        let page = try await nodes[1].logPage(since: cursor, bound: head, limits: limits)
                        let expected: [Int64] = head > cursor ? Array((cursor + 1)...head) : []
                        #expect(page.records.compactMap(\.seq) == expected, "every seq up to the head is visible")
                        cursor = page.toSeq
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await nodes[0].logSeqs() == (1...Int64(pushers * batches)).map { $0 })
        }
    }
}
