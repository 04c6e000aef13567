import Foundation
import Glibc
import NIOCore
import SyncClient
import SyncProtocol
import Synchronization
import TestSupport
import Testing

/// The client keeps two `push` batches in flight (PROTOCOL.md section 7 allows pipelining): a server that answers
/// nothing until it holds the second batch still gets both, and each `push_ack` is matched to its batch in order.
/// It compresses what it sends at its own level (``SyncOptions/compressionLevel``).
@Suite(.timeLimit(.minutes(1))) struct PipelinedPushTests {
    /// What the peer saw.
    struct Seen: Sendable {
        var pushesBeforeFirstAck = 0
        var batchSizes: [Int] = []
        /// The first frame after the handshake, as it came (length, flags, payload).
        var firstFrame: [UInt8] = []
    }

    @Test func theSecondBatchIsSentBeforeTheFirstIsAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LocalStore.create(at: directory.file("store.sqlite"), editor: "Lan")
        for day in 1...12 { try store.createIssue(date: String(format: "2024-09-%02d", day)) }
        #expect(try store.pendingCount() == 12)

        // A client that waited for each `push_ack` before sending the next batch would wait here until its reply
        // timeout, then close: the peer would have seen one push only.
        let observed = try await Self.sync(store, SyncOptions(maxBatchChanges: 5, replyTimeout: .seconds(15)))
        #expect(try store.pendingCount() == 0)
        #expect(observed.pushesBeforeFirstAck == 2, "two batches in flight before the first push_ack")
        #expect(observed.batchSizes == [5, 5, 2])
    }

    /// zlib's header names the level class of the stream (RFC 1950, FLEVEL: 1 for levels 2–5, 3 for 7–9), so the
    /// peer can tell which level the client compressed its push at.
    @Test func pushesAreCompressedAtTheClientsLevel() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (level, flevel) in [(Int32(2), UInt8(1)), (9, 3)] {
            let store = try LocalStore.create(at: directory.file("store-\(level).sqlite"), editor: "Lan")
            for day in 1...12 { try store.createIssue(date: String(format: "2024-09-%02d", day)) }
            let observed = try await Self.sync(store, SyncOptions(maxBatchChanges: 6, compressionLevel: level))
            let frame = observed.firstFrame
            try #require(frame.count > 7, "a push frame")
            #expect(frame[4] & 1 == 1, "a 12-issue push is compressed")
            #expect(frame[6] >> 6 == flevel, "level \(level)")
            #expect(Self.message(frame).map { if case .push = $0 { true } else { false } } == true)
        }
    }

    /// Syncs `store` with a peer that answers nothing until it holds two frames, then answers each in order;
    /// returns what the peer saw.
    static func sync(_ store: LocalStore, _ options: SyncOptions) async throws -> Seen {
        let seen = Mutex(Seen())
        let peer = try FakePeer { socket in
            // A bound on every read, in case the client neither sends nor closes (a sequential client gives up
            // waiting for its first `push_ack` well before this: see its reply timeout below).
            var timeout = timeval(tv_sec: 40, tv_usec: 0)
            _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = FakePeer.readFrame(socket, preamble: true)
            FakePeer.write(socket, FrameCodec.preamble + FrameCodec().frame(for: Self.welcome))
            var head: Int64 = 0
            // The first two frames are read before anything is answered: both must be pushes.
            let first = FakePeer.readFrame(socket)
            seen.withLock { $0.firstFrame = first }
            var waiting = [Self.message(first), Self.message(FakePeer.readFrame(socket))]
            seen.withLock { $0.pushesBeforeFirstAck = waiting.count { if case .push = $0 { true } else { false } } }
            // Then one answer per request, in order; the next frame is read only when every one read is answered.
            while true {
                if waiting.isEmpty { waiting.append(Self.message(FakePeer.readFrame(socket))) }
                switch waiting.removeFirst() {
                case .push(let push):
                    seen.withLock { $0.batchSizes.append(push.changes.count) }
                    let results = push.changes.map { change in
                        head += 1
                        return ChangeResult(changeID: change.changeID, status: .applied, seq: head)
                    }
                    let ack = Message.pushAck(PushAck(batchID: push.batchID, results: results, headSeq: head))
                    FakePeer.write(socket, FrameCodec().frame(for: ack))
                case .pull(let pull):
                    let page = Changes(fromSeq: pull.since, toSeq: head, more: false, changes: [], headSeq: head)
                    FakePeer.write(socket, FrameCodec().frame(for: .changes(page)))
                case nil:
                    FakePeer.closeGracefully(socket)  // the client closed, or said `bye`
                    return
                default:
                    continue
                }
            }
        }
        defer { peer.close() }
        let runner = SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: peer.port), options: options,
            logger: quietLogger)
        let summary = try await withTimeout { try await runner.syncOnce() }
        #expect(summary.pushed == 12)
        #expect(summary.accepted == 12)
        return seen.withLock { $0 }
    }

    /// A `welcome` without capabilities: pushes, then log pulls.
    static let welcome = Message.welcome(
        Welcome(
            version: 1, serverID: "8f7e6d5c-4b3a-4291-8807-f6e5d4c3b2a1", headSeq: 0,
            limits: WireLimits(maxFrameBytes: 1 << 20, maxDecompressedBytes: 1 << 22, maxBatchChanges: 100),
            capabilities: []))

    /// The message in a frame read by ``FakePeer/readFrame(_:preamble:)``; `nil` when there was none (closed) or it
    /// is a `bye`.
    static func message(_ bytes: [UInt8]) -> Message? {
        var buffer = ByteBuffer(bytes: bytes)
        guard let frame = try? FrameCodec().readFrame(from: &buffer), let message = try? FrameCodec().decode(frame)
        else { return nil }
        if case .bye = message { return nil }
        return message
    }
}
