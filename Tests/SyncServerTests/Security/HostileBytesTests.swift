import Foundation
import NIOConcurrencyHelpers
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Issue 19, through a real server on loopback: whatever hostile peers send (before and after login), a fresh
/// connection is answered promptly, the handshake deadline holds, and the attackers only get error replies.
@Suite(.timeLimit(.minutes(2)), .serialized) struct HostileBytesTests {
    /// The most a fresh connection may wait for `BSYN` during an attack, typically (the median) and at worst.
    ///
    /// Issue 19 asks 100 ms of a release server, and that is measured where speed is measured (BENCHMARKS.md,
    /// "Decoding"). Here a debug build runs on a shared 2-core machine beside the rest of the suite (the median
    /// was 0.33–0.37 s with two other builds running), so these bounds separate "answered" from "stalled": before
    /// the fix the wait was minutes (the handshake deadline could not even fire), which they still catch.
    ///
    /// The slowest probe is the one accepted onto an event loop that is decoding a 4 MiB hostile frame, and a debug
    /// build's decode time is what the machine leaves it: 0.2–2.7 s in the whole suite on an idle machine, 9.0 s
    /// with one core taken by another process (the run that failed a 5 s bound), while the median stayed at
    /// 0.03–0.17 s. 30 s still fails a stall of minutes.
    static let typicalAnswerBound: Duration = .seconds(1)
    static let answerBound: Duration = .seconds(30)

    /// The attackers' frames: before login, within the pre-authentication limits (256 KiB inflated); after login,
    /// the worst shapes at 4 MiB inflated (16 times the pre-login limit; small enough that a debug build's test does
    /// not starve the tests running beside it; `bulletin-bench decoding` measures the full 64 MiB in release).
    struct Frames: Sendable {
        var preAuth: [[UInt8]]
        var loggedIn: [[UInt8]]
    }

    /// Makes the frames on a thread of their own (``onThreadOfItsOwn(_:)``). Building and compressing them takes a
    /// debug build many seconds: as lazily made statics they were built on Swift's cooperative pool, with the other
    /// attackers' tasks blocked on the same initialiser, and every test of the run stalled behind them.
    static func frames() async throws -> Frames {
        try await onThreadOfItsOwn {
            Frames(
                preAuth: [
                    HostilePayloads.markRunMemberName(marks: 120_000),
                    HostilePayloads.markRunType(marks: 120_000),
                    HostilePayloads.markRunFieldKey(marks: 120_000),
                    HostilePayloads.unknownArrayOfZeros(size: 250 << 10),
                    HostilePayloads.nestedArraysInFields(size: 250 << 10),
                ].map(compressed),
                loggedIn: [
                    HostilePayloads.unknownArrayOfZeros(size: 4 << 20),
                    HostilePayloads.nestedArraysInFields(size: 4 << 20),
                    HostilePayloads.manyKeysInFields(size: 4 << 20),
                    HostilePayloads.markRunMemberName(marks: 1 << 20),
                ].map(compressed))
        }
    }

    static func compressed(_ json: [UInt8]) -> [UInt8] {
        FrameCodec.frame(flags: RawFrame.compressedFlag, payload: Zlib.compress(json, level: 9))
    }

    @Test func freshConnectionsAreAnsweredWhileHostilePeersSendTheirWorst() async throws {
        let frames = try await Self.frames()
        try await withTimeout(seconds: 100) {
            try await SecuredServer.with(configure: { $0.handshakeTimeout = .seconds(1) }) { server in
                let token = try #require(server.tokens[.editor])
                let started = Countdown(4)
                let replies = NIOLockedValueBox(0)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for peer in 0..<4 {
                        group.addTask {
                            try await Self.attack(
                                port: server.port, frames: peer < 2 ? frames.preAuth : frames.loggedIn,
                                token: peer < 2 ? nil : token, started: started, replies: replies)
                        }
                    }
                    await started.wait()
                    // At least 30 probes, over at least 3 s of attack.
                    var waits: [Duration] = []
                    let probing = ContinuousClock.now.advanced(by: .seconds(3))
                    while waits.count < 30 || ContinuousClock.now < probing {
                        waits.append(try await Self.timeToPreamble(port: server.port))
                    }
                    waits.sort()
                    let slowest = waits.last ?? .zero
                    // The handshake deadline (1 s here) still closes a silent peer.
                    let idleClosedAfter = try await Self.timeToClose(port: server.port)
                    group.cancelAll()
                    try await group.waitForAll()
                    // A barrier: once this connection is answered, every attacker's connection has been accepted,
                    // so none arrives while the server shuts down (an accepted channel dropped by a closing
                    // listener trips NIO's "NIOAsyncWriter deinited without finish()" check).
                    _ = try await Self.timeToPreamble(port: server.port)
                    #expect(waits[waits.count / 2] < Self.typicalAnswerBound, "median BSYN: \(waits[waits.count / 2])")
                    #expect(slowest < Self.answerBound, "slowest BSYN: \(slowest)")
                    #expect(idleClosedAfter < .seconds(3), "idle peer closed after \(idleClosedAfter)")
                    #expect(replies.withLockedValue { $0 } > 0)
                    print(
                        "hostile bytes: BSYN median \(waits[waits.count / 2]), slowest \(slowest), "
                            + "idle closed after \(idleClosedAfter), "
                            + "\(replies.withLockedValue { $0 }) hostile frames answered")
                }
            }
        }
    }

    @Test func everyAttackGetsTheExpectedErrorAndTheConnectionSurvives() async throws {
        try await withTimeout(seconds: 100) {
            try await SecuredServer.with { server in
                let token = try #require(server.tokens[.editor])
                try await RawTestClient.with(port: server.port) { client in
                    try await client.write(FrameCodec.preamble)
                    try await Self.login(&client, token: token)
                    for (name, json) in HostilePayloads.all(size: 2 << 20) {
                        try await client.write(Self.compressed(json))
                        let answer = try await client.nextMessage()
                        switch answer {
                        case .error(let error):
                            // `unexpected_message`: a well-formed second `hello`, refused by the session.
                            #expect(
                                ["invalid_message", "unsupported_message", "unexpected_message"]
                                    .contains(error.name), "\(name): \(error.name)")
                        case .pong(let pong):
                            #expect(pong.nonce == 7, "\(name)")
                        default:
                            // A push within the allowance is refused by the server's rules, not the decoder.
                            #expect(
                                name.contains("fields") || name.contains("hello"),
                                "\(name): \(String(describing: answer))")
                        }
                    }
                    // Still serving this very connection.
                    try await client.write(FrameCodec.frame(flags: 0, payload: FrameCodec.json(.ping(Ping(nonce: 9)))))
                    #expect(try await client.nextMessage() == .pong(Ping(nonce: 9)))
                }
            }
        }
    }

    @Test func fuzzRegressionInputsAreAnsweredWhileOthersAreServed() async throws {
        let inputs = try Self.regressionInputs()
        try await withTimeout(seconds: 60) {
            try await SecuredServer.with { server in
                for (name, bytes) in inputs {
                    // Each input is a whole byte stream after the preamble, sent as it was found.
                    try await RawTestClient.with(port: server.port) { client in
                        try await client.write(FrameCodec.preamble + bytes)
                        let elapsed = try await Self.timeToPreamble(port: server.port)
                        #expect(elapsed < Self.answerBound, "\(name): \(elapsed)")
                        // The hostile peer itself is told what was wrong (or closed), promptly.
                        let answer = try await client.nextMessage()
                        if let answer, case .error = answer {
                        } else if answer != nil {
                            Issue.record("\(name): answered \(String(describing: answer))")
                        }
                    }
                }
                try await server.connected(as: .editor) { client in
                    try await client.send(.ping(Ping(nonce: 1)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 1)))
                }
            }
        }
    }

    // MARK: Helpers

    /// The inputs kept in Tests/Fuzz/Regressions (crashes and slow inputs the fuzzers found, and the attacks).
    static func regressionInputs() throws -> [(String, [UInt8])] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.sorted().filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.map { name in
            (name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        }
    }

    static func login(_ client: inout RawTestClient, token: String) async throws {
        let hello = Message.hello(
            Hello(
                versions: [1], clientID: ChangeFactory.newID(), credentials: Credentials(token: token),
                appVersion: "hostile/1", schemaVersion: 1))
        try await client.write(FrameCodec.frame(flags: 0, payload: FrameCodec.json(hello)))
        guard case .welcome = try await client.nextMessage() else { throw ProtocolError.invalidMessage("no welcome") }
    }

    /// Sends `frames` over and over (reconnecting when the server closes) until cancelled.
    static func attack(
        port: Int, frames: [[UInt8]], token: String?, started: Countdown, replies: NIOLockedValueBox<Int>
    ) async throws {
        var signalled = false
        while !Task.isCancelled {
            try? await RawTestClient.with(port: port) { client in
                try await client.write(FrameCodec.preamble)
                if let token {
                    try await login(&client, token: token)
                }
                while !Task.isCancelled {
                    for frame in frames {
                        try await client.write(frame)
                        if !signalled {
                            signalled = true
                            started.signal()
                        }
                        guard try await client.nextMessage() != nil else { return }
                        replies.withLockedValue { $0 += 1 }
                    }
                }
            }
        }
    }

    /// How long a fresh connection waits for the server's `BSYN`.
    static func timeToPreamble(port: Int) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let answered = try await RawTestClient.with(port: port) { client in
            try await client.write(FrameCodec.preamble)
            return try await client.awaitPreamble()
        }
        #expect(answered)
        return clock.now - start
    }

    /// How long the server takes to close a connection that sends only `BSYN`.
    static func timeToClose(port: Int) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await RawTestClient.with(port: port) { client in
            try await client.write(FrameCodec.preamble)
            _ = try await client.drainUntilClosed()
        }
        return clock.now - start
    }
}

/// Counts down from `count` signals; `wait()` returns once all have arrived.
final class Countdown: Sendable {
    private let state: NIOLockedValueBox<(remaining: Int, waiters: [CheckedContinuation<Void, Never>])>

    init(_ count: Int) {
        state = NIOLockedValueBox((count, []))
    }

    func signal() {
        let ready = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.remaining -= 1
            guard state.remaining <= 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for continuation in ready { continuation.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now = state.withLockedValue { state -> Bool in
                if state.remaining <= 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if now {
                continuation.resume()
            }
        }
    }
}
