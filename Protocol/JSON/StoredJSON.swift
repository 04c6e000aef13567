/// The JSON that replicas keep in their stores (change records, entity fields, per-field versions): written in the
/// canonical form of the wire and read with its strict parser, both much faster than `JSONEncoder`/`JSONDecoder`.
///
/// The bytes are those `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes (the writer is tested
/// against it), so texts stored before and after are the same.
extension CanonicalJSON {
    /// The canonical bytes of a change record, as it appears inside a message.
    public static func bytes(_ record: ChangeRecord) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.changeRecord(record)
        return writer.bytes
    }

    /// The canonical bytes of an object of values (e.g. an entity's fields).
    public static func bytes(_ object: [String: JSONValue]) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.object(object)
        return writer.bytes
    }

    /// The canonical bytes of an object of strings (e.g. an entity's per-field versions).
    public static func bytes(_ object: [String: String]) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.object(object)
        return writer.bytes
    }

    /// The canonical text of a change record.
    public static func text(_ record: ChangeRecord) -> String {
        String(decoding: bytes(record), as: UTF8.self)
    }

    /// The canonical text of an object of values.
    public static func text(_ object: [String: JSONValue]) -> String {
        String(decoding: bytes(object), as: UTF8.self)
    }

    /// The canonical text of an object of strings.
    public static func text(_ object: [String: String]) -> String {
        String(decoding: bytes(object), as: UTF8.self)
    }

    /// Parses one JSON value (RFC 8259, strictly).
    ///
    /// - Throws: a ``ProtocolError`` naming what is wrong.
    public static func value(parsing text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try JSONParser.parse(UnsafeRawBufferPointer($0)) }
    }

    /// Parses a JSON object of values.
    ///
    /// - Throws: a ``ProtocolError`` when the text is not JSON or not an object.
    public static func object(parsing text: String) throws -> [String: JSONValue] {
        guard case .object(let members) = try value(parsing: text) else {
            throw ProtocolError.invalidMessage("the stored JSON is not an object")
        }
        return members
    }

    /// Parses a JSON object whose values are all strings.
    ///
    /// - Throws: a ``ProtocolError`` when the text is not JSON, not an object, or holds a value that is not a string.
    public static func strings(parsing text: String) throws -> [String: String] {
        var strings: [String: String] = [:]
        for (name, value) in try object(parsing: text) {
            guard let string = value.stringValue else {
                throw ProtocolError.invalidMessage("member '\(name)' of the stored JSON is not a string")
            }
            strings[name] = string
        }
        return strings
    }

    /// Parses a change record written by ``bytes(_:)-(ChangeRecord)`` (or any JSON encoder of the same shape).
    ///
    /// - Throws: a ``ProtocolError`` naming what is wrong.
    public static func changeRecord(parsing text: String) throws -> ChangeRecord {
        var text = text
        return try text.withUTF8 { utf8 in
            var parser = try JSONParser(validating: UnsafeRawBufferPointer(utf8))
            guard try parser.peek() == 0x7B else {  // {
                throw ProtocolError.invalidMessage("the stored change record is not a JSON object")
            }
            let field = try ChangeRecordMembers.record(&parser)
            try parser.finish()
            do throws(FieldProblem) {
                return try field.required()
            } catch {
                throw error.error(member: "change record")
            }
        }
    }
}
