import SyncProtocol
import Testing

@testable import BulletinCore

@Suite struct HybridLogicalClockTests {
    @Test func localEventsFollowTheWallClockAndCountWithinAMillisecond() {
        var clock = HybridLogicalClock()
        let first = clock.now(wall: 1_000)
        let second = clock.now(wall: 1_000)
        let third = clock.now(wall: 1_005)
        #expect(first == HLCTimestamp(wallMillis: 1_000, counter: 0))
        #expect(second == HLCTimestamp(wallMillis: 1_000, counter: 1))
        #expect(third == HLCTimestamp(wallMillis: 1_005, counter: 0))
        #expect(clock.last == third)
    }

    @Test func staysMonotonicWhenTheWallClockGoesBack() {
        var clock = HybridLogicalClock(last: HLCTimestamp(wallMillis: 5_000, counter: 7))
        let stamps = [4_000, 3_000, 5_000, 1].map { clock.now(wall: Int64($0)) }
        #expect(
            stamps == [
                HLCTimestamp(wallMillis: 5_000, counter: 8),
                HLCTimestamp(wallMillis: 5_000, counter: 9),
                HLCTimestamp(wallMillis: 5_000, counter: 10),
                HLCTimestamp(wallMillis: 5_000, counter: 11),
            ])
    }

    @Test func counterOverflowBorrowsTheNextMillisecond() {
        var clock = HybridLogicalClock(last: HLCTimestamp(wallMillis: 10, counter: HLCTimestamp.maxCounter))
        let next = clock.now(wall: 10)
        #expect(next == HLCTimestamp(wallMillis: 11, counter: 0))
        #expect(HLCTimestamp(next.description) == next)
    }

    @Test func receivingARemoteTimestampAheadMovesTheClockPastIt() {
        var clock = HybridLogicalClock(last: HLCTimestamp(wallMillis: 1_000, counter: 2))
        let received = clock.receive(remote: HLCTimestamp(wallMillis: 9_000, counter: 4), wall: 1_500)
        #expect(received == HLCTimestamp(wallMillis: 9_000, counter: 5))
        #expect(clock.now(wall: 1_600) == HLCTimestamp(wallMillis: 9_000, counter: 6))
        #expect(clock.now(wall: 9_001) == HLCTimestamp(wallMillis: 9_001, counter: 0))
    }

    @Test func receiveUsesTheLargerCounterWhenAllAgreeOnTheMillisecond() {
        var clock = HybridLogicalClock(last: HLCTimestamp(wallMillis: 2_000, counter: 3))
        #expect(
            clock.receive(remote: HLCTimestamp(wallMillis: 2_000, counter: 9), wall: 2_000)
                == HLCTimestamp(wallMillis: 2_000, counter: 10))
        #expect(
            clock.receive(remote: HLCTimestamp(wallMillis: 1_000, counter: 50), wall: 1_000)
                == HLCTimestamp(wallMillis: 2_000, counter: 11))
    }

    @Test func receiveFollowsTheWallClockWhenItIsAheadOfBoth() {
        var clock = HybridLogicalClock(last: HLCTimestamp(wallMillis: 2_000, counter: 3))
        #expect(
            clock.receive(remote: HLCTimestamp(wallMillis: 2_500, counter: 9), wall: 3_000)
                == HLCTimestamp(wallMillis: 3_000, counter: 0))
    }

    @Test func everyStampOfAMixedSequenceIsStrictlyIncreasing() {
        var clock = HybridLogicalClock()
        var previous = HLCTimestamp.zero
        // A wall clock that jumps around, with remote stamps in between: the output must still strictly increase.
        let walls: [Int64] = [100, 90, 90, 300, 200, 200, 1_000, 10]
        for (index, wall) in walls.enumerated() {
            let stamp =
                index % 3 == 2
                ? clock.receive(remote: HLCTimestamp(wallMillis: wall + 50, counter: UInt32(index)), wall: wall)
                : clock.now(wall: wall)
            #expect(stamp > previous)
            previous = stamp
        }
    }
}
