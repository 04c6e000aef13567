import NIOConcurrencyHelpers
import NIOEmbedded
import TestSupport
import Testing

@testable import SyncServer

/// The server gives memory back once a burst of sessions has left, not connection by connection (issue 14, memory).
@Suite struct MemoryReturnTests {
    @Test func aTrimIsDueOnceHalfOfTheHighWaterMarkHasLeft() {
        var policy = TrimPolicy(minimumDrop: 4)
        for _ in 0..<100 { policy.opened() }
        var due: [Bool] = []
        for _ in 0..<60 { due.append(policy.closed()) }
        #expect(due.firstIndex(of: true) == 49, "the 50th departure of 100 is half")
        #expect(due.filter { $0 }.count == 1, "one trim is pending until it ran")
        policy.trimmed()
        #expect(policy.highWater == 40)
        var again: [Bool] = []
        for _ in 0..<20 { again.append(policy.closed()) }
        #expect(again.firstIndex(of: true) == 19, "then half of the 40 still open")
    }

    @Test func aPendingTrimWaitsUntilConnectionsStopClosing() {
        var policy = TrimPolicy(minimumDrop: 1)
        for _ in 0..<4 { policy.opened() }
        let first = policy.closed()
        let second = policy.closed()
        #expect(!first)
        #expect(second, "half of 4 have left")
        let quiet = policy.fired()
        #expect(quiet, "nothing closed since: trim now")
        policy.trimmed()
        for _ in 0..<40 { policy.opened() }
        for _ in 0..<21 { _ = policy.closed() }
        _ = policy.closed()
        let postponed = policy.fired()
        let then = policy.fired()
        #expect(!postponed, "a connection closed after the trim was scheduled: wait once more")
        #expect(then, "then quiet: trim")
        policy.trimmed()
        for _ in 0..<100 { policy.opened() }
        for _ in 0..<100 { _ = policy.closed() }
        var waits = 0
        while !policy.fired() {
            waits += 1
            _ = policy.closed()
        }
        #expect(waits == TrimPolicy.maximumPostponements, "a steady trickle cannot put the trim off forever")
    }

    @Test func fewDeparturesNeverTrim() {
        var policy = TrimPolicy(minimumDrop: 64)
        for _ in 0..<10 { policy.opened() }
        var due: [Bool] = []
        for _ in 0..<10 { due.append(policy.closed()) }
        #expect(!due.contains(true))
        #expect(policy.open == 0)
        for _ in 0..<3 { policy.opened() }
        #expect(policy.highWater == 10, "no trim ran: the mark stays")
    }

    @Test func closingConnectionsTrimOnceAfterTheDelay() async throws {
        let loop = NIOAsyncTestingEventLoop()
        let trims = NIOLockedValueBox(0)
        let (trimmed, continuation) = AsyncStream.makeStream(of: Void.self)
        let memory = MemoryReturn(delay: .seconds(1), minimumDrop: 2) {
            trims.withLockedValue { $0 += 1 }
            continuation.yield()
        }
        for _ in 0..<8 { memory.opened() }
        for _ in 0..<8 { memory.closed(on: loop) }
        await loop.advanceTime(by: .milliseconds(999))
        #expect(trims.withLockedValue { $0 } == 0, "not before the delay")
        await loop.advanceTime(by: .milliseconds(1))
        #expect(
            trims.withLockedValue { $0 } == 0,
            "four connections closed after the trim was scheduled: it waits one delay more")
        await loop.advanceTime(by: .seconds(1))
        try await withTimeout {
            var iterator = trimmed.makeAsyncIterator()
            _ = await iterator.next()
        }
        #expect(trims.withLockedValue { $0 } == 1, "one trim for the whole departure")
        await loop.shutdownGracefully()
    }
}
