import Foundation
import SyncProtocol

/// The JSON text the server stores and measures: sorted keys, `/` unescaped, exactly as ``FrameCodec`` writes.
///
/// Stored texts are the ones measured against a pull's `max_bytes`, so they must be what goes on the wire.
enum RecordJSON {
    /// A fresh encoder with the wire conventions (encoders are cheap and not shared across threads).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes `value` as UTF-8 JSON text.
    static func text(_ value: some Encodable, using encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes a value from JSON text the server stored.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Decodes a change record the server stored (with the wire's parser: this runs for every pulled record).
    static func decode(_ type: ChangeRecord.Type, from text: String) throws -> ChangeRecord {
        try ChangeRecord(parsingJSON: text)
    }

    /// Decodes stored field values (with the wire's parser, which reads `JSONValue` without probing types).
    static func decode(_ type: [String: JSONValue].Type, from text: String) throws -> [String: JSONValue] {
        guard let members = try JSONValue(parsingJSON: text).objectValue else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "stored fields are not an object"))
        }
        return members
    }
}
