import NIOCore
import Testing

@testable import SyncProtocol

@Suite struct ZipBombTests {
    /// `count` zeros as one zlib stream: about 1/1000 of their size.
    static func bomb(inflatingTo count: Int) -> [UInt8] {
        Zlib.compress([UInt8](repeating: 0, count: count), level: 9)
    }

    @Test func bombPastTheStandardLimitIsRejectedWithinTheLimit() throws {
        let limit = FrameLimits.standard.maxDecompressedBytes
        let bomb = Self.bomb(inflatingTo: limit + (16 << 20))
        #expect(bomb.count < 128 << 10, "a small frame")
        var largest = 0
        let error = #expect(throws: ProtocolError.self) {
            try bomb.withUnsafeBytes { input in
                try Zlib.withInflated(input, limit: limit, capacityObserver: { largest = max(largest, $0) }) {
                    $0.count
                }
            }
        }
        #expect(error == .decompressedTooLarge(limit: limit))
        #expect(largest <= limit)
        #expect(largest > 0)
    }

    @Test func bombFrameIsRejectedByTheCodec() throws {
        let codec = FrameCodec(limits: .preAuthentication)
        var buffer = ByteBuffer(bytes: FrameCodec.frame(flags: 1, payload: Self.bomb(inflatingTo: 8 << 20)))
        let frame = try #require(try codec.readFrame(from: &buffer))
        let error = #expect(throws: ProtocolError.self) { try codec.decode(frame) }
        #expect(error?.code == .decompressedTooLarge)
    }

    @Test(arguments: [0, 1, 100, 16 << 10, 256 << 10])
    func outputExactlyAtTheLimitIsAccepted(_ size: Int) throws {
        let input = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let compressed = Zlib.compress(input)
        #expect(try Zlib.decompress(compressed, limit: size) == input)
        if size > 0 {
            #expect(throws: ProtocolError.decompressedTooLarge(limit: size - 1)) {
                try Zlib.decompress(compressed, limit: size - 1)
            }
        }
    }
}
