import Foundation
import SyncProtocol
import Testing

/// The change record's wire names in the three codecs (the canonical writer, the strict decoder, `Codable`) are
/// exactly the members the contract declares (``ChangeRecordContract``), both ways.
@Suite struct ChangeRecordCodecTests {
    static let record = ChangeRecord(
        changeID: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", entity: .section,
        entityID: "2d509c74-ae31-4f40-98cb-5e6f708192a3", op: .update, fields: ["title": .string("Mục")],
        base: ["title": "7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a097"],
        hlc: HLCTimestamp(wallMillis: 1_725_523_200_000, counter: 3), author: "Lan",
        clientID: "5f0c6f7e-2b7d-4c1a-9a57-1f1de2a3b4c5", seq: 7, seen: 6)

    static func push(_ record: JSONValue) -> [UInt8] {
        CanonicalJSON.bytes(
            .object([
                "type": .string("push"), "batch_id": .string("4b3a2918-0706-45e4-93c2-b1a097867564"),
                "changes": .array([record]),
            ]))
    }

    static func writtenRecord() throws -> [String: JSONValue] {
        let json = FrameCodec.json(.push(Push(batchID: "4b3a2918-0706-45e4-93c2-b1a097867564", changes: [record])))
        let message = try JSONValue(parsingJSON: String(decoding: json, as: UTF8.self))
        return try #require(message.objectValue?["changes"]?.arrayValue?.first?.objectValue)
    }

    @Test func theCanonicalWriterWritesExactlyTheDeclaredMembers() throws {
        #expect(Set(try Self.writtenRecord().keys) == Set(ChangeRecordContract.names))
    }

    @Test func codableUsesExactlyTheDeclaredMembers() throws {
        let data = try JSONEncoder().encode(Self.record)
        let object = try JSONValue(parsingJSON: String(decoding: data, as: UTF8.self))
        #expect(Set(try #require(object.objectValue).keys) == Set(ChangeRecordContract.names))
    }

    /// A member the decoder knows is type-checked (an array where it belongs not is refused); a member it does not
    /// know is skipped. So the decoder knows exactly the declared members when every declared one is refused and an
    /// undeclared one is not.
    @Test func theStrictDecoderKnowsExactlyTheDeclaredMembers() throws {
        let written = try Self.writtenRecord()
        #expect(throws: Never.self) { try FrameCodec.decodeJSON(Self.push(.object(written))) }
        for member in ChangeRecordContract.names {
            var broken = written
            broken[member] = .array([.bool(true)])
            #expect(throws: (any Error).self, "\(member)") { try FrameCodec.decodeJSON(Self.push(.object(broken))) }
        }
        var extra = written
        extra["colour"] = .array([.bool(true)])
        #expect(throws: Never.self) { try FrameCodec.decodeJSON(Self.push(.object(extra))) }
    }
}
