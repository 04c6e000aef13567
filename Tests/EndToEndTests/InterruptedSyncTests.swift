import BulletinCore
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct InterruptedSyncTests {
    /// Adds an issue with `count` articles to an editor's store.
    private func draft(_ editor: Editor, date: String, articles count: Int) throws {
        try editor.store.createIssue(date: date)
        try editor.store.addSection(issue: date, title: "CẢI CÁCH ĐỊA PHƯƠNG")
        for number in 1...count {
            try editor.store.addArticle(
                issue: date, section: 1, title: "Bài \(number): chuyển đổi số",
                paragraphs: ["Đoạn \(number) về cải cách hành chính."], source: nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func aPushWhoseAckIsLostIsAppliedOnceWhenRetried(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        try draft(hong, date: "2024-09-05", articles: 3)
        let pending = try hong.store.pendingChanges(maxCount: 100, maxBytes: 1 << 20)
        #expect(pending.count == 5)

        try await withServer(in: directory.file("server"), kind: kind) { server in
            let runner = hong.runner(port: server.port)
            let connector = SyncConnector(address: runner.address)
            // The push reaches the server and commits; the connection goes before its ack is read. The `pong`
            // answering the `ping` sent after the push proves the server handled the push first.
            try await withTimeout {
                try await connector.withConversation(hello: try runner.hello()) { conversation, _ in
                    try await conversation.send(.push(Push(batchID: "lost-ack", changes: pending)))
                    _ = try await conversation.request(
                        .ping(Ping(nonce: 7)), timeout: .seconds(10),
                        awaiting: "pong"
                    ) { reply -> Bool? in
                        if case .pong(let pong) = reply, pong.nonce == 7 { return true }
                        return nil
                    }
                }
            }
            let headAfterLostAck = try await server.store.headSeq()
            #expect(headAfterLostAck == 5)
            #expect(try hong.store.pendingCount() == 5, "without an ack the outbox keeps every change")

            let retry = try await withTimeout { try await hong.sync(port: server.port) }
            #expect(retry.pushed == 5)
            #expect(retry.accepted == 5)
            #expect(try await server.store.headSeq() == headAfterLostAck, "the retry adds nothing to the log")
            #expect(try hong.store.pendingCount() == 0)
            #expect(try await ReplicaContents.onServer(server, like: hong.contents()) == hong.contents())
        }
    }

    @Test(arguments: StoreKind.available)
    func aPullCutAfterOnePageResumesAtTheCursor(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout { try await khang.sync(port: server.port) }  // initial sync of an empty server
            try draft(hong, date: "2024-09-05", articles: 8)
            try await withTimeout { try await hong.sync(port: server.port) }

            let runner = khang.runner(port: server.port)
            let firstPage = try await withTimeout {
                try await SyncConnector(address: runner.address).withConversation(hello: try runner.hello()) {
                    conversation, _ in
                    try await conversation.send(.pull(Pull(since: 0, maxChanges: 3, maxBytes: 1 << 20)))
                    let page = try await conversation.awaitReply(timeout: .seconds(10), awaiting: "changes") {
                        reply -> Changes? in
                        if case .changes(let page) = reply { return page }
                        return nil
                    }
                    try khang.store.apply(page, snapshot: false)
                    return page
                }  // the connection closes here, mid-pull
            }
            #expect(firstPage.more)
            #expect(try khang.store.cursor() == firstPage.toSeq)

            let rest = try await withTimeout { try await khang.sync(port: server.port) }
            #expect(!rest.snapshot)
            #expect(rest.pulled == 10 - firstPage.changes.count)
            #expect(try khang.store.cursor() == 10)
            #expect(try khang.contents() == hong.contents())
        }
    }

    @Test(arguments: StoreKind.available)
    func anInterruptedSnapshotResumesWithItsToken(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try draft(hong, date: "2024-09-05", articles: 4)
        try draft(hong, date: "2024-09-06", articles: 4)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout { try await hong.sync(port: server.port) }
            let runner = khang.runner(port: server.port)
            let firstPage = try await withTimeout {
                try await SyncConnector(address: runner.address).withConversation(hello: try runner.hello()) {
                    conversation, _ in
                    try await conversation.send(
                        .pull(
                            Pull(
                                since: 0, maxChanges: 4, maxBytes: 1 << 20,
                                snapshot: true)))
                    let page = try await conversation.awaitReply(timeout: .seconds(10), awaiting: "changes") {
                        reply -> Changes? in
                        if case .changes(let page) = reply { return page }
                        return nil
                    }
                    try khang.store.apply(page, snapshot: true)
                    return page
                }
            }
            #expect(firstPage.more)
            #expect(firstPage.resume != nil)
            // Newest issue first: the first page starts with the issue of 2024-09-06.
            #expect(firstPage.changes.first?.fields["date"] == .string("2024-09-06"))
            #expect(try khang.store.syncCursor().snapshotResume == firstPage.resume)
            #expect(try khang.store.cursor() == 0, "the cursor moves only when the snapshot completes")

            let rest = try await withTimeout { try await khang.sync(port: server.port) }
            #expect(rest.snapshot)
            #expect(rest.pulled == 12 - firstPage.changes.count)
            #expect(try khang.store.cursor() == (try await server.store.headSeq()))
            #expect(try khang.contents() == hong.contents())
        }
    }
}
