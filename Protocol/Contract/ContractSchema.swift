/// The data contract written out as JSON Schema (draft 2020-12): `Protocol/contract.json`, so that another
/// implementation can validate change records exactly as the server does.
///
/// Generated from ``DataContract`` and ``ChangeRecordContract``; `ContractSchemaTests` fails when the committed file
/// differs (regenerate with `BULLETIN_WRITE_CONTRACT=1 swift test --filter ContractSchemaTests`). Two rules JSON
/// Schema cannot say are written as annotations: text is NFC (`$comment` of `text`), and a range has
/// `start <= end`; `x-references` names the entity kind a field refers to.
public enum ContractSchema {
    /// The schema document.
    public static var document: JSONValue {
        var defs: [String: JSONValue] = [
            "uuid": .object([
                "type": .string("string"), "pattern": .string(uuidPattern),
                "description": .string("a UUID in lowercase text form"),
            ]),
            "hlc": .object([
                "type": .string("string"), "pattern": .string("^[0-9]{15}-[0-9]{5}$"),
                "description": .string("hybrid-logical-clock time: 15 digits of milliseconds, '-', 5 of counter"),
            ]),
            "text": .object([
                "type": .string("string"), "pattern": .string("^[^\\r]*$"),
                "$comment": .string("Unicode NFC with \\n line endings (pushed text is normalised to it)"),
            ]),
            "date": .object([
                "type": .string("string"), "format": .string("date"),
                "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                "description": .string("a real calendar date YYYY-MM-DD"),
            ]),
            "timestamp": .object([
                "type": .string("string"), "format": .string("date-time"),
                "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$"),
                "description": .string("an ISO 8601 UTC timestamp"),
            ]),
            "citation": .object([
                "type": .string("object"), "additionalProperties": .bool(false),
                "required": strings(FieldType.citationMembers.sorted()),
                "properties": .object([
                    "outlet": ref("text"), "date": ref("text"),
                    "authors": .object(["type": .string("array"), "items": ref("text")]),
                ]),
            ]),
            "range": .object([
                "type": .string("object"), "additionalProperties": .bool(false),
                "required": strings(FieldType.rangeMembers.sorted()),
                "properties": .object([
                    "start": .object(["type": .string("integer"), "minimum": .int(0)]),
                    "end": .object(["type": .string("integer"), "minimum": .int(0)]),
                ]),
                "$comment": .string("start <= end"),
            ]),
            "change_record": changeRecord,
        ]
        for entity in DataContract.entities {
            defs[entity.kind.rawValue] = fieldsSchema(entity)
        }
        return .object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "title": .string("BulletinSync data contract, protocol version 1"),
            "description": .string(
                "A change record (PROTOCOL.md sections 9, 10 and 21); $defs holds one schema per entity kind (the "
                    + "object of its fields). Generated from Protocol/Contract/DataContract.swift: do not edit."),
            "$ref": .string("#/$defs/change_record"),
            "$defs": .object(defs),
        ])
    }

    /// The document as committed: members sorted, two-space indentation, a final newline.
    public static var text: String {
        PrettyJSON.text(document)
    }

    static let uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

    private static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/$defs/" + name)])
    }

    /// The object of an entity's fields: every member optional (an update sets some), none undeclared.
    private static func fieldsSchema(_ entity: EntityDeclaration) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in entity.fields {
            var schema = valueSchema(field.type)
            if field.nullable { schema = .object(["anyOf": .array([.object(["type": .string("null")]), schema])]) }
            guard case .object(var members) = schema else { continue }
            members["description"] = .string(field.summary)
            if let kind = field.references { members["x-references"] = .string(kind.rawValue) }
            properties[field.name] = .object(members)
        }
        var schema: [String: JSONValue] = [
            "type": .string("object"), "additionalProperties": .bool(false), "properties": .object(properties),
            "description": .string(entity.summary),
        ]
        if let writable = entity.clientWritable {
            schema["x-client-writable"] = .array(writable.map(JSONValue.string))
        }
        return .object(schema)
    }

    private static func valueSchema(_ type: FieldType) -> JSONValue {
        switch type {
        case .text: ref("text")
        case .uuid: ref("uuid")
        case .date: ref("date")
        case .timestamp: ref("timestamp")
        case .hlc: ref("hlc")
        case .enumeration(let values): .object(["type": .string("string"), "enum": strings(values)])
        case .number: .object(["type": .string("number")])
        case .integer: .object(["type": .string("integer")])
        case .index: .object(["type": .string("integer"), "minimum": .int(0)])
        case .bool: .object(["type": .string("boolean")])
        case .textArray: .object(["type": .string("array"), "items": ref("text")])
        case .citation: ref("citation")
        case .range: ref("range")
        case .object: .object(["type": .string("object")])
        case .any: .object([:])
        }
    }

    /// The change record: its members, then per entity kind what `fields` and `base` may hold, and per operation
    /// which fields it carries.
    private static var changeRecord: JSONValue {
        var properties: [String: JSONValue] = [:]
        for member in ChangeRecordContract.members {
            properties[member.name] = valueSchema(member.type)
        }
        properties["base"] = .object(["type": .string("object"), "additionalProperties": ref("uuid")])
        properties["seq"] = .object(["type": .string("integer"), "minimum": .int(1)])
        properties["seen"] = .object(["type": .string("integer"), "minimum": .int(0)])
        var rules: [JSONValue] = []
        for entity in DataContract.entities {
            let kind = entity.kind.rawValue
            let names = strings(entity.fieldNames)
            rules.append(
                when(
                    ["entity": kind],
                    then: .object([
                        "properties": .object([
                            "fields": ref(kind), "base": .object(["propertyNames": .object(["enum": names])]),
                        ])
                    ])))
            rules.append(
                when(
                    ["entity": kind, "op": "create"],
                    then: .object([
                        "required": strings(["fields"]),
                        "properties": .object(["fields": .object(["required": names])]),
                    ])))
        }
        rules.append(
            when(
                ["op": "update"],
                then: .object([
                    "required": strings(["fields"]),
                    "properties": .object(["fields": .object(["minProperties": .int(1)])]),
                ])))
        rules.append(
            when(
                ["op": "delete"],
                then: .object([
                    "properties": .object(["fields": .object(["maxProperties": .int(0)])])
                ])))
        return .object([
            "type": .string("object"),
            "required": .array(ChangeRecordContract.members.filter(\.required).map { .string($0.name) }),
            "properties": .object(properties),
            "allOf": .array(rules),
            "description": .string("one change to one entity (section 9); unknown members are ignored (section 6)"),
        ])
    }

    private static func strings(_ items: [String]) -> JSONValue {
        .array(items.map(JSONValue.string))
    }

    /// `if` the record's members have these values, `then` the schema applies.
    private static func when(_ members: [String: String], then: JSONValue) -> JSONValue {
        .object([
            "if": .object([
                "properties": .object(members.mapValues { .object(["const": .string($0)]) }),
                "required": strings(members.keys.sorted()),
            ]),
            "then": then,
        ])
    }
}
