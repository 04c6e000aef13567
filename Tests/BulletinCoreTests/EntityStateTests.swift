import SyncProtocol
import Testing

@testable import BulletinCore

@Suite struct EntityStateTests {
    private func change(_ id: String, _ op: ChangeOperation, _ fields: [String: JSONValue] = [:]) -> ChangeRecord {
        ChangeRecord(
            changeID: id, entity: .article, entityID: "a1", op: op, fields: fields,
            hlc: HLCTimestamp(wallMillis: 1, counter: 0), author: "Thanh Hồng", clientID: "c1")
    }

    @Test func updatesSetFieldsAndTheirVersionsAndDeleteLeavesATombstone() {
        let created = EntityState()
            .applying(change("x1", .create, ["title": .string("Tăng cường"), "position": .int(1)]))
        let updated = created.applying(change("x2", .update, ["title": .string("Tăng cường cải cách")]))
        #expect(updated.fields["title"] == .string("Tăng cường cải cách"))
        #expect(updated.versions == ["title": "x2", "position": "x1"])
        let deleted = updated.applying(change("x3", .delete))
        #expect(deleted.deleted)
        #expect(deleted.fields == updated.fields)
        #expect(deleted.applying(change("x4", .update, ["position": .int(2)])).deleted == false)
    }
}
