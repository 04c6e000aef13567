/// Judges change records against the data contract (PROTOCOL.md section 21): the one validator the server runs
/// at its door before anything of a change is applied or logged, and a client runs on its own changes before it
/// queues them.
///
/// Within one push it also remembers the entities whose `create` was rejected, so that changes depending on them
/// are rejected too (``noteRejected(_:)``, ``dependency(of:)``).
public struct ChangeValidator: Sendable {
    /// Where the records come from, which decides what they may be.
    public enum Origin: Sendable {
        /// A client's change (pushed, or about to be queued): conflicts may only be resolved, publications never
        /// made.
        case client
        /// A record of the server's log: conflicts and publications are the server's own.
        case log
    }

    /// Whether an entity of this kind and id is known (stored, deleted or not, or created earlier in the batch).
    public typealias Lookup = (EntityKind, String) throws -> Bool

    /// Where the records come from.
    public let origin: Origin
    /// Entities whose `create` was rejected in this batch.
    private var rejectedCreates: Set<String> = []

    /// A validator for records of `origin`.
    public init(origin: Origin) {
        self.origin = origin
    }

    /// Remembers a rejected change: when it was a `create`, every later change to its entity or naming it as a
    /// parent is rejected too.
    public mutating func noteRejected(_ change: ChangeRecord) {
        if change.op == .create { rejectedCreates.insert(Self.key(change.entity, change.entityID)) }
    }

    /// The violation of a change that depends on a `create` rejected earlier in this batch, or `nil`.
    public func dependency(of change: ChangeRecord) -> ContractViolation? {
        guard !rejectedCreates.isEmpty else { return nil }
        if rejectedCreates.contains(Self.key(change.entity, change.entityID)) {
            return ContractViolation(
                .rejectedDependency, field: nil,
                "depends on the create of \(change.entity.rawValue) \(change.entityID) that was rejected earlier "
                    + "in this batch")
        }
        for field in DataContract.entity(change.entity).fields {
            guard let kind = field.references, let id = change.fields[field.name]?.stringValue,
                rejectedCreates.contains(Self.key(kind, id))
            else { continue }
            return ContractViolation(
                .rejectedDependency, field: field.name,
                "its \(field.name) names \(kind.rawValue) \(id), whose create was rejected earlier in this batch")
        }
        return nil
    }

    /// Why `change`, read alone, breaks the contract (every rule but the references), or `nil`.
    ///
    /// - Parameter storedText: the caller found ``holdsStoredText(_:)`` true of `change`, so its text is not scanned
    ///   again (a server judges every pushed text once, on the way in).
    public func check(_ change: ChangeRecord, storedText: Bool = false) -> ContractViolation? {
        shape(of: change, storedText: storedText)
    }

    /// Why `change` breaks the contract, or `nil` when it keeps it: ``check(_:storedText:)``, then the references.
    ///
    /// - Parameter knows: whether a referenced entity exists (deleted or not).
    public func check(_ change: ChangeRecord, storedText: Bool = false, knows: Lookup) rethrows -> ContractViolation? {
        if let violation = shape(of: change, storedText: storedText) { return violation }
        return try checkReferences(of: change, knows: knows)
    }

    /// Why a reference of `change` (a field naming another entity) breaks the contract, or `nil`: what
    /// ``check(_:storedText:knows:)`` checks after the record alone.
    public func checkReferences(of change: ChangeRecord, knows: Lookup) rethrows -> ContractViolation? {
        for field in DataContract.entity(change.entity).fields {
            guard let kind = field.references, let id = change.fields[field.name]?.stringValue else { continue }
            // A known but deleted parent is accepted: that is a concurrent edit, which section 20 merges.
            if try !knows(kind, id) {
                return ContractViolation(
                    .unknownReference, field: field.name,
                    "its \(field.name) names \(kind.rawValue) \(id), which is unknown")
            }
        }
        return nil
    }

    /// Whether every text of `change` (its author, and every string and member name at any depth of its fields) is
    /// in the stored form: what the contract's NFC rules ask, in one scan.
    public static func holdsStoredText(_ change: ChangeRecord) -> Bool {
        isNFC(change.author) && change.fields.values.allSatisfy(allTextIsNFC)
    }

    /// Everything that can be judged from the record alone; its text only when `storedText` is false.
    private func shape(of change: ChangeRecord, storedText: Bool = false) -> ContractViolation? {
        for (name, id) in [
            ("change_id", change.changeID), ("entity_id", change.entityID),
            ("client_id", change.clientID),
        ] where !Identifiers.isLowercaseUUID(id) {
            return ContractViolation(.invalidID, field: name, "\(name) must be a lowercase uuid")
        }
        if !storedText, !Self.isNFC(change.author) {
            return ContractViolation(.notNFC, field: "author", "author must be NFC text with \\n line endings")
        }
        let declaration = DataContract.entity(change.entity)
        let kind = change.entity.rawValue
        if let violation = writable(change, declaration) { return violation }
        for (name, version) in change.base.sorted(by: { $0.key < $1.key }) {
            guard declaration.field(name) != nil else {
                return ContractViolation(.unknownField, field: name, "base names '\(name)', which \(kind) lacks")
            }
            guard Identifiers.isLowercaseUUID(version) else {
                return ContractViolation(
                    .invalidBase, field: name,
                    "base.\(name) must be the change_id (a lowercase uuid) that last wrote the field")
            }
        }
        switch change.op {
        case .delete:
            guard change.fields.isEmpty else {
                return ContractViolation(.invalidOperation, field: nil, "a delete carries no fields")
            }
            return nil
        case .update:
            guard !change.fields.isEmpty else {
                return ContractViolation(.invalidOperation, field: nil, "an update carries at least one field")
            }
        case .create:
            let missing = declaration.fieldNames.filter { change.fields[$0] == nil }
            if !missing.isEmpty {
                return ContractViolation(
                    .missingField, field: missing[0],
                    "a create of \(kind) carries every field; missing: " + missing.joined(separator: ", "))
            }
        }
        for name in change.fields.keys.sorted() {
            guard let field = declaration.field(name), let value = change.fields[name] else {
                return ContractViolation(.unknownField, field: name, "\(kind) has no field '\(name)'")
            }
            if let (code, rule) = field.check(value) {
                return ContractViolation(code, field: name, "field '\(name)' \(rule)")
            }
            if !storedText, !Self.allTextIsNFC(value) {
                return ContractViolation(
                    .notNFC, field: name,
                    "field '\(name)' must be NFC text with \\n line endings")
            }
        }
        return nil
    }

    /// Whether a client may make this change to an entity of this kind at all.
    private func writable(_ change: ChangeRecord, _ declaration: EntityDeclaration) -> ContractViolation? {
        guard origin == .client, let allowed = declaration.clientWritable else { return nil }
        let kind = change.entity.rawValue
        guard !allowed.isEmpty else {
            return ContractViolation(.invalidOperation, field: nil, "\(kind) records are made by the server only")
        }
        let list = allowed.joined(separator: ", ")
        guard change.op == .update else {
            return ContractViolation(
                .invalidOperation, field: nil,
                "\(kind) records are made by the server; a client only updates \(list)")
        }
        let others = change.fields.keys.filter { !allowed.contains($0) }.sorted()
        guard others.isEmpty else {
            return ContractViolation(
                .invalidOperation, field: others[0],
                "a client's change to a \(kind) may only set \(list); not " + others.joined(separator: ", "))
        }
        return nil
    }

    /// Whether every string inside `value` (at any depth) is NFC without carriage returns.
    private static func allTextIsNFC(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): isNFC(text)
        case .array(let items): items.allSatisfy(allTextIsNFC)
        case .object(let members): members.allSatisfy { isNFC($0.key) && allTextIsNFC($0.value) }
        case .null, .bool, .int, .double: true
        }
    }

    /// Whether `text` is NFC and holds no carriage return: the one form of stored text (``StoredTextForm``).
    public static func isNFC(_ text: String) -> Bool {
        StoredTextForm.holds(text)
    }

    private static func key(_ kind: EntityKind, _ id: String) -> String { kind.rawValue + " " + id }
}
