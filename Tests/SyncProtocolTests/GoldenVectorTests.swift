import Foundation
import NIOCore
import Testing

@testable import SyncProtocol

@Suite struct GoldenVectorTests {
    static let writing = ProcessInfo.processInfo.environment["BULLETIN_WRITE_VECTORS"] == "1"

    /// Regenerates `Protocol/vectors/` (only when asked to: the files are the contract).
    @Test(.enabled(if: writing)) func writeVectors() throws {
        try GoldenVectors.writeAll()
    }

    /// The names of the files with `suffix` in `directory`, without the suffix.
    static func names(in directory: URL, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(suffix) }
            .map { String($0.dropLast(suffix.count)) }
            .sorted()
    }

    @Test(.disabled(if: writing)) func everyMessageTypeHasBothVariants() throws {
        let names = Set(try Self.names(in: GoldenVectors.directory, suffix: ".hex"))
        for type in Message.knownTypes {
            #expect(names.contains("\(type).plain"), "missing \(type).plain.hex")
            #expect(names.contains("\(type).zlib"), "missing \(type).zlib.hex")
        }
    }

    @Test(.disabled(if: writing)) func everyVectorDecodesToItsJSONAndReencodesByteForByte() throws {
        let names = try Self.names(in: GoldenVectors.directory, suffix: ".hex")
        #expect(names.count >= 2 * Message.knownTypes.count)
        for name in names {
            let base = GoldenVectors.directory.appendingPathComponent(name)
            let frameBytes = try GoldenVectors.bytes(
                fromHex: String(
                    contentsOf: base.appendingPathExtension("hex"),
                    encoding: .utf8))
            let json = Array(try Data(contentsOf: base.appendingPathExtension("json")))
            var buffer = ByteBuffer(bytes: frameBytes)
            let codec = FrameCodec()
            let frame = try #require(try codec.readFrame(from: &buffer), "\(name): incomplete frame")
            #expect(buffer.readableBytes == 0, "\(name): bytes after the frame")
            let message = try codec.decode(frame)
            #expect(FrameCodec.json(message) == json, "\(name): decodes to different JSON")
            #expect(try FrameCodec.decodeJSON(json) == message, "\(name): the JSON file parses differently")

            let variant = try #require(GoldenVectors.Variant(rawValue: String(name.split(separator: ".").last ?? "")))
            #expect(frame.flags == (variant == .zlib ? RawFrame.compressedFlag : 0), "\(name): flags")
            #expect(GoldenVectors.frame(message, variant) == frameBytes, "\(name): re-encodes differently")
            // What a default sender emits is one of the two variants, chosen by the 1024-byte threshold.
            if (variant == .zlib) == (json.count >= 1024) {
                #expect(codec.frame(for: message) == frameBytes, "\(name): default sender differs")
            }
        }
    }

    @Test(.disabled(if: writing)) func theVectorsCarryVietnameseText() throws {
        let json = try String(
            contentsOf: GoldenVectors.directory.appendingPathComponent("push.plain.json"),
            encoding: .utf8)
        #expect(json.contains("Bộ trưởng Nguyễn Hải Ninh"))
    }

    @Test(.disabled(if: writing)) func everyMalformedVectorFailsWithItsExpectedError() throws {
        let directory = GoldenVectors.malformedDirectory
        let names = try Self.names(in: directory, suffix: ".hex")
        #expect(names.contains("zip-bomb"))
        #expect(names.contains("reserved-flag-bit-1"))
        #expect(names.contains("truncated-zlib"))
        for name in names {
            let base = directory.appendingPathComponent(name)
            let bytes = try GoldenVectors.bytes(
                fromHex: String(
                    contentsOf: base.appendingPathExtension("hex"),
                    encoding: .utf8))
            let expected = try JSONDecoder().decode(
                GoldenVectors.Expectation.self,
                from: Data(contentsOf: base.appendingPathExtension("json")))
            let code = try #require(ErrorCode(rawValue: expected.code), "\(name): unknown code")
            #expect(code.name == expected.name && code.closesConnection == expected.closes, "\(name): table")

            let harness = try Harness(role: .server, limits: .preAuthentication)
            try harness.feed(FrameCodec.preamble)
            _ = try harness.outboundBytes()
            if expected.closes {
                let error = #expect(throws: ProtocolError.self, "\(name)") { try harness.feed(bytes) }
                #expect(error?.code == code, "\(name)")
                let (_, reply) = try parseStream(FrameCodec.preamble + harness.outboundBytes())
                #expect(reply.map(\.type) == ["error"], "\(name)")
                #expect(!harness.channel.isActive, "\(name)")
            } else {
                try harness.feed(bytes)
                let frames = try harness.inbound()
                guard case .invalid(let error)? = frames.first, frames.count == 1 else {
                    Issue.record("\(name): expected one .invalid frame, got \(frames)")
                    continue
                }
                #expect(error.code == code, "\(name)")
                #expect(harness.channel.isActive, "\(name)")
            }
        }
    }
}
