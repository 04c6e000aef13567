import BulletinCore
import Testing

@testable import SyncProtocol

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue {
        try Array(text.utf8).withUnsafeBytes { try JSONParser.parse($0) }
    }

    func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try JSONParser.parse($0) }
    }

    @Test func escapesDecode() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t\u0041\u00e9\u1ea1\ud83d\ude00"]"#)
        #expect(value == .array([.string("\"\\/\u{08}\u{0C}\n\r\tAéạ😀")]))
    }

    @Test(arguments: [
        #"["\ud83d"]"#, #"["\ude00"]"#, #"["\ud83dx"]"#, #"["\ud83d\u0041"]"#, #"["\x"]"#,
        #"["\u12"]"#, #"["\u12g4"]"#,
    ])
    func badEscapesAreInvalidJSON(_ text: String) {
        #expect(errorCode(text) == .invalidJSON)
    }

    func errorCode(_ text: String) -> ErrorCode? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as ProtocolError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        ("", ErrorCode.invalidJSON), ("   ", .invalidJSON), ("{", .invalidJSON), ("{}x", .invalidJSON),
        ("{\"a\" 1}", .invalidJSON), ("{\"a\":1,}", .invalidJSON), ("[1,]", .invalidJSON), ("[01]", .invalidJSON),
        ("[1.]", .invalidJSON), ("[.5]", .invalidJSON), ("[1e]", .invalidJSON), ("[-]", .invalidJSON),
        ("[+1]", .invalidJSON), ("[tru]", .invalidJSON), ("[nul]", .invalidJSON), ("[True]", .invalidJSON),
        ("[\"a\u{01}\"]", .invalidJSON), ("[\"abc]", .invalidJSON), ("{'a':1}", .invalidJSON),
        ("[NaN]", .invalidJSON), ("[Infinity]", .invalidJSON), ("[1e400]", .invalidMessage),
        ("[-1e400]", .invalidMessage),
    ])
    func malformedTextGetsTheRightCode(_ text: String, _ expected: ErrorCode) {
        #expect(errorCode(text) == expected, "\(text)")
    }

    @Test func numbersKeepIntegersApart() throws {
        let value = try parse(
            "[0,-0,7,-9223372036854775808,9223372036854775807,9223372036854775808,1.5,2.0,1E3,-1e-2]")
        #expect(
            value
                == .array([
                    .int(0), .double(-0.0), .int(7), .int(.min), .int(.max), .double(9_223_372_036_854_775_808),
                    .double(1.5),
                    .double(2), .double(1000), .double(-0.01),
                ]))
    }

    @Test func nestingIsLimited() throws {
        let depth = JSONParser.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = "[" + deepest + "]"
        #expect(errorCode(tooDeep) == .invalidJSON)
        let deep = String(repeating: "[", count: 100_000)
        #expect(errorCode(deep) == .invalidJSON)
    }

    @Test func repeatedNamesAreInvalidJSON() throws {
        #expect(errorCode(#"{"a":1,"a":2}"#) == .invalidJSON)
        #expect(errorCode(#"{"a":1,"b":{"c":1},"\u0061":2}"#) == .invalidJSON)
        #expect(
            try parse(#"{"a":{"a":1},"b":{"a":2}}"#)
                == .object(["a": .object(["a": .int(1)]), "b": .object(["a": .int(2)])]))
    }

    @Test func invalidUTF8InAStringIsReported() throws {
        for bad: [UInt8] in [
            [0xC3, 0x28], [0xE1, 0xBA], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80],
            [0xFF],
        ] {
            let bytes = Array("[\"x".utf8) + bad + Array("\"]".utf8)
            #expect(throws: ProtocolError.invalidUTF8) { try parse(bytes: bytes) }
        }
    }

    @Test func invalidUTF8OutsideStringsIsReportedAsSuchByTheCodec() throws {
        let bytes = Array(#"{"type":"ping","nonce":7}"#.utf8) + [0xFF]
        #expect(throws: ProtocolError.invalidUTF8) { try FrameCodec.decodeJSON(bytes) }
        let valid = Array(#"{"type":"ping","nonce":7}"#.utf8) + Array("é".utf8)
        #expect(throws: ProtocolError.self) { try FrameCodec.decodeJSON(valid) }
        #expect((try? FrameCodec.decodeJSON(valid)) == nil)
    }
}

@Suite struct UTF8ValidationTests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    static func ours(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
    }

    @Test func edgeCasesAgreeWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], [0x41], [0x7F], [0x80], [0xC2, 0x80], [0xC1, 0xBF], [0xDF, 0xBF], [0xE0, 0x9F, 0x80],
            [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0xE1, 0xBA], [0xE1, 0xBA, 0xA1, 0xA1], Array("Tại buổi làm việc, 😀 đ".utf8),
        ]
        for bytes in cases {
            for prefix in [0, 1, 13, 15, 16, 17, 31] {
                // Place the case at every alignment relative to the 16-byte blocks, and at the very end.
                let padded = Array(repeating: UInt8(ascii: "a"), count: prefix) + bytes
                #expect(Self.ours(padded) == Self.reference(padded), "\(padded)")
                let surrounded = padded + Array(repeating: UInt8(ascii: "b"), count: 20)
                #expect(Self.ours(surrounded) == Self.reference(surrounded), "\(surrounded)")
            }
        }
    }

    @Test func randomAndMutatedTextAgreesWithTheStandardLibrary() {
        var random = SeededRandom(seed: 0x07F8)
        let text = Array((SampleMessages.vietnameseParagraph + "😀中\u{10FFFF}\u{D7FF}\u{E000}").utf8)
        var disagreements = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...48, using: &random)).map { _ in
                    // Bytes drawn mostly from the interesting high range.
                    Bool.random(using: &random)
                        ? UInt8.random(in: 0x80...0xFF, using: &random)
                        : UInt8.random(in: 0...0x7F, using: &random)
                }
            } else {
                let start = Int.random(in: 0..<text.count, using: &random)
                bytes = Array(text[start..<min(text.count, start + Int.random(in: 0...80, using: &random))])
                for _ in 0..<Int.random(in: 0...2, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: bytes.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            if Self.ours(bytes) != Self.reference(bytes) {
                disagreements += 1
                Issue.record("round \(round): \(bytes)")
                if disagreements > 5 { return }
            }
        }
    }
}
