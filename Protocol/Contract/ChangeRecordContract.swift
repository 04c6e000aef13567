/// One member of the change record (PROTOCOL.md section 9): the wire names the codecs read and write.
public struct RecordMember: Sendable, Hashable {
    /// The member's name on the wire.
    public let name: String
    /// The JSON type and format of its value (`fields` and `base` are objects checked member by member).
    public let type: FieldType
    /// Whether every record carries it.
    public let required: Bool
    /// What it holds, for a person.
    public let summary: String
}

/// The change record's members, declared once; the codecs and `contract.json` are checked against them.
public enum ChangeRecordContract {
    /// Every member, in the order section 9 lists them.
    public static let members: [RecordMember] = [
        RecordMember(name: "change_id", type: .uuid, required: true, summary: "the idempotency key"),
        RecordMember(
            name: "entity", type: .enumeration(EntityKind.allCases.map(\.rawValue)), required: true,
            summary: "the entity kind"),
        RecordMember(name: "entity_id", type: .uuid, required: true, summary: "the entity's id"),
        RecordMember(
            name: "op", type: .enumeration(ChangeOperation.allCases.map(\.rawValue)), required: true,
            summary: "what the change does"),
        RecordMember(
            name: "fields", type: .object, required: false,
            summary: "field name → new value, under the entity's declaration; default {}"),
        RecordMember(
            name: "base", type: .object, required: false,
            summary: "field name → the change_id that last wrote it in the author's replica; default {}"),
        RecordMember(name: "hlc", type: .hlc, required: true, summary: "the author's hybrid-logical-clock time"),
        RecordMember(name: "author", type: .text, required: true, summary: "the editor who made the change"),
        RecordMember(name: "client_id", type: .uuid, required: true, summary: "the replica that made the change"),
        RecordMember(name: "seq", type: .integer, required: false, summary: "the log position (server's records)"),
        RecordMember(
            name: "seen", type: .integer, required: false,
            summary: "the author's cursor when it made the change (pushed updates and deletes)"),
    ]

    /// The members' names, in section 9's order.
    public static var names: [String] { members.map(\.name) }
}
