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
@Suite(.timeLimit(.minutes(1))) struct PipelinedPushTests {
    /// What the peer saw.
    struct Seen: Sendable {
        var pushesBeforeFirstAck = 0
        var batchSizes: [Int] = []
    }

    @Test func theSecondBatchIsSentBeforeTheFirstIsAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LocalStore.create(at: directory.file("store.sqlite"), editor: "Lan")
        for day in 1...12 { try store.createIssue(date: String(format: "2024-09-%02d", day)) }
        #expect(try store.pendingCount() == 12)

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
            var waiting = [Self.message(FakePeer.readFrame(socket)), Self.message(FakePeer.readFrame(socket))]
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

        // A client that waited for each `push_ack` before sending the next batch would wait here until its reply
        // timeout, then close: the peer would have seen one push only.
        let options = SyncOptions(maxBatchChanges: 5, replyTimeout: .seconds(15))
        let runner = SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: peer.port), options: options,
            logger: quietLogger)
        let summary = try await withTimeout { try await runner.syncOnce() }
        #expect(summary.pushed == 12)
        #expect(summary.accepted == 12)
        #expect(try store.pendingCount() == 0)
        let observed = seen.withLock { $0 }
        #expect(observed.pushesBeforeFirstAck == 2, "two batches in flight before the first push_ack")
        #expect(observed.batchSizes == [5, 5, 2])
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
