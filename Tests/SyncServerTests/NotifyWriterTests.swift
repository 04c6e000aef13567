import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import SyncProtocol
import Testing

@testable import SyncServer

@Suite struct NotifyWriterTests {
    /// The writes a ``NotifyWriter`` started, each completed when the test says (as a socket would take the bytes).
    final class Writes: Sendable {
        let loop = EmbeddedEventLoop()
        private let started = NIOLockedValueBox<[(head: Int64, promise: EventLoopPromise<Void>)]>([])

        var heads: [Int64] { started.withLockedValue { $0.map(\.head) } }

        func send(_ head: Int64) -> EventLoopFuture<Void> {
            let promise = loop.makePromise(of: Void.self)
            started.withLockedValue { $0.append((head, promise)) }
            return promise.futureResult
        }

        /// Completes the `index`th write.
        func complete(_ index: Int, failing: Bool = false) {
            let promise = started.withLockedValue { $0[index].promise }
            if failing {
                promise.fail(ChannelError.ioOnClosedChannel)
            } else {
                promise.succeed()
            }
        }
    }

    @Test func headsOfferedDuringAWriteAreCoalescedToTheNewestAndWrittenAfterIt() {
        let writes = Writes()
        let writer = NotifyWriter { writes.send($0) }
        writer.offer(1)
        writer.offer(2)
        writer.offer(4)
        writer.offer(3)
        // One write in flight; the peer has not taken it yet.
        #expect(writes.heads == [1])
        writes.complete(0)
        #expect(writes.heads == [1, 4])
        writes.complete(1)
        #expect(writes.heads == [1, 4])
        // Nothing in flight: the next head goes out at once.
        writer.offer(5)
        #expect(writes.heads == [1, 4, 5])
    }

    @Test func aFailedWriteOrAStopEndsTheWrites() {
        let writes = Writes()
        let failing = NotifyWriter { writes.send($0) }
        failing.offer(1)
        failing.offer(2)
        writes.complete(0, failing: true)
        failing.offer(3)
        #expect(writes.heads == [1])

        let stopped = NotifyWriter { writes.send($0) }
        stopped.offer(10)
        stopped.offer(11)
        stopped.stop()
        writes.complete(1)
        stopped.offer(12)
        #expect(writes.heads == [1, 10])
    }

    @Test func aNotifyIsWrittenToTheChannelAsAMessage() throws {
        let channel = EmbeddedChannel()
        let writer = NotifyWriter(channel: channel)
        writer.offer(7)
        #expect(try channel.readOutbound(as: Message.self) == .notify(Notify(headSeq: 7)))
        writer.offer(8)
        #expect(try channel.readOutbound(as: Message.self) == .notify(Notify(headSeq: 8)))
        _ = try channel.finish()
    }
}
