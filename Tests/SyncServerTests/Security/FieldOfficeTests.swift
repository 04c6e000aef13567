import BulletinCore
import Foundation
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A field office never receives a draft or an annotation: asserted on every byte it received.
@Suite(.timeLimit(.minutes(1))) struct FieldOfficeTests {
    static let draftMarker = "BẢN NHÁP CHƯA DUYỆT"
    static let annotationMarker = "GHI CHÚ NỘI BỘ"
    static let publishedMarker = "Bài đã phát hành"
    static let correctedMarker = "Bài đã đính chính"

    @Test func aFieldOfficeReceivesOnlySignedPublicationsAndIsNotifiedOnlyOfThem() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                let draft = IssueFixture()
                let published = IssueFixture()
                var factory = ChangeFactory()
                let ((), bytes) = try await TestClient.tapped(port: server.port) { office in
                    try await office.send(
                        .hello(
                            Hello(
                                versions: [1], clientID: ChangeFactory.newID(),
                                credentials: Credentials(token: server.tokens[.fieldOffice]), appVersion: "tests/1",
                                schemaVersion: 1)))
                    guard case .welcome = try await office.receive() else { throw TestClientError.connectionClosed }
                    try await office.send(.subscribe(Subscribe(since: try await server.store.headSeq())))

                    // An editor writes a draft with an annotation; a chief writes and publishes another issue,
                    // annotated too. Only the publication may reach the field office.
                    try await server.connected(as: .editor) { editor in
                        _ = try await editor.push(
                            Self.issue(draft, date: "2024-09-06", &factory) + [
                                factory.annotation(draft.annotation, issue: draft.issue, article: draft.article)
                            ])
                    }
                    try await server.connected(as: .chief) { chief in
                        _ = try await chief.push(Self.issue(published, date: "2024-09-05", &factory, draft: false))
                        _ = try await chief.push([
                            Self.note(published, &factory),
                            factory.update(.issue, published.issue, ["state": "published"]),
                        ])
                    }
                    let first = try await server.store.publicationHead()
                    #expect(try await office.receive() == .notify(Notify(headSeq: first)))

                    var records = try await office.pull(Pull(since: 0, maxChanges: 100, maxBytes: 1 << 20))
                        .flatMap(\.changes)
                    records += try await office.pull(
                        Pull(
                            since: 0, maxChanges: 100, maxBytes: 1 << 20,
                            snapshot: true)
                    ).flatMap(\.changes)

                    // A correction, then a retraction, each notified and pulled.
                    try await server.connected(as: .chief) { chief in
                        _ = try await chief.push([
                            factory.update(.article, published.article, ["title": .string(Self.correctedMarker)])
                        ])
                    }
                    let corrected = try await server.store.publicationHead()
                    #expect(try await office.receive() == .notify(Notify(headSeq: corrected)))
                    try await server.connected(as: .chief) { chief in
                        _ = try await chief.push([factory.update(.issue, published.issue, ["state": "retracted"])])
                    }
                    let retracted = try await server.store.publicationHead()
                    #expect(try await office.receive() == .notify(Notify(headSeq: retracted)))
                    records += try await office.pull(Pull(since: first, maxChanges: 100, maxBytes: 1 << 20))
                        .flatMap(\.changes)

                    #expect(Set(records.map(\.entity)) == [.publication])
                    let key = server.store.publicationKey
                    let versions = try records.map { record in
                        let (publication, _) = try key.verify(record: record)
                        return "\(publication.version) \(publication.status.rawValue)"
                    }
                    #expect(versions == ["1 published", "1 published", "2 published", "3 retracted"])
                    try await office.send(.bye(Bye()))
                }

                // Every frame the field office received, inflated: no draft, no annotation, anywhere.
                let payloads = try TestClient.payloads(of: bytes)
                #expect(payloads.count >= 7)  // welcome, 3 notify, 3 changes
                let text = payloads.map { String(decoding: $0, as: UTF8.self) }
                for payload in text {
                    #expect(!payload.contains(Self.draftMarker), "a draft reached the field office: \(payload)")
                    #expect(!payload.contains(Self.annotationMarker), "an annotation reached it: \(payload)")
                    #expect(!payload.contains(draft.issue), "the draft issue's id reached it: \(payload)")
                    #expect(!payload.contains("\"annotation\""), "an annotation record reached it: \(payload)")
                    for kind in ["issue", "section", "article"] {
                        #expect(!payload.contains("\"entity\":\"\(kind)\""), "a raw \(kind) record reached it")
                    }
                }
                #expect(text.contains { $0.contains(Self.publishedMarker) })
                #expect(text.contains { $0.contains(Self.correctedMarker) })
            }
        }
    }

    @Test func aFieldOfficesPushIsRefusedWholeAndTheConnectionStaysOpen() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                var factory = ChangeFactory()
                let head = try await server.store.headSeq()
                try await server.connected(as: .fieldOffice) { office in
                    guard
                        case .error(let error) = try await office.pushAnswer([
                            factory.issue(ChangeFactory.newID(), date: "2024-09-05")
                        ])
                    else {
                        Issue.record("a field office's push was acknowledged")
                        return
                    }
                    #expect(error.name == "forbidden")
                    #expect(error.message.contains("read-only"))
                    try await office.send(.ping(Ping(nonce: 8)))
                    #expect(try await office.receive() == .pong(Ping(nonce: 8)))
                }
                #expect(try await server.store.headSeq() == head)
            }
        }
    }

    private static func issue(
        _ ids: IssueFixture, date: String, _ factory: inout ChangeFactory, draft: Bool = true
    ) -> [ChangeRecord] {
        var issue = factory.issue(ids.issue, date: date)
        if draft { issue.fields["intro"] = .string(draftMarker) }
        return [
            issue, factory.section(ids.section, issue: ids.issue),
            factory.article(
                ids.article, issue: ids.issue, section: ids.section,
                title: draft ? draftMarker : publishedMarker),
        ]
    }

    private static func note(_ ids: IssueFixture, _ factory: inout ChangeFactory) -> ChangeRecord {
        var note = factory.annotation(ids.annotation, issue: ids.issue, article: ids.article)
        note.fields["text"] = .string(annotationMarker)
        return note
    }
}
