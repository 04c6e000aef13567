import BulletinCore
import NIOCore
import Testing

@testable import SyncProtocol

/// Seeded random and mutated frames: the decoder must never trap, never report anything but a ``ProtocolError``,
/// and never inflate or buffer past its limits. A failure names the seed and round so it can be replayed.
@Suite struct DecoderFuzzTests {
    static let seed: UInt64 = 0x5EED_2024_0905
    static let rounds = 100_000
    static let limits = FrameLimits.preAuthentication

    /// Well-formed frames to mutate: every sample in both variants, plus the malformed cases (but the zip bomb,
    /// which ``ZipBombTests`` covers and which would make every round that picks it inflate 256 KiB).
    static let seeds: [[UInt8]] =
        SampleMessages.all.flatMap { message in
            GoldenVectors.Variant.allCases.map { GoldenVectors.frame(message, $0) }
        }
        + (MalformedCase.fatal + MalformedCase.recoverable).filter { $0.expected != .decompressedTooLarge }.map(\.bytes)

    static let jsonSeeds: [[UInt8]] = SampleMessages.all.map { FrameCodec.json($0) }

    /// One hostile frame (or run of bytes), made by one of several mutation strategies.
    static func mutatedBytes(_ random: inout SeededRandom) -> [UInt8] {
        var bytes = seeds.randomElement(using: &random) ?? []
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            // Pure noise, sometimes with a plausible header.
            bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
        case 1, 2:
            // A few random byte changes anywhere (header included).
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: bytes.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 3:
            // Bit flips inside the payload, header kept: exercises zlib and the parser.
            for _ in 0..<Int.random(in: 1...3, using: &random) where bytes.count > 5 {
                let index = Int.random(in: 5..<bytes.count, using: &random)
                bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
            }
        case 4:
            // Truncated or extended.
            if Bool.random(using: &random) {
                bytes.removeLast(Int.random(in: 0...bytes.count, using: &random))
            } else {
                bytes += (0..<Int.random(in: 1...16, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            }
        case 5, 6, 7:
            // Mutated JSON, framed correctly (compressed or not), so that it reaches the parser.
            var json = jsonSeeds.randomElement(using: &random) ?? []
            mutateJSON(&json, &random)
            let compress = Bool.random(using: &random)
            bytes = FrameCodec.frame(flags: compress ? 1 : 0, payload: compress ? Zlib.compress(json) : json)
        case 8:
            // A lying length field.
            let length = UInt32.random(in: 0...UInt32.max, using: &random) >> UInt32.random(in: 0...31, using: &random)
            if bytes.count >= 4 {
                bytes[0] = UInt8(length >> 24)
                bytes[1] = UInt8(length >> 16 & 0xFF)
                bytes[2] = UInt8(length >> 8 & 0xFF)
                bytes[3] = UInt8(length & 0xFF)
            }
        default:
            // Two frames spliced at random points.
            let other = seeds.randomElement(using: &random) ?? []
            bytes =
                Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
                + other.suffix(Int.random(in: 0...other.count, using: &random))
        }
        return bytes
    }

    /// Structure-aware JSON mutations: swap in tokens that break types, nesting, escapes and encodings.
    static func mutateJSON(_ json: inout [UInt8], _ random: inout SeededRandom) {
        let tokens: [[UInt8]] = [
            Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array("\"".utf8), Array("\\".utf8),
            Array(",".utf8), Array(":".utf8), Array("null".utf8), Array("true".utf8), Array("-0.5e+3".utf8),
            Array("1e999".utf8), Array("\\u".utf8), Array("\\ud83d".utf8), Array("9223372036854775808".utf8),
            [0xC3], [0xFF], [0xE1, 0xBA, 0xA1], [0x00], Array("\"type\":\"gossip\"".utf8),
            Array(repeating: UInt8(ascii: "["), count: 200),
        ]
        for _ in 0..<Int.random(in: 1...3, using: &random) where !json.isEmpty {
            let token = tokens.randomElement(using: &random) ?? []
            let index = Int.random(in: 0..<json.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: json.insert(contentsOf: token, at: index)
            case 1: json.replaceSubrange(index..<min(json.count, index + token.count), with: token)
            default: json.remove(at: index)
            }
        }
    }

    @Test func randomAndMutatedFramesNeverTrapOrExceedLimits() throws {
        var random = SeededRandom(seed: Self.seed)
        let codec = FrameCodec(limits: Self.limits)
        var outcomes: [String: Int] = [:]
        for round in 0..<Self.rounds {
            let bytes = Self.mutatedBytes(&random)
            var buffer = ByteBuffer(bytes: bytes)
            do {
                // Read every frame the bytes contain, as the channel handler would.
                // Plain checks rather than #expect in this hot loop: Swift Testing's expectations are costly.
                while let frame = try codec.readFrame(from: &buffer) {
                    if frame.payload.readableBytes + 1 > Self.limits.maxFrameBytes {
                        Issue.record("seed \(Self.seed) round \(round): a frame above the limit was read")
                    }
                    if frame.flags & RawFrame.compressedFlag != 0, let largest = largestInflationBuffer(frame),
                        largest > Self.limits.maxDecompressedBytes
                    {
                        Issue.record("seed \(Self.seed) round \(round): the output buffer grew to \(largest)")
                    }
                    let message = try codec.decode(frame)
                    if FrameCodec.json(message).count > Self.limits.maxDecompressedBytes {
                        Issue.record("seed \(Self.seed) round \(round): decoded a message above the limit")
                    }
                    outcomes["message", default: 0] += 1
                }
                outcomes["incomplete", default: 0] += buffer.readableBytes > 0 ? 1 : 0
            } catch let error as ProtocolError {
                outcomes[error.code.name, default: 0] += 1
            } catch {
                Issue.record("seed \(Self.seed) round \(round): unexpected error \(error) for \(bytes)")
                return
            }
        }
        // The mutations must reach every layer, or the test proves little.
        for layer in [
            "message", "malformed_frame", "frame_too_large", "decompression_failed", "invalid_utf8",
            "invalid_json", "invalid_message", "unsupported_message",
        ] {
            #expect(outcomes[layer, default: 0] > 0, "no round ended in \(layer): \(outcomes)")
        }
    }

    /// Inflates the payload again, observing the output buffer's largest capacity.
    private func largestInflationBuffer(_ frame: RawFrame) -> Int? {
        var largest = 0
        _ = try? frame.payload.withUnsafeReadableBytes { payload in
            try Zlib.withInflated(
                payload, limit: Self.limits.maxDecompressedBytes,
                capacityObserver: { largest = max(largest, $0) }
            ) { $0.count }
        }
        return largest
    }

    @Test func randomStreamsThroughThePipelineEndCleanly() throws {
        var random = SeededRandom(seed: Self.seed ^ 0xFF)
        for round in 0..<500 {
            let harness = try Harness(role: .server, limits: Self.limits)
            var stream = FrameCodec.preamble
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                stream += Self.mutatedBytes(&random)
            }
            var failure: (any Error)?
            var offset = 0
            while offset < stream.count, failure == nil {
                let end = min(stream.count, offset + Int.random(in: 1...512, using: &random))
                do {
                    try harness.feed(stream[offset..<end])
                } catch {
                    failure = error
                }
                offset = end
            }
            _ = try harness.inbound()
            if let failure {
                #expect(failure is ProtocolError, "round \(round): \(failure)")
                #expect(!harness.channel.isActive, "round \(round): a fatal error must close the channel")
                let (preamble, reply) = try parseStream(harness.outboundBytes())
                #expect(preamble == FrameCodec.preamble, "round \(round)")
                #expect(reply.last?.type == "error", "round \(round)")
            }
        }
    }
}
