import Foundation
import TestSupport
import Testing

@testable import SyncProtocol

/// Issue 19: hostile text decodes in linear time and bounded memory, and keys are compared by bytes.
@Suite struct HostileDecodingTests {
    func decode(_ bytes: [UInt8]) throws -> Message {
        try FrameCodec.decodeJSON(bytes)
    }

    func code(_ bytes: [UInt8]) -> ErrorCode? {
        do {
            _ = try decode(bytes)
            return nil
        } catch let error as ProtocolError {
            return error.code
        } catch {
            return nil
        }
    }

    func seconds(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: Combining marks

    @Test(arguments: [
        HostilePayloads.markRunMemberName(marks: 100_000), HostilePayloads.markRunType(marks: 100_000),
        HostilePayloads.markRunFieldKey(marks: 100_000),
    ])
    func longMarkRunsAreRefusedQuickly(_ payload: [UInt8]) throws {
        var result: ErrorCode?
        // Before the fix one comparison of a 100k-mark name took seconds, and the decoder made dozens.
        let elapsed = seconds { result = code(payload) }
        #expect(result == .invalidMessage)
        #expect(elapsed < 0.5, "took \(elapsed) s")
    }

    @Test func theRefusalSaysWhy() throws {
        #expect(throws: ProtocolError.self) { try decode(HostilePayloads.markRunMemberName(marks: 31)) }
        do {
            _ = try decode(HostilePayloads.markRunMemberName(marks: 31))
        } catch let error as ProtocolError {
            #expect(error.errorMessage.message.contains("stream-safe"))
        }
    }

    @Test func thirtyMarksInARowAreAccepted() throws {
        #expect(try decode(HostilePayloads.markRunMemberName(marks: 30)) == .ping(Ping(nonce: 7)))
        #expect(code(HostilePayloads.markRunMemberName(marks: 31)) == .invalidMessage)
        // Escaped marks count the same as raw ones.
        let escaped = #"{"type":"ping","nonce":7,"x":"a"# + String(repeating: #"\u0301"#, count: 31) + #""}"#
        #expect(code(Array(escaped.utf8)) == .invalidMessage)
    }

    @Test func syntaxErrorsStillComeFirst() throws {
        // A mark run early and a syntax error late: the fatal syntax error is what is reported.
        let payload = HostilePayloads.markRunMemberName(marks: 40).dropLast() + Array(",}".utf8)
        #expect(code(Array(payload)) == .invalidJSON)
    }

    @Test func nfdVietnameseDecodes() throws {
        let nfd = SampleMessages.vietnameseParagraph.decomposedStringWithCanonicalMapping
        #expect(nfd.utf8.count > SampleMessages.vietnameseParagraph.utf8.count)
        var change = SampleMessages.articleCreate
        change.fields["title"] = .string(SampleMessages.articleTitle.decomposedStringWithCanonicalMapping)
        change.fields["paragraphs"] = .array([.string(nfd)])
        change.author = nfd
        let message = Message.push(Push(batchID: "b", changes: [change]))
        let decoded = try decode(FrameCodec.json(message))
        #expect(decoded == message)
        guard case .push(let push) = decoded else { return }
        // Byte for byte, not only canonically equal.
        #expect(Array(push.changes[0].author.utf8) == Array(nfd.utf8))
    }

    // MARK: Member names and enumerations by bytes

    @Test func escapedKnownNamesStillMatch() throws {
        #expect(try decode(Array(#"{"ty\u0070e":"ping","\u006eonce":7}"#.utf8)) == .ping(Ping(nonce: 7)))
    }

    @Test func namesThatAreEqualOnlyAfterNormalizationAreUnknown() throws {
        // "nonce" spelled with a combining mark is another name: the real one is then missing.
        let payload = #"{"type":"ping","nonce":7,"no\#u{0301}nce":8}"#
        #expect(try decode(Array(payload.utf8)) == .ping(Ping(nonce: 7)))
        #expect(code(Array(#"{"type":"ping","no\#u{0301}nce":8}"#.utf8)) == .invalidMessage)
    }

    @Test func enumerationValuesMatchOnBytes() throws {
        var record = String(decoding: CanonicalJSON.bytes(SampleMessages.annotationDelete), as: UTF8.self)
        record = record.replacingOccurrences(of: #""op":"delete""#, with: #""op":"d\u0065lete""#)
        let decoded = try ChangeRecord(parsingJSON: record)
        #expect(decoded.op == .delete)
        let wrong = record.replacingOccurrences(of: #""op":"d\u0065lete""#, with: #""op":"dele\#u{0301}te""#)
        #expect(throws: ProtocolError.self) { try ChangeRecord(parsingJSON: wrong) }
    }

    @Test func aLongTypeIsUnsupportedAndCut() throws {
        let payload = #"{"type":""# + String(repeating: "x", count: 100_000) + #""}"#
        do {
            _ = try decode(Array(payload.utf8))
            Issue.record("decoded")
        } catch let error as ProtocolError {
            #expect(error.code == .unsupportedMessage)
            #expect(error.errorMessage.message.utf8.count < 200)
        }
    }

    // MARK: Repeated and normalisation-equal keys

    @Test(arguments: [
        #"{"type":"ping","nonce":7,"nonce":8}"#, #"{"type":"ping","type":"ping","nonce":7}"#,
        #"{"type":"ping","nonce":7,"x":1,"x":2}"#, #"{"type":"ping","nonce":7,"x":{"a":1,"b":2,"\u0061":3}}"#,
    ])
    func byteEqualRepeatsAreInvalidJSON(_ payload: String) {
        #expect(code(Array(payload.utf8)) == .invalidJSON)
    }

    @Test func repeatedFieldKeysAreInvalidJSON() throws {
        let (prefix, suffix) = Self.pushParts
        #expect(code(Array((prefix + #""a":1,"a":2"# + suffix).utf8)) == .invalidJSON)
    }

    @Test func fieldKeysEqualOnlyAfterNormalizationAreRefused() throws {
        let (prefix, suffix) = Self.pushParts
        let payload = prefix + "\"\u{E9}\":1,\"e\u{0301}\":2" + suffix
        #expect(code(Array(payload.utf8)) == .invalidMessage)
        // Each alone is fine, and keeps its bytes.
        let single = try decode(Array((prefix + "\"e\u{0301}\":2" + suffix).utf8))
        guard case .push(let push) = single else { throw ProtocolError.invalidJSON("not a push") }
        #expect(push.changes[0].fields.keys.map { Array($0.utf8) } == [Array("e\u{0301}".utf8)])
    }

    static let pushParts = (
        #"{"type":"push","batch_id":"b","changes":[{"author":"a","change_id":"c","client_id":"c","entity":"article","#
            + #""entity_id":"e","hlc":"001725523200000-00003","op":"update","fields":{"#,
        "}}]}"
    )

    // MARK: -0.0

    @Test func negativeZeroIsStable() throws {
        let first = CanonicalJSON.bytes(["x": .double(-0.0)])
        #expect(String(decoding: first, as: UTF8.self) == #"{"x":-0}"#)
        let reread = try JSONValue(parsingJSON: String(decoding: first, as: UTF8.self))
        #expect(CanonicalJSON.bytes(reread.objectValue ?? [:]) == first)
        #expect(reread.objectValue?["x"]?.doubleValue?.sign == .minus)
        #expect(reread.objectValue?["x"]?.intValue == 0)
    }

    // MARK: Memory

    @Test func unknownMembersAreSkippedWithoutBuildingThem() throws {
        // 8 MiB of [0,0,…] would take ~100 MB as JSONValues; skipped, it costs nothing.
        #expect(try decode(HostilePayloads.unknownArrayOfZeros(size: 8 << 20)) == .ping(Ping(nonce: 7)))
        #expect(try decode(HostilePayloads.manyUnknownMembers(size: 1 << 20)) == .ping(Ping(nonce: 7)))
        #expect(try decode(HostilePayloads.longUnknownString(size: 8 << 20)) == .ping(Ping(nonce: 7)))
    }

    @Test(arguments: [
        HostilePayloads.nestedArraysInFields(size: 4 << 20), HostilePayloads.zerosInFields(size: 4 << 20),
        HostilePayloads.manyKeysInFields(size: 4 << 20), HostilePayloads.emptyStringsInFields(size: 4 << 20),
        HostilePayloads.longVersionList(size: 4 << 20),
    ])
    func valuesThatWouldCostMoreThanTheAllowanceAreRefused(_ payload: [UInt8]) {
        #expect(code(payload) == .invalidMessage)
    }

    @Test func realPushesStayWellWithinTheAllowance() throws {
        // 2,000 article creates with Vietnamese text: the typical large push.
        var changes: [ChangeRecord] = []
        for index in 0..<2_000 {
            var change = SampleMessages.articleCreate
            change.changeID = UUID().uuidString.lowercased()
            change.fields["position"] = .int(Int64(index))
            changes.append(change)
        }
        let json = FrameCodec.json(.push(Push(batchID: "b", changes: changes)))
        let (decoded, charged) = try json.withUnsafeBytes {
            try MessageJSONDecoding.message(from: $0, allowance: .unlimitedButCounted)
        }
        #expect(decoded == .push(Push(batchID: "b", changes: changes)))
        // The allowance is 2.5 bytes per payload byte plus a constant; real article text needs about 2.
        #expect(Double(charged) < 2.2 * Double(json.count), "charged \(charged) for \(json.count) bytes")
    }

    @Test func aLargePageOfDeletesDecodes() throws {
        // Small real records (four UUIDs and an HLC in ~200 bytes) cost about 2.7 bytes per byte: within the
        // allowance's constant part for a page of the server's default size (4 MiB).
        let records = (0..<20_000).map { index in
            ChangeRecord(
                changeID: UUID().uuidString.lowercased(), entity: .annotation,
                entityID: UUID().uuidString.lowercased(), op: .delete,
                hlc: HLCTimestamp(wallMillis: 1_725_523_200_000 + Int64(index), counter: 0),
                author: UUID().uuidString.lowercased(), clientID: UUID().uuidString.lowercased(), seq: Int64(index))
        }
        let page = Message.changes(Changes(fromSeq: 1, toSeq: 20_000, more: false, changes: records))
        let json = FrameCodec.json(page)
        let (decoded, charged) = try json.withUnsafeBytes {
            try MessageJSONDecoding.message(from: $0, allowance: .unlimitedButCounted)
        }
        #expect(decoded == page)
        #expect(charged < json.count * 5 / 2 + (16 << 20), "charged \(charged) for \(json.count) bytes")
        #expect(try decode(json) == page)
    }
}
