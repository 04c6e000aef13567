import BulletinCore
import Logging
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct LiveSyncTests {
    @Test(arguments: StoreKind.available)
    func aWatchingEditorReceivesAnotherEditorsChange(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            let (activity, reported) = AsyncStream.makeStream(of: SyncSummary.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await khang.runner(port: server.port).watch { reported.yield($0) }
                }
                try await withTimeout {
                    var events = activity.makeAsyncIterator()
                    _ = await events.next()  // the watcher's first sync is done and it has subscribed
                    try hong.store.createIssue(date: "2024-09-05")
                    try hong.store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH")
                    try await hong.sync(port: server.port)
                    while try khang.store.issueSummaries().first?.sections != 1 {
                        guard await events.next() != nil else { throw WatchEnded() }
                    }
                }
                group.cancelAll()
            }
            #expect(try khang.contents() == hong.contents())
        }
    }

    /// `bulletin sync --watch` in one terminal, `bulletin issue new` in another: the other process's commit wakes
    /// the watching loop (inotify on the store file, which that process touches after its commit), which pushes at
    /// once — nothing looks on a timer, so without the wake-up this would wait until the time limit.
    @Test func anEditMadeByAnotherProcessIsPushedAtOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        try await withServer(in: directory.file("server")) { server in
            let (activity, reported) = AsyncStream.makeStream(of: SyncSummary.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await hong.runner(port: server.port).watch { reported.yield($0) }
                }
                try await withTimeout {
                    var events = activity.makeAsyncIterator()
                    _ = await events.next()
                    let made = try await BuiltBinaries.run(
                        "bulletin",
                        [
                            "issue", "new", "--store", hong.store.path,
                            "--date", "2024-09-10",
                        ])
                    #expect(made.status == 0, "\(made.standardError)")
                    while try await server.store.headSeq() < 1 || hong.store.pendingCount() > 0 {
                        guard await events.next() != nil else { throw WatchEnded() }
                    }
                }
                group.cancelAll()
            }
            #expect(try await server.store.headSeq() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aWatchingEditorPushesLocalChangesAsTheyAreMade(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            let (activity, reported) = AsyncStream.makeStream(of: SyncSummary.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await hong.runner(port: server.port).watch { reported.yield($0) }
                }
                try await withTimeout {
                    var events = activity.makeAsyncIterator()
                    _ = await events.next()
                    try hong.store.createIssue(date: "2024-09-09")
                    // Each activity report comes after a push was acknowledged (or a pull applied), so the outbox
                    // is checked only once the watcher itself says it has done something.
                    while try await server.store.headSeq() < 1 || hong.store.pendingCount() > 0 {
                        guard await events.next() != nil else { throw WatchEnded() }
                    }
                }
                group.cancelAll()
            }
            #expect(try hong.store.pendingCount() == 0)
        }
    }

    @Test func anUnsupportedProtocolVersionIsAClearErrorOnBothSides() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let logs = CapturedLogs()
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory.file("server"))
        try await Server.withRunning(
            configuration: configuration, logger: logs.logger(), authenticator: AllowAllAuthenticator()
        ) { server in
            let connector = SyncConnector(address: ServerAddress(host: "127.0.0.1", port: server.port))
            let hello = Hello(
                versions: [7, 8], clientID: "9d3c1a2e-0000-4000-8000-000000000001",
                appVersion: "bulletin/9.0", schemaVersion: 1)
            let error = await #expect(throws: SyncError.self) {
                try await withTimeout { try await connector.withConversation(hello: hello) { _, _ in } }
            }
            guard case .server(let message)? = error else {
                Issue.record("expected a server error, got \(String(describing: error))")
                return
            }
            #expect(message.name == "unsupported_version")
            #expect(message.code == ErrorCode.unsupportedVersion.rawValue)
            #expect(message.message.contains("[1]"), "the error names the versions the server speaks")
            #expect(error?.description.contains("unsupported_version") == true)
        }
        #expect(
            logs.lines.contains { line in
                line.message == "closing after error" && line.metadata["error.name"] == "unsupported_version"
            })
    }

    /// A watching loop pulls from the cursor it last left, without reading it first; another process may have moved
    /// the store's cursor on meanwhile. Pulling from behind the store's cursor must leave the store as it was (each
    /// record held once) and report the store's cursor, not the stale one.
    @Test(arguments: StoreKind.available)
    func aPullFromAStaleCursorTakesNothingTwiceAndReportsTheStoresCursor(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try hong.store.createIssue(date: "2024-09-05")
            try hong.store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH")
            try await hong.sync(port: server.port)
            let first = try await khang.sync(port: server.port)
            try hong.store.addSection(issue: "2024-09-05", title: "TIN TỨC")
            try await hong.sync(port: server.port)
            let head = try await server.store.headSeq()
            #expect(head > first.cursor)

            let runner = khang.runner(port: server.port)
            let engine = SyncEngine(replica: khang.store, options: SyncOptions(), logger: quietLogger)
            let connector = SyncConnector(address: runner.address, options: SyncOptions())
            let summary = try await withTimeout {
                try await connector.withConversation(hello: try runner.hello()) { conversation, welcome in
                    var summary = SyncSummary()
                    try await engine.pullAll(
                        conversation, welcome: welcome, into: &summary, from: SyncCursor(seq: 0, initialized: true))
                    return summary
                }
            }
            #expect(summary.cursor == head)
            #expect(try khang.store.syncCursor().seq == head)
            #expect(try khang.contents() == hong.contents())
            #expect(try khang.store.issue("2024-09-05").sections.count == 2)
        }
    }
}

/// The watch loop stopped reporting before the expected state was reached.
struct WatchEnded: Error {}
