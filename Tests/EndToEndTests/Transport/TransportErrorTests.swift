import Foundation
import Glibc
import NIOCore
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

/// Every way a connection can fail reaches the editor as one ``SyncError`` with a stable code and a sentence that
/// says what happened and what to do — never NIO's own words (issue 18, item 2). Real loopback sockets throughout.
@Suite(.timeLimit(.minutes(1))) struct TransportErrorTests {
    /// What a failure must never show a person.
    static let rawWords = ["I/O on closed channel", "errno", "NIO", "IOError", "ChannelError", "connectTimeout"]

    /// Syncs a fresh store against `port` and returns how it failed.
    static func failure(
        port: Int, options: SyncOptions = SyncOptions(), connectTimeout: Duration = .seconds(10),
        tls: ClientTLS? = nil
    ) async throws -> SyncError {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LocalStore.create(at: directory.file("store.sqlite"), editor: "Lan")
        let runner = SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: port),
            options: options, logger: quietLogger, tls: tls)
        let connector = SyncConnector(
            address: runner.address, options: options, connectTimeout: connectTimeout,
            tls: tls)
        let engine = SyncEngine(replica: store, options: options, logger: quietLogger)
        do {
            _ = try await connector.withConversation(hello: try runner.hello()) { conversation, welcome in
                try await engine.sync(conversation, welcome: welcome)
            }
        } catch let error as SyncError {
            return error
        }
        throw PeerError("the sync did not fail")
    }

    /// The `welcome` of a peer that plays server for the handshake only.
    static let welcome = Message.welcome(
        Welcome(
            version: 1, serverID: "8f7e6d5c-4b3a-4291-8807-f6e5d4c3b2a1", headSeq: 5,
            limits: WireLimits(maxFrameBytes: 1 << 20, maxDecompressedBytes: 1 << 22, maxBatchChanges: 100),
            capabilities: []))

    static func check(_ error: SyncError, code: String, saying words: [String]) {
        #expect(error.code == code, "\(error)")
        for word in words { #expect(error.description.contains(word), "\(error.description)") }
        for word in rawWords { #expect(!error.description.contains(word), "\(error.description)") }
        #expect(!error.description.contains("\n"))
    }

    @Test func aRefusedPortSaysNothingListensThere() async throws {
        let port = try FakePeer.refusingPort()
        let error = try await withTimeout { try await Self.failure(port: port) }
        Self.check(
            error, code: "connection_refused",
            saying: ["127.0.0.1:\(port)", "connection refused", "bulletin-server is running", "run sync again"])
        #expect(error.isRetryable)
    }

    @Test func aPeerThatResetsTheConnectionSaysItWasCut() async throws {
        // It takes the preamble and `hello`, then resets: the client is waiting for `welcome`.
        let peer = try FakePeer { socket in
            _ = FakePeer.readFrame(socket, preamble: true)
            FakePeer.reset(socket)
        }
        defer { peer.close() }
        let error = try await withTimeout { try await Self.failure(port: peer.port) }
        Self.check(error, code: "connection_reset", saying: ["cut", "nothing was lost", "run sync again"])
        #expect(error.isRetryable)
    }

    @Test func aPeerThatClosesMidSyncSaysSo() async throws {
        // A proper handshake, then the client's `pull` is read and the connection closed without an answer.
        let peer = try FakePeer { socket in
            _ = FakePeer.readFrame(socket, preamble: true)
            FakePeer.write(socket, FrameCodec.preamble + FrameCodec().frame(for: Self.welcome))
            _ = FakePeer.readFrame(socket)
            FakePeer.closeGracefully(socket)
        }
        defer { peer.close() }
        let error = try await withTimeout { try await Self.failure(port: peer.port) }
        Self.check(
            error, code: "connection_closed",
            saying: ["closed the connection before the sync finished", "run sync again"])
    }

    @Test func aPeerThatStallsPastTheTimeoutSaysWhatItWaitedFor() async throws {
        let peer = try FakePeer { socket in FakePeer.stall(socket) }
        defer { peer.close() }
        let error = try await withTimeout {
            try await Self.failure(port: peer.port, connectTimeout: .milliseconds(300))
        }
        Self.check(error, code: "timeout", saying: ["no answer from the server in time", "welcome", "run sync again"])
    }

    @Test func aPeerThatStallsMidSyncSaysWhatItWaitedFor() async throws {
        let peer = try FakePeer { socket in
            _ = FakePeer.readFrame(socket, preamble: true)
            FakePeer.write(socket, FrameCodec.preamble + FrameCodec().frame(for: Self.welcome))
            FakePeer.stall(socket)
        }
        defer { peer.close() }
        let error = try await withTimeout {
            try await Self.failure(port: peer.port, options: SyncOptions(replyTimeout: .milliseconds(300)))
        }
        Self.check(error, code: "timeout", saying: ["no answer from the server in time", "changes", "run sync again"])
    }

    @Test func aTLSClientAtAPlainServerSaysTheHandshakeFailed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTimeout {
            try await withServer(in: directory.file("server")) { server in
                let error = try await Self.failure(port: server.port, tls: ClientTLS())
                Self.check(error, code: "tls_failed", saying: ["TLS handshake failed", "does not speak TLS"])
                #expect(!error.isRetryable)
            }
        }
    }

    @Test func anUnusableCAFileIsNamedWithWhatToCheck() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notPEM = directory.file("ca.pem")
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: notPEM))
        let port = try FakePeer.refusingPort()
        let error = try await withTimeout { try await Self.failure(port: port, tls: ClientTLS(caFile: notPEM)) }
        Self.check(error, code: "connection_failed", saying: ["TLS CA file \(notPEM)", "check --ca"])
    }

    @Test func aPlainClientAtAPeerThatIsNoBulletinServerIsToldToCheckTheAddress() async throws {
        let peer = try FakePeer { socket in
            _ = FakePeer.read(socket, count: 4)
            FakePeer.write(socket, Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
            FakePeer.closeGracefully(socket)
        }
        defer { peer.close() }
        let error = try await withTimeout { try await Self.failure(port: peer.port) }
        Self.check(error, code: "protocol_violation", saying: ["not answer as a bulletin server", "check the address"])
    }

    @Test func aServerErrorKeepsItsWireNameInTheCode() {
        let error = SyncError.server(
            ErrorMessage(
                code: 400, name: "unauthenticated", message: "no token",
                retryable: false))
        #expect(error.code == "server_unauthenticated")
        #expect(error.description.contains("no token"))
    }

    @Test func rawNIOErrorsAreReadAsTheSyncErrorTheyStandFor() {
        #expect(SyncError(transportError: ChannelError.ioOnClosedChannel)?.code == "connection_closed")
        #expect(SyncError(transportError: IOError(errnoCode: ECONNRESET, reason: "read"))?.code == "connection_reset")
        let refused = SyncError(transportError: IOError(errnoCode: ECONNREFUSED, reason: "connect"), address: "h:1")
        #expect(refused?.description.hasPrefix("cannot connect to h:1") == true)
        #expect(SyncError(transportError: PeerError("a store problem")) == nil, "other errors pass through")
    }
}
