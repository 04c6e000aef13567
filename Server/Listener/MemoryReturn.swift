import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory of departed sessions back to the system once many of them have left.
///
/// glibc's `malloc` keeps what is freed inside its arenas (one per thread that allocated, up to eight per core) and
/// returns to the system only the free space at the top of the main heap: after a burst of 5,000 sessions had left,
/// the server's RSS stayed near its peak (BENCHMARKS.md, "Issue 14: memory"). `malloc_trim(0)` gives back the free
/// pages of every arena. It runs once the open connections have fallen to half their high-water mark (see
/// ``TrimPolicy``) and then ``delay`` has passed without another connection closing: the sessions' tasks and buffers
/// are freed a moment after their channels close, and a departing burst is trimmed once rather than connection by
/// connection. Driven by closing connections, never by a standing timer; the trim runs on NIO's thread pool, not on
/// an event loop.
final class MemoryReturn: Sendable {
    private let policy: NIOLockedValueBox<TrimPolicy>
    private let delay: TimeAmount
    private let trim: @Sendable () -> Void

    /// Creates a trimmer that trims `delay` after the connections have fallen by half.
    ///
    /// - Parameters:
    ///   - minimumDrop: Fewer departures than this never trim (a trim walks every arena).
    ///   - trim: What gives memory back; `malloc_trim(0)` where the C library has it, nothing elsewhere.
    init(delay: TimeAmount, minimumDrop: Int = 64, trim: @escaping @Sendable () -> Void = MemoryReturn.mallocTrim) {
        self.policy = NIOLockedValueBox(TrimPolicy(minimumDrop: minimumDrop))
        self.delay = delay
        self.trim = trim
    }

    /// A connection was accepted.
    func opened() {
        policy.withLockedValue { $0.opened() }
    }

    /// A connection closed (on `eventLoop`, which schedules the trim if one is due).
    func closed(on eventLoop: any EventLoop) {
        guard policy.withLockedValue({ $0.closed() }) else { return }
        schedule(on: eventLoop)
    }

    /// Trims ``delay`` from now, unless connections are still closing then: it waits for them to stop first (a
    /// departing burst frees its sessions' memory over a few seconds, and one trim after it gives back all of it).
    private func schedule(on eventLoop: any EventLoop) {
        eventLoop.scheduleTask(in: delay) { [self] in
            guard policy.withLockedValue({ $0.fired() }) else {
                schedule(on: eventLoop)
                return
            }
            NIOThreadPool.singleton.submit { [self] _ in
                trim()
                policy.withLockedValue { $0.trimmed() }
            }
        }
    }

    /// `malloc_trim(0)` of glibc, looked up at run time: Swift's Glibc module does not declare it (it lives in
    /// `<malloc.h>`), and a C library without it (musl) simply keeps its memory.
    static let mallocTrim: @Sendable () -> Void = {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // A null handle is RTLD_DEFAULT: the symbol as the process resolves it.
        guard let symbol = dlsym(nil, "malloc_trim") else { return {} }
        let function = unsafeBitCast(symbol, to: Trim.self)
        return { _ = function(0) }
        #else
        return {}
        #endif
    }()
}

/// When to give freed memory back, from the count of open connections: a plain state machine (tested without
/// sockets).
struct TrimPolicy: Sendable {
    /// Fewer departures than this never trim.
    let minimumDrop: Int
    /// Connections open now.
    private(set) var open = 0
    /// The most connections open since the last trim.
    private(set) var highWater = 0
    /// A trim is scheduled and has not run yet.
    private(set) var pending = false
    /// Connections closed since the pending trim was scheduled or last postponed.
    private var closedSinceCheck = 0
    /// How often the pending trim was put off.
    private var postponed = 0
    /// How often a pending trim is put off at most while connections keep closing.
    static let maximumPostponements = 10

    init(minimumDrop: Int) {
        self.minimumDrop = minimumDrop
    }

    /// A connection was accepted.
    mutating func opened() {
        open += 1
        highWater = max(highWater, open)
    }

    /// A connection closed; `true` when a trim should now be scheduled: at least half of the high-water mark (and at
    /// least ``minimumDrop``) has left since the last trim, and none is pending.
    mutating func closed() -> Bool {
        open = max(0, open - 1)
        if pending {
            closedSinceCheck += 1
            return false
        }
        guard highWater - open >= max(minimumDrop, (highWater + 1) / 2) else { return false }
        pending = true
        closedSinceCheck = 0
        postponed = 0
        return true
    }

    /// The scheduled trim's time came: `true` to trim now, `false` to wait once more because connections closed
    /// since it was scheduled (at most ``maximumPostponements`` times, so a steady trickle cannot put it off forever).
    mutating func fired() -> Bool {
        guard closedSinceCheck > 0, postponed < Self.maximumPostponements else { return true }
        closedSinceCheck = 0
        postponed += 1
        return false
    }

    /// The trim ran: departures count from the connections open now.
    mutating func trimmed() {
        pending = false
        highWater = open
    }
}
