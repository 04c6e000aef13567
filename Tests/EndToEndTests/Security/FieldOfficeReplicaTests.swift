import BulletinCore
import BulletinFormat
import Foundation
import PostgresTestSupport
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@testable import bulletin

/// A field office's store, end to end: pulls verified publications of published issues only, materialises them
/// for offline export, re-verifies them, and refuses tampered ones.
@Suite(.timeLimit(.minutes(1))) struct FieldOfficeReplicaTests {
    static let note = "Ghi chú nội bộ: kiểm tra số liệu"

    @Test(arguments: StoreKind.available)
    func aFieldOfficeKeepsAVerifiedReplicaOfPublishedIssuesOnly(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTimeout {
            try await withServer(in: directory.file("server"), kind: kind, authenticator: AccountAuthenticator()) {
                server in
                let address = ServerAddress(host: "127.0.0.1", port: server.port)
                let chief = try LocalStore.create(at: directory.file("chief.sqlite"), editor: "Tổng biên tập")
                try chief.setAccessSettings(
                    AccessSettings(
                        token: try await server.store.addAccount(name: "chief", role: .chief)))
                let office = try LocalStore.create(at: directory.file("office.sqlite"), editor: "Huế")
                try office.setAccessSettings(
                    AccessSettings(
                        role: .fieldOffice, token: try await server.store.addAccount(name: "hue", role: .fieldOffice),
                        serverKey: server.store.publicationKey.base64))
                let chiefSync = SyncRunner(store: chief, address: address, logger: quietLogger)
                let officeSync = SyncRunner(store: office, address: address, logger: quietLogger)

                // A published issue with an annotation, and a draft.
                _ = try chief.createIssue(date: "2024-09-05")
                _ = try chief.addSection(issue: "2024-09-05", title: "CHỦ TRƯƠNG CẢI CÁCH")
                let article = try chief.addArticle(
                    issue: "2024-09-05", section: 1, title: "Tinh gọn bộ máy", paragraphs: ["Đoạn một."],
                    source: nil)
                _ = try chief.annotate("2024-09-05/1", text: Self.note)
                _ = try chief.createIssue(date: "2024-09-06")
                _ = try chief.setState(issue: "2024-09-05", to: .published)
                _ = try await chiefSync.syncOnce()

                let pulled = try await officeSync.pullOnce()
                #expect(pulled.snapshot)
                let issues = try office.issueSummaries()
                #expect(issues.map(\.date) == ["2024-09-05"])
                let issue = try office.issue("2024-09-05")
                #expect(issue.state == .published)
                #expect(issue.sections.map(\.title) == ["CHỦ TRƯƠNG CẢI CÁCH"])
                #expect(issue.sections.first?.articles.map(\.title) == ["Tinh gọn bộ máy"])
                #expect(issue.sections.flatMap(\.articles).flatMap(\.annotations).isEmpty)
                // Offline exports work from the replica.
                let html = BulletinExporter.export(issue, as: .html)
                #expect(html.contains("Tinh gọn bộ máy"))
                #expect(!html.contains(Self.note))
                #expect(BulletinExporter.export(issue, as: .bulletin).contains("CHỦ TRƯƠNG CẢI CÁCH"))
                #expect(try office.verifyPublication("2024-09-05").version == 1)

                // A correction reaches the replica as version 2.
                try chief.editArticle(article.id, title: "Tinh gọn bộ máy (đính chính)")
                _ = try await chiefSync.syncOnce()
                _ = try await officeSync.pullOnce()
                #expect(
                    try office.issue("2024-09-05").sections.first?.articles.map(\.title)
                        == ["Tinh gọn bộ máy (đính chính)"])
                #expect(try office.verifyPublication("2024-09-05").version == 2)
                #expect(try office.pendingTotals().count == 0)

                // A tampered publication is refused and nothing of it is stored.
                var tampered = try #require(try await server.store.latestPublication(issueID: issue.id))
                var content = try #require(tampered.fields["content"]?.objectValue)
                var issueObject = try #require(content["issue"]?.objectValue)
                var fields = try #require(issueObject["fields"]?.objectValue)
                fields["intro"] = .string("Bản bị giả mạo")
                issueObject["fields"] = .object(fields)
                content["issue"] = .object(issueObject)
                tampered.fields["content"] = .object(content)
                tampered.fields["version"] = .int(3)
                let cursor = try office.cursor()
                tampered.seq = cursor + 1
                #expect(throws: PublicationRefusal.self) {
                    try office.apply(
                        Changes(fromSeq: cursor, toSeq: cursor + 1, more: false, changes: [tampered]),
                        snapshot: false)
                }
                #expect(try office.verifyPublication("2024-09-05").version == 2)
                #expect(try office.issue("2024-09-05").intro != "Bản bị giả mạo")

                // The editor's own store skips publication records in its log pulls.
                _ = try await chiefSync.syncOnce()
                #expect(try chief.issueSummaries().map(\.date).sorted() == ["2024-09-05", "2024-09-06"])
            }
        }
    }

    @Test func initForAFieldOfficeNeedsThePinnedKeyAndMakesTheStorePrivate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cli = BulletinCommandLine(environment: ["USER": "hue"])
        let key = PublicationSigningKey.generate().publicKey.base64
        let office = ["--server", "127.0.0.1:7420", "--token", "bst_x", "--role", "field-office"]
        let withoutKey = cli.run(["init", "--store", directory.file("a.sqlite")] + office)
        #expect(withoutKey.status == 1)
        #expect(withoutKey.standardError.contains("--server-key KEY"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("a.sqlite")))
        #expect(
            cli.run(["init", "--store", directory.file("b.sqlite"), "--server-key", "not a key"] + office).status
                == 1)
        let output = try cli.output(
            ["init", "--store", directory.file("c.sqlite"), "--server-key", key, "--tls"] + office)
        #expect(output.contains("mode 0600"))
        let store = try LocalStore.open(at: directory.file("c.sqlite"))
        #expect(
            try store.accessSettings()
                == AccessSettings(
                    role: .fieldOffice, token: "bst_x", serverKey: key, tls: true, tlsCA: nil))
        #expect(try store.serverAddress() == "127.0.0.1:7420")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.file("c.sqlite"))[.posixPermissions]
        #expect(mode as? Int == 0o600)
        _ = try cli.output("login", "--token", "bst_y", "--store", directory.file("c.sqlite"))
        #expect(try store.credentials()?.token == "bst_y")
    }
}
