import NIOConcurrencyHelpers
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct OrderedRepliesTests {
    @Test func repliesRunOneAfterAnotherInTheOrderTheyWereAdded() async {
        let replies = OrderedReplies()
        let written = NIOLockedValueBox<[Int]>([])
        let gates = (0..<3).map { _ in AsyncStream<Void>.makeStream() }
        for index in 0..<3 {
            #expect(
                replies.add {
                    for await _ in gates[index].stream {}
                    written.withLockedValue { $0.append(index) }
                    return true
                })
        }
        // The last reply's work is ready first, the first one's last: they are still written in order.
        for gate in gates.reversed() { gate.continuation.finish() }
        #expect(await replies.settle())
        #expect(written.withLockedValue { $0 } == [0, 1, 2])
    }

    @Test func aReplyThatEndsTheSessionStopsTheOnesAfterIt() async {
        let replies = OrderedReplies()
        let ran = NIOLockedValueBox<[Int]>([])
        #expect(replies.goesOn)
        #expect(
            replies.add {
                ran.withLockedValue { $0.append(0) }
                return false
            })
        _ = replies.add {
            ran.withLockedValue { $0.append(1) }
            return true
        }
        #expect(await replies.settle() == false)
        #expect(replies.goesOn == false)
        #expect(ran.withLockedValue { $0 } == [0])
        #expect(
            replies.add {
                ran.withLockedValue { $0.append(2) }
                return true
            } == false)
        #expect(await replies.settle() == false)
        #expect(ran.withLockedValue { $0 } == [0])
    }

    @Test func roomIsMadeByWaitingForTheOldestReply() async {
        let replies = OrderedReplies()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let events = NIOLockedValueBox<[String]>([])
        _ = replies.add {
            for await _ in gate {}
            events.withLockedValue { $0.append("oldest written") }
            return true
        }
        for _ in 1..<OrderedReplies.limit { _ = replies.add { true } }
        // As many replies owed as allowed, the oldest held back: room only comes once it is written.
        let room = Task {
            await replies.makeRoom()
            events.withLockedValue { $0.append("room") }
        }
        open.finish()
        await room.value
        #expect(events.withLockedValue { $0 } == ["oldest written", "room"])
        #expect(await replies.settle())
    }
}
