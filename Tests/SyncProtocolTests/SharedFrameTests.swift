import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import Testing

@testable import SyncProtocol

/// A page's frame encoded once is the frame each connection would have encoded itself.
@Suite struct SharedFrameTests {
    @Test func aSharedFrameIsByteForByteWhatEveryConnectionWouldWrite() throws {
        var page = Changes(
            fromSeq: 41, toSeq: 43, more: false,
            changes: Array(repeating: SampleMessages.articleCreate, count: 20), headSeq: 43)
        let plain = FrameCodec(compressionLevel: 3).frame(for: .changes(page))
        page.shared = SharedFrame()
        let observed = NIOLockedValueBox<[Int]>([])
        for _ in 0..<3 {
            var codec = FrameCodec(compressionLevel: 3)
            codec.payloadObserver = { _, bytes in observed.withLockedValue { $0.append(bytes) } }
            var out = ByteBuffer()
            MessageFrameEncoder(codec: codec).encode(data: .changes(page), out: &out)
            #expect(out.readBytes(length: out.readableBytes) == plain)
        }
        // Each connection still counts the payload it sends.
        #expect(observed.withLockedValue { $0 }.count == 3)
        #expect(Set(observed.withLockedValue { $0 }) == [FrameCodec.json(.changes(page)).count])
        // Another level makes other bytes, kept apart.
        var out = ByteBuffer()
        MessageFrameEncoder(codec: FrameCodec(compressionLevel: 9)).encode(data: .changes(page), out: &out)
        #expect(out.readBytes(length: out.readableBytes) == FrameCodec(compressionLevel: 9).frame(for: .changes(page)))
        #expect(
            page
                == Changes(
                    fromSeq: 41, toSeq: 43, more: false,
                    changes: Array(repeating: SampleMessages.articleCreate, count: 20), headSeq: 43))
    }
}
