/// One field of an entity under the data contract: its name in change records, its type and format, whether it
/// may be `null`, and the entity kind it refers to.
public struct FieldDeclaration: Sendable, Hashable {
    /// The field's name in change records (`snake_case`).
    public let name: String
    /// The JSON type and format of a non-null value.
    public let type: FieldType
    /// Whether `null` is a value of the field.
    public let nullable: Bool
    /// The entity kind whose id the field holds, when it refers to one (a parent: `issue_id`, `section_id`,
    /// `article_id`); the door rejects a reference to an entity the server does not know.
    public let references: EntityKind?
    /// What the field holds, for a person (written into `contract.json`).
    public let summary: String

    /// Declares a field.
    public init(
        _ name: String, _ type: FieldType, nullable: Bool = false, references: EntityKind? = nil, _ summary: String
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.references = references
        self.summary = summary
    }

    /// Why `value` does not fit the field, or `nil` when it does.
    public func check(_ value: JSONValue) -> (code: ContractCode, rule: String)? {
        if value.isNull { return nullable ? nil : (.wrongType, "must not be null") }
        guard let (code, rule) = type.check(value) else { return nil }
        return (code, nullable ? rule + " or null" : rule)
    }
}

/// One entity kind under the data contract: its fields, in the order PROTOCOL.md lists them.
public struct EntityDeclaration: Sendable {
    /// The entity kind.
    public let kind: EntityKind
    /// Every field, in protocol order; a `create` carries all of them.
    public let fields: [FieldDeclaration]
    /// The fields a client's change may set, when not all of them (a conflict is only resolved); `[]`: a client
    /// never pushes this kind at all.
    public let clientWritable: [String]?
    /// What the entity is, for a person.
    public let summary: String

    /// The field named `name`, matched byte for byte; `nil` when the entity does not declare it.
    public func field(_ name: String) -> FieldDeclaration? {
        fields.first { $0.name.utf8.elementsEqual(name.utf8) }
    }

    /// The field names, in protocol order.
    public var fieldNames: [String] { fields.map(\.name) }
}
