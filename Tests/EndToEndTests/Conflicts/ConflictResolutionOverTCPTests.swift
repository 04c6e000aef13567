import BulletinCore
import Foundation
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

/// Conflicts end to end over real TCP, driven through the `bulletin` commands' logic: two editors conflict, one
/// resolves, and a third editor sees the resolution.
@Suite(.timeLimit(.minutes(1)))
struct ConflictResolutionOverTCPTests {
    private func cli() -> BulletinCommandLine {
        BulletinCommandLine()
    }

    @Test(arguments: StoreKind.available)
    func twoEditorsConflictOneResolvesAndAThirdSeesTheResolution(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        let lan = try Editor("Ngọc Lan", in: directory)
        let base = ["Tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ.", "Ngân sách hỗ trợ khoảng 9,7 tỷ đồng."]
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        let article = try hong.store.addArticle(
            issue: "2024-09-05", section: 1, title: "Phiếu lý lịch tư pháp",
            paragraphs: base, source: nil
        ).id
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout {
                for editor in [hong, khang, lan] { try await editor.sync(port: server.port) }
                // Both change the same figure offline; Hồng also fixes the budget, which merges cleanly.
                try hong.store.editArticle(
                    article,
                    paragraphs: [
                        "Tại TP Hà Nội đã tiếp nhận gần 64.000 hồ sơ.", "Ngân sách hỗ trợ khoảng 9,8 tỷ đồng.",
                    ])
                try khang.store.editArticle(
                    article,
                    paragraphs: [
                        "Tại TP Hà Nội đã tiếp nhận gần 65.000 hồ sơ.", base[1],
                    ])
                try await khang.sync(port: server.port)
                let second = try await hong.sync(port: server.port)
                #expect(second.conflicts == 1)
                try await khang.sync(port: server.port)
            }
            let cli = cli()
            let list = try cli.output("conflicts", "--store", khang.store.path)
            #expect(list.contains("text"))
            #expect(list.contains("2024-09-05/1"))
            let conflict = try #require(try khang.store.conflicts().first)
            #expect(conflict.mineAuthor == "Thanh Hồng")
            #expect(conflict.theirsAuthor == "Minh Khang")
            let shown = try cli.output("conflicts", "show", String(conflict.id.prefix(8)), "--store", khang.store.path)
            #expect(shown.contains("[-63.000-]{+64.000+}"))
            #expect(shown.contains("[-63.000-]{+65.000+}"))
            let coloured = BulletinCommandLine(colours: true)
            let onTerminal = try coloured.output("conflicts", "show", conflict.id, "--store", khang.store.path)
            #expect(onTerminal.contains("\u{1B}["), "red and green on a terminal")
            #expect(!shown.contains("\u{1B}["))
            #expect(try cli.output("status", "--store", khang.store.path).contains("1 open conflict"))
            let before =
                try JSONSerialization.jsonObject(
                    with: Data(try cli.output("show", "2024-09-05", "--json", "--store", khang.store.path).utf8))
                as? [String: Any]
            #expect(before?["open_conflicts"] as? Int == 1)
            let marked = (before?["sections"] as? [[String: Any]])?.first?["articles"] as? [[String: Any]]
            #expect(marked?.first?["conflicts"] as? [String] == [conflict.id])

            // Khang's figure is shown meanwhile (his edit was the later one); he takes Hồng's instead. Her clean
            // budget fix stays either way.
            #expect(try khang.store.articleText("2024-09-05/1").paragraphs[0].contains("65.000"))
            let resolved = try cli.output(
                "resolve", String(conflict.id.prefix(8)), "--take", "mine", "--store", khang.store.path)
            #expect(resolved.contains("wrote paragraphs"))
            try await withTimeout {
                try await khang.sync(port: server.port)
                try await lan.sync(port: server.port)
            }
            let expected = ["Tại TP Hà Nội đã tiếp nhận gần 64.000 hồ sơ.", "Ngân sách hỗ trợ khoảng 9,8 tỷ đồng."]
            #expect(try lan.store.articleText("2024-09-05/1").paragraphs == expected)
            let seen = try lan.store.conflict(conflict.id)
            #expect(seen.status == .resolved)
            #expect(seen.resolution == .mine)
            #expect(seen.resolvedBy == "Minh Khang")
            #expect(try lan.store.openConflictCount() == 0)
            let after =
                try JSONSerialization.jsonObject(
                    with: Data(try cli.output("show", "2024-09-05", "--json", "--store", lan.store.path).utf8))
                as? [String: Any]
            #expect(after?["open_conflicts"] == nil, "no marks without open conflicts")
            #expect(try await ReplicaContents.onServer(server, like: lan.contents()) == lan.contents())
        }
    }

    @Test(arguments: StoreKind.available)
    func aResolutionWrittenFromAFileIsMergedTextOfTheEditorsChoosing(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        try hong.store.createIssue(date: "2024-09-05")
        try hong.store.addSection(issue: "2024-09-05", title: "CẢI CÁCH ĐỊA PHƯƠNG")
        let article = try hong.store.addArticle(
            issue: "2024-09-05", section: 1, title: "Lâm Đồng",
            paragraphs: ["Tỉnh đã tiếp nhận 5.700 hồ sơ."], source: nil
        ).id
        try await withServer(in: directory.file("server"), kind: kind) { server in
            try await withTimeout {
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                try hong.store.editArticle(article, title: "Lâm Đồng: đẩy mạnh chuyển đổi số")
                try khang.store.editArticle(article, title: "Lâm Đồng tiếp nhận 5.700 hồ sơ trực tuyến")
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                try await hong.sync(port: server.port)
            }
            let conflict = try #require(try hong.store.conflicts().first)
            #expect(conflict.kind == .value)
            let file = directory.file("title.txt")
            try Data("Lâm Đồng: 5.700 hồ sơ trực tuyến\n".utf8).write(to: URL(fileURLWithPath: file))
            _ = try cli().output("resolve", conflict.id, "--file", file, "--store", hong.store.path)
            try await withTimeout {
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
            }
            #expect(try khang.store.articleText("2024-09-05/1").title == "Lâm Đồng: 5.700 hồ sơ trực tuyến")
            #expect(try khang.store.conflict(conflict.id).resolution == .merged)
        }
    }
}
