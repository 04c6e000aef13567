import BulletinCore
import Foundation
import GRDB
import PostgresTestSupport
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// Article text travels as a text edit when that is smaller, and never at the price of an edit.
@Suite(.timeLimit(.minutes(1)))
struct CompactEditTests {
    static let body = VietnameseArticle.paragraphs

    /// Runs `body` with Hồng's issue of one long article, synced to Khang, in a newsroom whose server store is of
    /// `kind`.
    private func desk(
        _ kind: StoreKind, _ body: (Newsroom, LocalStore, LocalStore, String) async throws -> Void
    ) async throws {
        try await Newsroom.with(kind) { room in
            let (hong, khang, article) = try await Self.issue(in: room)
            try await body(room, hong, khang, article)
        }
    }

    private static func issue(in room: Newsroom) async throws -> (LocalStore, LocalStore, String) {
        let hong = try room.editor("Thanh Hồng")
        let khang = try room.editor("Minh Khang")
        try hong.createIssue(date: "2024-09-05")
        try hong.addSection(issue: "2024-09-05", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        let article = try hong.addArticle(
            issue: "2024-09-05", section: 1, title: "VNeID", paragraphs: Self.body,
            source: nil
        ).id
        try await room.syncAll(hong, khang)
        return (hong, khang, article)
    }

    @Test(arguments: StoreKind.available)
    func aSmallEditOfALongArticleIsPushedAndPulledAsATextEdit(_ kind: StoreKind) async throws {
        try await desk(kind) { room, hong, khang, article in
            var edited = Self.body
            edited[1] = edited[1].replacingOccurrences(of: "gần 63.000 hồ sơ", with: "gần 65.000 hồ sơ")
            try hong.editArticle(article, paragraphs: edited)
            let pushed = try #require(try hong.pendingChanges(maxCount: 10, maxBytes: 1 << 20).first)
            #expect(pushed.fields["paragraphs"]?.objectValue != nil, "the outbox sends an edit")
            let full = try #require(try hong.pendingSummary().first)
            #expect(full.bytes < 600, "the pushed record is small: \(full.bytes) bytes")

            try await room.sync.sync(hong)
            let stored = try await room.server.entityState(.article, id: article)
            #expect(
                stored?.state.fields["paragraphs"] == .array(edited.map(JSONValue.string)),
                "the server stores it whole")
            let clientID = try khang.clientID()
            let page = try await room.server.logPage(
                since: try khang.cursor(), bound: try await room.server.headSeq(),
                limits: PageLimits(maxChanges: 10, maxBytes: 1 << 20), editsFor: clientID)
            #expect(page.records.first?.fields["paragraphs"]?.objectValue != nil, "pulled as an edit")
            #expect(page.bytes < 700)
            try await room.sync.sync(khang)
            #expect(try khang.paragraphs(article) == edited)
        }
    }

    @Test(arguments: StoreKind.available)
    func anEditTheServerCannotRebuildIsSentAgainWholeAndNotLost(_ kind: StoreKind) async throws {
        try await desk(kind) { room, hong, _, article in
            var edited = Self.body
            edited[0] += " Thêm một câu."
            try hong.editArticle(article, paragraphs: edited)
            // Spoil the edit's base fingerprint: the server can no longer rebuild the text from it.
            let compact = try #require(try await hong.writer.read { db in try OutboxRecord.fetchOne(db)?.compact })
            let spoiled = compact.replacingOccurrences(
                of: #""h":"[0-9a-f]{16}""#, with: #""h":"0000000000000000""#, options: .regularExpression)
            #expect(spoiled != compact)
            try await hong.writer.write { db in
                try db.execute(sql: "UPDATE outbox SET compact = ?", arguments: [spoiled])
            }
            let batch = try hong.pendingChanges(maxCount: 10, maxBytes: 1 << 20)
            let outcome = try await room.server.push(batch)
            #expect(outcome.results.first?.status == .rejected)
            #expect(outcome.results.first?.code == "invalid_message")
            #expect(outcome.results.first?.reason?.contains("send the full value") == true)
            let ack = try hong.acknowledge(outcome.results)
            #expect(ack.resent == 1)
            #expect(try hong.pendingCount() == 1, "the change stays in the outbox")
            #expect(
                try hong.pendingChanges(maxCount: 10, maxBytes: 1 << 20).first?.fields["paragraphs"]
                    == .array(edited.map(JSONValue.string)), "and goes whole next time")
            try await room.sync.sync(hong)
            #expect(
                try await room.server.entityState(.article, id: article)?.state.fields["paragraphs"]
                    == .array(edited.map(JSONValue.string)))
            #expect(try hong.rejectedChanges().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aPulledEditThatDoesNotFitIsRefusedAndTheFullRecordApplies(_ kind: StoreKind) async throws {
        try await desk(kind) { room, hong, khang, article in
            var mine = Self.body
            mine[0] += " Khang bổ sung."
            try khang.editArticle(article, paragraphs: mine)  // not pushed yet
            var theirs = Self.body
            theirs[2] += " Hồng bổ sung."
            try hong.editArticle(article, paragraphs: theirs)
            try await room.sync.sync(hong)
            let cursor = try khang.cursor()
            let bound = try await room.server.headSeq()
            let limits = PageLimits(maxChanges: 10, maxBytes: 1 << 20)
            let compact = try await room.server.logPage(
                since: cursor, bound: bound, limits: limits,
                editsFor: try khang.clientID())
            #expect(throws: StoreError.staleTextEdit(changeID: compact.records[0].changeID)) {
                try khang.apply(
                    Changes(fromSeq: cursor, toSeq: compact.toSeq, more: false, changes: compact.records),
                    snapshot: false)
            }
            #expect(try khang.cursor() == cursor, "nothing of the refused page was applied")
            let full = try await room.server.logPage(since: cursor, bound: bound, limits: limits)
            try khang.apply(
                Changes(fromSeq: cursor, toSeq: full.toSeq, more: false, changes: full.records),
                snapshot: false)
            try await room.syncAll(khang, hong)
            let merged = Self.body.enumerated().map { index, paragraph in
                index == 0 ? mine[0] : index == 2 ? theirs[2] : paragraph
            }
            #expect(try khang.paragraphs(article) == merged)
            #expect(try hong.paragraphs(article) == merged)
        }
    }
}

/// A long real article (from the sample bulletin of 5 September 2024).
enum VietnameseArticle {
    static let paragraphs = [
        "Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VNeID đem lại "
            + "những kết quả và lợi ích to lớn cho người dân, xã hội, từ 1/10 tới đây, hoạt động này sẽ được nhân "
            + "rộng ra trên toàn quốc.",
        "Thống kê của Cục Cảnh sát Quản lý hành chính về Trật tự xã hội, Bộ Công an, đến thời điểm này, việc cấp "
            + "Phiếu lý lịch tư pháp trên VNeID tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, trong đó yêu cầu cấp "
            + "trên ứng dụng VNeID là 43.183 hồ sơ, chiếm 69,3%.",
        "Đánh giá của đồng chí Phạm Thị Thanh Hương, Phó Giám đốc Sở Tư pháp, UBND TP Hà Nội cho thấy, việc triển "
            + "khai cấp Phiếu lý lịch tư pháp trên VNeID đã mang lại rất nhiều tiện ích to lớn cho người dân.",
        "Kể từ khi thí điểm cấp Phiếu lý lịch tư pháp trên VNeID, cảnh tượng người dân phải xếp hàng từ sáng sớm, "
            + "ùn tắc tại những điểm cấp Phiếu lý lịch tư pháp như ngày xưa đã không còn.",
    ]
}
