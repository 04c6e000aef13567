import NIOConcurrencyHelpers

/// How hard a server slows down repeated failed authentications from one address.
public struct FailedAttemptPolicy: Sendable, Hashable {
    /// The delay before answering the second failure in a row; each further failure doubles it.
    public var firstDelay: Duration
    /// The longest delay.
    public var maximumDelay: Duration
    /// After this many failures in a row, the address gets `rate_limited` at once, without its token being checked.
    public var blockAfter: Int
    /// How long an address's failures are remembered after its last one.
    public var forgetAfter: Duration
    /// The most addresses remembered at once (memory stays bounded under a flood of addresses).
    public var maximumAddresses: Int

    /// Creates a policy.
    public init(
        firstDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(4), blockAfter: Int = 10,
        forgetAfter: Duration = .seconds(600), maximumAddresses: Int = 4096
    ) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.blockAfter = max(1, blockAfter)
        self.forgetAfter = forgetAfter
        self.maximumAddresses = max(1, maximumAddresses)
    }

    /// The defaults: 0.25 s, 0.5 s, 1 s, … up to 4 s; blocked after 10 failures for 10 minutes; 4096 addresses.
    public static let standard = FailedAttemptPolicy()
}

/// Remembers failed authentications per peer address and says how long to wait before answering, or whether the
/// address is blocked. Thread-safe; shared by every session of a server.
public final class FailedAttemptLimiter: Sendable {
    private struct Entry {
        var failures: Int
        var last: ContinuousClock.Instant
    }

    /// The policy applied.
    public let policy: FailedAttemptPolicy
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Creates a limiter; `now` is the clock (tests pass their own).
    public init(
        policy: FailedAttemptPolicy = .standard,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.policy = policy
        self.now = now
    }

    /// How many addresses are remembered.
    public var trackedAddresses: Int { entries.withLockedValue { $0.count } }

    /// Whether `address` has failed too often recently and must be answered `rate_limited`.
    public func isBlocked(_ address: String) -> Bool {
        let now = now()
        return entries.withLockedValue { entries in
            guard let entry = entries[address] else { return false }
            if now - entry.last > policy.forgetAfter {
                entries[address] = nil
                return false
            }
            return entry.failures >= policy.blockAfter
        }
    }

    /// Records a failure from `address` and returns how long to wait before answering it.
    public func recordFailure(_ address: String) -> Duration {
        let now = now()
        return entries.withLockedValue { entries in
            var entry = entries[address] ?? Entry(failures: 0, last: now)
            if now - entry.last > policy.forgetAfter { entry.failures = 0 }
            let earlier = entry.failures
            entry.failures += 1
            entry.last = now
            if entries[address] == nil, entries.count >= policy.maximumAddresses {
                Self.makeRoom(in: &entries, now: now, policy: policy)
            }
            entries[address] = entry
            return Self.delay(afterEarlierFailures: earlier, policy: policy)
        }
    }

    /// Forgets the failures of `address` after it authenticated.
    public func recordSuccess(_ address: String) {
        entries.withLockedValue { _ = $0.removeValue(forKey: address) }
    }

    /// The delay for a failure that follows `earlier` failures: none for the first, then doubling from
    /// `firstDelay` up to `maximumDelay`.
    static func delay(afterEarlierFailures earlier: Int, policy: FailedAttemptPolicy) -> Duration {
        guard earlier > 0 else { return .zero }
        var delay = policy.firstDelay
        for _ in 1..<min(earlier, 32) {
            delay *= 2
            if delay >= policy.maximumDelay { return policy.maximumDelay }
        }
        return min(delay, policy.maximumDelay)
    }

    /// Drops forgotten entries, and if that is not enough, the one whose last failure is oldest.
    private static func makeRoom(
        in entries: inout [String: Entry], now: ContinuousClock.Instant, policy: FailedAttemptPolicy
    ) {
        entries = entries.filter { now - $0.value.last <= policy.forgetAfter }
        while entries.count >= policy.maximumAddresses,
            let oldest = entries.min(by: { $0.value.last < $1.value.last })?.key
        {
            entries[oldest] = nil
        }
    }
}
