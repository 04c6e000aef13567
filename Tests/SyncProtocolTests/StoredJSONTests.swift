import Foundation
import Testing
@testable import SyncProtocol

/// `CanonicalJSON`'s stored-JSON functions write what `JSONEncoder` (sorted keys, unescaped slashes) wrote before
/// them, so stores keep byte-identical texts, and read back what they wrote.
@Suite struct StoredJSONTests {
    private static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func recordsFieldsAndVersionsAreWrittenAsJSONEncoderWroteThem() throws {
        var random = RandomMessages(seed: 42)
        for _ in 0..<500 {
            let record = random.change(seq: random.bool())
            #expect(CanonicalJSON.text(record) == (try Self.encoded(record)))
            #expect(CanonicalJSON.text(record.fields) == (try Self.encoded(record.fields)))
            #expect(CanonicalJSON.text(record.base) == (try Self.encoded(record.base)))
        }
    }

    @Test func storedTextsReadBackAsWritten() throws {
        var random = RandomMessages(seed: 7)
        for _ in 0..<500 {
            let record = random.change(seq: random.bool())
            #expect(try CanonicalJSON.changeRecord(parsing: CanonicalJSON.text(record)) == record)
            #expect(try CanonicalJSON.object(parsing: CanonicalJSON.text(record.fields)) == record.fields)
            #expect(try CanonicalJSON.strings(parsing: CanonicalJSON.text(record.base)) == record.base)
        }
    }

    @Test func vietnameseSlashesAndControlCharactersMatchJSONEncoder() throws {
        let fields: [String: JSONValue] = [
            "title": .string("Lâm Đồng: “Phủ sóng” 05/9 \\ \"trích\" \t\n\u{0001}\u{001F}"),
            "position": .double(2.5), "contents_page": .int(3), "source": .null,
            "paragraphs": .array([.string("Đoạn 1/2"), .string("")]),
        ]
        #expect(CanonicalJSON.text(fields) == (try Self.encoded(fields)))
    }

    @Test func malformedStoredTextsAreRefused() {
        #expect(throws: ProtocolError.self) { try CanonicalJSON.changeRecord(parsing: "[1]") }
        #expect(throws: ProtocolError.self) { try CanonicalJSON.changeRecord(parsing: #"{"change_id":"x"}"#) }
        #expect(throws: ProtocolError.self) { try CanonicalJSON.object(parsing: "{\"a\":1") }
        #expect(throws: ProtocolError.self) { try CanonicalJSON.object(parsing: "[]") }
        #expect(throws: ProtocolError.self) { try CanonicalJSON.strings(parsing: #"{"a":1}"#) }
    }
}
