import SyncProtocol

/// A hostile or broken frame and the error code a receiver must answer it with.
struct MalformedCase: Sendable, CustomStringConvertible {
    var name: String
    /// The bytes that follow a valid preamble.
    var bytes: [UInt8]
    var expected: ErrorCode

    var description: String { name }

    /// The name of its vector file: the name in lowercase, words joined by `-`.
    var fileName: String {
        name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    static func json(_ text: String) -> [UInt8] { FrameCodec.frame(flags: 0, payload: Array(text.utf8)) }

    static let pingJSON = Array(#"{"nonce":7,"type":"ping"}"#.utf8)
    static let compressedPush = FrameCodec(compressionThreshold: 0).frame(for: SampleMessages.push)

    /// Frames that break the framing, compression, encoding or JSON syntax: fatal, the connection closes.
    /// Limits: ``FrameLimits/preAuthentication``.
    static let fatal: [MalformedCase] = [
        MalformedCase(
            name: "reserved flag bit 1", bytes: FrameCodec.frame(flags: 0x02, payload: pingJSON),
            expected: .malformedFrame),
        MalformedCase(
            name: "reserved flag bit 7 with zlib", bytes: FrameCodec.frame(flags: 0x81, payload: pingJSON),
            expected: .malformedFrame),
        MalformedCase(name: "length 0", bytes: [0, 0, 0, 0], expected: .malformedFrame),
        MalformedCase(name: "length over the limit", bytes: [0, 1, 0, 1, 0], expected: .frameTooLarge),
        MalformedCase(name: "length 4 GiB", bytes: [0xFF, 0xFF, 0xFF, 0xFF], expected: .frameTooLarge),
        MalformedCase(
            name: "zlib flag on plain JSON", bytes: FrameCodec.frame(flags: 1, payload: pingJSON),
            expected: .decompressionFailed),
        MalformedCase(
            name: "truncated zlib",
            bytes: FrameCodec.frame(flags: 1, payload: Array(Zlib.compress(pingJSON).dropLast(3))),
            expected: .decompressionFailed),
        MalformedCase(
            name: "zlib with bad checksum",
            bytes: FrameCodec.frame(flags: 1, payload: Zlib.compress(pingJSON).dropLast() + [0]),
            expected: .decompressionFailed),
        MalformedCase(
            name: "bytes after the zlib stream",
            bytes: FrameCodec.frame(flags: 1, payload: Zlib.compress(pingJSON) + [0]),
            expected: .decompressionFailed),
        MalformedCase(
            name: "empty zlib payload", bytes: FrameCodec.frame(flags: 1, payload: []),
            expected: .decompressionFailed),
        MalformedCase(
            name: "zip bomb", bytes: FrameCodec.frame(flags: 1, payload: zipBomb),
            expected: .decompressedTooLarge),
        MalformedCase(
            name: "invalid UTF-8",
            bytes: FrameCodec.frame(
                flags: 0,
                payload: Array(#"{"type":"ping","nonce":7,"x":""#.utf8)
                    + [0xC3, 0x28] + Array(#""}"#.utf8)),
            expected: .invalidUTF8),
        MalformedCase(name: "truncated JSON", bytes: json(#"{"type":"ping","#), expected: .invalidJSON),
        MalformedCase(name: "JSON array", bytes: json("[1,2]"), expected: .invalidJSON),
        MalformedCase(name: "JSON string", bytes: json(#""ping""#), expected: .invalidJSON),
        MalformedCase(name: "empty payload", bytes: FrameCodec.frame(flags: 0, payload: []), expected: .invalidJSON),
        MalformedCase(
            name: "garbage after the object", bytes: json(#"{"type":"ping","nonce":7} x"#),
            expected: .invalidJSON),
        MalformedCase(
            name: "repeated member name", bytes: json(#"{"type":"ping","nonce":7,"nonce":8}"#),
            expected: .invalidJSON),
        MalformedCase(
            name: "repeated field key",
            bytes: json(
                #"{"type":"push","batch_id":"b","changes":[{"change_id":"c","entity":"issue","#
                    + #""entity_id":"i","op":"update","hlc":"001725523200000-00003","author":"a","#
                    + #""client_id":"k","fields":{"title":"a","ti\u0074le":"b"}}]}"#),
            expected: .invalidJSON),
    ]

    /// Well-formed JSON objects that are not usable messages: answered, but the connection stays open.
    static let recoverable: [MalformedCase] = [
        MalformedCase(
            name: "unknown type", bytes: json(#"{"type":"gossip","about":"x"}"#),
            expected: .unsupportedMessage),
        MalformedCase(name: "missing type", bytes: json(#"{"nonce":7}"#), expected: .invalidMessage),
        MalformedCase(name: "type is a number", bytes: json(#"{"type":5}"#), expected: .invalidMessage),
        MalformedCase(name: "missing field", bytes: json(#"{"type":"ping"}"#), expected: .invalidMessage),
        MalformedCase(
            name: "wrongly typed field", bytes: json(#"{"type":"ping","nonce":"7"}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "fractional integer", bytes: json(#"{"type":"ping","nonce":7.5}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "null required field", bytes: json(#"{"type":"notify","head_seq":null}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "bad hlc in a change",
            bytes: json(
                #"{"type":"push","batch_id":"b","changes":[{"change_id":"c","entity":"issue","#
                    + #""entity_id":"i","op":"delete","hlc":"yesterday","author":"a","#
                    + #""client_id":"k"}]}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "unknown entity kind",
            bytes: json(
                #"{"type":"push","batch_id":"b","changes":[{"change_id":"c","entity":"poem","#
                    + #""entity_id":"i","op":"delete","hlc":"001725523200000-00003","author":"a","#
                    + #""client_id":"k"}]}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "combining mark run",
            bytes: json(
                #"{"type":"ping","nonce":7,"note":"a"# + String(repeating: "\u{0301}", count: 31)
                    + #""}"#),
            expected: .invalidMessage),
        MalformedCase(
            name: "field keys equal after normalization",
            bytes: json(
                #"{"type":"push","batch_id":"b","changes":[{"change_id":"c","entity":"issue","#
                    + #""entity_id":"i","op":"update","hlc":"001725523200000-00003","author":"a","#
                    + "\"client_id\":\"k\",\"fields\":{\"t\u{E9}\":1,\"te\u{0301}\":2}}]}"),
            expected: .invalidMessage),
        MalformedCase(
            name: "values beyond the memory allowance",
            bytes: FrameCodec.frame(
                flags: 1,
                payload: Zlib.compress(
                    Array(#"{"type":"push","batch_id":"b","changes":[{"change_id":"c","entity":"issue","#.utf8)
                        + Array(#""entity_id":"i","op":"update","hlc":"001725523200000-00003","author":"a","#.utf8)
                        + Array(#""client_id":"k","fields":{"x":[[0]"#.utf8)
                        + Array(repeating: Array(",[0]".utf8), count: 60_000).joined()
                        + Array("]}}]}".utf8), level: 9)),
            expected: .invalidMessage),
    ]

    /// 1 MiB of zeros in about 1 KiB of zlib: far past ``FrameLimits/preAuthentication``'s 256 KiB.
    static let zipBomb: [UInt8] = Zlib.compress([UInt8](repeating: 0, count: 1 << 20), level: 9)
}
