import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

// Hundreds of pushes, each committed with an fsync: alone 2–3 s, but beside the whole suite's other fsyncing tests on
// 2 cores it took 88 s once, so its bounds leave room for that (a hang still fails it).
/// Every role × every kind of change, over real TCP: the table in PROTOCOL.md section 18, written out by hand.
@Suite(.timeLimit(.minutes(3))) struct AuthorizationMatrixTests {
    /// What the server must do with one pushed change.
    enum Verdict: Equatable, CustomStringConvertible {
        /// `push_ack` says `applied`.
        case applied
        /// `push_ack` says `rejected`, code `forbidden`.
        case forbidden
        /// The whole push is answered `error` `forbidden`; nothing is applied.
        case refused
        /// `push_ack` says `conflict`: an editor's content change to an approved or published issue, logged
        /// without effect as a `late_edit` conflict for a chief (PROTOCOL.md section 20.4).
        case lateEdit

        var description: String {
            switch self {
            case .applied: "applied"
            case .forbidden: "rejected as forbidden"
            case .refused: "refused with error forbidden"
            case .lateEdit: "kept as a late edit"
            }
        }
    }

    /// One operation: the state of the fixture issue before, the change, and the verdict for editor and chief
    /// (field offices and admins are always refused).
    struct Case: Sendable {
        let name: String
        let state: PublicationState
        let editor: Verdict
        let chief: Verdict
        let change: @Sendable (inout ChangeFactory, IssueFixture) -> ChangeRecord
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(
            _ name: String, _ state: PublicationState, editor: Verdict, chief: Verdict,
            _ change: @escaping @Sendable (inout ChangeFactory, IssueFixture) -> ChangeRecord
        ) {
            cases.append(Case(name: name, state: state, editor: editor, chief: chief, change: change))
        }
        // Issues.
        add("create an issue in draft", .draft, editor: .applied, chief: .applied) { factory, _ in
            factory.issue(ChangeFactory.newID(), date: "2024-09-06")
        }
        add("create an issue already published", .draft, editor: .forbidden, chief: .applied) { factory, _ in
            factory.issue(ChangeFactory.newID(), date: "2024-09-06", state: "published")
        }
        for (state, editor, chief) in [
            (PublicationState.draft, Verdict.applied, Verdict.applied), (.review, .applied, .applied),
            (.approved, .lateEdit, .applied), (.published, .lateEdit, .applied), (.retracted, .forbidden, .forbidden),
        ] {
            add("update the intro of a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.update(.issue, fixture.issue, ["intro": "Xin giới thiệu (sửa)"])
            }
        }
        for (state, editor, chief) in [
            (PublicationState.draft, Verdict.applied, Verdict.applied), (.review, .applied, .applied),
            (.approved, .forbidden, .applied), (.published, .forbidden, .forbidden),
            (.retracted, .forbidden, .forbidden),
        ] {
            add("delete a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.delete(.issue, fixture.issue)
            }
        }
        // State transitions.
        for (from, to, editor, chief) in [
            (PublicationState.draft, PublicationState.review, Verdict.applied, Verdict.applied),
            (.review, .approved, .forbidden, .applied), (.approved, .published, .forbidden, .applied),
            (.draft, .published, .forbidden, .applied), (.published, .retracted, .forbidden, .applied),
            (.approved, .retracted, .forbidden, .forbidden),
        ] {
            add("move an issue from \(from) to \(to)", from, editor: editor, chief: chief) { factory, fixture in
                factory.update(.issue, fixture.issue, ["state": .string(to.rawValue)])
            }
        }
        // Sections and articles: create, update, delete, by the state of their issue.
        for (state, editor, chief) in [
            (PublicationState.draft, Verdict.applied, Verdict.applied), (.review, .applied, .applied),
            (.approved, .lateEdit, .applied), (.published, .lateEdit, .applied),
            (.retracted, .forbidden, .forbidden),
        ] {
            add("create a section in a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.section(ChangeFactory.newID(), issue: fixture.issue, position: 2)
            }
            add("update a section of a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.update(.section, fixture.section, ["title": "CHỦ TRƯƠNG CẢI CÁCH"])
            }
            add("delete a section of a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.delete(.section, fixture.section)
            }
            add("create an article in a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.article(ChangeFactory.newID(), issue: fixture.issue, section: fixture.section, position: 2)
            }
            add("update an article of a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.update(.article, fixture.article, ["title": "Tiêu đề đã sửa"])
            }
            add("delete an article of a \(state) issue", state, editor: editor, chief: chief) { factory, fixture in
                factory.delete(.article, fixture.article)
            }
            // Annotations are internal notes: allowed on an issue in any state.
            add("annotate an article of a \(state) issue", state, editor: .applied, chief: .applied) {
                factory, fixture in
                factory.annotation(ChangeFactory.newID(), issue: fixture.issue, article: fixture.article)
            }
            add("resolve an annotation of a \(state) issue", state, editor: .applied, chief: .applied) {
                factory, fixture in
                factory.update(.annotation, fixture.annotation, ["resolved": true])
            }
            add("delete an annotation of a \(state) issue", state, editor: .applied, chief: .applied) {
                factory, fixture in
                factory.delete(.annotation, fixture.annotation)
            }
        }
        add("move a draft article into a published issue", .draft, editor: .lateEdit, chief: .applied) {
            factory, fixture in
            // The target issue is published by the fixture set-up below (see `target`).
            factory.update(.article, fixture.article, ["issue_id": .string(Self.publishedTarget)])
        }
        add("push a publication record", .published, editor: .forbidden, chief: .forbidden) { factory, fixture in
            factory.record(
                .publication, fixture.issue, .create,
                [
                    "content": ["issue": ["id": .string(fixture.issue), "fields": [:]], "sections": []], "version": 9,
                    "state": "published", "signature": "AAAA", "key_id": "0000000000000000",
                ])
        }
        return cases
    }()

    /// A published issue that exists in every run, for the "move into a published issue" case.
    static let publishedTarget = "7a1c0f3e-8b2d-4e5f-9a6b-0c1d2e3f4a5b"

    @Test func everyRoleAgainstEveryKindOfChange() async throws {
        try await withTimeout(seconds: 170) {
            try await SecuredServer.with { server in
                var factory = ChangeFactory()
                let target = try await server.store.push(
                    [
                        factory.issue(Self.publishedTarget, date: "2024-09-04", state: "published")
                    ], role: .chief)
                #expect(target.appliedCount == 1)
                var failures: [String] = []
                for role in Role.allCases {
                    try await server.connected(as: role) { client in
                        // Refused pushes change nothing, so field offices and admins can share fixtures.
                        var shared: [PublicationState: IssueFixture] = [:]
                        for testCase in Self.cases {
                            let fixture: IssueFixture
                            if role.mayPush || shared[testCase.state] == nil {
                                fixture = try await IssueFixture.make(in: server.store, state: testCase.state)
                                shared[testCase.state] = fixture
                            } else {
                                fixture = try #require(shared[testCase.state])
                            }
                            let change = testCase.change(&factory, fixture)
                            let expected: Verdict =
                                switch role {
                                case .editor: testCase.editor
                                case .chief: testCase.chief
                                case .fieldOffice, .admin: .refused
                                }
                            let head = try await server.store.headSeq()
                            let actual = try await Self.verdict(of: change, from: &client)
                            if actual != expected {
                                failures.append("\(role): \(testCase.name): expected \(expected), got \(actual)")
                            }
                            if actual != .applied, actual != .lateEdit, try await server.store.headSeq() != head {
                                failures.append("\(role): \(testCase.name): the log moved although not applied")
                            }
                        }
                    }
                }
                #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            }
        }
    }

    /// Pushes one change and classifies the answer.
    private static func verdict(of change: ChangeRecord, from client: inout TestClient) async throws -> Verdict {
        switch try await client.pushAnswer([change]) {
        case .pushAck(let ack):
            guard let result = ack.results.first else { throw TestClientError.unexpected(.pushAck(ack)) }
            switch (result.status, result.code) {
            case (.applied, _): return .applied
            case (.rejected, "forbidden"?): return .forbidden
            case (.conflict, _): return .lateEdit
            default: throw TestClientError.unexpected(.pushAck(ack))
            }
        case .error(let error) where error.name == "forbidden":
            return .refused
        case let other:
            throw TestClientError.unexpected(other)
        }
    }

    @Test func aDeniedChangeIsRejectedWithItsReasonAndTheRestOfTheBatchProceeds() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                let fixture = try await IssueFixture.make(in: server.store, state: .review)
                var factory = ChangeFactory()
                let ack = try await server.connected(as: .editor) { client in
                    try await client.push([
                        factory.update(.issue, fixture.issue, ["state": "approved"]),
                        factory.annotation(ChangeFactory.newID(), issue: fixture.issue, article: fixture.article),
                        factory.issue(ChangeFactory.newID(), date: "2024-09-09"),
                    ])
                }
                #expect(ack.results.map(\.status) == [.rejected, .applied, .applied])
                #expect(ack.results[0].code == "forbidden")
                #expect(ack.results[0].reason?.contains("approved") == true)
                #expect(ack.results[0].reason?.contains("chief") == true)
            }
        }
    }

    @Test func readsByRole() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                let fixture = try await IssueFixture.make(in: server.store, state: .published)
                _ = try await IssueFixture.make(in: server.store, state: .draft, date: "2024-09-06")
                let pull = Pull(since: 0, maxChanges: 1000, maxBytes: 1 << 20)
                let snapshot = Pull(since: 0, maxChanges: 1000, maxBytes: 1 << 20, snapshot: true)
                for role in [Role.editor, .chief] {
                    try await server.connected(as: role) { client in
                        let kinds = Set(try await client.pull(pull).flatMap(\.changes).map(\.entity))
                        #expect(kinds == [.issue, .section, .article, .annotation, .publication], "\(role)")
                        let snapshotKinds = Set(try await client.pull(snapshot).flatMap(\.changes).map(\.entity))
                        #expect(snapshotKinds == [.issue, .section, .article, .annotation], "\(role)")
                    }
                }
                try await server.connected(as: .fieldOffice) { client in
                    let log = try await client.pull(pull).flatMap(\.changes)
                    #expect(log.map(\.entity) == [.publication])
                    #expect(log.map(\.entityID) == [fixture.issue])
                    let pages = try await client.pull(snapshot)
                    #expect(pages.flatMap(\.changes).map(\.entity) == [.publication])
                    #expect(pages.last?.toSeq == (try await server.store.headSeq()))
                }
                try await server.connected(as: .admin) { client in
                    for request in [Message.pull(pull), .pull(snapshot), .subscribe(Subscribe(since: 0))] {
                        try await client.send(request)
                        let error = try await client.expectError()
                        #expect(error.name == "forbidden")
                    }
                    // The connection stays open after `forbidden`.
                    try await client.send(.ping(Ping(nonce: 1)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 1)))
                }
            }
        }
    }
}
