/// A change record held as its canonical JSON text (PROTOCOL.md section 15), the form a client's outbox keeps it in:
/// a `push` sends the text as it is (``Push/texts``) instead of parsing it and writing the same bytes again.
public struct CanonicalRecord: Sendable, Hashable {
    /// The record's text.
    public let text: String

    /// The text of `record`.
    public init(_ record: ChangeRecord) {
        text = CanonicalJSON.text(record)
    }

    /// Takes a stored text after checking that it is one JSON object (syntax, UTF-8, stream-safe strings), without
    /// building its values: a damaged row is refused where it is read, not by the server it would be sent to.
    ///
    /// - Throws: ``ProtocolError`` when the text is not one JSON object.
    public init(checking text: String) throws {
        var bytes = text
        try bytes.withUTF8 { buffer in
            var parser = try JSONParser(validating: UnsafeRawBufferPointer(buffer))
            guard try parser.peek() == UInt8(ascii: "{") else {
                throw ProtocolError.invalidMessage("a change record is a JSON object")
            }
            try parser.skipValue()
            try parser.finish()
        }
        self.text = text
    }

    /// The record the text holds.
    /// - Throws: ``ProtocolError`` when the text is not a change record.
    public func record() throws -> ChangeRecord {
        try ChangeRecord(parsingJSON: text)
    }
}
