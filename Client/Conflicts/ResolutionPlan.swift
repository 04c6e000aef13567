import BulletinCore
import SyncProtocol

/// What resolving a conflict writes, worked out from the conflict alone.
struct ResolutionPlan {
    /// What happens to the entity.
    enum Action {
        /// Write these fields, naming these base versions.
        case write([String: JSONValue], base: [String: String])
        /// Delete the entity (the chosen side was a deletion).
        case delete
        /// Leave the entity as it is (the chosen side is what is stored).
        case keep
    }

    var action: Action
    var resolution: ConflictResolution

    /// The plan for `choice` on `conflict`.
    static func make(_ conflict: ConflictRecord, choice: ConflictChoice) throws -> ResolutionPlan {
        let resolution: ConflictResolution
        switch choice {
        case .take(let side): resolution = side == .mine ? .mine : .theirs
        case .value: resolution = .merged
        }
        guard let field = conflict.field else {
            return ResolutionPlan(action: try wholeEntity(conflict, choice: choice), resolution: resolution)
        }
        let value: JSONValue
        switch choice {
        case .value(let given):
            value = given
        case .take(let side):
            value = chosen(conflict, field: field, side: side)
        }
        // The conflict's current value was stored by the incoming change: naming it as the base makes the server
        // merge this resolution with anything written to the field since.
        return ResolutionPlan(
            action: .write([field: value], base: [field: conflict.mineChange]), resolution: resolution)
    }

    /// One side's value of a field conflict. For text, the parts that merged cleanly are kept and only the
    /// conflicting stretches come from that side.
    private static func chosen(_ conflict: ConflictRecord, field: String, side: MergeSide) -> JSONValue {
        let mine = JSONText.value(conflict.mine)
        let theirs = JSONText.value(conflict.theirs)
        if conflict.kind == .text, let base = JSONText.value(conflict.base).stringArray,
            let mineText = mine.stringArray, let theirsText = theirs.stringArray
        {
            let merged = TextMerge.merge(base: base, mine: mineText, theirs: theirsText, prefer: side).value
            return FieldEncoding.strings(merged)
        }
        return side == .mine ? mine : theirs
    }

    /// A conflict about the whole entity (edit vs delete, a late create or delete): `null` stands for deleted.
    private static func wholeEntity(_ conflict: ConflictRecord, choice: ConflictChoice) throws -> Action {
        guard case .take(let side) = choice else {
            throw StoreError.invalidArgument(
                "conflict \(conflict.id.prefix(8)) is about the whole \(conflict.entity.rawValue) "
                    + "(\(conflict.kind.rawValue)); resolve it with --take mine or --take theirs")
        }
        let value = JSONText.value(side == .mine ? conflict.mine : conflict.theirs)
        if value.isNull { return .delete }
        if conflict.kind == .lateEdit, side == .mine, let fields = value.objectValue {
            // A late create: write the whole entity again (only a chief's change can land on a published issue).
            return .write(fields, base: [:])
        }
        return .keep
    }
}
