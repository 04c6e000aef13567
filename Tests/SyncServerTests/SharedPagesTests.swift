import NIOConcurrencyHelpers
import SyncProtocol
import Testing

@testable import SyncServer

/// A page many sessions pull at once is read and encoded once (issue 14, fan-out).
@Suite struct SharedPagesTests {
    static func key(since: Int64) -> SharedPages.Key {
        SharedPages.Key(since: since, bound: 10, filter: nil, limits: PageLimits(maxChanges: 10, maxBytes: 1 << 20))
    }

    @Test func concurrentPullsOfOnePageReadItOnceAndShareItsFrame() async throws {
        let pages = SharedPages()
        let reads = NIOLockedValueBox(0)
        let make: @Sendable () async throws -> (Changes, bytes: Int) = {
            reads.withLockedValue { $0 += 1 }
            return (Changes(fromSeq: 3, toSeq: 10, more: false, changes: [], headSeq: 10), 0)
        }
        let frames = try await withThrowingTaskGroup(of: SharedFrame?.self) { group in
            for _ in 0..<50 {
                group.addTask { try await pages.page(Self.key(since: 3), make: make).0.shared }
            }
            return try await group.reduce(into: [SharedFrame?]()) { $0.append($1) }
        }
        #expect(reads.withLockedValue { $0 } == 1)
        #expect(frames.allSatisfy { $0 != nil && $0 === frames.first! })
        _ = try await pages.page(Self.key(since: 4), make: make)
        #expect(reads.withLockedValue { $0 } == 2, "another cursor is another page")
    }

    @Test func aFailedReadIsNotKept() async throws {
        struct Failed: Error {}
        let pages = SharedPages()
        await #expect(throws: Failed.self) {
            _ = try await pages.page(Self.key(since: 1)) { throw Failed() }
        }
        let page = try await pages.page(Self.key(since: 1)) {
            (Changes(fromSeq: 1, toSeq: 10, more: false, changes: []), 0)
        }
        #expect(page.0.toSeq == 10)
    }

    @Test func theOldestPagesMakeRoomForNewOnes() async throws {
        let pages = SharedPages()
        let reads = NIOLockedValueBox(0)
        let make: @Sendable () async throws -> (Changes, bytes: Int) = {
            reads.withLockedValue { $0 += 1 }
            return (Changes(fromSeq: 0, toSeq: 10, more: false, changes: []), 0)
        }
        for since in 0...Int64(SharedPages.capacity) { _ = try await pages.page(Self.key(since: since), make: make) }
        _ = try await pages.page(Self.key(since: Int64(SharedPages.capacity)), make: make)
        #expect(reads.withLockedValue { $0 } == SharedPages.capacity + 1)
        _ = try await pages.page(Self.key(since: 0), make: make)
        #expect(reads.withLockedValue { $0 } == SharedPages.capacity + 2, "the first page was dropped")
    }
}
