import Testing

@testable import SyncClient

@Suite struct BackoffTests {
    @Test func boundsDoubleUpToTheMaximum() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))
        #expect(backoff.bound(forAttempt: 0) == .milliseconds(100))
        #expect(backoff.bound(forAttempt: 1) == .milliseconds(200))
        #expect(backoff.bound(forAttempt: 4) == .milliseconds(1_600))
        #expect(backoff.bound(forAttempt: 5) == .seconds(2))
        #expect(backoff.bound(forAttempt: 1_000) == .seconds(2))
    }

    @Test func delaysAreJitteredWithinHalfToFullBound() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))
        var generator = SystemRandomNumberGenerator()
        var seen = Set<Duration>()
        for _ in 0..<200 {
            let delay = backoff.delay(forAttempt: 3, using: &generator)
            #expect(delay >= .milliseconds(400) && delay <= .milliseconds(800))
            seen.insert(delay)
        }
        #expect(seen.count > 1, "jitter must spread the delays")
    }
}

@Suite struct ServerAddressTests {
    @Test(arguments: [
        ("127.0.0.1:7420", "127.0.0.1", 7420), ("localhost", "localhost", 7420), ("[::1]:9000", "::1", 9000),
        (" news.example:1 ", "news.example", 1), ("::1", "::1", 7420),
    ])
    func parsesHostAndPort(_ text: String, _ host: String, _ port: Int) throws {
        let address = try ServerAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(arguments: ["", ":7420", "host:0", "host:65536", "host:port", "[::1", "[::1]x"])
    func rejectsMalformedAddresses(_ text: String) {
        #expect(throws: SyncError.self) { try ServerAddress(parsing: text) }
    }

    @Test func printsIPv6InBrackets() throws {
        #expect(try ServerAddress(parsing: "[::1]:9000").description == "[::1]:9000")
    }
}
