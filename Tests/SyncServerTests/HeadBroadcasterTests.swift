import Testing

@testable import SyncServer

@Suite struct HeadBroadcasterTests {
    @Test func aSubscriberBehindTheHeadIsToldAtOnceAndOneAtTheHeadIsNot() async {
        let broadcaster = HeadBroadcaster(head: 5)
        var behind = broadcaster.subscribe(since: 3).makeAsyncIterator()
        #expect(await behind.next() == 5)
        let current = broadcaster.subscribe(since: 5)
        broadcaster.publish(head: 6)
        var iterator = current.makeAsyncIterator()
        #expect(await iterator.next() == 6)
    }

    @Test func headsAreCoalescedToTheNewestForASlowSubscriberAndOldHeadsIgnored() async {
        let broadcaster = HeadBroadcaster(head: 0)
        var heads = broadcaster.subscribe(since: 0).makeAsyncIterator()
        for head in [1, 2, 3, 2] as [Int64] {
            broadcaster.publish(head: head)
        }
        #expect(await heads.next() == 3)
        #expect(broadcaster.head == 3)
        broadcaster.publish(head: 4)
        #expect(await heads.next() == 4)
    }

    @Test func finishingEndsEverySubscription() async {
        let broadcaster = HeadBroadcaster(head: 0)
        var first = broadcaster.subscribe(since: 0).makeAsyncIterator()
        var second = broadcaster.subscribe(since: 0).makeAsyncIterator()
        #expect(broadcaster.subscriberCount == 2)
        broadcaster.finishAll()
        #expect(await first.next() == nil)
        #expect(await second.next() == nil)
        #expect(broadcaster.subscriberCount == 0)
    }
}
