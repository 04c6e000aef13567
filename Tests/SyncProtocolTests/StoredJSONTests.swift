import Foundation
import Testing

@testable import SyncProtocol

/// `CanonicalJSON`'s stored-JSON functions write what `JSONEncoder` (sorted keys, unescaped slashes) wrote before
/// them, so stores keep byte-identical texts, and the stored-text parsers read back what they wrote.
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

    @Test func namesAreOrderedByTheirUTF8Bytes() {
        // Prefixes, the empty name, non-ASCII and a name not in NFC (whose bytes sort differently from its scalars
        // once normalised: "e" + U+0301 against U+00E9).
        let names = ["", "a", "ab", "b", "issue_id", "issue", "Z", "é", "e\u{301}", "đ", "Đ", "ư", "~", "a\u{0}"]
        for lhs in names {
            for rhs in names {
                #expect(
                    CanonicalJSONWriter.precedesInUTF8(lhs, rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8),
                    "\(lhs.debugDescription) vs \(rhs.debugDescription)")
            }
        }
    }

    @Test func anObjectOfOneValueIsWrittenAsItsDictionaryIs() {
        var random = RandomMessages(seed: 13)
        for _ in 0..<200 {
            let record = random.change(seq: false)
            let versions = record.fields.mapValues { _ in record.changeID }
            let written = CanonicalJSON.text(names: record.fields.keys, each: record.changeID)
            #expect(written == CanonicalJSON.text(versions))
        }
    }

    @Test func aRecordsFieldsCutFromItsTextAreTheFieldsText() {
        var random = RandomMessages(seed: 11)
        for _ in 0..<500 {
            let record = random.change(seq: random.bool())
            let texts = CanonicalJSON.texts(record)
            #expect(texts.record == CanonicalJSON.text(record))
            #expect(texts.fields == CanonicalJSON.text(record.fields))
        }
    }

    /// A server writes a record's text before it knows the seq (``CanonicalJSON/unsequenced(_:)``) and adds it
    /// later: the result is the text of the record with that seq and without `seen`, whatever it had of either.
    @Test func aRecordWrittenBeforeItsSeqGetsTheTextOfTheRecordWithIt() {
        var random = RandomMessages(seed: 23)
        for round in 0..<500 {
            var record = random.change(seq: random.bool())
            if round.isMultiple(of: 2) { record.seen = Int64(round) }
            let seq = Int64(round) * 7_919 + (round.isMultiple(of: 3) ? Int64.max / 2 : 0)
            let spliced = CanonicalJSON.texts(CanonicalJSON.unsequenced(record), seq: seq)
            var logged = record
            logged.seq = seq
            logged.seen = nil
            let texts = CanonicalJSON.texts(logged)
            #expect(spliced.record == texts.record)
            #expect(spliced.fields == texts.fields)
        }
    }

    @Test func storedTextsReadBackAsWritten() throws {
        var random = RandomMessages(seed: 7)
        for _ in 0..<500 {
            let record = random.change(seq: random.bool())
            #expect(try ChangeRecord(parsingJSON: CanonicalJSON.text(record)) == record)
            #expect(try JSONValue(parsingJSON: CanonicalJSON.text(record.fields)) == .object(record.fields))
            #expect(
                try JSONValue(parsingJSON: CanonicalJSON.text(record.base))
                    == .object(
                        record.base.mapValues {
                            .string($0)
                        }))
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
}
