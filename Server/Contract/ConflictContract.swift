import BulletinCore
import SyncProtocol

/// The contract of `conflict` entities: the server creates them; an editor's change may only resolve one.
enum ConflictContract {
    /// The fields of a conflict and their shapes.
    static let fields: [String: FieldKind] = [
        ConflictField.kind: .oneOf(ConflictKind.allCases.map(\.rawValue)),
        ConflictField.entity: .oneOf(EntityKind.allCases.map(\.rawValue)),
        ConflictField.entityID: .reference,
        ConflictField.field: .nullable(.string),
        ConflictField.issueID: .string,
        ConflictField.base: .anyValue,
        ConflictField.mine: .anyValue,
        ConflictField.theirs: .anyValue,
        ConflictField.mineAuthor: .string,
        ConflictField.theirsAuthor: .nullable(.string),
        ConflictField.mineChange: .string,
        ConflictField.theirsChange: .nullable(.string),
        ConflictField.current: .anyValue,
        ConflictField.status: .oneOf(ConflictStatus.allCases.map(\.rawValue)),
        ConflictField.resolution: .nullable(.oneOf(ConflictResolution.allCases.map(\.rawValue))),
        ConflictField.resolvedBy: .nullable(.string),
    ]

    /// Why a pushed change to a conflict is not allowed, or `nil` when it only resolves one.
    static func violation(in change: ChangeRecord) -> String? {
        guard change.op == .update else {
            return "conflicts are made by the server; an editor resolves one with an update of "
                + ConflictField.resolutionFields.sorted().joined(separator: ", ")
        }
        let others = Set(change.fields.keys).subtracting(ConflictField.resolutionFields).sorted()
        guard others.isEmpty else {
            return "an editor's change to a conflict may only set "
                + ConflictField.resolutionFields.sorted().joined(separator: ", ") + "; not "
                + others.joined(separator: ", ")
        }
        return nil
    }
}
