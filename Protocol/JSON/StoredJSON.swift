/// The JSON that replicas keep in their stores (change records, entity fields, per-field versions), written in the
/// canonical form of the wire: several times faster than `JSONEncoder`, and read back with
/// ``ChangeRecord/init(parsingJSON:)`` and ``JSONValue/init(parsingJSON:)``.
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

    /// The canonical text of a change record and, written once with it, the canonical text of its `fields`:
    /// the bytes of the record's `fields` member are those of ``text(_:)-([String: JSONValue])`` of its fields.
    ///
    /// A server that logs a create stores the entity's fields beside the logged record; this saves writing a
    /// ~5 KB article a second time.
    public static func texts(_ record: ChangeRecord) -> (record: String, fields: String) {
        var writer = CanonicalJSONWriter()
        writer.changeRecord(record)
        return texts(of: writer.bytes, fields: writer.lastFieldsRange)
    }

    /// The texts of a record's canonical bytes and of its `fields` object at `fields` in them: the range starts at
    /// `{` and ends after `}`, both on scalar boundaries, so the cut is valid UTF-8 too.
    private static func texts(of bytes: [UInt8], fields: Range<Int>) -> (record: String, fields: String) {
        (string(bytes), string(Array(bytes[fields])))
    }

    /// The canonical bytes of `record` without its `seq` and `seen`, written before a server knows the seq it will log
    /// it at (see ``texts(_:seq:)``).
    public static func unsequenced(_ record: ChangeRecord) -> UnsequencedRecord {
        var record = record
        record.seq = nil
        record.seen = nil
        var writer = CanonicalJSONWriter()
        writer.changeRecord(record)
        return UnsequencedRecord(bytes: writer.bytes, fields: writer.lastFieldsRange)
    }

    /// ``texts(_:)`` of the record `unsequenced` was written from, with `seq` and without `seen`: `seq` is the last
    /// member in the canonical (sorted) order, so it goes just before the closing brace.
    public static func texts(_ unsequenced: UnsequencedRecord, seq: Int64) -> (record: String, fields: String) {
        var bytes = unsequenced.bytes
        bytes.removeLast()
        bytes.append(contentsOf: #","seq":"#.utf8)
        bytes.append(contentsOf: String(seq).utf8)
        bytes.append(UInt8(ascii: "}"))
        // The seq goes after the fields, which stay where they were.
        return texts(of: bytes, fields: unsequenced.fields)
    }

    /// The canonical text of a change record.
    public static func text(_ record: ChangeRecord) -> String {
        string(bytes(record))
    }

    /// The canonical text of an object of values.
    public static func text(_ object: [String: JSONValue]) -> String {
        string(bytes(object))
    }

    /// The canonical text of an object of strings.
    public static func text(_ object: [String: String]) -> String {
        string(bytes(object))
    }

    /// The canonical bytes of an array of strings (e.g. an article's paragraphs).
    public static func bytes(_ strings: [String]) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.strings(strings)
        return writer.bytes
    }

    /// The canonical text of an array of strings.
    public static func text(_ strings: [String]) -> String {
        string(bytes(strings))
    }

    /// The canonical text of the object of strings whose members `names` all hold `value`, written without making
    /// the dictionary: a new entity's versions, every field at the change that made it.
    public static func text(names: some Collection<String>, each value: String) -> String {
        var writer = CanonicalJSONWriter()
        writer.object(names: names) { _ in value }
        return string(writer.bytes)
    }

    /// The text of bytes the canonical writer wrote, without checking them again: they are valid UTF-8 by
    /// construction (the UTF-8 of Swift strings, and ASCII punctuation, escapes and numbers). The standard library's
    /// check of a logged ~5 KB article was 4 % of the server's CPU in a push of creates.
    public static func string(_ bytes: [UInt8]) -> String {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return bytes.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: $0.span, isKnownASCII: false)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A change record's canonical bytes without `seq` and `seen` (see ``CanonicalJSON/unsequenced(_:)``): a server
/// writes them beside its one writer thread, which only adds the seq.
public struct UnsequencedRecord: Sendable {
    /// The record's bytes, ending with its closing brace.
    fileprivate let bytes: [UInt8]
    /// Where its `fields` object lies in them.
    fileprivate let fields: Range<Int>
}
