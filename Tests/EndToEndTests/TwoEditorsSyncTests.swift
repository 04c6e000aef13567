import BulletinCore
import PostgresTestSupport
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct TwoEditorsSyncTests {
    @Test(arguments: StoreKind.available)
    func offlineEditsOnBothLaptopsConvergeThroughTheServer(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)

        // Both work offline first.
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH")
        try hong.store.addArticle(
            issue: "2024-09-05", section: 1, title: "Tăng cường cải cách hành chính",
            paragraphs: ["Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh."],
            source: Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]))
        try khang.store.createIssue(date: "2024-09-06")
        try khang.store.addSection(issue: "2024-09-06", title: "CẢI CÁCH ĐỊA PHƯƠNG")
        try khang.store.addArticle(
            issue: "2024-09-06", section: 1, title: "iHanoi đã tiếp nhận 5.700 phản ánh",
            paragraphs: ["Hệ thống iHanoi…"], source: nil)

        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout {
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                try await hong.sync(port: server.port)
            }
            let hongContents = try hong.contents()
            let khangContents = try khang.contents()
            #expect(hongContents.entities.count == 6)
            #expect(hongContents == khangContents)
            #expect(try await ReplicaContents.onServer(server, like: hongContents) == hongContents)
            #expect(
                try khang.store.issue("2024-09-05").articles.first?.paragraphs
                    == ["Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh."])
            #expect(try hong.store.pendingCount() == 0)
            #expect(try khang.store.pendingCount() == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func anEditAfterSyncTravelsAndKeepsPerFieldVersions(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "QUẢN LÝ HÀNH CHÍNH")
        try hong.store.addArticle(
            issue: "2024-09-05", section: 1, title: "Cán bộ ngồi 1 vị trí lâu",
            paragraphs: ["Hà Nội luân chuyển là cần thiết."], source: nil)
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout {
                try await hong.sync(port: server.port)
                let first = try await khang.sync(port: server.port)
                #expect(first.snapshot)
                #expect(first.pulled == 3)
                #expect(first.bytesReceived > 0 && first.bytesSent > 0)
                #expect(first.payloadBytes > 0, "the JSON moved is counted for the compression ratio")
                // Khang's edit names the versions the snapshot gave him; the server accepts it as a plain update.
                try khang.store.editArticle("2024-09-05/1", title: "Cán bộ ngồi một vị trí lâu")
                let second = try await khang.sync(port: server.port)
                #expect(second.pushed == 1)
                #expect(second.accepted == 1)
                #expect(!second.snapshot)
                try await hong.sync(port: server.port)
            }
            #expect(try hong.store.issue("2024-09-05").articles.first?.title == "Cán bộ ngồi một vị trí lâu")
            #expect(try hong.contents() == khang.contents())
            #expect(try await ReplicaContents.onServer(server, like: hong.contents()) == hong.contents())
        }
    }

    @Test(arguments: StoreKind.available)
    func aRestartedServerLosesNothing(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "PHÂN TÍCH – BÌNH LUẬN")
        let serverDirectory = directory.file("server")
        try await ScratchDatabase.with(kind) { database in
            let headBefore = try await withServer(in: serverDirectory, database: database) { server in
                try await withTimeout { try await hong.sync(port: server.port) }
                return try await server.store.headSeq()
            }
            try await withServer(in: serverDirectory, database: database) { server in
                #expect(try await server.store.headSeq() == headBefore)
                let summary = try await withTimeout { try await khang.sync(port: server.port) }
                #expect(summary.pulled == 2)
                #expect(try khang.contents() == hong.contents())
            }
        }
    }
}
