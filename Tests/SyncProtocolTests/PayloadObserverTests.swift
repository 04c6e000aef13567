import NIOCore
import Synchronization
import Testing

@testable import SyncProtocol

@Suite struct PayloadObserverTests {
    @Test func theObserverHearsTheJSONSizeBothWaysWhetherCompressedOrNot() throws {
        let seen = Mutex<[(PayloadDirection, Int)]>([])
        var codec = FrameCodec(compressionThreshold: 64)
        codec.payloadObserver = { direction, bytes in seen.withLock { $0.append((direction, bytes)) } }
        let small = Message.ping(Ping(nonce: 1))
        let large = Message.bye(Bye(reason: String(repeating: "Cải cách hành chính. ", count: 20)))
        for message in [small, large] {
            var buffer = ByteBuffer(bytes: codec.frame(for: message))
            let frame = try #require(try codec.readFrame(from: &buffer))
            #expect(try codec.decode(frame) == message)
        }
        let expected: [(PayloadDirection, Int)] = [
            (.outbound, FrameCodec.json(small).count), (.inbound, FrameCodec.json(small).count),
            (.outbound, FrameCodec.json(large).count), (.inbound, FrameCodec.json(large).count),
        ]
        let reports = seen.withLock { $0 }
        #expect(reports.map(\.0) == expected.map(\.0))
        #expect(reports.map(\.1) == expected.map(\.1))
        #expect(FrameCodec.json(large).count > codec.frame(for: large).count, "the large one was compressed")
    }
}
