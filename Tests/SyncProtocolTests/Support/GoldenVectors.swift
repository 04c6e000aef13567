import Foundation
import SyncProtocol

/// The golden vectors in `Protocol/vectors/`: how they are made, written and read.
///
/// They are regenerated only on purpose: `BULLETIN_WRITE_VECTORS=1 swift test --filter GoldenVectorTests`.
enum GoldenVectors {
    /// `Protocol/vectors/`, found from this source file's location.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocol/vectors")

    static var malformedDirectory: URL { directory.appendingPathComponent("malformed") }

    /// Named messages, at least one of every type.
    static let messages: [(name: String, message: Message)] = [
        ("hello", SampleMessages.hello),
        ("welcome", SampleMessages.welcome),
        ("welcome-account", SampleMessages.welcomeWithAccount),
        ("welcome-log-epochs", SampleMessages.welcomeWithLogEpochs),
        ("push", SampleMessages.push),
        ("push-reoffer", SampleMessages.pushReoffer),
        ("push_ack", SampleMessages.pushAck),
        ("pull", SampleMessages.pull),
        ("pull-snapshot", SampleMessages.snapshotPull),
        ("changes", SampleMessages.changes),
        ("changes-snapshot", SampleMessages.snapshotChanges),
        ("subscribe", SampleMessages.subscribe),
        ("notify", SampleMessages.notify),
        ("ping", SampleMessages.ping),
        ("pong", SampleMessages.pong),
        ("error", SampleMessages.error),
        ("bye", SampleMessages.bye),
        ("bye-empty", SampleMessages.byeWithoutReason),
    ]

    /// The two encodings every message is stored in.
    enum Variant: String, CaseIterable {
        /// Flags 0: the canonical JSON as is.
        case plain
        /// Flags 1: the canonical JSON as a zlib stream at level 6, whatever its size.
        case zlib
    }

    /// The frame of `message` in `variant`, built from the codec's public pieces.
    static func frame(_ message: Message, _ variant: Variant) -> [UInt8] {
        let json = FrameCodec.json(message)
        switch variant {
        case .plain: return FrameCodec.frame(flags: 0, payload: json)
        case .zlib: return FrameCodec.frame(flags: RawFrame.compressedFlag, payload: Zlib.compress(json, level: 6))
        }
    }

    /// Lowercase hex, 32 bytes per line, with a final newline.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var lines: [String] = []
        var index = 0
        while index < bytes.count {
            let line = bytes[index..<min(index + 32, bytes.count)]
            lines.append(
                String(
                    decoding: line.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] },
                    as: UTF8.self))
            index += 32
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses hex text, ignoring whitespace.
    static func bytes(fromHex text: String) throws -> [UInt8] {
        let digits = text.utf8.filter { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        guard digits.count % 2 == 0 else { throw VectorFileError("odd number of hex digits") }
        func value(_ digit: UInt8) throws -> UInt8 {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            default: throw VectorFileError("not a lowercase hex digit: \(digit)")
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        var iterator = digits.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            result.append(try value(high) << 4 | value(low))
        }
        return result
    }

    /// The expected outcome of a malformed vector, stored as its `.json`.
    struct Expectation: Codable, Equatable {
        var code: Int
        var name: String
        /// Whether the receiver must close the connection (fatal) or answer and carry on.
        var closes: Bool
    }

    /// Writes every vector file (message and malformed) into `directory`.
    static func writeAll() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: malformedDirectory, withIntermediateDirectories: true)
        for (name, message) in messages {
            for variant in Variant.allCases {
                let base = directory.appendingPathComponent("\(name).\(variant.rawValue)")
                try hex(frame(message, variant)).write(
                    to: base.appendingPathExtension("hex"), atomically: true,
                    encoding: .utf8)
                try Data(FrameCodec.json(message)).write(to: base.appendingPathExtension("json"))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for malformed in MalformedCase.fatal + MalformedCase.recoverable {
            let base = malformedDirectory.appendingPathComponent(malformed.fileName)
            try hex(malformed.bytes).write(to: base.appendingPathExtension("hex"), atomically: true, encoding: .utf8)
            let expectation = Expectation(
                code: malformed.expected.rawValue, name: malformed.expected.name,
                closes: malformed.expected.closesConnection)
            try encoder.encode(expectation).write(to: base.appendingPathExtension("json"))
        }
    }
}

/// A vector file that cannot be read.
struct VectorFileError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
