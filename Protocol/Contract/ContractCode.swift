/// Why a change record breaks the data contract: the stable `code` of a `rejected` push result (PROTOCOL.md
/// section 21). A client treats a name it does not know as a permanent rejection.
public enum ContractCode: String, Sendable, Hashable, CaseIterable {
    /// `entity_id` or `client_id` is not a lowercase uuid (a bad `change_id` refuses the whole push).
    case invalidID = "invalid_id"
    /// `fields` or `base` names a field the entity does not declare.
    case unknownField = "unknown_field"
    /// A `create` lacks a field of its entity.
    case missingField = "missing_field"
    /// A value has the wrong JSON type, or is `null` where the field is not nullable.
    case wrongType = "wrong_type"
    /// A value has the right JSON type but not the field's format (uuid, date, timestamp, enumeration, shape).
    case invalidFormat = "invalid_format"
    /// Text that is not NFC, or holds a carriage return. A server normalises pushed text instead of refusing it;
    /// a client's own outgoing changes and a stored log are checked for it.
    case notNFC = "not_nfc"
    /// A `base` value is not a lowercase uuid (the `change_id` that last wrote the field).
    case invalidBase = "invalid_base"
    /// The operation does not fit: a `delete` with fields, an `update` without any, a change to a conflict other
    /// than resolving it, a pushed publication.
    case invalidOperation = "invalid_operation"
    /// A reference (`issue_id`, `section_id`, `article_id`) names an entity the server does not know.
    case unknownReference = "unknown_reference"
    /// The change depends on a `create` rejected earlier in the same push.
    case rejectedDependency = "rejected_dependency"

    /// The name on the wire.
    public var name: String { rawValue }
}

/// A change's breach of the data contract: a stable code and a reason naming the field and the rule.
public struct ContractViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule broken.
    public let code: ContractCode
    /// The field (or record member) at fault, when there is one.
    public let field: String?
    /// A sentence a person can act on: names the field and the rule.
    public let reason: String

    /// Creates a violation.
    public init(_ code: ContractCode, field: String?, _ reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    /// `wrong_type: field 'title' must be a string`.
    public var description: String { "\(code.name): \(reason)" }
}
