import Foundation
import Glibc
import SyncClient
import SyncProtocol
import Synchronization
import TestSupport
import Testing

/// A `notify` that arrives while the watching loop waits for a page is served as soon as the page is applied, not
/// when some later event happens to arrive: the conversation remembers it, and the loop looks before it waits.
@Suite(.timeLimit(.minutes(1))) struct WatchLoopWakeTests {
    @Test func aNotifyThatArrivesDuringAPullIsPulledWithoutAnotherEvent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LocalStore.create(at: directory.file("store.sqlite"), editor: "Lan")
        let pullsFrom = Mutex<[Int64]>([])
        let peer = try FakePeer { socket in
            var timeout = timeval(tv_sec: 40, tv_usec: 0)
            _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = FakePeer.readFrame(socket, preamble: true)
            FakePeer.write(socket, FrameCodec.preamble + FrameCodec().frame(for: PipelinedPushTests.welcome))
            func page(from: Int64, to: Int64) {
                let changes = Changes(fromSeq: from, toSeq: to, more: false, changes: [], headSeq: to)
                FakePeer.write(socket, FrameCodec().frame(for: .changes(changes)))
            }
            while let message = PipelinedPushTests.message(FakePeer.readFrame(socket)) {
                switch message {
                case .pull(let pull):
                    let count = pullsFrom.withLock { pulls in
                        pulls.append(pull.since)
                        return pulls.count
                    }
                    switch count {
                    case 1: page(from: pull.since, to: 0)  // the first sync: nothing yet
                    case 2:
                        // Head 2 is announced while the client waits for the page up to 1: nothing follows it.
                        FakePeer.write(socket, FrameCodec().frame(for: .notify(Notify(headSeq: 2))))
                        page(from: pull.since, to: 1)
                    default: page(from: pull.since, to: 2)
                    }
                case .subscribe:
                    FakePeer.write(socket, FrameCodec().frame(for: .notify(Notify(headSeq: 1))))
                default:
                    continue
                }
            }
            FakePeer.closeGracefully(socket)
        }
        defer { peer.close() }

        let runner = SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: peer.port), options: SyncOptions(),
            logger: quietLogger)
        let (cursors, report) = AsyncStream.makeStream(of: Int64.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.watch { report.yield($0.cursor) } }
            // Without looking before waiting, the loop would wait here for an event that never comes.
            try await withTimeout(seconds: 20) {
                for await cursor in cursors where cursor == 2 { return }
                throw WatchEnded()
            }
            group.cancelAll()
        }
        #expect(pullsFrom.withLock { $0 } == [0, 0, 1])
        #expect(try store.syncCursor().seq == 2)
    }
}
