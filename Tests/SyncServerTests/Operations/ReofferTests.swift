import BulletinCore
import Foundation
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// How a restored server takes back records of the history it lost (PROTOCOL.md section 12.5).
@Suite struct ReofferTests {
    /// A store restored from a backup of a log holding an issue, a section and an article (seqs 1–3), and the ids.
    struct Restored {
        let directory: TemporaryDirectory
        let store: ServerStore
        let issue = ChangeFactory.newID()
        let section = ChangeFactory.newID()
        let article = ChangeFactory.newID()
        var factory = ChangeFactory()

        init() async throws {
            directory = try TemporaryDirectory()
            let original = try ServerStore(directory: directory.file("original"))
            let seeded = try await original.push([
                factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
                factory.article(article, issue: issue, section: section),
            ])
            #expect(seeded.results.allSatisfy { $0.status == .applied })
            _ = try await ServerBackup.backup(original, to: directory.file("backup"), includeKey: false)
            try original.close()
            _ = try ServerBackup.restore(from: directory.file("backup"), into: directory.file("restored"))
            store = try ServerStore(directory: directory.file("restored"))
        }

        /// A record of the lost history: `change` as it had been logged at `seq`.
        func lost(_ change: ChangeRecord, seq: Int64) -> ChangeRecord {
            var change = change
            change.seq = seq
            return change
        }

        func fields(_ kind: EntityKind, _ id: String) async throws -> [String: JSONValue] {
            try await store.entityState(kind, id: id)?.state.fields ?? [:]
        }

        func conflicts() async throws -> [[String: JSONValue]] {
            try await store.read { db in
                try StoredEntity.fetchAll(db).filter { $0.kind == "conflict" }.map { try $0.state().fields }
            }
        }

        func close() {
            try? store.close()
            directory.remove()
        }
    }

    @Test func theRestoreStartsANewHistoryAtTheBackupsHead() async throws {
        let restored = try await Restored()
        defer { restored.close() }
        #expect(restored.store.logEpochs.map(\.fromSeq) == [0, 3])
        #expect(Set(restored.store.logEpochs.map(\.epoch)).count == 2)
    }

    @Test func recordsOfTheLostHistoryAreOrderedByTheirSeqNotByTheirArrival() async throws {
        var restored = try await Restored()
        defer { restored.close() }
        let earlier = restored.lost(restored.factory.update(.article, restored.article, ["title": "Tiêu đề 5"]), seq: 5)
        let later = restored.lost(restored.factory.update(.article, restored.article, ["title": "Tiêu đề 6"]), seq: 6)
        // A replica that held only the later one offers it first; another offers the earlier one afterwards.
        let first = try await restored.store.push([later], reoffer: true)
        let second = try await restored.store.push([earlier], reoffer: true)
        #expect(first.results.map(\.status) == [.applied])
        #expect(second.results.map(\.status) == [.applied])
        #expect(try await restored.fields(.article, restored.article)["title"] == "Tiêu đề 6")
        #expect(try await restored.conflicts().isEmpty)
        // Offered again by a third replica: once in the log.
        let again = try await restored.store.push([earlier, later], reoffer: true)
        #expect(again.results.map(\.status) == [.duplicate, .duplicate])
        #expect(try await restored.store.headSeq() == 5)
    }

    @Test func anEditSinceTheRestoreStaysAndTheReofferedValueIsKeptInAConflict() async throws {
        var restored = try await Restored()
        defer { restored.close() }
        let lost = restored.lost(restored.factory.update(.article, restored.article, ["title": "Tiêu đề mất"]), seq: 4)
        let since = restored.factory.update(.article, restored.article, ["title": "Tiêu đề mới"])
        #expect(try await restored.store.push([since]).results.map(\.status) == [.applied])
        #expect(try await restored.store.push([lost], reoffer: true).results.map(\.status) == [.conflict])
        #expect(try await restored.fields(.article, restored.article)["title"] == "Tiêu đề mới")
        let conflicts = try await restored.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?[ConflictField.mine] == "Tiêu đề mất")
        #expect(conflicts.first?[ConflictField.theirs] == "Tiêu đề mới")
    }

    @Test func aReofferedDeleteDoesNotRemoveAnEntityEditedSinceTheRestore() async throws {
        var restored = try await Restored()
        defer { restored.close() }
        let since = restored.factory.update(.article, restored.article, ["title": "Vẫn còn"])
        _ = try await restored.store.push([since])
        let lostDelete = restored.lost(restored.factory.delete(.article, restored.article), seq: 4)
        #expect(try await restored.store.push([lostDelete], reoffer: true).results.map(\.status) == [.conflict])
        let state = try #require(try await restored.store.entityState(.article, id: restored.article))
        #expect(!state.state.deleted)
        #expect(state.state.fields["title"] == "Vẫn còn")
        #expect(try await restored.conflicts().first?[ConflictField.kind] == .string(ConflictKind.delete.rawValue))

        // A delete of the lost history that came after every stored version applies.
        let otherDelete = restored.lost(restored.factory.delete(.section, restored.section), seq: 5)
        #expect(try await restored.store.push([otherDelete], reoffer: true).results.map(\.status) == [.applied])
        #expect(try await restored.store.entityState(.section, id: restored.section)?.state.deleted == true)
    }

    @Test func aReofferedRecordMustCarryItsSeq() async throws {
        var restored = try await Restored()
        defer { restored.close() }
        let unnumbered = restored.factory.update(.article, restored.article, ["title": "Không số"])
        let result = try #require(try await restored.store.push([unnumbered], reoffer: true).results.first)
        #expect(result.status == .rejected)
        #expect(result.code == ErrorCode.invalidMessage.name)
        #expect(try await restored.store.headSeq() == 3)
    }

    @Test func onlyAReofferMayBringBackAConflictAndOnlyOneTheServerMade() async throws {
        var restored = try await Restored()
        defer { restored.close() }
        let cause = restored.factory.update(.article, restored.article, ["title": "Bên này"])
        func conflict(clientID: String) -> ChangeRecord {
            var record = ConflictDraft(
                kind: .value, field: "title", base: .null, mine: "Bên này", theirs: "Bên kia", current: "Bên kia",
                theirsChange: nil, theirsAuthor: nil
            ).record(
                for: cause, issueID: restored.issue, conflictID: ChangeFactory.newID(),
                changeID: ChangeFactory.newID(), serverID: clientID)
            record.seq = 4
            return record
        }
        let forged = conflict(clientID: ChangeFactory.newID())
        let serverMade = conflict(clientID: restored.store.serverID)
        #expect(try await restored.store.push([serverMade]).results.map(\.status) == [.rejected])
        #expect(try await restored.store.push([forged], reoffer: true).results.map(\.status) == [.rejected])
        #expect(try await restored.store.push([serverMade], reoffer: true).results.map(\.status) == [.applied])
        #expect(try await restored.conflicts().count == 1)
    }
}
