import BulletinCore
import Dispatch
import Glibc
import Synchronization
import Testing

/// ``WorkAhead`` hands each item's value to its consumer once, computed by the helper or, for a chunk the helper has
/// not started, by the consumer itself: it never waits on a helper that is busy elsewhere.
@Suite(.timeLimit(.minutes(1))) struct WorkAheadTests {
    @Test func everyValueIsComputedOnceAndReturnedInOrder() {
        let calls = Atomic<Int>(0)
        let work = WorkAhead(count: 1_000, chunkSize: 7) { index in
            calls.add(1, ordering: .relaxed)
            return index * index
        }
        for index in 0..<1_000 { #expect(work.value(at: index) == index * index) }
        #expect(calls.load(ordering: .relaxed) == 1_000)
    }

    @Test func aChunkTheHelperHasNotStartedIsComputedByTheConsumer() {
        let consumer = pthread_self()
        let helperStarted = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let work = WorkAhead(count: 30, chunkSize: 10) { index in
            // The helper takes the first chunk and stays in it until released.
            if index == 0, pthread_equal(pthread_self(), consumer) == 0 {
                helperStarted.signal()
                release.wait()
            }
            return -index
        }
        helperStarted.wait()
        // Chunks 2 and 1 are not started: the consumer computes them without waiting for the helper.
        #expect(work.value(at: 25) == -25)
        #expect(work.value(at: 15) == -15)
        release.signal()
        // Chunk 0 is the helper's: the consumer waits for it.
        #expect(work.value(at: 3) == -3)
        #expect(work.value(at: 29) == -29)
    }
}
