import Foundation
import NIOCore
import Testing

@testable import SyncProtocol

@Suite struct MessageRoundTripTests {
    /// The reference: Foundation's encoder with the options section 15 of PROTOCOL.md names.
    static func foundationJSON(_ message: Message) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(message))
    }

    @Test(arguments: SampleMessages.all)
    func everyMessageSurvivesJSONAndFrames(_ message: Message) throws {
        let json = FrameCodec.json(message)
        #expect(try FrameCodec.decodeJSON(json) == message)
        for codec in [FrameCodec(), FrameCodec(compressionThreshold: 0), FrameCodec(compressionThreshold: .max)] {
            var buffer = ByteBuffer(bytes: codec.frame(for: message))
            let frame = try #require(try codec.readFrame(from: &buffer))
            #expect(try codec.decode(frame) == message)
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test(arguments: SampleMessages.all)
    func canonicalWriterAgreesWithFoundation(_ message: Message) throws {
        let ours = FrameCodec.json(message)
        #expect(ours == (try Self.foundationJSON(message)))
        #expect(try JSONDecoder().decode(Message.self, from: Data(ours)) == message)
    }

    @Test func everyMessageTypeIsCovered() {
        #expect(Set(SampleMessages.all.map(\.type)) == Message.knownTypes)
    }

    @Test func randomMessagesRoundTripAndMatchFoundationByteForByte() throws {
        var generator = RandomMessages(seed: 0xB5_2024)
        for round in 0..<2_000 {
            let message = generator.message()
            let ours = FrameCodec.json(message)
            let reference = try Self.foundationJSON(message)
            #expect(ours == reference, "round \(round): \(String(decoding: ours, as: UTF8.self))")
            let decoded = try FrameCodec.decodeJSON(ours)
            #expect(decoded == message, "round \(round)")
            if ours != reference || decoded != message { break }
        }
    }

    @Test func unknownMembersAreIgnoredAtEveryLevel() throws {
        let json = #"""
            {"type":"push","batch_id":"b","future":{"x":[1,2]},"changes":[{"change_id":"c","entity":"issue",
            "entity_id":"i","op":"update","fields":{"state":"review"},"hlc":"001725523200000-00003",
            "author":"a","client_id":"k","signature":"zzz"}]}
            """#
        let message = try FrameCodec.decodeJSON(Array(json.utf8))
        guard case .push(let push) = message else {
            Issue.record("expected push, got \(message)")
            return
        }
        #expect(push.changes.first?.fields == ["state": .string("review")])
        #expect(push.changes.first?.base == [:])
    }

    @Test func nullOptionalMembersReadAsAbsent() throws {
        let message = try FrameCodec.decodeJSON(Array(#"{"type":"bye","reason":null}"#.utf8))
        #expect(message == .bye(Bye()))
    }

    @Test func whitespaceAroundTokensIsAccepted() throws {
        let message = try FrameCodec.decodeJSON(Array(" {\n\t\"type\" : \"ping\" ,\r\n \"nonce\" : -7 } \n".utf8))
        #expect(message == .ping(Ping(nonce: -7)))
    }

    @Test func integralNumbersAreAcceptedForIntegerFields() throws {
        #expect(try FrameCodec.decodeJSON(Array(#"{"type":"ping","nonce":7.0}"#.utf8)) == .ping(Ping(nonce: 7)))
        #expect(try FrameCodec.decodeJSON(Array(#"{"type":"ping","nonce":7e2}"#.utf8)) == .ping(Ping(nonce: 700)))
    }

    @Test func nonFiniteDoublesAreWrittenAsNullInsteadOfTrapping() throws {
        let change = ChangeRecord(
            changeID: "c", entity: .section, entityID: "s", op: .update,
            fields: ["position": .double(.infinity)], hlc: .zero, author: "a", clientID: "k")
        let json = String(decoding: FrameCodec.json(.push(Push(batchID: "b", changes: [change]))), as: UTF8.self)
        #expect(json.contains(#""position":null"#))
    }
}
