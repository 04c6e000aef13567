import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct ServerSyncTests {
    private static let roomy = (changes: 1000, bytes: 1 << 22)

    @Test(arguments: StoreKind.available)
    func aPushIsAcknowledgedAndAPullSeesIt(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let issue = ChangeFactory.newID()
                let section = ChangeFactory.newID()
                let changes = [factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue)]
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    let ack = try await client.push(changes, batchID: "b-1")
                    #expect(ack.batchID == "b-1")
                    #expect(ack.results.map(\.status) == [.applied, .applied])
                    #expect(ack.results.map(\.seq) == [1, 2])
                    #expect(ack.headSeq == 2)
                }
                try await TestClient.with(port: server.port) { other in
                    #expect(try await other.handshake().headSeq == 2)
                    let pages = try await other.pull(
                        Pull(
                            since: 0, maxChanges: Self.roomy.changes,
                            maxBytes: Self.roomy.bytes))
                    #expect(pages.count == 1)
                    #expect(pages[0].changes.map(\.changeID) == changes.map(\.changeID))
                    #expect(pages[0].changes.map(\.seq) == [1, 2])
                    #expect(pages[0].fromSeq == 0)
                    #expect(pages[0].toSeq == 2)
                    #expect(pages[0].more == false)
                    #expect(pages[0].headSeq == 2)
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aRepeatedPushIsAnsweredDuplicateWithTheOriginalSeqs(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let changes = [factory.issue(ChangeFactory.newID(), date: "2024-09-05")]
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    _ = try await client.push(changes)
                }
                // The first ack was "lost": a new connection sends the same batch again.
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    let again = try await client.push(changes)
                    #expect(again.results.map(\.status) == [.duplicate])
                    #expect(again.results.map(\.seq) == [1])
                    #expect(again.headSeq == 1)
                }
                #expect(try await server.store.headSeq() == 1)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aBatchWithOneRejectedChangeAppliesTheRest(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let issue = ChangeFactory.newID()
                var broken = factory.section(ChangeFactory.newID(), issue: issue)
                broken.fields["title"] = 7
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    let ack = try await client.push([
                        factory.issue(issue, date: "2024-09-05"), broken,
                        factory.section(ChangeFactory.newID(), issue: issue),
                    ])
                    #expect(ack.results.map(\.status) == [.applied, .rejected, .applied])
                    #expect(ack.results.map(\.seq) == [1, nil, 2])
                    #expect(ack.results[1].code == "wrong_type")
                    #expect(ack.results[1].reason == "field 'title' must be a string")
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aPullIsStreamedInPagesWithinTheRequestedLimits(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let changes = (1...7).map { factory.issue(ChangeFactory.newID(), date: "2024-09-0\($0)") }
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    _ = try await client.push(changes)
                    let byCount = try await client.pull(Pull(since: 1, maxChanges: 2, maxBytes: 1 << 20))
                    #expect(byCount.map(\.changes.count) == [2, 2, 2])
                    #expect(byCount.map(\.more) == [true, true, false])
                    #expect(byCount.map(\.fromSeq) == [1, 3, 5])
                    #expect(byCount.map(\.toSeq) == [3, 5, 7])
                    let byBytes = try await client.pull(Pull(since: 0, maxChanges: 100, maxBytes: 10))
                    #expect(byBytes.map(\.changes.count) == Array(repeating: 1, count: 7))
                    #expect(byBytes.flatMap(\.changes).map(\.changeID) == changes.map(\.changeID))
                    // Still in step: the next request is answered normally after the streams.
                    try await client.send(.ping(Ping(nonce: 3)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 3)))
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aSnapshotArrivesNewestIssueFirstAndResumesOnANewConnection(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                var expected: [String] = []
                for date in ["2024-09-05", "2024-09-04", "2024-09-03"] {
                    // Pushed oldest last; the walk order is by date.
                    expected += try await ServerStoreSnapshotTests.pushIssue(server.store, &factory, date: date)
                }
                let snapshot = Pull(since: 0, maxChanges: 3, maxBytes: 1 << 20, snapshot: true)
                let interrupted = try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    // Read two pages, then drop the connection mid-snapshot.
                    return try await client.pull(snapshot, stopAfter: 2)
                }
                #expect(interrupted.allSatisfy { $0.more && $0.toSeq == 0 && $0.headSeq == 12 })
                let token = try #require(interrupted.last?.resume)
                let resumed = try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    var resume = snapshot
                    resume.resume = token
                    return try await client.pull(resume)
                }
                #expect(resumed.map(\.more) == [true, false])
                #expect(resumed.last?.toSeq == 12)
                #expect(resumed.last?.resume == nil)
                let ids = (interrupted + resumed).flatMap(\.changes).map(\.entityID)
                #expect(ids == expected)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aBadResumeTokenIsAnErrorButNotTheEndOfTheConnection(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    try await client.send(
                        .pull(
                            Pull(
                                since: 0, maxChanges: 3, maxBytes: 100, snapshot: true,
                                resume: "garbage")))
                    #expect(try await client.expectError().name == "invalid_message")
                    try await client.send(.ping(Ping(nonce: 1)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 1)))
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aSubscriberIsNotifiedWhenAnotherClientPushes(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let change = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
                try await TestClient.with(port: server.port) { watcher in
                    _ = try await watcher.handshake()
                    try await watcher.send(.subscribe(Subscribe(since: 0)))
                    // A ping answered means the subscription is in place before the other client pushes.
                    try await watcher.send(.ping(Ping(nonce: 1)))
                    #expect(try await watcher.receive() == .pong(Ping(nonce: 1)))
                    try await TestClient.with(port: server.port) { editor in
                        _ = try await editor.handshake()
                        _ = try await editor.push([change])
                    }
                    #expect(try await watcher.receive() == .notify(Notify(headSeq: 1)))
                    // Subscribing again behind the head is answered at once.
                    try await watcher.send(.subscribe(Subscribe(since: 0)))
                    #expect(try await watcher.receive() == .notify(Notify(headSeq: 1)))
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func framesLargerThanThePreAuthenticationLimitAreAcceptedAfterWelcome(_ kind: StoreKind) async throws {
        try await withTimeout {
            try await withTestServer(kind) { server in
                var factory = ChangeFactory()
                let issue = ChangeFactory.newID()
                let section = ChangeFactory.newID()
                var article = factory.article(ChangeFactory.newID(), issue: issue, section: section)
                // ~400 KB of text that does not compress away: above the 256 KiB pre-authentication limit.
                var generator = SystemRandomNumberGenerator()
                let words = (0..<40_000).map { _ in String(UInt32.random(in: 0...UInt32.max, using: &generator)) }
                article.fields["paragraphs"] = .array([.string(words.joined(separator: " "))])
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    let ack = try await client.push([
                        factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue), article,
                    ])
                    #expect(ack.results.map(\.status) == [.applied, .applied, .applied])
                }
            }
        }
    }
}
