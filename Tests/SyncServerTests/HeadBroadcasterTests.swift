import NIOConcurrencyHelpers
import Testing

@testable import SyncServer

@Suite struct HeadBroadcasterTests {
    /// What a listener was told, in order.
    final class Heard: Sendable {
        private let heads = NIOLockedValueBox<[Int64]>([])
        var all: [Int64] { heads.withLockedValue { $0 } }
        func listen(_ head: Int64) { heads.withLockedValue { $0.append(head) } }
    }

    @Test func aSubscriberBehindTheHeadIsToldAtOnceAndOneAtTheHeadIsNot() {
        let broadcaster = HeadBroadcaster(head: 5)
        let behind = Heard()
        _ = broadcaster.subscribe(since: 3) { behind.listen($0) }
        #expect(behind.all == [5])
        let current = Heard()
        _ = broadcaster.subscribe(since: 5) { current.listen($0) }
        #expect(current.all == [])
        broadcaster.publish(head: 6)
        #expect(current.all == [6])
        #expect(behind.all == [5, 6])
    }

    @Test func everyNewerHeadIsToldInOrderAndOlderOnesAreIgnored() {
        let broadcaster = HeadBroadcaster(head: 0)
        let heard = Heard()
        _ = broadcaster.subscribe(since: 0) { heard.listen($0) }
        for head in [1, 2, 3, 2, 3] as [Int64] {
            broadcaster.publish(head: head)
        }
        #expect(heard.all == [1, 2, 3])
        #expect(broadcaster.head == 3)
    }

    @Test func aCancelledSubscriptionIsToldNothingMoreAndOthersStillAre() {
        let broadcaster = HeadBroadcaster(head: 0)
        let cancelled = Heard()
        let kept = Heard()
        let subscription = broadcaster.subscribe(since: 0) { cancelled.listen($0) }
        _ = broadcaster.subscribe(since: 0) { kept.listen($0) }
        broadcaster.publish(head: 1)
        subscription.cancel()
        #expect(broadcaster.subscriberCount == 1)
        broadcaster.publish(head: 2)
        #expect(cancelled.all == [1])
        #expect(kept.all == [1, 2])
    }

    @Test func finishingEndsEverySubscription() {
        let broadcaster = HeadBroadcaster(head: 0)
        let first = Heard()
        let second = Heard()
        _ = broadcaster.subscribe(since: 0) { first.listen($0) }
        _ = broadcaster.subscribe(since: 0) { second.listen($0) }
        #expect(broadcaster.subscriberCount == 2)
        broadcaster.finishAll()
        #expect(broadcaster.subscriberCount == 0)
        broadcaster.publish(head: 1)
        #expect(first.all == [] && second.all == [])
    }
}
