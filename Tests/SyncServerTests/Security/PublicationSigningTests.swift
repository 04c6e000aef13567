import BulletinCore
import Crypto
import Foundation
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite struct PublicationSigningTests {
    private func withStore(
        _ kind: StoreKind, _ body: (ServerStore, TemporaryDirectory) async throws -> Void
    ) async throws {
        try await withTestStore(kind, body)
    }

    @Test(arguments: StoreKind.available)
    func theSignatureCoversExactlyTheDocumentedBytes(_ kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let fixture = try await IssueFixture.make(in: store, state: .published)
            let record = try #require(try await store.latestPublication(issueID: fixture.issue))
            let content = try #require(record.fields["content"])
            // Built by hand from PROTOCOL.md section 19, not with the code under test.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let message =
                Array("{\"content\":".utf8) + Array(try encoder.encode(content))
                + Array(",\"issue_id\":\"\(fixture.issue)\",\"state\":\"published\",\"version\":1}".utf8)
            let signature = try #require(record.fields["signature"]?.stringValue.flatMap { Data(base64Encoded: $0) })
            let publicKey = try Curve25519.Signing.PublicKey(
                rawRepresentation: try #require(Data(base64Encoded: store.publicationKey.base64)))
            #expect(publicKey.isValidSignature(signature, for: message))
            let keyID = SHA256.hash(data: publicKey.rawRepresentation).prefix(8)
                .map { String(format: "%02x", $0) }.joined()
            #expect(record.fields["key_id"] == .string(keyID))
            #expect(record.entity == .publication)
            #expect(record.op == .create)
            #expect(record.clientID == store.serverID)
            #expect(record.author == "chief")
        }
    }

    @Test(arguments: StoreKind.available)
    func theContentIsThePrintedIssueInOrderWithoutAnnotationsOrDeletedEntities(_ kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let ids = IssueFixture()
            let late = ChangeFactory.newID()
            let gone = ChangeFactory.newID()
            let first = ChangeFactory.newID()
            var factory = ChangeFactory()
            _ = try await store.push([
                factory.issue(ids.issue, date: "2024-09-05"),
                factory.section(ids.section, issue: ids.issue, position: 2),
                factory.section(first, issue: ids.issue, position: 1),
                factory.section(gone, issue: ids.issue, position: 3),
                factory.article(ids.article, issue: ids.issue, section: ids.section, position: 2),
                factory.article(late, issue: ids.issue, section: ids.section, position: 1),
                factory.annotation(ids.annotation, issue: ids.issue, article: ids.article),
                factory.delete(.section, gone),
                factory.update(.issue, ids.issue, ["state": "published"]),
            ])
            let record = try #require(try await store.latestPublication(issueID: ids.issue))
            let (publication, content) = try store.publicationKey.verify(record: record)
            #expect(publication.version == 1)
            #expect(content.issue.id == ids.issue)
            #expect(content.issue.fields["state"] == "published")
            #expect(content.sections.map(\.section.id) == [first, ids.section])
            #expect(content.sections[1].articles.map(\.id) == [late, ids.article])
            #expect(content.sections[1].articles[1].fields["title"] == "Tăng cường cải cách")
            let text = String(decoding: CanonicalJSON.bytes(publication.content), as: UTF8.self)
            #expect(!text.contains(ids.annotation))
            #expect(!text.contains("Kiểm tra số liệu"))
        }
    }

    @Test(arguments: StoreKind.available)
    func correctionsAndRetractionsMakeNewVersionsAndAnnotationsDoNot(_ kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let fixture = try await IssueFixture.make(in: store, state: .published)
            var factory = ChangeFactory()
            let note = try await store.push(
                [factory.annotation(ChangeFactory.newID(), issue: fixture.issue, article: fixture.article)],
                role: .editor)
            #expect(note.appliedCount == 1)
            #expect(note.publicationSeq == nil)
            let correction = try await store.push(
                [
                    factory.update(.article, fixture.article, ["title": "Đính chính"]),
                    factory.update(.section, fixture.section, ["title": "Đính chính mục"]),
                ], role: .chief)
            #expect(correction.publicationSeq == correction.headSeq)
            let corrected = try #require(try await store.latestPublication(issueID: fixture.issue))
            #expect(corrected.fields["version"] == 2)
            #expect(corrected.op == .update)
            let retraction = try await store.push(
                [factory.update(.issue, fixture.issue, ["state": "retracted"])], role: .chief)
            #expect(retraction.publicationSeq != nil)
            let retracted = try #require(try await store.latestPublication(issueID: fixture.issue))
            let (publication, content) = try store.publicationKey.verify(record: retracted)
            #expect(publication.version == 3)
            #expect(publication.status == .retracted)
            #expect(content.sections.first?.articles.first?.fields["title"] == "Đính chính")
        }
    }

    @Test(arguments: StoreKind.available)
    func tamperedUnsignedOrForeignPublicationsAreRefused(_ kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let fixture = try await IssueFixture.make(in: store, state: .published)
            let record = try #require(try await store.latestPublication(issueID: fixture.issue))
            let key = store.publicationKey
            _ = try key.verify(record: record)

            var tampered = record
            var content = try #require(record.fields["content"]?.objectValue)
            var issue = try #require(content["issue"]?.objectValue)
            var fields = try #require(issue["fields"]?.objectValue)
            fields["intro"] = "Nội dung bị sửa"
            issue["fields"] = .object(fields)
            content["issue"] = .object(issue)
            tampered.fields["content"] = .object(content)
            #expect(throws: PublicationError.invalidSignature(issueID: fixture.issue, version: 1)) {
                try key.verify(record: tampered)
            }
            var bumped = record
            bumped.fields["version"] = 7
            #expect(throws: PublicationError.invalidSignature(issueID: fixture.issue, version: 7)) {
                try key.verify(record: bumped)
            }
            var retracted = record
            retracted.fields["state"] = "retracted"
            #expect(throws: PublicationError.invalidSignature(issueID: fixture.issue, version: 1)) {
                try key.verify(record: retracted)
            }
            var moved = record
            moved.entityID = ChangeFactory.newID()
            #expect(throws: PublicationError.invalidSignature(issueID: moved.entityID, version: 1)) {
                try key.verify(record: moved)
            }
            var unsigned = record
            unsigned.fields["signature"] = nil
            #expect(throws: PublicationError.unsigned(issueID: fixture.issue)) { try key.verify(record: unsigned) }
            let other = PublicationSigningKey.generate()
            let forged = try other.sign(
                issueID: fixture.issue, content: try #require(record.fields["content"]), version: 1,
                status: .published)
            var foreign = record
            foreign.fields = forged.fields
            #expect(
                throws: PublicationError.wrongKey(
                    issueID: fixture.issue, keyID: other.publicKey.keyID, pinned: key.keyID)
            ) {
                try key.verify(record: foreign)
            }
            foreign.fields["key_id"] = .string(key.keyID)
            #expect(throws: PublicationError.invalidSignature(issueID: fixture.issue, version: 1)) {
                try key.verify(record: foreign)
            }
        }
    }

    @Test func theSigningKeyIsMadeOnceKeptPrivateAndRefusedWhenOthersCanReadIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try ServerStore(directory: directory.path).publicationKey
        let path = directory.path + "/" + PublicationKeyFile.fileName
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try ServerStore(directory: directory.path)
        #expect(again.publicationKey == first)
        try again.close()
        #expect(try PublicationKeyFile.loadOrCreate(directory: directory.path).publicKey == first)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: PublicationKeyFileError.tooOpen(path, mode: 0o644)) {
            try PublicationKeyFile.loadOrCreate(directory: directory.path)
        }
    }
}
