import Foundation
import Testing

@testable import SyncProtocol

/// A client pushes its outbox rows as the canonical texts they are (``Push/texts``): the bytes on the wire must be
/// those of the parsed records, and a damaged text must be caught before it is sent.
@Suite struct CanonicalRecordTests {
    @Test func aPushOfTextsIsTheSameBytesAsThePushOfTheirRecords() throws {
        var random = RandomMessages(seed: 31)
        for round in 0..<50 {
            let records = (0..<(round % 7)).map { _ in random.change(seq: false) }
            let texts = try records.map { try CanonicalRecord(checking: CanonicalJSON.text($0)) }
            let reoffer: Bool? = round.isMultiple(of: 5) ? true : nil
            let parsed = FrameCodec.json(.push(Push(batchID: "b\(round)", changes: records, reoffer: reoffer)))
            let verbatim = FrameCodec.json(.push(Push(batchID: "b\(round)", texts: texts, reoffer: reoffer)))
            #expect(verbatim == parsed)
            let decoded = try FrameCodec.decodeJSON(verbatim)
            #expect(decoded == .push(Push(batchID: "b\(round)", changes: records, reoffer: reoffer)))
            #expect(try texts.map { try $0.record() } == records)
        }
    }

    @Test(arguments: [
        "", "{", #"{"change_id":"a""#, #"{"a":1}}"#, "[]", #""text""#, "null", #"{"a":1,"a":2}"#, #"{"a":tru}"#,
    ])
    func aTextThatIsNotOneJSONObjectIsRefused(_ text: String) {
        #expect(throws: ProtocolError.self) { try CanonicalRecord(checking: text) }
    }

    @Test func aTextWithAStringThatIsNotStreamSafeIsRefused() {
        // 31 combining marks after a base letter: over the stream-safe limit of 30 (PROTOCOL.md section 6).
        let text = #"{"text":"a"# + String(repeating: "\u{0301}", count: 31) + #""}"#
        #expect(throws: ProtocolError.self) { try CanonicalRecord(checking: text) }
    }
}
