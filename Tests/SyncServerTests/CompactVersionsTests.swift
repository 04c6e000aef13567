import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A new entity's row stores no versions (every field at the change that made it, ``StoredEntity/versions``); what
/// the rules and the replicas see is the same as when the row spelled them out.
@Suite struct CompactVersionsTests {
    /// Pushes a new issue and a section of it; returns both records.
    private static func pushIssueAndSection(
        _ store: ServerStore, _ factory: inout ChangeFactory
    ) async throws -> (issue: ChangeRecord, section: ChangeRecord) {
        let issue = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
        let section = factory.section(ChangeFactory.newID(), issue: issue.entityID)
        _ = try await store.push([issue, section])
        return (issue, section)
    }

    @Test(arguments: StoreKind.available)
    func aNewEntityStoresNoVersionsAndReadsEveryFieldAtItsChange(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let (issue, section) = try await Self.pushIssueAndSection(store, &factory)
            let rename = factory.update(.section, section.entityID, ["title": "Mục mới"])
            _ = try await store.push([rename])
            let rows = Dictionary(uniqueKeysWithValues: try await store.allEntities().map { ($0.id, $0) })
            #expect(rows[issue.entityID]?.versions == "")
            let state = try await store.entityState(.issue, id: issue.entityID)?.state
            #expect(state?.versions == issue.fields.mapValues { _ in issue.changeID })
            // Changed since: the row spells its versions out.
            let changed = try #require(rows[section.entityID])
            #expect(changed.versions != "")
            var expected = section.fields.mapValues { _ in section.changeID }
            expected["title"] = rename.changeID
            #expect(try changed.state().versions == expected)
        }
    }

    @Test(arguments: StoreKind.available)
    func aSnapshotGivesANewEntityEveryFieldAtItsChangeAsBaseWithinItsByteLimit(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let (issue, section) = try await Self.pushIssueAndSection(store, &factory)
            let whole = try await store.snapshotPage(from: nil, limits: PageLimits(maxChanges: 10, maxBytes: 1 << 20))
            #expect(
                whole.records.map(\.base)
                    == [issue, section].map { change in change.fields.mapValues { _ in change.changeID } })
            // A page as large as the first record exactly holds it: its size counts the versions written out.
            let first = CanonicalJSON.text(whole.records[0]).utf8.count
            let tight = try await store.snapshotPage(from: nil, limits: PageLimits(maxChanges: 10, maxBytes: first))
            #expect(tight.records.map(\.entityID) == [issue.entityID])
        }
    }

    @Test func aRowThatSpellsItsVersionsOutReadsAsOneThatStoresNone() throws {
        var factory = ChangeFactory()
        let issue = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
        let compact = StoredEntity(
            kind: "issue", id: issue.entityID, issueID: issue.entityID, sortDate: "2024-09-05",
            fields: CanonicalJSON.text(issue.fields), versions: StoredEntity.allAtLastChange, deleted: false,
            lastSeq: 1, lastChangeID: issue.changeID, lastHLC: issue.hlc.description, lastAuthor: issue.author,
            lastClientID: issue.clientID)
        var spelled = compact
        spelled.versions = CanonicalJSON.text(issue.fields.mapValues { _ in issue.changeID })
        #expect(try compact.state() == spelled.state())
    }
}
