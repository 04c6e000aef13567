/// Exponential backoff with jitter between reconnection attempts.
///
/// Attempt *n* (from 0) waits a random time in `[d/2, d]` where `d = min(maximum, initial × 2ⁿ)`, so that many
/// clients cut off at once do not all come back in the same instant.
public struct Backoff: Sendable, Hashable {
    /// The delay bound of the first retry.
    public var initial: Duration
    /// The largest delay bound.
    public var maximum: Duration

    /// Creates a policy.
    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(30)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The upper bound of the delay before retry number `attempt` (0-based).
    public func bound(forAttempt attempt: Int) -> Duration {
        var bound = initial
        for _ in 0..<max(0, min(attempt, 40)) {
            bound = bound * 2
            if bound >= maximum { return maximum }
        }
        return min(bound, maximum)
    }

    /// The delay before retry number `attempt`, drawn from `[bound/2, bound]` with `generator`.
    public func delay(forAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let bound = bound(forAttempt: attempt)
        let fraction = Double.random(in: 0.5...1.0, using: &generator)
        return bound * fraction
    }
}
