import NIOConcurrencyHelpers
import Testing

@testable import SyncServer

@Suite struct FailedAttemptLimiterTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let instant = NIOLockedValueBox(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLockedValue { $0 } }
        func advance(_ duration: Duration) { instant.withLockedValue { $0 += duration } }
    }

    private let policy = FailedAttemptPolicy(
        firstDelay: .milliseconds(250), maximumDelay: .seconds(4), blockAfter: 10, forgetAfter: .seconds(600),
        maximumAddresses: 8)

    @Test func delaysDoubleUpToTheMaximumThenTheAddressIsBlocked() {
        let clock = ManualClock()
        let limiter = FailedAttemptLimiter(policy: policy, now: { clock.now })
        let delays = (0..<10).map { _ in limiter.recordFailure("10.0.0.7") }
        #expect(
            delays == [
                .zero, .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4),
                .seconds(4), .seconds(4), .seconds(4),
            ])
        #expect(limiter.isBlocked("10.0.0.7"))
        #expect(!limiter.isBlocked("10.0.0.8"))
    }

    @Test func failuresAreForgottenAfterTheWindowAndASuccessClearsThem() {
        let clock = ManualClock()
        let limiter = FailedAttemptLimiter(policy: policy, now: { clock.now })
        for _ in 0..<10 { _ = limiter.recordFailure("a") }
        #expect(limiter.isBlocked("a"))
        clock.advance(.seconds(601))
        #expect(!limiter.isBlocked("a"))
        #expect(limiter.recordFailure("a") == .zero)
        #expect(limiter.recordFailure("a") == .milliseconds(250))
        limiter.recordSuccess("a")
        #expect(limiter.recordFailure("a") == .zero)
    }

    @Test func memoryStaysBoundedUnderAFloodOfAddresses() {
        let clock = ManualClock()
        let limiter = FailedAttemptLimiter(policy: policy, now: { clock.now })
        for index in 0..<1000 {
            _ = limiter.recordFailure("10.0.\(index / 256).\(index % 256)")
            clock.advance(.milliseconds(1))
        }
        #expect(limiter.trackedAddresses <= 8)
        // The newest addresses are the ones remembered.
        #expect(limiter.recordFailure("10.0.3.231") == .milliseconds(250))
    }
}
