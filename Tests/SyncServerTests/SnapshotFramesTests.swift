import NIOCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Snapshot pages are kept encoded while the log's head stays put (issue 14, the initial pull).
@Suite(.timeLimit(.minutes(1))) struct SnapshotFramesTests {
    private static let codec = FrameCodec(compressionLevel: 3)

    private static func key(_ resume: String?) -> SnapshotFrames.Key {
        SnapshotFrames.Key(
            since: 0, resume: resume, filter: nil, limits: PageLimits(maxChanges: 10, maxBytes: 1 << 20))
    }

    /// A page as the session keeps it, and the message it sends with the frame attached.
    private static func page(more: Bool, bytes: Int = 100) -> (SnapshotFrames.Page, Changes) {
        var factory = ChangeFactory()
        let records = [factory.issue(ChangeFactory.newID(), date: "2024-09-05")]
        var message = Changes(
            fromSeq: 0, toSeq: more ? 0 : 7, more: more, changes: records, resume: more ? "next" : nil, headSeq: 7)
        let frame = SharedFrame()
        message.shared = frame
        var standIn = message
        standIn.changes = []
        standIn.shared = nil
        return (SnapshotFrames.Page(frame: frame, standIn: standIn, records: records.count, bytes: bytes), message)
    }

    private static func encode(_ message: Changes) -> ByteBuffer {
        var buffer = ByteBuffer()
        MessageFrameEncoder(codec: codec).encode(data: .changes(message), out: &buffer)
        return buffer
    }

    @Test func aKeptPageIsOfferedOnceItsFrameIsMadeAndSendsTheWholePage() throws {
        let frames = SnapshotFrames(codec: Self.codec)
        let (page, message) = Self.page(more: true)
        frames.keep(page, for: Self.key(nil), head: 7)
        #expect(frames.page(Self.key(nil)) == nil, "not before a connection has encoded it")
        let sent = Self.encode(message)
        let (kept, head) = try #require(frames.page(Self.key(nil)))
        #expect(head == 7)
        var standIn = kept.standIn
        standIn.shared = kept.frame
        #expect(standIn.changes.isEmpty)
        #expect(Self.encode(standIn) == sent, "the stand-in goes out as the page's own frame, records included")
        #expect(frames.page(Self.key("next")) == nil)
    }

    @Test func aPageOfANewerHeadDropsThoseOfOlderOnes() throws {
        let frames = SnapshotFrames(codec: Self.codec)
        let (first, firstMessage) = Self.page(more: true)
        frames.keep(first, for: Self.key(nil), head: 7)
        _ = Self.encode(firstMessage)
        let (second, secondMessage) = Self.page(more: false)
        frames.keep(second, for: Self.key("next"), head: 8)
        _ = Self.encode(secondMessage)
        #expect(frames.page(Self.key(nil)) == nil)
        #expect(frames.page(Self.key("next"))?.head == 8)
        let (late, lateMessage) = Self.page(more: true)
        frames.keep(late, for: Self.key(nil), head: 7)
        _ = Self.encode(lateMessage)
        #expect(frames.page(Self.key(nil)) == nil, "a page read before the newest head is not kept")
    }

    @Test func theOldestPagesMakeRoomWithinTheBudget() throws {
        let frames = SnapshotFrames(codec: Self.codec)
        let half = SnapshotFrames.budget / 2 + 1
        for resume in [nil, "a", "b"] {
            let (page, message) = Self.page(more: true, bytes: half)
            frames.keep(page, for: Self.key(resume), head: 7)
            _ = Self.encode(message)
        }
        #expect(frames.page(Self.key(nil)) == nil)
        #expect(frames.page(Self.key("a")) == nil)
        #expect(frames.page(Self.key("b")) != nil)
    }

    @Test(arguments: StoreKind.available)
    func aSecondSnapshotIsTheSameAndAPushIsSeenByTheNext(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                var expected: [String] = []
                for date in ["2024-09-05", "2024-09-04", "2024-09-03"] {
                    expected += try await ServerStoreSnapshotTests.pushIssue(server.store, &factory, date: date)
                }
                let snapshot = Pull(since: 0, maxChanges: 3, maxBytes: 1 << 20, snapshot: true)
                func pullSnapshot() async throws -> [Changes] {
                    try await TestClient.with(port: server.port) { client in
                        _ = try await client.handshake()
                        return try await client.pull(snapshot)
                    }
                }
                let first = try await pullSnapshot()
                #expect(first.flatMap(\.changes).map(\.entityID) == expected)
                let second = try await pullSnapshot()
                #expect(second == first)
                // The log moves: the kept pages are of an older head and must not be sent again.
                let newer = try await ServerStoreSnapshotTests.pushIssue(server.store, &factory, date: "2024-09-06")
                let third = try await pullSnapshot()
                #expect(third.flatMap(\.changes).map(\.entityID) == newer + expected)
                #expect(third.last?.toSeq == 16)
                #expect(try await pullSnapshot() == third)
            }
        }
    }
}
