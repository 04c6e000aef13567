import Foundation
import SyncClient
import TestSupport
import Testing

/// `bulletin conflicts show` on a long article prints the differing places — a few words of context and the
/// paragraph they are in — not the whole article four times (issue 11, item 10).
@Suite(.timeLimit(.minutes(1))) struct ConflictShowTests {
    static let paragraphs = (1...8).map { number in
        "Đoạn \(number): Theo báo cáo của Sở Tư pháp, trong 8 tháng đầu năm 2024 toàn tỉnh đã tiếp nhận và giải "
            + "quyết \(number * 1_000) hồ sơ đề nghị cấp phiếu lý lịch tư pháp, chủ yếu qua dịch vụ công trực tuyến."
    }

    @Test func onlyTheDifferingHunksWithContextAndTheirParagraph() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        let article = try hong.store.addArticle(
            issue: "2024-09-05", section: 1, title: "Lý lịch tư pháp",
            paragraphs: Self.paragraphs, source: nil
        ).id
        try await withServer(in: directory.file("server")) { server in
            try await withTimeout {
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                // The same figure of paragraph 5, changed two ways offline.
                var mine = Self.paragraphs
                mine[4] = mine[4].replacingOccurrences(of: "5000 hồ sơ", with: "5100 hồ sơ")
                var theirs = Self.paragraphs
                theirs[4] = theirs[4].replacingOccurrences(of: "5000 hồ sơ", with: "5200 hồ sơ")
                try khang.store.editArticle(article, paragraphs: theirs)
                try hong.store.editArticle(article, paragraphs: mine)
                try await khang.sync(port: server.port)
                try await hong.sync(port: server.port)
            }
        }
        let conflict = try #require(try hong.store.conflicts().first)
        let shown = try BulletinCommandLine().output("conflicts", "show", conflict.id, "--store", hong.store.path)
        #expect(shown.contains("¶5  …tiếp nhận và giải quyết [-5000-]{+5100+} hồ sơ đề nghị cấp…"), "\(shown)")
        #expect(shown.contains("¶5  …tiếp nhận và giải quyết [-5000-]{+5200+} hồ sơ đề nghị cấp…"), "\(shown)")
        // No paragraph is printed whole: neither the changed one nor any other.
        #expect(!shown.contains("Đoạn 1"))
        #expect(!shown.contains("Đoạn 5: Theo báo cáo"))
        #expect(!shown.contains("dịch vụ công trực tuyến"))
        #expect(shown.split(separator: "\n").count < 20, "\(shown)")
    }
}
