import SyncProtocol

/// A hybrid logical clock: stamps events with timestamps that never go backwards, even when the wall clock does,
/// and that move past every timestamp the replica has seen from others.
///
/// The clock is a value: a store loads it, ticks it inside the transaction that records the stamped change and
/// saves ``last`` back, so the clock survives restarts with the data it stamped.
public struct HybridLogicalClock: Sendable, Hashable {
    /// The latest timestamp this clock has issued or received.
    public private(set) var last: HLCTimestamp

    /// Creates a clock that continues after `last` (``HLCTimestamp/zero`` for a new replica).
    public init(last: HLCTimestamp = .zero) {
        self.last = last
    }

    /// Stamps a local event.
    ///
    /// - Parameter wall: the wall clock, in milliseconds since the Unix epoch.
    /// - Returns: a timestamp greater than every earlier one of this clock.
    public mutating func now(wall: Int64) -> HLCTimestamp {
        let next =
            wall > last.wallMillis
            ? HLCTimestamp(wallMillis: wall, counter: 0)
            : Self.successor(wallMillis: last.wallMillis, counter: last.counter)
        last = next
        return next
    }

    /// Takes in a timestamp received from another replica, so that later local events sort after it.
    ///
    /// - Parameters:
    ///   - remote: the other replica's timestamp.
    ///   - wall: the wall clock, in milliseconds since the Unix epoch.
    /// - Returns: a timestamp greater than both `remote` and every earlier one of this clock.
    @discardableResult
    public mutating func receive(remote: HLCTimestamp, wall: Int64) -> HLCTimestamp {
        let wallMillis = max(last.wallMillis, remote.wallMillis, wall)
        let next: HLCTimestamp
        if wallMillis == last.wallMillis && wallMillis == remote.wallMillis {
            next = Self.successor(wallMillis: wallMillis, counter: max(last.counter, remote.counter))
        } else if wallMillis == last.wallMillis {
            next = Self.successor(wallMillis: wallMillis, counter: last.counter)
        } else if wallMillis == remote.wallMillis {
            next = Self.successor(wallMillis: wallMillis, counter: remote.counter)
        } else {
            next = HLCTimestamp(wallMillis: wallMillis, counter: 0)
        }
        last = next
        return next
    }

    /// The timestamp right after (wallMillis, counter). When the counter would outgrow its 5-digit wire form the
    /// clock borrows the next millisecond instead, which keeps it monotonic and its output encodable.
    private static func successor(wallMillis: Int64, counter: UInt32) -> HLCTimestamp {
        counter >= HLCTimestamp.maxCounter
            ? HLCTimestamp(wallMillis: wallMillis + 1, counter: 0)
            : HLCTimestamp(wallMillis: wallMillis, counter: counter + 1)
    }
}
