/// Parsing of stored JSON text (a server's log rows, a client's outbox) with the wire's own parser, which is
/// faster than `JSONDecoder` for `JSONValue` and does not probe types by throwing.
extension JSONValue {
    /// Parses one JSON text.
    /// - Throws: ``ProtocolError`` when the text is not one valid JSON value.
    public init(parsingJSON text: String) throws {
        var text = text
        self = try text.withUTF8 { bytes in try JSONParser.parse(UnsafeRawBufferPointer(bytes)) }
    }
}

extension ChangeRecord {
    /// Parses a change record from its JSON text (as the wire and the stores write it).
    /// - Throws: ``ProtocolError`` when the text is not a change record.
    public init(parsingJSON text: String) throws {
        var text = text
        self = try text.withUTF8 { bytes in try MessageJSONDecoding.changeRecord(from: UnsafeRawBufferPointer(bytes)) }
    }
}
